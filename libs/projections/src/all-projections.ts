import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '@app/config';
import { bsnOpvragingenProjection } from './bsn-opvragingen.projection';
import { consultatiesProjection, praktijkenProjection } from './consultatie';
import { gezinnenProjection } from './gezin/gezinnen.projection';
import { teKoppelenProjection } from './ijw/te-koppelen.projection';
import { tijdlijnProjection } from './gezin/tijdlijn.projection';
import { monitoringProjection } from './monitoring/monitoring.projection';
import { Projection } from './projection';
import { programmaProjection } from './programma/programma.projection';
import { ReadModelDatabase } from './read-model-database';
import { verhalenProjection } from './verhaal/verhalen.projection';
import { verwerkingslogProjection } from './verwerkingslog.projection';
import { zorgProjection } from './zorg/zorg.projection';

/** Every projection an API instance keeps; the CLI rebuilds from the same list. */
export const ALL_PROJECTIONS: readonly Projection[] = [
  gezinnenProjection,
  tijdlijnProjection,
  verwerkingslogProjection,
  zorgProjection,
  praktijkenProjection,
  consultatiesProjection,
  bsnOpvragingenProjection,
  monitoringProjection,
  teKoppelenProjection,
  programmaProjection,
  verhalenProjection,
];

export function openReadModels(config: AppConfig): ReadModelDatabase {
  mkdirSync(config.dataDir, { recursive: true });
  return new ReadModelDatabase(join(config.dataDir, 'read-models.sqlite'));
}

import { Dossier, SLEUTELHOUDERS, Sleutelhouder, sleutelId, termijnVerstreken } from '@app/domain';
import { START } from '../event-store';
import { VersleutelendeEventStore } from './versleutelende-event-store';

export interface VerlopenDossier {
  dossier: Dossier;
  /** ISO 8601: when the store recorded the last event about the file. */
  laatsteWijziging: string;
}

const PAGE = 1000;
/** The fields by which an event is about a file: its ids are plain, so no key is needed. */
const ID_VELDEN: Record<string, Sleutelhouder> = {
  persoonId: 'persoon',
  gezinId: 'gezin',
  consultatieId: 'consultatie',
  berichtId: 'ijw-bericht',
};
/** Reads are logged, but reading a file does not change it. */
const GEEN_WIJZIGING = new Set(['GezinsgegevensViewed', 'BsnOpvragingRecorded']);

/**
 * The files (persons, families, consultations) with a live key whose last change (the last event
 * that names them) is older than `termijnJaren` at `now`: the retention job's list. Scans the log
 * as stored, without decrypting.
 */
export async function verlopenDossiers(
  store: VersleutelendeEventStore,
  termijnJaren: number,
  now: Date,
): Promise<VerlopenDossier[]> {
  const laatste = new Map<string, { dossier: Dossier; op: string }>();
  let position = START;
  for (;;) {
    const page = await store.ruw.readAll(position, PAGE);
    for (const event of page) {
      position = event.position;
      if (GEEN_WIJZIGING.has(event.type)) continue;
      for (const [veld, soort] of Object.entries(ID_VELDEN)) {
        const id = event.data[veld];
        if (typeof id !== 'string') continue;
        const dossier = { soort, id };
        const key = sleutelId(dossier);
        const known = laatste.get(key);
        if (!known || known.op < event.recordedAt)
          laatste.set(key, { dossier, op: event.recordedAt });
      }
    }
    if (page.length < PAGE) break;
  }
  const active = await store.keys.activeIds();
  return active.flatMap((key) => {
    const found = laatste.get(key);
    return found &&
      SLEUTELHOUDERS.includes(found.dossier.soort) &&
      termijnVerstreken(found.op, termijnJaren, now)
      ? [{ dossier: found.dossier, laatsteWijziging: found.op }]
      : [];
  });
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ijwImport, samenvatting } from '../../apps/cli/src/ijw-import';

const FIXTURES = join(__dirname, '..', 'fixtures', 'ijw');

/** `npm run cli -- ijw import <folder>`: the command's work and its summary, on a fresh DATA_DIR. */
describe('cli ijw import', () => {
  let dir: string;
  const env = { ...process.env };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ijw-cli-'));
    process.env.DATA_DIR = dir;
    process.env.LOG_LEVEL = 'silent';
  });
  afterEach(() => {
    process.env = { ...env };
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads a folder in name order, and a second run finds every message again', async () => {
    const eerste = await ijwImport(FIXTURES, { user: 'cli:test', quiet: true });
    expect(eerste.map((u) => u.bron)).toEqual([...eerste.map((u) => u.bron)].sort());
    // Nobody is known in an empty store: every readable message waits to be linked.
    expect(eerste.filter((u) => u.uitkomst === 'refused').map((u) => u.bron)).toEqual([
      'jw305-kapot.xml',
      'jw305-status-2.xml',
      'jw305-zonder-begindatum.xml',
    ]);
    expect(eerste.filter((u) => u.teKoppelen)).toHaveLength(12);
    const tekst = samenvatting(eerste);
    expect(tekst).toMatch(/totaal.*0.*12.*0.*3.*12/);
    expect(tekst).toContain(
      'refused jw305-zonder-begindatum.xml: verplicht element ontbreekt ' +
        '(Bericht/Client/StartProducten/StartProduct[1]/Begindatum)',
    );

    const tweede = await ijwImport(FIXTURES, { user: 'cli:test', quiet: true });
    expect(tweede.filter((u) => u.uitkomst === 'duplicate')).toHaveLength(12);
    expect(tweede.reduce((som, u) => som + u.feiten, 0)).toBe(0);
  });
});

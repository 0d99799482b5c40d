import { metSleutels } from '../testing/tellingen';
import { bouwDataset } from './dataset';
import { indicatorCijfers } from './indicatoren';
import { VERTREKPUNTEN, knopIndicatorCijfers } from './knop-indicatoren';
import { MonitoringVraag } from './selectie';
import { bevolking, persoon, reeks, toewijzing } from './testing/feiten';

/** 30 youths in ambulant care in 2024, 12 of them also in behandeld wonen, 3 more only residential. */
const AMBULANT = reeks('p-a', 30);
const VERBLIJF = reeks('p-v', 3);
const d = bouwDataset(
  metSleutels([
    ...AMBULANT.flatMap((p, i) => [
      persoon(p, '2012-01-01'),
      ...toewijzing({ id: `t-${p}`, persoon: p, begin: '2024-02-01', eind: '2024-10-31' }),
      ...(i < 12
        ? toewijzing({
            id: `v-${p}`,
            persoon: p,
            begin: '2024-03-01',
            eind: '2024-05-31',
            product: '43A01',
            categorie: '43',
          })
        : []),
    ]),
    ...VERBLIJF.flatMap((p) => [
      persoon(p, '2011-06-01'),
      ...toewijzing({
        id: `v-${p}`,
        persoon: p,
        begin: '2024-04-01',
        eind: '2024-04-30',
        product: '43A01',
        categorie: '43',
      }),
    ]),
    bevolking(2024, { Noord: 400 }),
  ]),
);
const vraag: MonitoringVraag = {
  van: '2024-01-01',
  tot: '2024-12-31',
  bekendOp: '2025-01-31',
  filter: {},
};
const alle = indicatorCijfers(d, vraag);

describe('the indicators of a knop', () => {
  it('keeps the ones of its starting point, as published, and leaves the others out', () => {
    const k12 = knopIndicatorCijfers(alle, 12);
    expect(k12.vertrekpunt).toMatch(/verblijf/);
    expect(k12.indicatoren).toEqual(['metVerblijf', 'jeugdigenInVerblijf', 'alleenZonderVerblijf']);
    const [jaar] = alle.jaren;
    expect(k12.jaren).toEqual([
      {
        jaar: 2024,
        van: jaar!.van,
        tot: jaar!.tot,
        peildatum: jaar!.peildatum,
        heelJaar: true,
        bevolking: 400,
        bevolkingOnbekend: false,
        metVerblijf: jaar!.metVerblijf,
        jeugdigenInVerblijf: jaar!.jeugdigenInVerblijf,
        alleenZonderVerblijf: jaar!.alleenZonderVerblijf,
      },
    ]);
    // Not recomputed: the very same published figures (15 youths in residence: not withheld).
    expect(jaar!.metVerblijf.aantal).toEqual(expect.any(Number));
    expect(k12.nulwaarden).toEqual({
      metVerblijf: alle.nulwaarden.metVerblijf,
      alleenZonderVerblijf: alle.nulwaarden.alleenZonderVerblijf,
    });
    expect(k12.inEnUitstroom).toEqual([]);
    expect(k12.herhaaldeInstroom).toBeNull();
    const { definitieVersie, van, tot, bekendOp, peildatum, filter } = alle;
    expect(k12).toMatchObject({ definitieVersie, van, tot, bekendOp, peildatum, filter });
  });

  it('gives a knop of fewer youths in care its in- and outflow and repeated inflow', () => {
    const k8 = knopIndicatorCijfers(alle, 8);
    expect(k8.inEnUitstroom).toEqual(alle.inEnUitstroom);
    expect(k8.herhaaldeInstroom).toEqual(alle.herhaaldeInstroom);
    expect(Object.keys(k8.jaren[0]!)).toContain('zonderVerblijf');
    expect(Object.keys(k8.jaren[0]!)).not.toContain('metVerblijf');
  });

  it("keeps only the withheld cells of the knop's indicators", () => {
    const k12 = knopIndicatorCijfers(alle, 12);
    const velden = k12.onderdrukt.flatMap((o) => o.velden.map((v) => `${o.tabel}:${v}`));
    const verwacht = alle.onderdrukt.flatMap((o) =>
      o.velden
        .filter(
          (v) =>
            o.tabel === 'jaren' &&
            ['metVerblijf', 'jeugdigenInVerblijf', 'alleenZonderVerblijf'].includes(
              v.split('.')[0]!,
            ),
        )
        .map((v) => `${o.tabel}:${v}`),
    );
    expect(velden).toEqual(verwacht);
    expect(alle.onderdrukt.length).toBeGreaterThan(k12.onderdrukt.length);
  });

  it('gives a knop outside the starting points no indicators', () => {
    const k20 = knopIndicatorCijfers(alle, 20);
    expect(k20).toMatchObject({ vertrekpunt: null, indicatoren: [], nulwaarden: {} });
    expect(k20.onderdrukt).toEqual([]);
  });

  it('puts each of the 14 knoppen of the programme under one starting point', () => {
    const knoppen = VERTREKPUNTEN.flatMap((v) => [...v.knoppen]).sort((a, b) => a - b);
    expect(knoppen).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
  });
});

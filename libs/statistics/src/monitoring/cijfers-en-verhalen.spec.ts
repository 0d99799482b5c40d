import { metSleutels, verwachtGepubliceerd } from '../testing/tellingen';
import { bouwDataset } from './dataset';
import {
  aanbiederRapport,
  aanbiederRapportTabel,
  cijfersEnVerhalen,
  cijfersEnVerhalenTabel,
  telOordelen,
} from './cijfers-en-verhalen';
import { durenCijfers } from './duren';
import { MonitoringVraag } from './selectie';
import {
  aanbieder,
  gezinInWijk,
  oordeel,
  oordelen,
  persoon,
  product,
  toewijzing,
  verhaal,
} from './testing/feiten';
import { verlengingenCijfers } from './verlengingen';
import { zorgepisodeCijfers } from './zorgepisodes';

/**
 * A hand-made municipality: 12 youths in Noord with ambulant care at Zorg BV in the first half of
 * 2025, 3 in Zuid at Klein BV. Each Noord youth and a parent judged the help at its end; stories
 * about an assignment, about a family only, and in the small cell of Klein BV.
 */
const NOORD = Array.from({ length: 12 }, (_, i) => i);
const ZUID = [12, 13, 14];
const id = (soort: string, i: number) => `${soort}-${String(i).padStart(4, '0')}-id`;

const feiten = metSleutels([
  aanbieder('12345678', 'Zorg BV'),
  aanbieder('87654321', 'Klein BV'),
  product({ code: '45A48', categorie: '45', omschrijving: 'Ambulant' }),
  { type: 'Thema', themaId: 'knop-8', naam: 'Stoppen met wat niet werkt' },
  ...[...NOORD, ...ZUID].flatMap((i) => [
    persoon(id('persoon', i), '2012-05-01'),
    ...gezinInWijk(id('gezin', i), id('persoon', i), i < 12 ? 'Noord' : 'Zuid'),
    ...toewijzing({
      id: id('toewijzing', i),
      persoon: id('persoon', i),
      begin: '2025-01-01',
      eind: '2025-06-30',
      aanbieder: i < 12 ? '12345678' : '87654321',
    }),
  ]),
  ...NOORD.map((i) =>
    oordelen({
      gezinId: id('gezin', i),
      toewijzing: { toewijzingId: id('toewijzing', i), persoonId: id('persoon', i) },
      maand: '2025-06',
      oordelen: [
        oordeel({ door: 'jeugdige', hulpvraagBeantwoord: 'ja', regie: 4, voortgang: [1, 2] }),
        oordeel({
          door: 'ouder',
          hulpvraagBeantwoord: 'deels',
          regie: 'niet-gevraagd',
          voortgang: [0],
        }),
      ],
    }),
  ),
  verhaal({
    verhaalId: id('verhaal', 1),
    gezinId: id('gezin', 0),
    toewijzing: { toewijzingId: id('toewijzing', 0), persoonId: id('persoon', 0) },
    citeerbaar: true,
    tekst: 'Eindelijk luisterde iemand naar ons.',
  }),
  verhaal({
    verhaalId: id('verhaal', 2),
    gezinId: id('gezin', 1),
    maand: '2025-04',
    tekst: 'We voelden ons gehoord.',
  }),
  verhaal({
    verhaalId: id('verhaal', 3),
    gezinId: id('gezin', 12),
    toewijzing: { toewijzingId: id('toewijzing', 12), persoonId: id('persoon', 12) },
    themaIds: ['knop-3'],
    tekst: 'Te lang gewacht op hulp.',
  }),
  verhaal({
    verhaalId: id('verhaal', 4),
    gezinId: id('gezin', 2),
    maand: '2024-12',
    tekst: 'Vorig jaar.',
  }),
]);

const vraag = (filter: MonitoringVraag['filter'] = {}): MonitoringVraag => ({
  van: '2025-01-01',
  tot: '2025-12-31',
  bekendOp: '2026-01-10',
  filter,
});

describe('figures and stories side by side', () => {
  const d = bouwDataset(feiten);

  it('counts the judgements per teller and together, each answer and score', () => {
    const ruw = telOordelen(d, vraag());
    expect(ruw.perVerteller.jeugdige.oordelen.aantal).toBe(12);
    expect(ruw.perVerteller.jeugdige.hulpvraag.ja.aantal).toBe(12);
    expect(ruw.perVerteller.jeugdige.regie['4'].aantal).toBe(12);
    expect(ruw.perVerteller.jeugdige.voortgang['2'].aantal).toBe(12);
    expect(ruw.perVerteller.jeugdige.doelen.aantal).toBe(24);
    expect(ruw.perVerteller.ouder.hulpvraag.deels.aantal).toBe(12);
    expect(ruw.perVerteller.ouder.regie['niet-gevraagd'].aantal).toBe(12);
    expect(ruw.perVerteller.ouder.regieGegeven.aantal).toBe(0);
    expect(ruw.perVerteller.professional.oordelen.aantal).toBe(0);
    expect(ruw.totaal.oordelen.aantal).toBe(24);
    expect(ruw.totaal.doelen.aantal).toBe(36);
  });

  it('publishes the judgements under the cell-key method, shares from the published counts', () => {
    const ruw = telOordelen(d, vraag());
    const antwoord = cijfersEnVerhalen(d, vraag());
    const [jeugdige, ouder, professional, totaal] = antwoord.oordelen;
    verwachtGepubliceerd(jeugdige!.oordelen, ruw.perVerteller.jeugdige.oordelen);
    verwachtGepubliceerd(totaal!.oordelen, ruw.totaal.oordelen);
    const ja = jeugdige!.hulpvraagBeantwoord.find((a) => a.antwoord === 'ja')!;
    verwachtGepubliceerd(ja.aantal, ruw.perVerteller.jeugdige.hulpvraag.ja);
    expect(ja.percentage).toBe(Math.min(100, Math.round((100 * ja.aantal!) / jeugdige!.oordelen!)));
    // Regie 4 from 12 youths: the mean moves by at most half the largest value over the count.
    expect(Math.abs(jeugdige!.gemiddeldeRegie! - 4)).toBeLessThanOrEqual((0.5 * 4) / 12 + 0.05);
    expect(ouder!.gemiddeldeRegie).toBeNull();
    expect(professional!.oordelen).toBeNull();
    expect(antwoord.onderdrukt).toContainEqual(
      expect.objectContaining({ tabel: 'oordelen', rij: 'professional', reden: 'aantal onder 10' }),
    );
  });

  it('takes the cold figures from the figure functions asked the same question', () => {
    const v = vraag({ aanbieder: '12345678' });
    const { cijfers } = cijfersEnVerhalen(d, v);
    const episodes = zorgepisodeCijfers(d, v, 'categorie');
    expect(cijfers.episodes).toEqual({
      definitieVersie: episodes.definitieVersie,
      ...episodes.totaal,
    });
    expect(cijfers.duren).toMatchObject(durenCijfers(d, v, 'categorie').totaal);
    expect(cijfers.verlengingen).toMatchObject(verlengingenCijfers(d, v, 'aanbieder').totaal);
  });

  it('shows the released stories of the cell, pseudonymised, in month order', () => {
    const { verhalen } = cijfersEnVerhalen(d, vraag());
    expect(verhalen).toEqual({
      getoond: true,
      reden: null,
      items: [
        expect.objectContaining({
          maand: '2025-03',
          tekst: 'Eindelijk luisterde iemand naar ons.',
        }),
        expect.objectContaining({ maand: '2025-03', tekst: 'Te lang gewacht op hulp.' }),
        expect.objectContaining({ maand: '2025-04', aanbieder: null, product: null }),
      ],
    });
    expect(verhalen.items[0]).toEqual({
      maand: '2025-03',
      verteller: 'ouder',
      citeerbaar: true,
      tekst: 'Eindelijk luisterde iemand naar ons.',
      themas: ['Stoppen met wat niet werkt'],
      aanbieder: 'Zorg BV',
      product: 'Ambulant',
      kader: 'jeugdwet',
      zorgvorm: 'zonder-verblijf',
    });
  });

  it('puts a story without an assignment only in cells that select no assignment', () => {
    const perAanbieder = cijfersEnVerhalen(d, vraag({ aanbieder: '12345678' })).verhalen.items;
    expect(perAanbieder.map((v) => v.tekst)).toEqual(['Eindelijk luisterde iemand naar ons.']);
    const inNoord = cijfersEnVerhalen(d, vraag({ wijk: 'Noord' })).verhalen.items;
    expect(inNoord).toHaveLength(2);
  });

  it('selects stories by theme', () => {
    const antwoord = cijfersEnVerhalen(d, { ...vraag(), thema: 'knop-3' });
    expect(antwoord.thema).toBe('knop-3');
    expect(antwoord.verhalen.items.map((v) => v.tekst)).toEqual(['Te lang gewacht op hulp.']);
  });

  it('shows no story at all in a cell of fewer than 10 persons', () => {
    const antwoord = cijfersEnVerhalen(d, vraag({ aanbieder: '87654321' }));
    expect(antwoord.cijfers.episodes.personen).toBeNull();
    expect(antwoord.verhalen).toEqual({
      getoond: false,
      reden: 'cel onder 10 personen',
      items: [],
    });
  });

  it('names no person, family, story or assignment, and no day, in JSON or CSV', () => {
    const v = vraag({ aanbieder: '12345678' });
    const uit = [
      JSON.stringify(cijfersEnVerhalen(d, vraag())),
      JSON.stringify(cijfersEnVerhalenTabel(cijfersEnVerhalen(d, vraag()))),
      JSON.stringify(aanbiederRapport(d, { ...v, filter: { aanbieder: '12345678' } })),
      JSON.stringify(
        aanbiederRapportTabel(aanbiederRapport(d, { ...v, filter: { aanbieder: '12345678' } })),
      ),
    ];
    for (const tekst of uit) {
      expect(tekst).not.toMatch(/-\d{4}-id/);
      expect(tekst).not.toContain('2012-05-01');
    }
  });

  it('reports on a provider: durations and extensions per product, exits, judgements, stories', () => {
    const r = aanbiederRapport(d, { ...vraag(), filter: { aanbieder: '12345678' } });
    expect(r.aanbieder).toEqual({ aanbiederId: '12345678', naam: 'Zorg BV' });
    const duren = durenCijfers(d, { ...vraag(), filter: { aanbieder: '12345678' } }, 'product');
    expect(r.langeTrajecten.perProduct).toEqual(duren.perGroep);
    expect(r.langeTrajecten.perProduct.map((p) => p.sleutel)).toEqual(['45A48']);
    expect(r.verlengingen.perProduct).toEqual(
      verlengingenCijfers(d, { ...vraag(), filter: { aanbieder: '12345678' } }, 'product').perGroep,
    );
    expect(r.oordelen.at(-1)!.oordelen).not.toBeNull();
    expect(r.verhalen.items.map((v) => v.tekst)).toEqual(['Eindelijk luisterde iemand naar ons.']);
  });
});

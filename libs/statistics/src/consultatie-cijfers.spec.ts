import { UITKOMSTEN, Uitkomst } from '@app/domain';
import {
  CijferVraag,
  ConsultatieCijfers,
  ConsultatieFeit,
  GepubliceerdAandeel,
  PraktijkFeit,
  consultatieCijfers,
  telConsultaties,
} from './consultatie-cijfers';
import { DREMPEL, Telling, publiceerAantal } from './disclosure';
import { aantallen, celsleutel, sleutelreeks, verwachtGepubliceerd } from './testing/tellingen';

/**
 * A hand-counted data set. De Linde has a JPH (16 hours a week) until 1 March 2026 and 13
 * consultations in Q1 2026; Het Anker never had a JPH and has 4.
 */
const linde: PraktijkFeit = {
  praktijkId: 'pr-linde',
  naam: 'De Linde',
  wijk: 'Haven',
  jph: [
    { per: '2025-01-01', urenPerWeek: 16 },
    { per: '2026-03-01', urenPerWeek: null },
  ],
};
const anker: PraktijkFeit = { praktijkId: 'pr-anker', naam: 'Het Anker', wijk: 'Atol', jph: [] };

/** Record keys as the API draws them: random, here from a fixed series. */
const volgendeSleutel = sleutelreeks(1);
const feiten = (praktijkId: string, datum: string, uitkomsten: Uitkomst[]): ConsultatieFeit[] =>
  uitkomsten.map((uitkomst) => ({ recordKey: volgendeSleutel(), praktijkId, datum, uitkomst }));
const consultaties: ConsultatieFeit[] = [
  ...feiten('pr-linde', '2026-01-10', [
    'afgehandeld-door-jph',
    'afgehandeld-door-jph',
    'afgehandeld-door-jph',
    'afgehandeld-door-jph',
    'alleen-advies',
    'verwezen-specialistische-zorg-sggz',
  ]),
  ...feiten('pr-linde', '2026-02-10', [
    'afgehandeld-door-jph',
    'afgehandeld-door-jph',
    'afgehandeld-door-jph',
    'verwezen-lichte-zorg-bggz',
    'verwezen-specialistische-zorg-sggz',
  ]),
  ...feiten('pr-linde', '2026-03-10', ['alleen-advies', 'verwezen-specialistische-zorg-sggz']),
  ...feiten('pr-anker', '2026-01-20', ['verwezen-specialistische-zorg-sggz', 'alleen-advies']),
  ...feiten('pr-anker', '2026-02-20', [
    'verwezen-specialistische-zorg-sggz',
    'verwezen-algemene-voorziening',
  ]),
  // Outside the period, and of a practice that is not known: not counted.
  ...feiten('pr-linde', '2025-12-31', ['alleen-advies']),
  ...feiten('pr-onbekend', '2026-01-10', ['alleen-advies']),
];

const kwartaal: CijferVraag = { van: '2026-01-01', tot: '2026-03-31', per: 'kwartaal' };
const ruw = telConsultaties(consultaties, [anker, linde], kwartaal);
const cijfers = consultatieCijfers(consultaties, [anker, linde], kwartaal);

const geen = { aantal: null, percentage: null };
const geenUitkomsten = Object.fromEntries(UITKOMSTEN.map((u) => [u, geen]));

/** The cell key of these consultations. */
const sleutels = (cs: readonly ConsultatieFeit[]) => celsleutel(cs.map((c) => c.recordKey));

/**
 * A published share: its count as the p-table gives it, its percentage that of the published
 * counts, withheld when either count is under 10.
 */
function verwachtAandeel(gepubliceerd: GepubliceerdAandeel, teller: Telling, noemer: Telling) {
  verwachtGepubliceerd(gepubliceerd.aantal, teller);
  if (teller.aantal < DREMPEL || noemer.aantal < DREMPEL) {
    expect(gepubliceerd.percentage).toBeNull();
  } else {
    expect(gepubliceerd.percentage).toBe(
      Math.round(Math.min(100, (100 * publiceerAantal(teller)!) / publiceerAantal(noemer)!)),
    );
  }
}

describe('consultation figures for policy, against a hand count', () => {
  it('counts per practice: De Linde 13, Het Anker 4, per outcome', () => {
    expect(ruw.perPraktijk.map((r) => [r.praktijk.naam, r.periode])).toEqual([
      ['De Linde', '2026-Q1'],
      ['Het Anker', '2026-Q1'],
    ]);
    expect(aantallen(ruw.perPraktijk[0]!.telling)).toEqual({
      aantal: 13,
      perUitkomst: {
        'afgehandeld-door-jph': 7,
        'alleen-advies': 2,
        'verwezen-algemene-voorziening': 0,
        'verwezen-lichte-zorg-bggz': 1,
        'verwezen-specialistische-zorg-sggz': 3,
        'verwezen-via-gemeente': 0,
      },
    });
    expect(ruw.perPraktijk[1]!.telling.aantal.aantal).toBe(4);
  });

  it('gives each count the cell key of exactly its consultations: each adds its own record key', () => {
    const linde = consultaties.filter(
      (c) => c.praktijkId === 'pr-linde' && c.datum >= '2026-01-01',
    );
    const telling = ruw.perPraktijk[0]!.telling;
    expect(telling.aantal.sleutel).toBe(sleutels(linde));
    expect(telling.perUitkomst['verwezen-specialistische-zorg-sggz'].sleutel).toBe(
      sleutels(linde.filter((c) => c.uitkomst === 'verwezen-specialistische-zorg-sggz')),
    );
    expect(telling.perUitkomst['verwezen-via-gemeente']).toEqual(new Telling());
    // January: De Linde's 6 and Het Anker's 2, not the one of the unknown practice
    expect(ruw.sggzPerMaand[0]!.telling.aantal.sleutel).toBe(
      sleutels(
        consultaties.filter((c) => c.datum.startsWith('2026-01') && c.praktijkId !== 'pr-onbekend'),
      ),
    );
  });

  it('per practice: De Linde 13, published from its cell key; no outcome reaches 10, so no share is shown', () => {
    const { telling } = ruw.perPraktijk[0]!;
    verwachtGepubliceerd(cijfers.perPraktijk[0]!.aantal, telling.aantal);
    for (const u of UITKOMSTEN) {
      verwachtAandeel(
        cijfers.perPraktijk[0]!.uitkomsten[u],
        telling.perUitkomst[u],
        telling.aantal,
      );
    }
    // Before, the shares came from the raw counts: 7, 2, 0, 1, 3 and 0 of 13 gave 54%, 15%, 0%,
    // 8%, 23% and 0%; a count under 10 now withholds its share.
    expect(cijfers.perPraktijk[0]).toEqual({
      praktijkId: 'pr-linde',
      praktijk: 'De Linde',
      wijk: 'Haven',
      periode: '2026-Q1',
      aantal: expect.any(Number),
      uitkomsten: geenUitkomsten,
    });
  });

  it('per practice: Het Anker 4, so everything is suppressed, shares too', () => {
    expect(cijfers.perPraktijk[1]).toEqual({
      praktijkId: 'pr-anker',
      praktijk: 'Het Anker',
      wijk: 'Atol',
      periode: '2026-Q1',
      aantal: null,
      uitkomsten: geenUitkomsten,
    });
    expect(cijfers.perPraktijk).toHaveLength(2);
  });

  it('with a JPH on the consultation date: 11 (De Linde in January and February)', () => {
    const { metJph, zonderJph } = ruw.metEnZonderJph[0]!;
    // 7 of them handled by the JPH, 2 SGGZ: under 10, so no share (before: 64% and 18%)
    expect(aantallen(metJph)).toEqual({
      aantal: 11,
      perUitkomst: {
        'afgehandeld-door-jph': 7,
        'alleen-advies': 1,
        'verwezen-algemene-voorziening': 0,
        'verwezen-lichte-zorg-bggz': 1,
        'verwezen-specialistische-zorg-sggz': 2,
        'verwezen-via-gemeente': 0,
      },
    });
    // De Linde in March (2) and Het Anker (4): 6.
    expect(zonderJph.aantal.aantal).toBe(6);
    verwachtGepubliceerd(cijfers.metEnZonderJph[0]!.metJph.aantal, metJph.aantal);
    expect(cijfers.metEnZonderJph).toEqual([
      {
        periode: '2026-Q1',
        metJph: { aantal: expect.any(Number), uitkomsten: geenUitkomsten },
        zonderJph: { aantal: null, uitkomsten: geenUitkomsten },
      },
    ]);
  });

  it('the monthly SGGZ trend: every month under 10, so suppressed', () => {
    expect(
      ruw.sggzPerMaand.map((m) => [
        m.maand,
        m.telling.aantal.aantal,
        m.telling.perUitkomst['verwezen-specialistische-zorg-sggz'].aantal,
      ]),
    ).toEqual([
      ['2026-01', 8, 2],
      ['2026-02', 7, 2],
      ['2026-03', 2, 1],
    ]);
    expect(cijfers.sggzTrend).toEqual([
      { maand: '2026-01', totaal: null, verwezenSggz: geen },
      { maand: '2026-02', totaal: null, verwezenSggz: geen },
      { maand: '2026-03', totaal: null, verwezenSggz: geen },
    ]);
  });

  it('JPH hours against consultations: 59 of 90 days with 16 hours a week, per published count', () => {
    const urenLinde = (59 * 16) / 7; // 134.9
    const aantal = cijfers.jphUrenEnConsultaties[0]!.aantal;
    verwachtGepubliceerd(aantal, ruw.jphUren[0]!.telling.aantal);
    expect(cijfers.jphUrenEnConsultaties).toEqual([
      {
        praktijkId: 'pr-linde',
        praktijk: 'De Linde',
        wijk: 'Haven',
        jphUrenPerWeek: 10.5, // 59 × 16 / 90 = 10.49
        jphUren: 135,
        aantal,
        afgehandeldDoorJph: geen, // 7 of 13
        verwezenSggz: geen, // 3 of 13
        // The published count over the public hours: never the raw 13
        consultatiesPerJphUur: Math.round((100 * aantal!) / urenLinde) / 100,
      },
      {
        praktijkId: 'pr-anker',
        praktijk: 'Het Anker',
        wijk: 'Atol',
        jphUrenPerWeek: 0,
        jphUren: 0,
        aantal: null,
        afgehandeldDoorJph: geen,
        verwezenSggz: geen,
        consultatiesPerJphUur: null,
      },
    ]);
  });

  it('says what was suppressed, and which definition it used', () => {
    expect(cijfers.definitieVersie).toBe('consultaties-2');
    expect(cijfers.onderdrukt).toContainEqual({
      tabel: 'perPraktijk',
      rij: 'Het Anker, 2026-Q1',
      reden: 'noemer onder 10',
      velden: [
        'uitkomsten.afgehandeld-door-jph.percentage',
        'uitkomsten.alleen-advies.percentage',
        'uitkomsten.verwezen-algemene-voorziening.percentage',
        'uitkomsten.verwezen-lichte-zorg-bggz.percentage',
        'uitkomsten.verwezen-specialistische-zorg-sggz.percentage',
        'uitkomsten.verwezen-via-gemeente.percentage',
      ],
    });
    expect(cijfers.onderdrukt).toContainEqual(
      expect.objectContaining({
        tabel: 'perPraktijk',
        rij: 'De Linde, 2026-Q1',
        reden: 'aantal onder 10',
        velden: expect.arrayContaining([
          'uitkomsten.afgehandeld-door-jph.aantal',
          'uitkomsten.afgehandeld-door-jph.percentage',
        ]),
      }),
    );
    // Het Anker had no JPH hours: no count per hour to give, so nothing withheld
    expect(JSON.stringify(cijfers.onderdrukt)).not.toContain('consultatiesPerJphUur');
    expect(JSON.stringify(cijfers)).not.toMatch(/pr-onbekend/);
  });

  it('counts per month with every month listed, also empty ones', () => {
    const perMaand = consultatieCijfers(consultaties, [linde], {
      van: '2025-12-01',
      tot: '2026-04-30',
      per: 'maand',
    });
    expect(perMaand.perPraktijk.map((r) => [r.periode, r.aantal])).toEqual([
      ['2025-12', null],
      ['2026-01', null],
      ['2026-02', null],
      ['2026-03', null],
      ['2026-04', null],
    ]);
  });

  it('gives the same answer to the same question, whatever the order of the consultations', () => {
    expect(consultatieCijfers([...consultaties].reverse(), [linde, anker], kwartaal)).toEqual(
      cijfers,
    );
  });
});

/**
 * The leak this closes: asked with `tot` one day apart, a practice's share of an outcome moved from
 * 0% to 8% (1 of 13), so the one consultation on that day had that outcome.
 */
describe('one consultation more between two answers', () => {
  const kade: PraktijkFeit = {
    praktijkId: 'pr-kade',
    naam: 'De Kade',
    wijk: 'Haven',
    jph: [{ per: '2025-01-01', urenPerWeek: 24 }],
  };
  const sleutel = sleutelreeks(42);
  const consultatie = (datum: string, uitkomst: Uitkomst): ConsultatieFeit => ({
    recordKey: sleutel(),
    praktijkId: 'pr-kade',
    datum,
    uitkomst,
  });
  /** 12 consultations in January 2026, on the 5th to the 16th, of the outcomes given in turn. */
  const januari = (uitkomsten: Uitkomst[]) =>
    uitkomsten.map((u, i) => consultatie(`2026-01-${String(5 + i).padStart(2, '0')}`, u));
  const vraag = (tot: string): CijferVraag => ({ van: '2026-01-01', tot, per: 'maand' });

  /** Every share in an answer with the counts it was made of. */
  function aandelen(c: ConsultatieCijfers): (readonly [GepubliceerdAandeel, number | null])[] {
    return [
      ...c.perPraktijk.flatMap((r) => UITKOMSTEN.map((u) => [r.uitkomsten[u], r.aantal] as const)),
      ...c.metEnZonderJph.flatMap((r) =>
        [r.metJph, r.zonderJph].flatMap((t) =>
          UITKOMSTEN.map((u) => [t.uitkomsten[u], t.aantal] as const),
        ),
      ),
      ...c.sggzTrend.map((r) => [r.verwezenSggz, r.totaal] as const),
      ...c.jphUrenEnConsultaties.flatMap((r) => [
        [r.afgehandeldDoorJph, r.aantal] as const,
        [r.verwezenSggz, r.aantal] as const,
      ]),
    ];
  }

  /** Shares only from two published counts: they tell nothing the counts do not. */
  function verwachtAandelenUitGepubliceerdeAantallen(c: ConsultatieCijfers) {
    for (const [aandeel, noemer] of aandelen(c)) {
      if (aandeel.aantal === null || noemer === null) expect(aandeel.percentage).toBeNull();
      else
        expect(aandeel.percentage).toBe(Math.round(Math.min(100, (100 * aandeel.aantal) / noemer)));
    }
  }

  it('about 12 consultations: the answer with the 13th is the same whatever its outcome', () => {
    // Given 12 consultations: 5 handled by the JPH, 4 advice only, 3 referred to BGGZ
    const twaalf = januari([
      ...Array<Uitkomst>(5).fill('afgehandeld-door-jph'),
      ...Array<Uitkomst>(4).fill('alleen-advies'),
      ...Array<Uitkomst>(3).fill('verwezen-lichte-zorg-bggz'),
    ]);
    const dertiende = consultatie('2026-01-31', 'verwezen-via-gemeente');
    const voor = consultatieCijfers([...twaalf, dertiende], [kade], vraag('2026-01-30'));

    // When asked a day later, with the 13th consultation, for each outcome it might have had
    const na = UITKOMSTEN.map((uitkomst) =>
      consultatieCijfers([...twaalf, { ...dertiende, uitkomst }], [kade], vraag('2026-01-31')),
    );

    // Then both answers publish the practice's count (12, then 13) but no share: every outcome is
    // under 10 (before: verwezen-via-gemeente 0%, then 8%).
    expect(voor.perPraktijk[0]!.aantal).not.toBeNull();
    expect(na[0]!.perPraktijk[0]!.aantal).not.toBeNull();
    for (const c of [voor, ...na]) {
      expect(c.perPraktijk[0]!.uitkomsten).toEqual(geenUitkomsten);
      expect(aandelen(c).every(([a]) => a.percentage === null)).toBe(true);
    }
    // Nothing in the second answer depends on the outcome of the 13th: it cannot tell it.
    for (const c of na.slice(1)) expect(c).toEqual(na[0]);
  });

  it('with an outcome of 10 and more: its share moves only with the published counts', () => {
    // Given 12 consultations: 10 handled by the JPH, 2 advice only
    const twaalf = januari([
      ...Array<Uitkomst>(10).fill('afgehandeld-door-jph'),
      ...Array<Uitkomst>(2).fill('alleen-advies'),
    ]);
    const dertiende = consultatie('2026-01-31', 'verwezen-via-gemeente');
    const voor = consultatieCijfers([...twaalf, dertiende], [kade], vraag('2026-01-30'));

    // When asked a day later, for each outcome the 13th might have had
    const na = UITKOMSTEN.map((uitkomst) =>
      consultatieCijfers([...twaalf, { ...dertiende, uitkomst }], [kade], vraag('2026-01-31')),
    );

    // Then the JPH's share is published, from the published counts, in every answer
    const ruwVoor = telConsultaties([...twaalf, dertiende], [kade], vraag('2026-01-30'));
    const { telling } = ruwVoor.perPraktijk[0]!;
    verwachtAandeel(
      voor.perPraktijk[0]!.uitkomsten['afgehandeld-door-jph'],
      telling.perUitkomst['afgehandeld-door-jph'],
      telling.aantal,
    );
    expect(voor.perPraktijk[0]!.uitkomsten['afgehandeld-door-jph'].percentage).not.toBeNull();
    for (const c of [voor, ...na]) verwachtAandelenUitGepubliceerdeAantallen(c);
    // and whatever the 13th was, if not handled by the JPH (whose count it would join), the
    // answer is the same: no share tells which of the other outcomes it had.
    const anders = na.filter((_, i) => UITKOMSTEN[i] !== 'afgehandeld-door-jph');
    for (const c of anders.slice(1)) expect(c).toEqual(anders[0]);
  });
});

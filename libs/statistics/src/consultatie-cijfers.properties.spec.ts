import { addDays, format, parseISO } from 'date-fns';
import fc from 'fast-check';
import { UITKOMSTEN, Uitkomst } from '@app/domain';
import {
  CijferVraag,
  ConsultatieCijfers,
  ConsultatieFeit,
  ConsultatieTelling,
  GepubliceerdAandeel,
  GepubliceerdeTelling,
  PraktijkFeit,
  RuweConsultatieCijfers,
  consultatieCijfers,
  publiceerConsultatieCijfers,
  telConsultaties,
} from './consultatie-cijfers';
import { DREMPEL, Telling, publiceerAantal, tel } from './disclosure';
import { datumsTussen } from './periods';
import { MAX_FOUT, sleutelreeks } from './testing/tellingen';

/** Few practices and a short span, so that cells both under and over 10 occur. */
const dag = (n: number): string => format(addDays(parseISO('2025-11-01'), n), 'yyyy-MM-dd');
const PRAKTIJK_IDS = ['pr-a', 'pr-b', 'pr-c', 'pr-d'];

const jphHistorie = fc
  .array(
    fc.record({
      dag: fc.integer({ min: -400, max: 240 }),
      urenPerWeek: fc.constantFrom(null, 4, 16, 32),
    }),
    { maxLength: 4 },
  )
  .map((wijzigingen) =>
    wijzigingen
      .sort((a, b) => a.dag - b.dag)
      .map(({ dag: d, urenPerWeek }) => ({ per: dag(d), urenPerWeek })),
  );

const praktijken: fc.Arbitrary<PraktijkFeit[]> = fc
  .uniqueArray(fc.constantFrom(...PRAKTIJK_IDS), { minLength: 1, maxLength: 4 })
  .chain((ids) =>
    fc.tuple(
      ...ids.map((praktijkId) =>
        fc.record({
          praktijkId: fc.constant(praktijkId),
          naam: fc.constantFrom('De Linde', 'Het Anker', 'Zuiderzee'),
          wijk: fc.constantFrom('Haven', 'Atol'),
          jph: jphHistorie,
        }),
      ),
    ),
  );

/** Consultations with record keys from a series of their own, as random as the API's. */
const consultaties: fc.Arbitrary<ConsultatieFeit[]> = fc
  .tuple(
    fc.array(
      fc.record({
        praktijkId: fc.constantFrom(...PRAKTIJK_IDS, 'pr-onbekend'),
        datum: fc.integer({ min: -20, max: 200 }).map(dag),
        // Mostly handled by the JPH, so that an outcome, and not only a total, reaches 10
        uitkomst: fc.oneof(
          { arbitrary: fc.constant<Uitkomst>('afgehandeld-door-jph'), weight: 2 },
          { arbitrary: fc.constantFrom(...UITKOMSTEN), weight: 3 },
        ),
      }),
      // Up to 300 indeed (fast-check keeps arrays small unless told), so cells reach 10
      { maxLength: 300, size: 'max' },
    ),
    fc.nat(),
  )
  .map(([cs, seed]) => {
    const sleutel = sleutelreeks(seed);
    return cs.map((c) => ({ recordKey: sleutel(), ...c }));
  });

const vraag: fc.Arbitrary<CijferVraag> = fc
  .record({
    start: fc.integer({ min: 0, max: 150 }),
    lengte: fc.integer({ min: 0, max: 200 }),
    per: fc.constantFrom('maand' as const, 'kwartaal' as const),
  })
  .map(({ start, lengte, per }) => ({ van: dag(start), tot: dag(start + lengte), per }));

const invoer = fc.record({ praktijken, consultaties, vraag });
const RUNS = { numRuns: 100 };

/** Every raw count with the published telling it became. */
function tellingen(ruw: RuweConsultatieCijfers, pub: ConsultatieCijfers) {
  return [
    ...ruw.perPraktijk.map((r, i) => [r.telling, pub.perPraktijk[i]!] as const),
    ...ruw.metEnZonderJph.flatMap((r, i) => [
      [r.metJph, pub.metEnZonderJph[i]!.metJph] as const,
      [r.zonderJph, pub.metEnZonderJph[i]!.zonderJph] as const,
    ]),
  ] satisfies (readonly [ConsultatieTelling, GepubliceerdeTelling])[];
}

/** Every published share with its raw numerator and denominator. */
function aandelen(ruw: RuweConsultatieCijfers, pub: ConsultatieCijfers) {
  const per = (t: ConsultatieTelling, u: Uitkomst, a: GepubliceerdAandeel) =>
    [a, t.perUitkomst[u], t.aantal] as const;
  const sggz = 'verwezen-specialistische-zorg-sggz';
  return [
    ...tellingen(ruw, pub).flatMap(([t, p]) => UITKOMSTEN.map((u) => per(t, u, p.uitkomsten[u]))),
    ...ruw.sggzPerMaand.map(({ telling }, i) => per(telling, sggz, pub.sggzTrend[i]!.verwezenSggz)),
    ...ruw.jphUren.flatMap(({ telling }, i) => {
      const r = pub.jphUrenEnConsultaties[i]!;
      return [
        per(telling, 'afgehandeld-door-jph', r.afgehandeldDoorJph),
        per(telling, sggz, r.verwezenSggz),
      ];
    }),
  ];
}

/** Every published count anywhere in the answer (fields named aantal or totaal). */
function gepubliceerdeAantallen(value: unknown, out: (number | null)[] = []): (number | null)[] {
  if (Array.isArray(value)) value.forEach((v) => gepubliceerdeAantallen(v, out));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'definitie' || key === 'onderdrukt') continue;
      if (key === 'aantal' || key === 'totaal') out.push(v as number | null);
      else gepubliceerdeAantallen(v, out);
    }
  }
  return out;
}

/** The cells of one table together: their counts and cell keys added up. */
/** Every published share with its published denominator. */
function aandelenMetNoemer(
  c: ConsultatieCijfers,
): (readonly [GepubliceerdAandeel, number | null])[] {
  const telling = (t: GepubliceerdeTelling) =>
    UITKOMSTEN.map((u) => [t.uitkomsten[u], t.aantal] as const);
  return [
    ...c.perPraktijk.flatMap(telling),
    ...c.metEnZonderJph.flatMap((r) => [...telling(r.metJph), ...telling(r.zonderJph)]),
    ...c.sggzTrend.map((r) => [r.verwezenSggz, r.totaal] as const),
    ...c.jphUrenEnConsultaties.flatMap((r) => [
      [r.afgehandeldDoorJph, r.aantal] as const,
      [r.verwezenSggz, r.aantal] as const,
    ]),
  ];
}

const som = (tellingen: ConsultatieTelling[]) =>
  tellingen.reduce((total, t) => total.plus(t.aantal), new Telling());

describe('consultation figures: properties', () => {
  it('adds up before suppression: every table counts each consultation in range once', () => {
    fc.assert(
      fc.property(invoer, ({ praktijken, consultaties, vraag }) => {
        const ruw = telConsultaties(consultaties, praktijken, vraag);
        const known = new Set(praktijken.map((p) => p.praktijkId));
        // The consultations in range, counted with their own record keys
        const expected = tel(
          consultaties.filter(
            (c) => known.has(c.praktijkId) && c.datum >= vraag.van && c.datum <= vraag.tot,
          ),
          (c) => c.recordKey,
        );
        expect(som(ruw.perPraktijk.map((r) => r.telling))).toEqual(expected);
        expect(som(ruw.metEnZonderJph.flatMap((r) => [r.metJph, r.zonderJph]))).toEqual(expected);
        expect(som(ruw.sggzPerMaand.map((r) => r.telling))).toEqual(expected);
        expect(som(ruw.jphUren.map((r) => r.telling))).toEqual(expected);
        for (const { telling } of ruw.perPraktijk) {
          expect(Object.values(telling.perUitkomst).reduce((a, b) => a.plus(b))).toEqual(
            telling.aantal,
          );
        }
      }),
      RUNS,
    );
  });

  it('publishes no count under 10, and every count as a multiple of 5', () => {
    fc.assert(
      fc.property(invoer, ({ praktijken, consultaties, vraag }) => {
        const aantallen = gepubliceerdeAantallen(
          consultatieCijfers(consultaties, praktijken, vraag),
        );
        expect(aantallen.length).toBeGreaterThan(0);
        for (const aantal of aantallen) {
          if (aantal === null) continue;
          expect(aantal).toBeGreaterThanOrEqual(10);
          expect(aantal % 5).toBe(0);
        }
      }),
      RUNS,
    );
  });

  it('publishes a count exactly when it is 10 or more, within MAX_FOUT of the true count', () => {
    fc.assert(
      fc.property(invoer, ({ praktijken, consultaties, vraag }) => {
        const ruw = telConsultaties(consultaties, praktijken, vraag);
        const pub = publiceerConsultatieCijfers(ruw, vraag);
        const paren = [
          ...tellingen(ruw, pub).map(([t, p]) => [t.aantal, p.aantal] as const),
          ...ruw.sggzPerMaand.map((r, i) => [r.telling.aantal, pub.sggzTrend[i]!.totaal] as const),
          ...ruw.jphUren.map(
            (r, i) => [r.telling.aantal, pub.jphUrenEnConsultaties[i]!.aantal] as const,
          ),
          ...aandelen(ruw, pub).map(([a, teller]) => [teller, a.aantal] as const),
        ];
        for (const [telling, gepubliceerd] of paren) {
          if (telling.aantal < DREMPEL) expect(gepubliceerd).toBeNull();
          else expect(Math.abs(gepubliceerd! - telling.aantal)).toBeLessThanOrEqual(MAX_FOUT);
        }
      }),
      RUNS,
    );
  });

  it('publishes a share only when both its counts are published, and from those counts', () => {
    fc.assert(
      fc.property(invoer, ({ praktijken, consultaties, vraag }) => {
        const ruw = telConsultaties(consultaties, praktijken, vraag);
        const pub = publiceerConsultatieCijfers(ruw, vraag);
        for (const [aandeel, teller, noemer] of aandelen(ruw, pub)) {
          const gepubliceerd = teller.aantal >= DREMPEL && noemer.aantal >= DREMPEL;
          expect(aandeel.percentage !== null).toBe(gepubliceerd);
          if (gepubliceerd) {
            expect(aandeel.percentage).toBe(
              Math.round(
                Math.min(100, (100 * publiceerAantal(teller)!) / publiceerAantal(noemer)!),
              ),
            );
          }
        }
      }),
      RUNS,
    );
  });

  it('gives consultations per JPH hour from the published count and the public hours only', () => {
    fc.assert(
      fc.property(invoer, ({ praktijken, consultaties, vraag }) => {
        const ruw = telConsultaties(consultaties, praktijken, vraag);
        const pub = publiceerConsultatieCijfers(ruw, vraag);
        ruw.jphUren.forEach(({ jphUren }, i) => {
          const { aantal, consultatiesPerJphUur } = pub.jphUrenEnConsultaties[i]!;
          // Same order of operations as the publication (divide, then scale to round): 100 * a / h
          // and a / h * 100 can differ in the last bit and so round a .5 to another cent.
          expect(consultatiesPerJphUur).toBe(
            aantal === null || jphUren === 0 ? null : Math.round((aantal / jphUren) * 100) / 100,
          );
        });
      }),
      RUNS,
    );
  });

  it('cannot tell the outcome of one more consultation when fewer than 10 have either outcome', () => {
    // One more consultation at a known practice within the period, with one of two outcomes
    const metEenMeer = invoer.chain((input) =>
      fc.record({
        input: fc.constant(input),
        praktijkId: fc.constantFrom(...input.praktijken.map((p) => p.praktijkId)),
        datum: fc.constantFrom(...datumsTussen(input.vraag.van, input.vraag.tot)),
        uitkomsten: fc.uniqueArray(fc.constantFrom(...UITKOMSTEN), { minLength: 2, maxLength: 2 }),
        recordKey: fc.nat({ max: 2 ** 32 - 1 }),
      }),
    );
    fc.assert(
      fc.property(metEenMeer, ({ input, praktijkId, datum, uitkomsten: [x, y], recordKey }) => {
        const { praktijken, consultaties, vraag } = input;
        // At most 4 of each of the two outcomes anywhere, so every cell of them stays under 10
        const weinig = (u: Uitkomst) => consultaties.filter((c) => c.uitkomst === u).slice(0, 4);
        const rest = consultaties.filter((c) => c.uitkomst !== x && c.uitkomst !== y);
        const basis = [...rest, ...weinig(x!), ...weinig(y!)];
        const met = (uitkomst: Uitkomst) =>
          consultatieCijfers(
            [...basis, { recordKey, praktijkId, datum, uitkomst }],
            praktijken,
            vraag,
          );
        expect(met(x!)).toEqual(met(y!));
      }),
      RUNS,
    );
  });

  it('lists every withheld cell in onderdrukt, and nothing else', () => {
    fc.assert(
      fc.property(invoer, ({ praktijken, consultaties, vraag }) => {
        const cijfers = consultatieCijfers(consultaties, praktijken, vraag);
        const nullAantallen = gepubliceerdeAantallen(cijfers).filter((a) => a === null).length;
        const nullPercentages = (JSON.stringify(cijfers).match(/"percentage":null/g) ?? []).length;
        // A count per hour is withheld with its count; without hours there is nothing to withhold.
        const nullPerUur = cijfers.jphUrenEnConsultaties.filter(
          (r) => r.consultatiesPerJphUur === null && r.jphUren > 0,
        ).length;
        const velden = (reden?: string) =>
          cijfers.onderdrukt
            .filter((o) => reden === undefined || o.reden === reden)
            .reduce((total, o) => total + o.velden.length, 0);
        expect(velden()).toBe(nullAantallen + nullPercentages + nullPerUur);
        expect(velden('groep onder 10')).toBe(nullPerUur);
        // a share is withheld for its denominator first, else for its numerator
        const zonderNoemer = aandelenMetNoemer(cijfers).filter(
          ([a, noemer]) => a.percentage === null && noemer === null,
        ).length;
        expect(velden('noemer onder 10')).toBe(zonderNoemer);
        expect(velden('aantal onder 10')).toBe(nullAantallen + nullPercentages - zonderNoemer);
      }),
      RUNS,
    );
  });

  it('does not depend on the order of its input', () => {
    fc.assert(
      fc.property(
        invoer.chain((input) =>
          fc.record({
            input: fc.constant(input),
            consultaties: fc.shuffledSubarray(input.consultaties, {
              minLength: input.consultaties.length,
            }),
            praktijken: fc.shuffledSubarray(input.praktijken, {
              minLength: input.praktijken.length,
            }),
          }),
        ),
        ({ input, consultaties, praktijken }) => {
          expect(consultatieCijfers(consultaties, praktijken, input.vraag)).toEqual(
            consultatieCijfers(input.consultaties, input.praktijken, input.vraag),
          );
        },
      ),
      RUNS,
    );
  });

  it('names no consultation, person or family: only practices, periods and counts', () => {
    fc.assert(
      fc.property(invoer, ({ praktijken, consultaties, vraag }) => {
        const text = JSON.stringify(consultatieCijfers(consultaties, praktijken, vraag));
        expect(text).not.toMatch(/consultatieId|persoonId|gezinId|pr-onbekend/);
      }),
      { numRuns: 50 },
    );
  });
});

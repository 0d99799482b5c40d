import { addDays, format, parseISO } from 'date-fns';
import fc from 'fast-check';
import { UITKOMSTEN } from '@app/domain';
import {
  CijferVraag,
  ConsultatieCijfers,
  ConsultatieFeit,
  GepubliceerdeTelling,
  PraktijkFeit,
  RuweConsultatieCijfers,
  Telling,
  consultatieCijfers,
  publiceerConsultatieCijfers,
  telConsultaties,
} from './consultatie-cijfers';

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

const consultaties: fc.Arbitrary<ConsultatieFeit[]> = fc.array(
  fc.record({
    praktijkId: fc.constantFrom(...PRAKTIJK_IDS, 'pr-onbekend'),
    datum: fc.integer({ min: -20, max: 200 }).map(dag),
    uitkomst: fc.constantFrom(...UITKOMSTEN),
    recordKey: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  }),
  { maxLength: 300 },
);

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
  ] satisfies (readonly [Telling, GepubliceerdeTelling])[];
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

const som = (tellingen: Telling[]) => tellingen.reduce((total, t) => total + t.aantal, 0);

describe('consultation figures: properties', () => {
  it('adds up before suppression: every table counts each consultation in range once', () => {
    fc.assert(
      fc.property(invoer, ({ praktijken, consultaties, vraag }) => {
        const ruw = telConsultaties(consultaties, praktijken, vraag);
        const known = new Set(praktijken.map((p) => p.praktijkId));
        const expected = consultaties.filter(
          (c) => known.has(c.praktijkId) && c.datum >= vraag.van && c.datum <= vraag.tot,
        ).length;
        expect(som(ruw.perPraktijk.map((r) => r.telling))).toBe(expected);
        expect(som(ruw.metEnZonderJph.flatMap((r) => [r.metJph, r.zonderJph]))).toBe(expected);
        expect(som(ruw.sggzPerMaand.map((r) => r.telling))).toBe(expected);
        expect(som(ruw.jphUren.map((r) => r.telling))).toBe(expected);
        for (const { telling } of ruw.perPraktijk) {
          expect(Object.values(telling.perUitkomst).reduce((a, b) => a + b, 0)).toBe(
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

  it('publishes a count when it is 10 or more, within 2 of the true count', () => {
    fc.assert(
      fc.property(invoer, ({ praktijken, consultaties, vraag }) => {
        const ruw = telConsultaties(consultaties, praktijken, vraag);
        for (const [telling, pub] of tellingen(ruw, publiceerConsultatieCijfers(ruw, vraag))) {
          if (telling.aantal < 10) expect(pub.aantal).toBeNull();
          else expect(Math.abs(pub.aantal! - telling.aantal)).toBeLessThanOrEqual(2);
        }
      }),
      RUNS,
    );
  });

  it('withholds shares exactly when their denominator is under 10', () => {
    fc.assert(
      fc.property(invoer, ({ praktijken, consultaties, vraag }) => {
        const ruw = telConsultaties(consultaties, praktijken, vraag);
        const pub = publiceerConsultatieCijfers(ruw, vraag);
        for (const [telling, gepubliceerd] of tellingen(ruw, pub)) {
          for (const uitkomst of UITKOMSTEN) {
            const percentage = gepubliceerd.uitkomsten[uitkomst].percentage;
            expect(percentage === null).toBe(telling.aantal < 10);
            if (percentage !== null) {
              expect(percentage).toBe(
                Math.round((100 * telling.perUitkomst[uitkomst]) / telling.aantal),
              );
            }
          }
        }
        ruw.sggzPerMaand.forEach(({ telling }, i) => {
          expect(pub.sggzTrend[i]!.verwezenSggz.percentage === null).toBe(telling.aantal < 10);
        });
        ruw.jphUren.forEach(({ telling }, i) => {
          expect(pub.jphUrenEnConsultaties[i]!.verwezenSggz.percentage === null).toBe(
            telling.aantal < 10,
          );
        });
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
        const velden = (reden: string) =>
          cijfers.onderdrukt
            .filter((o) => o.reden === reden)
            .reduce((total, o) => total + o.velden.length, 0);
        expect(velden('aantal onder 10')).toBe(nullAantallen);
        expect(velden('noemer onder 10')).toBe(nullPercentages);
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

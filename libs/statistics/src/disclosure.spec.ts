import fc from 'fast-check';
import {
  DREMPEL,
  GROOTHEID_FACTOR,
  OVERLEVING_FACTOR,
  Onderdrukking,
  PTABEL,
  SLEUTELRUIMTE,
  Telling,
  afwijking,
  publiceerAantal,
  tel,
  verstoord,
} from './disclosure';

const sleutel = fc.integer({ min: 0, max: SLEUTELRUIMTE - 1 });
const cel = (veld: string) => ({ tabel: 't', rij: 'A', veld });

/** The share of the key space that gives each perturbation for a count, read off `afwijking`. */
function verdeling(aantal: number): Map<number, number> {
  const stappen = 100_000;
  const kansen = new Map<number, number>();
  for (let i = 0; i < stappen; i++) {
    const e = afwijking(aantal, Math.floor(((i + 0.5) * SLEUTELRUIMTE) / stappen));
    kansen.set(e, (kansen.get(e) ?? 0) + 1 / stappen);
  }
  return kansen;
}

describe('the p-table', () => {
  it('has mean 0, variance 1 and perturbs by at most 2, away from the threshold', () => {
    const kansen = PTABEL.kansen;
    expect(kansen.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    const waarden = [-2, -1, 0, 1, 2];
    const gemiddelde = waarden.reduce((som, e, i) => som + e * kansen[i]!, 0);
    const variantie = waarden.reduce((som, e, i) => som + e * e * kansen[i]!, 0);
    expect(gemiddelde).toBeCloseTo(0, 12);
    expect(variantie).toBeCloseTo(PTABEL.variantie, 12);
    expect(Math.max(...waarden.map(Math.abs))).toBe(PTABEL.maxAfwijking);
  });

  it('gives each perturbation its share of the key space', () => {
    for (const aantal of [12, 13, 100, 5000]) {
      const kansen = verdeling(aantal);
      [-2, -1, 0, 1, 2].forEach((e, i) => expect(kansen.get(e)).toBeCloseTo(PTABEL.kansen[i]!, 3));
    }
  });

  it('never takes a count under the threshold: that probability lands on it', () => {
    const tien = verdeling(10);
    expect([...tien.keys()].sort()).toEqual([0, 1, 2]);
    expect(tien.get(0)).toBeCloseTo(0.0638 + 0.2448 + 0.3828, 3);
    const elf = verdeling(11);
    expect([...elf.keys()].sort()).toEqual([-1, 0, 1, 2]);
    expect(elf.get(-1)).toBeCloseTo(0.0638 + 0.2448, 3);
  });
});

describe('published counts', () => {
  it('withholds counts under 10 whatever their key', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9 }), sleutel, (aantal, s) => {
        expect(publiceerAantal(new Telling(aantal, s))).toBeNull();
      }),
    );
  });

  it('publishes a multiple of 5, at least 10, within 4 of the truth, the same each time', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 100_000 }), sleutel, (aantal, s) => {
        const gepubliceerd = publiceerAantal(new Telling(aantal, s))!;
        expect(gepubliceerd % 5).toBe(0);
        expect(gepubliceerd).toBeGreaterThanOrEqual(10);
        expect(Math.abs(gepubliceerd - aantal)).toBeLessThanOrEqual(4);
        expect(Math.abs(verstoord(new Telling(aantal, s)) - aantal)).toBeLessThanOrEqual(2);
        expect(publiceerAantal(new Telling(aantal, s))).toBe(gepubliceerd);
      }),
    );
  });

  it('has a cell key that is the sum of the record keys modulo 2^32, in any order', () => {
    fc.assert(
      fc.property(fc.array(sleutel, { maxLength: 200 }), (sleutels) => {
        const t = tel(sleutels, (s) => s);
        const omgekeerd = tel([...sleutels].reverse(), (s) => s);
        expect(t).toEqual(omgekeerd);
        expect(t.aantal).toBe(sleutels.length);
        const som = sleutels.reduce((a, b) => (a + BigInt(b)) % 2n ** 32n, 0n);
        expect(t.sleutel).toBe(Number(som));
        const helft = Math.floor(sleutels.length / 2);
        const delen = tel(sleutels.slice(0, helft), (s) => s).plus(
          tel(sleutels.slice(helft), (s) => s),
        );
        expect(delen).toEqual(t);
      }),
    );
  });
});

describe('Onderdrukking', () => {
  it('makes shares of the published counts and withholds them with either count', () => {
    const o = new Onderdrukking();
    const teller = new Telling(23, 12345);
    const noemer = new Telling(140, 987654321);
    expect(o.aandeel(teller, noemer, cel('a'), 1)).toBe(
      Math.round((1000 * publiceerAantal(teller)!) / publiceerAantal(noemer)!) / 10,
    );
    expect(o.aandeel(new Telling(4, 1), noemer, cel('b'))).toBeNull();
    expect(o.aandeel(teller, new Telling(9, 1), cel('c'))).toBeNull();
    // A public denominator (a population) is used as it is.
    expect(o.aandeel(teller, 1000, cel('d'), 1)).toBe(publiceerAantal(teller)! / 10);
    expect(o.onderdrukt).toEqual([
      { tabel: 't', rij: 'A', reden: 'aantal onder 10', velden: ['b'] },
      { tabel: 't', rij: 'A', reden: 'noemer onder 10', velden: ['c'] },
    ]);
  });

  it('moves a mean by at most half the largest value over the count', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 2000 }), { minLength: 10, maxLength: 60 }),
        sleutel,
        (waarden, s) => {
          const t = new Telling(waarden.length, s);
          const gemiddelde = new Onderdrukking().gemiddelde(waarden, t, cel('g'), 6)!;
          const som = waarden.reduce((a, b) => a + b, 0);
          const grens = (GROOTHEID_FACTOR * Math.max(...waarden)) / waarden.length;
          expect(Math.abs(gemiddelde - som / waarden.length)).toBeLessThanOrEqual(grens + 1e-6);
        },
      ),
    );
  });

  it('gives two cells that differ by one person unrelated noise on their means', () => {
    // Without noise the difference of the sums is the person's value exactly; with it, it is not.
    const waarden = Array.from({ length: 12 }, (_, i) => 50 + 10 * i);
    const zonder = new Telling(12, 1_000_000);
    const met = new Telling(13, (1_000_000 + 2_345_678_901) % SLEUTELRUIMTE);
    const o = new Onderdrukking();
    const a = o.gemiddelde(waarden, zonder, cel('g'), 1)!;
    const b = o.gemiddelde([...waarden, 252], met, cel('g'), 1)!;
    expect(Math.round(13 * b - 12 * a)).not.toBe(252);
  });

  it('gives a cell whose records stay but whose value changes new noise: a correction does not show through', () => {
    // One person's duration corrected from 100 to 161 days: the same 13 records, the same key.
    const t = new Telling(13, 2_000_000_000);
    const waarden = [40, 50, 60, 70, 80, 90, 100, 110, 120, 130, 140, 150, 160];
    const gecorrigeerd = waarden.map((w) => (w === 100 ? 161 : w));
    let zichtbaar = 0;
    for (let k = 0; k < 200; k++) {
      const telling = new Telling(13, (t.sleutel + k * 7_654_321) % SLEUTELRUIMTE);
      const o = new Onderdrukking();
      const voor = o.gemiddelde(waarden, telling, cel('gemiddelde'), 1)!;
      const na = o.gemiddelde(gecorrigeerd, telling, cel('gemiddelde'), 1)!;
      if (Math.abs(Math.round(13 * (na - voor)) - 61) <= 1) zichtbaar++;
    }
    expect(zichtbaar).toBeLessThanOrEqual(10);
  });

  it('withholds means, percentiles and survival of small groups, and says why', () => {
    const o = new Onderdrukking();
    expect(o.gemiddelde([1, 2, 3], new Telling(3, 5), cel('gemiddelde'))).toBeNull();
    expect(o.kengetal(2, [1, 2, 3], new Telling(3, 5), cel('mediaan'))).toBeNull();
    expect(o.overleving(0.5, 9, new Telling(40, 5), cel('overlevingNa90'))).toBeNull();
    expect(o.overleving(0.5, 12, new Telling(40, 5), cel('overlevingNa180'))).not.toBeNull();
    expect(o.afgeleid(3, true, cel('doel'))).toBeNull();
    expect(o.onderdrukt).toEqual([
      { tabel: 't', rij: 'A', reden: 'groep onder 10', velden: ['gemiddelde', 'mediaan', 'doel'] },
      { tabel: 't', rij: 'A', reden: 'minder dan 10 onder risico', velden: ['overlevingNa90'] },
    ]);
  });

  it('keeps survival within 0-100 and moves it by at most 1.5 persons at risk', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: DREMPEL, max: 500 }),
        sleutel,
        (s, risico, k) => {
          const p = new Onderdrukking().overleving(s, risico, new Telling(600, k), cel('x'), 6)!;
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(100);
          expect(Math.abs(p - 100 * s)).toBeLessThanOrEqual(
            (100 * OVERLEVING_FACTOR) / risico + 1e-6,
          );
        },
      ),
    );
  });

  it('never moves a percentile below 0', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 10 }), sleutel, (w, k) => {
        const p = new Onderdrukking().kengetal(0, w, new Telling(w.length, k), cel('p25'));
        expect(p).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

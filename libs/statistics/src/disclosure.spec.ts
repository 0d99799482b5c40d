import { Onderdrukking, publiceerAandeel, publiceerAantal } from './disclosure';

describe('disclosure control', () => {
  it.each([
    [0, null],
    [1, null],
    [9, null],
    [10, 10],
    [12, 10],
    [13, 15],
    [17, 15],
    [18, 20],
    [22, 20],
    [23, 25],
    [1234, 1235],
  ])('publishes a count of %d as %s', (aantal, gepubliceerd) => {
    expect(publiceerAantal(aantal)).toBe(gepubliceerd);
  });

  it.each([
    [3, 9, null],
    [0, 9, null],
    [3, 10, 30],
    [1, 12, 8],
    [0, 12, 0],
    [12, 12, 100],
    [2, 3, null],
  ])('publishes a share of %d in %d as %s percent', (teller, noemer, gepubliceerd) => {
    expect(publiceerAandeel(teller, noemer)).toBe(gepubliceerd);
  });

  it('remembers what it withheld, per row and reason', () => {
    const o = new Onderdrukking();
    expect(o.aantal(4, { tabel: 't', rij: 'A', veld: 'aantal' })).toBeNull();
    expect(o.aantal(14, { tabel: 't', rij: 'A', veld: 'x.aantal' })).toBe(15);
    expect(o.aantal(0, { tabel: 't', rij: 'A', veld: 'y.aantal' })).toBeNull();
    expect(o.aandeel(1, 4, { tabel: 't', rij: 'A', veld: 'y.percentage' })).toBeNull();
    expect(o.aantal(3, { tabel: 't', rij: 'B', veld: 'aantal' })).toBeNull();
    expect(o.onderdrukt).toEqual([
      { tabel: 't', rij: 'A', reden: 'aantal onder 10', velden: ['aantal', 'y.aantal'] },
      { tabel: 't', rij: 'A', reden: 'noemer onder 10', velden: ['y.percentage'] },
      { tabel: 't', rij: 'B', reden: 'aantal onder 10', velden: ['aantal'] },
    ]);
  });
});

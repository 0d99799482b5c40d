import { dagenTussen, datumsTussen, helePeriodes, periodeVan, periodesTussen } from './periods';

describe('periods', () => {
  it.each([
    ['2026-01-01', 'maand', '2026-01'],
    ['2026-03-31', 'maand', '2026-03'],
    ['2026-03-31', 'kwartaal', '2026-Q1'],
    ['2026-04-01', 'kwartaal', '2026-Q2'],
    ['2025-12-31', 'kwartaal', '2025-Q4'],
  ] as const)('%s falls in the %s %s', (datum, per, periode) => {
    expect(periodeVan(datum, per)).toBe(periode);
  });

  it('lists every period that overlaps a range', () => {
    expect(periodesTussen('2025-11-15', '2026-02-03', 'maand')).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
    expect(periodesTussen('2025-11-15', '2026-02-03', 'kwartaal')).toEqual(['2025-Q4', '2026-Q1']);
    expect(periodesTussen('2026-03-31', '2026-03-31', 'kwartaal')).toEqual(['2026-Q1']);
  });

  it('counts calendar days, leap days and daylight saving included', () => {
    expect(dagenTussen('2024-02-28', '2024-03-01')).toBe(3);
    expect(dagenTussen('2026-01-01', '2026-03-31')).toBe(90);
    expect(datumsTussen('2026-03-28', '2026-03-30')).toEqual([
      '2026-03-28',
      '2026-03-29',
      '2026-03-30',
    ]);
    expect(datumsTussen('2026-10-24', '2026-10-26')).toHaveLength(3);
  });

  it('widens a question to whole months or quarters', () => {
    expect(helePeriodes('2026-01-15', '2026-03-02', 'maand')).toEqual({
      van: '2026-01-01',
      tot: '2026-03-31',
    });
    expect(helePeriodes('2026-02-15', '2026-05-02', 'kwartaal')).toEqual({
      van: '2026-01-01',
      tot: '2026-06-30',
    });
    expect(helePeriodes('2024-02-01', '2024-02-29', 'maand')).toEqual({
      van: '2024-02-01',
      tot: '2024-02-29',
    });
  });
});

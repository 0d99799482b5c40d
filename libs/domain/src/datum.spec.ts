import { isValid, parseISO } from 'date-fns';
import { isKalenderdatum } from './datum';

describe('isKalenderdatum', () => {
  it('accepts dates that exist and nothing else', () => {
    for (const ja of ['2025-03-01', '2024-02-29', '2000-02-29', '0012-01-31', '9999-12-31']) {
      expect(isKalenderdatum(ja)).toBe(true);
    }
    for (const nee of [
      '2025-02-29',
      '1900-02-29',
      '2025-13-01',
      '2025-00-10',
      '2025-04-31',
      '2025-01-00',
      '2025-1-01',
      '2025-01-01T00:00:00',
      '20250101',
      '',
    ]) {
      expect(isKalenderdatum(nee)).toBe(false);
    }
  });

  it('agrees with date-fns on every day of four years, and on the days just past each month', () => {
    for (let jaar = 2023; jaar <= 2026; jaar++) {
      for (let maand = 1; maand <= 12; maand++) {
        for (let dag = 1; dag <= 32; dag++) {
          const tekst = `${jaar}-${String(maand).padStart(2, '0')}-${String(dag).padStart(2, '0')}`;
          expect(isKalenderdatum(tekst)).toBe(isValid(parseISO(tekst)));
        }
      }
    }
  });
});

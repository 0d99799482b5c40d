import { leeftijdOp, perspectiefgesprekUiterlijk, zestienEnHalf } from './perspectief';

describe('perspective conversation due date', () => {
  it('is due at 16 years 6 months: born 2009-03-31, in care since 2024-01-10 → 2025-09-30', () => {
    expect(perspectiefgesprekUiterlijk('2009-03-31', '2024-01-10')).toBe('2025-09-30');
  });

  it('is due at intake when care starts after 16.5 (a youth entering care at 17)', () => {
    expect(perspectiefgesprekUiterlijk('2008-05-15', '2025-06-01')).toBe('2025-06-01');
  });

  it('is not due for someone who was already 18 when Jeugdwet care started', () => {
    expect(perspectiefgesprekUiterlijk('2006-05-15', '2025-06-01')).toBeNull();
    expect(perspectiefgesprekUiterlijk('2007-06-02', '2025-06-01')).toBe('2025-06-01');
  });

  it('is due on the day itself when care starts exactly at 16.5', () => {
    expect(perspectiefgesprekUiterlijk('2009-01-15', '2025-07-15')).toBe('2025-07-15');
  });

  it.each([
    ['born on 29 February', '2008-02-29', '2024-08-29'],
    ['born on 31 August: February has no 31st (common year)', '2009-08-31', '2026-02-28'],
    ['born on 31 August: leap year', '2007-08-31', '2024-02-29'],
    ['born on 31 December', '2009-12-31', '2026-06-30'],
    ['born on 30 June', '2010-06-30', '2026-12-30'],
  ])('%s', (_case, born, due) => {
    expect(zestienEnHalf(born)).toBe(due);
  });

  it('counts age in whole years at a date', () => {
    expect(leeftijdOp('2009-03-31', '2025-03-30')).toBe(15);
    expect(leeftijdOp('2009-03-31', '2025-03-31')).toBe(16);
    expect(leeftijdOp('2008-02-29', '2026-02-28')).toBe(17);
    expect(leeftijdOp('2008-02-29', '2026-03-01')).toBe(18);
  });
});

import { isValidBsn } from './bsn';

describe('isValidBsn (elfproef)', () => {
  it.each(['111222333', '123456782', '999996356'])('accepts %s', (bsn) => {
    expect(isValidBsn(bsn)).toBe(true);
  });

  it.each([
    ['one digit off', '123456781'],
    ['eight digits', '12345678'],
    ['ten digits', '1234567820'],
    ['letters', '12345678a'],
    ['all zeros (sum 0)', '000000000'],
    ['spaces', '123 456 782'],
  ])('refuses %s', (_why, bsn) => {
    expect(isValidBsn(bsn)).toBe(false);
  });
});

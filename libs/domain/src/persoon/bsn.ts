/**
 * The BSN (burgerservicenummer): nine digits passing the eleven-test (elfproef):
 * 9·d1 + 8·d2 + ... + 2·d8 − 1·d9 is a multiple of 11, and not 0.
 */
export function isValidBsn(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  const digits = [...value].map(Number);
  const sum = digits.reduce((total, digit, i) => total + digit * (i === 8 ? -1 : 9 - i), 0);
  return sum !== 0 && sum % 11 === 0;
}

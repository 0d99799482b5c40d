/**
 * Record keys for the disclosure control of the policy figures (ADR 0011): a random unsigned
 * 32-bit integer per person and per consultation, drawn once by the command path (the domain draws
 * nothing: randomness, like time, is passed in), never derived from an id, never shown.
 */
export const RECORD_KEY_GRENS = 2 ** 32;

/** A record key is an unsigned 32-bit integer; anything else is a bug in the caller. */
export function checkRecordKey(recordKey: number): void {
  if (!Number.isInteger(recordKey) || recordKey < 0 || recordKey >= RECORD_KEY_GRENS) {
    throw new RangeError(`record key ${recordKey} is not an unsigned 32-bit integer`);
  }
}

/** How deep objects and arrays may nest in a request body; no route needs more than a few levels. */
export const MAX_JSON_DEPTH = 400;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN = new Set([0x7b, 0x5b]); // { [
const CLOSE = new Set([0x7d, 0x5d]); // } ]

/**
 * Whether a JSON text nests objects and arrays deeper than `max`, read from its raw bytes before
 * it is parsed: a body nested thousands deep parses, but then overflows the stack of the
 * validation that walks it (a 500). Brackets inside strings do not count; the text need not be
 * valid JSON (the parser says so afterwards). Multi-byte UTF-8 never holds these ASCII bytes.
 */
export function nestsDeeperThan(body: Uint8Array, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const byte = body[i]!;
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (OPEN.has(byte)) {
      if (++depth > max) return true;
    } else if (CLOSE.has(byte)) {
      depth--;
    }
  }
  return false;
}

/** Thrown by the body parser's `verify` hook; answered as a 400 problem. */
export class TooDeeplyNested extends Error {
  readonly type = 'entity.too.deep';
  constructor() {
    super(`The request body nests objects and arrays deeper than ${MAX_JSON_DEPTH} levels.`);
  }
}

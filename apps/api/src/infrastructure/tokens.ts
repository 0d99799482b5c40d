/** Injection tokens for values that are not classes. */
export const APP_CONFIG = Symbol('APP_CONFIG');
export const CLOCK = Symbol('CLOCK');
export type Clock = () => Date;
/** The server secret of ids derived from an Idempotency-Key (`idSecret` of libs/config). */
export const ID_SECRET = Symbol('ID_SECRET');

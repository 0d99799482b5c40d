/**
 * Sorted arrays kept sorted: a value is put in or taken out at its place, found by bisection, so a
 * cache can replace a few values of a long list without sorting it again.
 */

/** The position of the first element whose key is not below `waarde` (the length if none). */
export function ondergrens<T, K extends number | string>(
  lijst: readonly T[],
  waarde: K,
  sleutel: (x: T) => K,
): number {
  let laag = 0;
  let hoog = lijst.length;
  while (laag < hoog) {
    const midden = (laag + hoog) >>> 1;
    if (sleutel(lijst[midden]!) < waarde) laag = midden + 1;
    else hoog = midden;
  }
  return laag;
}

const zelf = <K>(x: K): K => x;

/** Puts `waarde` into the ascending `lijst` at its place (after equal ones: any place is the same). */
export function voegGesorteerdToe<K extends number | string>(lijst: K[], waarde: K): void {
  lijst.splice(ondergrens(lijst, waarde, zelf), 0, waarde);
}

/** Takes one `waarde` out of the ascending `lijst`; it must be there (a cache put it in). */
export function haalGesorteerdWeg<K extends number | string>(lijst: K[], waarde: K): void {
  const i = ondergrens(lijst, waarde, zelf);
  if (lijst[i] !== waarde) throw new RangeError(`${String(waarde)} is not in the list`);
  lijst.splice(i, 1);
}

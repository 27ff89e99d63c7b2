/**
 * Strings built from UTF-16 code units without a typed array per call: allocating a small typed
 * array (and its ArrayBuffer) costs more than the text work around it, and adds to GC. The
 * engine is synchronous and never re-enters these while a result is being built.
 */

// ignoreBOM: a leading U+FEFF is text here, not a byte-order mark (lengths must not change).
const decoder = new TextDecoder('utf-16le', { ignoreBOM: true });
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

let units = new Uint16Array(1024);

/** A scratch buffer of at least `n` code units, valid until the next call. */
export function scratchUnits(n: number): Uint16Array {
  if (units.length < n) units = new Uint16Array(Math.max(n, units.length * 2));
  return units;
}

/** The string of the first `n` code units of `buf` (a lone surrogate half becomes U+FFFD: same length). */
export function unitsToString(buf: Uint16Array, n: number): string {
  if (LITTLE_ENDIAN) return decoder.decode(buf.subarray(0, n));
  let out = '';
  for (let i = 0; i < n; i += 4096) out += String.fromCharCode.apply(null, buf.subarray(i, Math.min(n, i + 4096)) as unknown as number[]);
  return out;
}

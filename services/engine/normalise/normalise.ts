/**
 * Transcript normalisation (catalogue §2.1), one pass over UTF-16 code units with lookup tables
 * built once per ruleset:
 *   - NFKC for single characters (full-width → half-width, compatibility forms), Latin lower case;
 *   - zero-width characters and variation selectors dropped;
 *   - traditional → simplified (OpenCC single-character table, seeds/normalise/t2s.json);
 *   - the "squeezed" view: spaces, punctuation, emoji and symbols dropped, so `绝 对`, `原🔥单`
 *     and `高 . 仿` read as words. '.' and ':' survive between two ASCII letters/digits (9.9, 1:1).
 * `map[i]` is the index in the original text of squeezed character i, for evidence spans.
 * Homophone folding happens inside lexicon matching only, never here.
 */

import { scratchUnits, unitsToString } from './code-units.js';

export type Normalised = { text: string; map: readonly number[] };
export type Normaliser = (input: string) => Normalised;

const DROP = 0; // removed outright (zero-width, variation selectors)
const KEEP = 1; // letters, digits, CJK
const SEP = 2; // spaces, punctuation, symbols, emoji halves: removed in the squeezed view
const INNER = 3; // '.' and ':' — kept only between two ASCII alphanumerics

const isAsciiAlnum = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a);

export type NormaliserTables = { fold: Uint16Array; cls: Uint8Array };

/**
 * Builds the fold and class tables. `t2s` maps a traditional character to its simplified form;
 * `symbols` maps an evasion symbol to the character it stands for (❤ → 心), kept as that
 * character in the squeezed view instead of being dropped.
 */
export function buildNormaliserTables(t2s: Readonly<Record<string, string>>, symbols: Readonly<Record<string, string>> = {}): NormaliserTables {
  const fold = new Uint16Array(0x10000);
  const cls = new Uint8Array(0x10000);
  const letterOrDigit = /[\p{L}\p{N}]/u;
  for (let c = 0; c < 0x10000; c++) {
    let out = c;
    if (c < 0xd800 || c > 0xdfff) {
      const nf = String.fromCharCode(c).normalize('NFKC');
      if (nf.length === 1) out = nf.charCodeAt(0);
    }
    if (out >= 0x41 && out <= 0x5a) out += 0x20;
    const simp = t2s[String.fromCharCode(out)];
    if (simp !== undefined && simp.length === 1) out = simp.charCodeAt(0);
    fold[c] = out;
    if ((c >= 0x200b && c <= 0x200d) || c === 0xfeff || c === 0x2060 || (c >= 0xfe00 && c <= 0xfe0f)) cls[c] = DROP;
    else if (out === 0x2e || out === 0x3a) cls[c] = INNER;
    else if (c >= 0xd800 && c <= 0xdfff) cls[c] = SEP; // astral: emoji and the like
    else cls[c] = letterOrDigit.test(String.fromCharCode(out)) ? KEEP : SEP;
  }
  for (const [from, to] of Object.entries(symbols)) {
    if (from.length !== 1 || to.length !== 1) continue; // astral symbols cannot be table entries
    fold[from.charCodeAt(0)] = fold[to.charCodeAt(0)]!;
    cls[from.charCodeAt(0)] = KEEP;
  }
  return { fold, cls };
}

/**
 * The normalisers' offset map while one runs. The full normaliser copies it out at the end into
 * a plain array: a typed array of this size would get a backing store of its own, which costs
 * more to make and to free than the copy.
 */
let mapScratch = new Int32Array(1024);

/**
 * Squeezes `input` into the scratch buffers (units, and `mapScratch` for their original
 * indices); returns the squeezed length. Valid until the next call.
 */
function squeeze(input: string, fold: Uint16Array, cls: Uint8Array): number {
  const n = input.length;
  const out = scratchUnits(n);
  if (mapScratch.length < n) mapScratch = new Int32Array(Math.max(n, mapScratch.length * 2));
  const map = mapScratch;
  let len = 0;
  for (let i = 0; i < n; i++) {
    const c = input.charCodeAt(i);
    const k = cls[c];
    if (k === KEEP) {
      out[len] = fold[c]!;
      map[len++] = i;
    } else if (k === INNER && len > 0 && isAsciiAlnum(out[len - 1]!)) {
      let j = i + 1;
      while (j < n && cls[input.charCodeAt(j)] === DROP) j++; // zero-width chars do not separate
      if (j < n && cls[input.charCodeAt(j)] === KEEP && isAsciiAlnum(fold[input.charCodeAt(j)]!)) {
        out[len] = fold[c]!;
        map[len++] = i;
      }
    }
  }
  return len;
}

export function createNormaliser(tables: NormaliserTables): Normaliser {
  const { fold, cls } = tables;
  return (input: string): Normalised => {
    const len = squeeze(input, fold, cls);
    const map = mapScratch;
    const kept = new Array<number>(len); // the map outlives the call
    for (let i = 0; i < len; i++) kept[i] = map[i]!;
    return { text: unitsToString(scratchUnits(len), len), map: kept };
  };
}

/**
 * The squeezed text alone (what `createNormaliser(tables)(s).text` gives), for the product names,
 * brands and clauses detectors normalise at run time. Not memoised: recomputing a name costs
 * about half of what a lookup in a memo of tens of thousands of names costs once the engine's
 * room states have pushed that memo out of the caches.
 */
export function createTextNormaliser(tables: NormaliserTables): (input: string) => string {
  const { fold, cls } = tables;
  return (input: string): string => {
    const len = squeeze(input, fold, cls);
    return unitsToString(scratchUnits(len), len); // the buffer as squeeze left it (it may have grown)
  };
}

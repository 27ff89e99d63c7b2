/**
 * The lexicon matcher of the hot path: Aho–Corasick with the goto and fail functions folded into
 * one dense transition table (a full DFA), so a segment costs one table read per character.
 * Same contract as `automaton.ts`: every occurrence of every pattern, overlapping ones included,
 * reported in the same order (by end position; at one end, the state's own patterns first, then
 * those reached through fail links, longest first).
 *
 * Layout, built once per ruleset:
 *   - `classOf` (Uint16Array(65536)): UTF-16 code unit → character class. Only code units that
 *     occur in a pattern get a class (1…); every other one is class 0, which always leads back to
 *     the root;
 *   - `table` (states × classes, row per state): the next state of every (state, class), so the
 *     scan loop is `s = table[s * classes + classOf[c]]`. A Uint16Array while there are at most
 *     65,536 states (any realistic lexicon: half the cache footprint of 32-bit entries, and the
 *     table is what bounds the scan), a Uint32Array beyond;
 *   - states are numbered so that every state with an output (its own or through fail links)
 *     comes after every state without one: "is there a match here" is one comparison;
 *   - outputs flattened: for output state k, pattern ids `outIds[outStart[k] … outStart[k+1])`,
 *     including those reached through fail links; `lengths[id]` gives the start of a match.
 *
 * `scanRaw` fuses transcript normalisation (normalise.ts) into the same pass: it walks the raw
 * text with the normaliser's fold/class tables and reports exactly what `scan(normalise(raw).text)`
 * reports, plus the raw span of each match, without building the squeezed string.
 */
import type { NormaliserTables } from '../normalise/normalise.js';

export type Automaton = {
  /** Calls onMatch(patternId, start, end) for every occurrence; end is exclusive. */
  scan(text: string, onMatch: (pattern: number, start: number, end: number) => void): void;
  readonly patterns: readonly string[];
  readonly states: number;
};

/** onMatch of `scanRaw`: squeezed start/end (as `scan` on the normalised text) and the raw span. */
export type RawMatch = (pattern: number, start: number, end: number, rawStart: number, rawEnd: number) => void;

export type Dfa = Automaton & {
  /** `scan(normalise(raw).text)` without building it; rawStart/rawEnd index `raw` (end exclusive). */
  scanRaw(raw: string, tables: NormaliserTables, onMatch: RawMatch): void;
  /** Character classes, class 0 (no pattern character) included. */
  readonly classes: number;
  /** Bytes held by the tables (transitions, class map, outputs). */
  readonly tableBytes: number;
};

/** Above this many transition entries (128 MiB as Uint16, 256 MiB as Uint32) the dense table is refused. */
export const MAX_DFA_ENTRIES = 1 << 26;

// Normaliser classes (normalise.ts): DROP 0, KEEP 1, SEP 2, INNER 3.
const KEEP = 1;
const DROP = 0;
const F_SKIP = 0xffff; // fused class: dropped (separator or zero-width)
const F_INNER = 0xfffe; // fused class: '.' / ':' kept only between ASCII alphanumerics
const isAsciiAlnum = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a);

export function buildDfa(patterns: readonly string[]): Dfa {
  // ── alphabet compression. Classes are numbered by frequency in the patterns, most frequent
  // first: the characters a text mostly steps on then sit in the first cache lines of a row.
  const classOf = new Uint16Array(0x10000);
  const freq = new Map<number, number>();
  for (const p of patterns) {
    for (let i = 0; i < p.length; i++) freq.set(p.charCodeAt(i), (freq.get(p.charCodeAt(i)) ?? 0) + 1);
  }
  if (freq.size >= F_INNER - 1) throw new RangeError('buildDfa: too many distinct pattern characters');
  const byFreq = [...freq].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  byFreq.forEach(([c], i) => (classOf[c] = i + 1));
  const classes = byFreq.length + 1;
  const C = classes;

  // ── trie (temporary ids, creation order)
  const child = new Map<number, number>(); // tempState * C + class → tempState
  const kids: number[][] = [[]]; // classes of each state's children, in creation order
  const own: number[][] = [[]];
  const depth: number[] = [0];
  patterns.forEach((p, id) => {
    if (p.length === 0) return;
    let s = 0;
    for (let i = 0; i < p.length; i++) {
      const k = classOf[p.charCodeAt(i)]!;
      let t = child.get(s * C + k);
      if (t === undefined) {
        t = depth.length;
        child.set(s * C + k, t);
        kids[s]!.push(k);
        kids.push([]);
        own.push([]);
        depth.push(depth[s]! + 1);
      }
      s = t;
    }
    own[s]!.push(id);
  });
  const n = depth.length;
  if (n * C > MAX_DFA_ENTRIES) throw new RangeError(`buildDfa: ${n} states × ${C} classes exceeds ${MAX_DFA_ENTRIES} entries`);

  // ── fail links and full outputs, breadth first
  const fail = new Int32Array(n);
  const order: number[] = [0];
  const outputs: number[][] = new Array<number[]>(n);
  outputs[0] = [];
  for (let qi = 0; qi < order.length; qi++) {
    const s = order[qi]!;
    for (const k of kids[s]!) {
      const t = child.get(s * C + k)!;
      let f = 0;
      if (s !== 0) {
        f = fail[s]!;
        let ft: number | undefined;
        while ((ft = child.get(f * C + k)) === undefined && f !== 0) f = fail[f]!;
        f = ft ?? 0;
      }
      fail[t] = f;
      const fo = outputs[f]!;
      outputs[t] = own[t]!.length === 0 ? fo : own[t]!.concat(fo);
      order.push(t);
    }
  }

  // ── final numbering: states without output first (root = 0), then states with output
  const id = new Int32Array(n);
  let next = 0;
  for (const s of order) if (outputs[s]!.length === 0) id[s] = next++;
  const firstOut = next;
  for (const s of order) if (outputs[s]!.length > 0) id[s] = next++;
  const outStart = new Int32Array(n - firstOut + 1);
  let total = 0;
  for (const s of order) if (outputs[s]!.length > 0) total += outputs[s]!.length;
  const outIds = new Int32Array(total);
  total = 0;
  const byId = new Int32Array(n); // final id → temp id
  for (let s = 0; s < n; s++) byId[id[s]!] = s;
  for (let k = firstOut; k < n; k++) {
    outStart[k - firstOut] = total;
    for (const p of outputs[byId[k]!]!) outIds[total++] = p;
  }
  outStart[n - firstOut] = total;
  const lengths = new Int32Array(patterns.length);
  patterns.forEach((p, i) => (lengths[i] = p.length));

  // ── dense table: each row is its fail state's row with its own children written over it
  const table = n <= 0x10000 ? new Uint16Array(n * C) : new Uint32Array(n * C);
  for (const s of order) {
    const row = id[s]! * C;
    if (s !== 0) table.copyWithin(row, id[fail[s]!]! * C, id[fail[s]!]! * C + C);
    for (const k of kids[s]!) table[row + k] = id[child.get(s * C + k)!]!;
  }

  // ── fused normalisation: one Uint16 per raw code unit (class, or F_SKIP / F_INNER)
  // Per normaliser tables (one per ruleset in practice): the last one asked for is kept at hand.
  const fusedCache = new WeakMap<NormaliserTables, Uint16Array>();
  let lastTables: NormaliserTables | undefined;
  let lastFused: Uint16Array | undefined;
  const fusedOf = (tables: NormaliserTables): Uint16Array => {
    if (tables === lastTables) return lastFused!;
    let f = fusedCache.get(tables);
    if (f === undefined) {
      f = new Uint16Array(0x10000);
      const { fold, cls } = tables;
      for (let c = 0; c < 0x10000; c++) {
        const k = cls[c];
        f[c] = k === KEEP ? classOf[fold[c]!]! : k === 3 ? F_INNER : F_SKIP;
      }
      fusedCache.set(tables, f);
    }
    lastTables = tables;
    lastFused = f;
    return f;
  };

  // A '.' or ':' (normaliser class INNER) at j is kept only between ASCII letters or digits:
  // the last squeezed character before it, which is always the nearest KEEP character (a kept
  // INNER character is followed by a KEEP one before any other INNER), and the next character
  // after zero-width ones.
  const innerKept = (raw: string, j: number, tables: NormaliserTables): boolean => {
    const { fold, cls } = tables;
    let m = j - 1;
    while (m >= 0 && cls[raw.charCodeAt(m)] !== KEEP) m--;
    if (m < 0 || !isAsciiAlnum(fold[raw.charCodeAt(m)]!)) return false;
    let k = j + 1;
    while (k < raw.length && cls[raw.charCodeAt(k)] === DROP) k++;
    return k < raw.length && cls[raw.charCodeAt(k)] === KEEP && isAsciiAlnum(fold[raw.charCodeAt(k)]!);
  };

  // Raw start of a match ending (inclusive) at raw index i that spans `length` squeezed
  // characters: walk back over the raw text counting kept characters. Only run on a match,
  // so the scan itself keeps no record of raw positions.
  const rawStartOf = (raw: string, i: number, length: number, fused: Uint16Array, tables: NormaliserTables): number => {
    let j = i;
    for (let kept = 1; kept < length; ) {
      j--;
      const x = fused[raw.charCodeAt(j)]!;
      if (x < F_INNER || (x === F_INNER && innerKept(raw, j, tables))) kept++;
    }
    return j;
  };

  return {
    patterns,
    states: n,
    classes: C,
    tableBytes: table.byteLength + classOf.byteLength + outStart.byteLength + outIds.byteLength + lengths.byteLength,
    scan(text, onMatch) {
      // Locals, not closure slots: onMatch could (as far as the compiler knows) change those.
      const next = table;
      const cls = classOf;
      const width = C;
      const out = firstOut;
      let s = 0;
      for (let i = 0, n = text.length; i < n; i++) {
        s = next[s * width + cls[text.charCodeAt(i)]!]!;
        if (s >= out) {
          const k = s - out;
          for (let o = outStart[k]!, e = outStart[k + 1]!; o < e; o++) {
            const p = outIds[o]!;
            onMatch(p, i + 1 - lengths[p]!, i + 1);
          }
        }
      }
    },
    scanRaw(raw, tables, onMatch) {
      const fused = fusedOf(tables);
      const next = table;
      const width = C;
      const out = firstOut;
      let s = 0;
      let len = 0; // squeezed length so far
      // The last raw index not kept. A match that starts after it has as many raw code units
      // as squeezed ones, so its raw start needs no walk back (most matches: selling speech
      // drops a character every few words).
      let dropped = -1;
      for (let i = 0, n = raw.length; i < n; i++) {
        let x = fused[raw.charCodeAt(i)]!;
        if (x >= F_INNER) {
          if (x === F_SKIP || !innerKept(raw, i, tables)) {
            dropped = i;
            continue;
          }
          x = classOf[tables.fold[raw.charCodeAt(i)]!]!;
        }
        len++;
        s = next[s * width + x]!;
        if (s >= out) {
          const k = s - out;
          for (let o = outStart[k]!, end = outStart[k + 1]!; o < end; o++) {
            const p = outIds[o]!;
            const l = lengths[p]!;
            const from = i + 1 - l;
            onMatch(p, len - l, len, from > dropped ? from : rawStartOf(raw, i, l, fused, tables), i + 1);
          }
        }
      }
    },
  };
}

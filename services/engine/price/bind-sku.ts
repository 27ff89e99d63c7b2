/**
 * Binding an utterance (or one price inside it) to a sku (catalogue §1.3): a phrase of the
 * utterance that fuzzy-matches a product name of this session's cards (character-bigram Jaccard
 * ≥ 0.5) wins; otherwise the product being presented (`room.activeSku`). A price explicitly
 * about another item (`externalReference`: 刚刚那个/隔壁/专柜价…) never binds. Link numbers
 * ("3号链接") would need a link map the feed does not carry, so they are not used.
 */
import { BoundedMemo, NAME_MEMO_GENERATION } from '../memo.js';
import type { ProductCard } from '../state/room.js';

export const DEFAULT_MIN_JACCARD = 0.5;

export type SkuBinding = {
  sku: string | null;
  via: 'name' | 'active' | 'external' | 'none';
  /** Bigram Jaccard of the matched phrase (via 'name'). */
  score?: number;
  phrase?: string;
};

const NAME_SPLIT = /[\s,，、.。/|\\()（）【】\[\]\-_+*:：;；!！?？"“”'‘’#]+|\d+(?:\.\d+)?(?:ml|g|kg|l|cm|mm|件|片|粒|支|瓶|盒|袋|克|斤|毫升|只|个|套)?/iu;
/** Clause breaks: 。！？；，,!?; and newline. */
const CLAUSE_CHARS = new Uint8Array(0x10000);
for (const c of '。！？；，,!?;\n') CLAUSE_CHARS[c.charCodeAt(0)] = 1;
const isBreak = (text: string, i: number): boolean => CLAUSE_CHARS[text.charCodeAt(i)] === 1;

/** Folds for comparison: NFKC, lower case, no spaces. */
export function foldName(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/**
 * A bigram as one int32 (two UTF-16 code units): no string per bigram, and a small integer for
 * every pair (`a * 65536 + b` is a heap number once `a` ≥ U+8000, half of the CJK block, which
 * sets and maps then hash as doubles).
 */
const bigramAt = (s: string, i: number): number => (s.charCodeAt(i) << 16) | s.charCodeAt(i + 1);

export function bigrams(s: string): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i + 1 < s.length; i++) out.add(bigramAt(s, i));
  return out;
}

export function jaccard<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

const phraseMemo = new BoundedMemo<string, string[]>(NAME_MEMO_GENERATION);

/**
 * The phrases of a product name worth looking for: the whole name, its words of ≥ 3 characters,
 * and its tails of ≥ 3 characters — the head noun of a Chinese name is at its end, and people
 * say "保温杯" for "不锈钢保温杯". Memoised: product names repeat on every price event.
 */
export function namePhrases(productName: string): string[] {
  const hit = phraseMemo.get(productName);
  if (hit !== undefined) return hit;
  const whole = foldName(productName);
  const words = productName
    .split(NAME_SPLIT)
    .map((w) => (w === undefined ? '' : foldName(w)))
    .filter((w) => w.length >= 3);
  const out = new Set<string>(whole.length >= 2 ? [whole] : []);
  for (const w of words.length > 0 ? words : [whole]) {
    out.add(w);
    for (let i = 1; w.length - i >= 3; i++) out.add(w.slice(i));
  }
  const phrases = [...out];
  phraseMemo.set(productName, phrases);
  return phrases;
}

/** A phrase and the set of its bigrams. */
type Phrase = { phrase: string; target: Set<number> };

/**
 * A product name's phrases, and for each bigram of any of them the phrases that hold it: how
 * many of a phrase's bigrams a text says is then one lookup per bigram of the text, not one per
 * bigram of every phrase (a name's tails repeat its bigrams: 不锈钢保温杯, 锈钢保温杯, 钢保温杯, 保温杯).
 */
type NamePhrases = { phrases: Phrase[]; holders: Map<number, number[]> };

const phraseListMemo = new BoundedMemo<string, NamePhrases>(NAME_MEMO_GENERATION);

/** namePhrases(productName) with each phrase's bigrams, memoised by product name. */
function phrasesOf(productName: string): NamePhrases {
  let out = phraseListMemo.get(productName);
  if (out === undefined) {
    const phrases = namePhrases(productName).map((phrase) => {
      const target = bigrams(phrase);
      return { phrase, target };
    });
    const holders = new Map<number, number[]>();
    phrases.forEach((p, pi) => {
      for (const b of p.target) {
        const list = holders.get(b);
        if (list === undefined) holders.set(b, [pi]);
        else list.push(pi);
      }
    });
    out = { phrases, holders };
    phraseListMemo.set(productName, out);
  }
  return out;
}

/** A text's bigrams in order (`tb[i]` = text[i..i+2)) and as a set. */
type TextBigrams = { text: string; tb: number[]; set: Set<number> };

function textBigrams(text: string): TextBigrams {
  const tb: number[] = [];
  for (let i = 0; i + 1 < text.length; i++) tb.push(bigramAt(text, i));
  return { text, tb, set: new Set(tb) };
}

/**
 * Jaccard ≤ |shared| / |target|: a phrase with fewer than `floor` of its bigrams anywhere in the
 * text cannot score `floor` in any window of it (`present`: how many of them the text holds).
 */
const mayReach = (present: number, p: Phrase, floor: number): boolean => p.target.size > 0 && present > 0 && !(present / p.target.size < floor);

/** The best window of the text (the phrase's length ±1) by bigram Jaccard with the phrase. */
function bestWindow(t: TextBigrams, p: Phrase): { score: number; at: number } {
  const { text, tb } = t;
  const { phrase, target } = p;
  let best = { score: 0, at: -1 };
  // Each window's distinct bigrams kept as counts while it slides (the same score as
  // jaccard(bigrams(window), target), without a set per window).
  const counts = new Map<number, number>();
  for (const len of [phrase.length, phrase.length - 1, phrase.length + 1]) {
    if (len < 2 || len > text.length) continue;
    counts.clear();
    let inter = 0; // distinct bigrams of the window that are in the target
    for (let j = 0; j < len - 1; j++) {
      const b = tb[j]!;
      const k = counts.get(b) ?? 0;
      if (k === 0 && target.has(b)) inter++;
      counts.set(b, k + 1);
    }
    for (let i = 0; i + len <= text.length; i++) {
      if (i > 0) {
        const out = tb[i - 1]!;
        const k = counts.get(out)!;
        if (k === 1) {
          counts.delete(out);
          if (target.has(out)) inter--;
        } else counts.set(out, k - 1);
        const b = tb[i + len - 2]!;
        const n = counts.get(b) ?? 0;
        if (n === 0 && target.has(b)) inter++;
        counts.set(b, n + 1);
      }
      const s = inter === 0 ? 0 : inter / (counts.size + target.size - inter);
      if (s > best.score) best = { score: s, at: i };
    }
  }
  return best;
}

type CardMatch = { sku: string; score: number; phrase: string } | null;
type Cards = Readonly<Record<string, Pick<ProductCard, 'productName'>>>;

/**
 * The last few matchCard answers: every price rule binds the same prices of the same segment
 * against the same cards in turn (cards records are never mutated, so identity is their
 * version). A memo of a pure function.
 */
const MATCH_MEMO = 8;
const matchMemo: Array<{ text: string; cards: Cards; min: number; prefer: string | null; out: CardMatch }> = [];
let matchNext = 0;

/** The card whose name best matches a phrase of `text`, if any scores ≥ minJaccard. */
export function matchCard(text: string, cards: Cards, minJaccard = DEFAULT_MIN_JACCARD, prefer: string | null = null): CardMatch {
  for (let k = 0; k < matchMemo.length; k++) {
    const m = matchMemo[k]!;
    if (m.cards === cards && m.text === text && m.min === minJaccard && m.prefer === prefer) return m.out;
  }
  const out = matchCardUncached(text, cards, minJaccard, prefer);
  matchMemo[matchNext] = { text, cards, min: minJaccard, prefer, out };
  matchNext = (matchNext + 1) % MATCH_MEMO;
  return out;
}

/** Per phrase of one name, how many of its bigrams the text holds (reused: never two names at once). */
let presentScratch = new Int32Array(64);

function matchCardUncached(text: string, cards: Cards, minJaccard: number, prefer: string | null): CardMatch {
  let folded: TextBigrams | null = null;
  let best: CardMatch = null;
  for (const [sku, card] of Object.entries(cards)) {
    const { phrases, holders } = phrasesOf(card.productName);
    folded ??= textBigrams(foldName(text));
    if (presentScratch.length < phrases.length) presentScratch = new Int32Array(phrases.length * 2);
    const present = presentScratch;
    present.fill(0, 0, phrases.length);
    for (const b of folded.set) {
      const holding = holders.get(b);
      if (holding !== undefined) for (let k = 0; k < holding.length; k++) present[holding[k]!]!++;
    }
    for (let pi = 0; pi < phrases.length; pi++) {
      const p = phrases[pi]!;
      const score = mayReach(present[pi]!, p, minJaccard) ? bestWindow(folded, p).score : 0;
      if (score < minJaccard) continue;
      if (best === null || score > best.score || (score === best.score && sku === prefer)) best = { sku, score, phrase: p.phrase };
    }
  }
  return best;
}

const NUMERAL = /[0-9零〇一二两三四五六七八九十百千万]/;

/** The clause around [start, end) of `text`, and the clause before it. */
function clauses(text: string, start: number, end: number): [string, string] {
  let s = start;
  while (s > 0 && !isBreak(text, s - 1)) s--;
  let e = end;
  while (e < text.length && !isBreak(text, e)) e++;
  let ps = Math.max(0, s - 1);
  while (ps > 0 && !isBreak(text, ps - 1)) ps--;
  return [text.slice(s, e), text.slice(ps, Math.max(ps, s - 1))];
}

/**
 * Binds `text` (or the price at `span` inside it, of parser kind `kind`) to a sku of this
 * session. With a span, only the price's clause (and a price-free clause before it) is searched
 * for a product name, so "刚刚那个锅…，这个铲子十九块九" does not bind 19.9 to the pan.
 */
export function bindSku(
  room: { cards: Readonly<Record<string, Pick<ProductCard, 'productName'>>>; activeSku: string | null },
  text: string,
  opts: { span?: readonly [number, number]; kind?: string; minJaccard?: number } = {},
): SkuBinding {
  if (opts.kind === 'externalReference') return { sku: null, via: 'external' };
  const min = opts.minJaccard ?? DEFAULT_MIN_JACCARD;
  let m: CardMatch = null;
  if (opts.span === undefined) m = matchCard(text, room.cards, min, room.activeSku);
  else {
    // The price's clause; then the clause before it, unless that one carries a price of its own
    // ("这个保温杯呢，今天只要五十九" binds, "刚刚那个锅是一百九十九，这个铲子十九块九" does not).
    const [own, prev] = clauses(text, opts.span[0], opts.span[1]);
    m = matchCard(own, room.cards, min, room.activeSku);
    if (m === null && prev !== '' && !NUMERAL.test(prev)) m = matchCard(prev, room.cards, min, room.activeSku);
  }
  if (m !== null) return { sku: m.sku, via: 'name', score: m.score, phrase: m.phrase };
  if (room.activeSku !== null) return { sku: room.activeSku, via: 'active' };
  return { sku: null, via: 'none' };
}

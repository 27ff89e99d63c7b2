/**
 * Binding an utterance (or one price inside it) to a sku (catalogue §1.3): a phrase of the
 * utterance that fuzzy-matches a product name of this session's cards (character-bigram Jaccard
 * ≥ 0.5) wins; otherwise the product being presented (`room.activeSku`). A price explicitly
 * about another item (`externalReference`: 刚刚那个/隔壁/专柜价…) never binds. Link numbers
 * ("3号链接") would need a link map the feed does not carry, so they are not used.
 */
import type { ProductCard, RoomState } from '../state/room.js';

export const DEFAULT_MIN_JACCARD = 0.5;

export type SkuBinding = {
  sku: string | null;
  via: 'name' | 'active' | 'external' | 'none';
  /** Bigram Jaccard of the matched phrase (via 'name'). */
  score?: number;
  phrase?: string;
};

const NAME_SPLIT = /[\s,，、.。/|\\()（）【】\[\]\-_+*:：;；!！?？"“”'‘’#]+|\d+(?:\.\d+)?(?:ml|g|kg|l|cm|mm|件|片|粒|支|瓶|盒|袋|克|斤|毫升|只|个|套)?/iu;
const CLAUSE = /[。！？；，,!?;\n]/;

/** Folds for comparison: NFKC, lower case, no spaces. */
export function foldName(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

export function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) out.add(s.slice(i, i + 2));
  return out;
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

/** The phrases of a product name worth looking for: the whole name and its words of ≥ 3 characters. */
export function namePhrases(productName: string): string[] {
  const whole = foldName(productName);
  const words = productName
    .split(NAME_SPLIT)
    .map((w) => (w === undefined ? '' : foldName(w)))
    .filter((w) => w.length >= 3 && w !== whole);
  return whole.length >= 2 ? [whole, ...new Set(words)] : [...new Set(words)];
}

/** Best bigram Jaccard of any window of `text` against `phrase` (windows of the phrase's length ±1). */
export function phraseScore(text: string, phrase: string, floor = 0): { score: number; at: number } {
  const target = bigrams(phrase);
  let best = { score: 0, at: -1 };
  if (target.size === 0) return best;
  // Jaccard ≤ |shared| / |target|: a phrase with few of its bigrams anywhere in the text cannot match.
  let present = 0;
  for (const b of target) if (text.includes(b)) present++;
  if (present === 0 || present / target.size < floor) return best;
  for (const len of [phrase.length, phrase.length - 1, phrase.length + 1]) {
    if (len < 2 || len > text.length) continue;
    for (let i = 0; i + len <= text.length; i++) {
      const s = jaccard(bigrams(text.slice(i, i + len)), target);
      if (s > best.score) best = { score: s, at: i };
    }
  }
  return best;
}

/** The card whose name best matches a phrase of `text`, if any scores ≥ minJaccard. */
export function matchCard(
  text: string,
  cards: Readonly<Record<string, Pick<ProductCard, 'productName'>>>,
  minJaccard = DEFAULT_MIN_JACCARD,
  prefer: string | null = null,
): { sku: string; score: number; phrase: string } | null {
  const folded = foldName(text);
  let best: { sku: string; score: number; phrase: string } | null = null;
  for (const [sku, card] of Object.entries(cards)) {
    for (const phrase of namePhrases(card.productName)) {
      const { score } = phraseScore(folded, phrase, minJaccard);
      if (score < minJaccard) continue;
      if (best === null || score > best.score || (score === best.score && sku === prefer)) best = { sku, score, phrase };
    }
  }
  return best;
}

/** The clause around [start, end) of `text` and the clause before it. */
function clauseContext(text: string, start: number, end: number): string {
  let s = start;
  while (s > 0 && !CLAUSE.test(text[s - 1]!)) s--;
  if (s > 0) {
    s--; // step over the break into the previous clause
    while (s > 0 && !CLAUSE.test(text[s - 1]!)) s--;
  }
  let e = end;
  while (e < text.length && !CLAUSE.test(text[e]!)) e++;
  return text.slice(s, e);
}

/**
 * Binds `text` (or the price at `span` inside it, of parser kind `kind`) to a sku of this
 * session. With a span, only the price's clause and the clause before it are searched for a
 * product name, so "刚刚那个锅…，这个铲子十九块九" does not bind 19.9 to the pan.
 */
export function bindSku(
  room: Pick<RoomState, 'cards' | 'activeSku'>,
  text: string,
  opts: { span?: readonly [number, number]; kind?: string; minJaccard?: number } = {},
): SkuBinding {
  if (opts.kind === 'externalReference') return { sku: null, via: 'external' };
  const where = opts.span ? clauseContext(text, opts.span[0], opts.span[1]) : text;
  const m = matchCard(where, room.cards, opts.minJaccard ?? DEFAULT_MIN_JACCARD, room.activeSku);
  if (m !== null) return { sku: m.sku, via: 'name', score: m.score, phrase: m.phrase };
  if (room.activeSku !== null) return { sku: room.activeSku, via: 'active' };
  return { sku: null, via: 'none' };
}

/**
 * Shared plumbing of the spoken-price rules: the text a transcript is parsed in (the previous
 * segments of the last few seconds plus this one, so "今天到手……" / "……六十九" reads as one
 * claim, catalogue §1.4), a cheap "can this hold a number at all" gate, a one-entry parse memo
 * (every price rule parses the same segment), marker lists compiled from rule params, and
 * evidence excerpts. Pure: the memo only caches a pure function's last result.
 */
import type { EngineEvent, TranscriptEvent } from '../contracts/events.js';
import type { EvidenceEvent } from '../detectors/types.js';
import type { ProductCard, RecentSegment, RoomState } from '../state/room.js';
import { isBreak } from '../scope.js';
import { foldText } from './chinese-number.js';
import { parseSpokenPrice, type SpokenPrice } from './spoken-price.js';

export { foldText };

/** Arabic (ASCII or full-width) or Chinese numerals, 半(价) or 折: a segment without one holds no price. */
/**
 * Whether a segment can hold a price, a count or a discount at all: an Arabic digit, a Chinese
 * numeral next to another numeral or a unit (九十九, 五块, 八折, 三单), or 半价/对折/买一送一.
 * A lone 一 in 一下/一起/一点 — in nearly every sentence of natural speech — is not enough,
 * which keeps the parser off most segments (the parser itself never reads a lone numeral
 * without a unit as money).
 */
const NUMERAL =
  /[0-9０-９]|[零〇一二两俩仨三四五六七八九十百千万幺][零〇一二两俩仨三四五六七八九十百千万幺块元米折分毛角单件个套盒瓶支只条斤克岁号位名天秒点w]|半价|对折|买[一二两三]送/;
let numeralMemo: { text: string; has: boolean } = { text: '', has: false };
/** Every price rule asks this of the same segment in turn: a one-entry memo. */
export function hasNumeral(text: string): boolean {
  if (text !== numeralMemo.text) numeralMemo = { text, has: NUMERAL.test(text) };
  return numeralMemo.has;
}

/** Price conditions (catalogue §2.2): a price said with one of these is not a one-unit price. Regex sources. */
export const DEFAULT_CONDITION_MARKERS = [
  '会员',
  '新人',
  '新客',
  '[两俩二三四五六2-6]件',
  '第[二三2-3]件',
  '[0-9一二两三四五六七八九十百千]+件起',
  '拍[两俩二三四五2-5]',
  '券',
  '满[0-9一二两三四五六七八九十百千]+',
  '前[0-9一二两三四五六七八九十百千]+(?:名|单|位|个)',
  '定金',
  '尾款',
  '以旧换新',
  '国补',
  '补贴',
  '粉丝团',
  '买[一二两三1-3]送[一二两1-2]',
  '加购',
  '预售',
];

/** The clause breaks of spoken price claims: scope's (without \r) plus … ~ ～, by code unit. */
function isClauseBreak(c: number): boolean {
  return (c !== 0x0d && isBreak(c)) || c === 0x2026 || c === 0x7e || c === 0xff5e; // … ~ ～
}

export type SpokenText = {
  /** The last clause of the previous segment (within the window) followed by this one, folded (same length: full width, case, a few traditional characters). */
  text: string;
  /** Offset in `text` where the current segment starts. */
  currentStart: number;
  /** The previous segment whose last clause is joined in front (evidence). */
  previous: RecentSegment[];
};

/** The current segment with the previous ones of the last `windowMs` in front (catalogue §1.4). */
export function spokenText(event: TranscriptEvent, room: Pick<RoomState, 'recent'>, windowMs: number): SpokenText {
  // Every price rule asks for the same event's text in turn: a one-entry memo (pure inputs).
  const m = textMemo;
  if (m !== null && m.event === event && m.recent === room.recent && m.windowMs === windowMs) return m.out;
  const out = joinSpoken(event, room, windowMs);
  textMemo = { event, recent: room.recent, windowMs, out };
  return out;
}

let textMemo: { event: TranscriptEvent; recent: RoomState['recent']; windowMs: number; out: SpokenText } | null = null;

/**
 * Trailing clauses of the previous segment joined in front of the current one. A price split
 * over two segments ("今天到手……" / "……六十九") is completed by the previous segment's last
 * clause; its earlier clauses were parsed when it was current (measured on the labelled set and
 * the bench stream: the same alerts, and a shorter text to parse for every price rule).
 */
const PREVIOUS_CLAUSES = 1;

/** The last `n` clauses of `text` (a break that ends the text does not start a clause). */
function lastClauses(text: string, n: number): string {
  let i = text.length;
  while (i > 0 && isClauseBreak(text.charCodeAt(i - 1))) i--;
  for (let left = n; i > 0; i--) {
    if (isClauseBreak(text.charCodeAt(i - 1)) && --left === 0) break;
  }
  return i === 0 ? text : text.slice(i);
}

function joinSpoken(event: TranscriptEvent, room: Pick<RoomState, 'recent'>, windowMs: number): SpokenText {
  // The previous segment only (when recent enough), and only its last clause: a price split
  // over two segments is completed by the second, and parsing longer joins costs more than it finds.
  const last = room.recent[room.recent.length - 1];
  const previous = last !== undefined && last.at <= event.at && event.at - last.at <= windowMs ? [last] : [];
  let text = '';
  for (const p of previous) text += foldText(lastClauses(p.text, PREVIOUS_CLAUSES)); // folding keeps clause breaks
  const currentStart = text.length;
  text += foldText(event.text);
  return { text, currentStart, previous };
}

let memo: { key: string; out: SpokenPrice[] } | null = null;

/** parseSpokenPrice with a one-entry memo: the price rules all parse the same segment in turn. */
export function parsePrices(text: string, referencePrice?: number): SpokenPrice[] {
  const key = referencePrice === undefined ? text : `${text}\u0000${referencePrice}`;
  if (memo !== null && memo.key === key) return memo.out;
  const out = parseSpokenPrice(text, referencePrice === undefined ? undefined : { referencePrice });
  memo = { key, out };
  return out;
}

/** regex source → segment → whether the regex matches its folded text. Segments are immutable and shared across events. */
const recentTests = new Map<string, WeakMap<RecentSegment, boolean>>();
/** The same memo per compiled regex (rules keep theirs): no key string built per call. */
const recentTestsOf = new WeakMap<RegExp, WeakMap<RecentSegment, boolean>>();

function testsOf(re: RegExp): WeakMap<RecentSegment, boolean> {
  let seen = recentTestsOf.get(re);
  if (seen === undefined) {
    if (re.global || re.sticky) throw new Error('recentMatches needs a regex without g/y (test() would keep state)');
    const key = `${re.flags}/${re.source}`;
    seen = recentTests.get(key);
    if (seen === undefined) recentTests.set(key, (seen = new WeakMap()));
    recentTestsOf.set(re, seen);
  }
  return seen;
}

/**
 * Whether one of the room's remembered segments of the last `lookbackMs` matches `re` (on its
 * folded text). Each segment is tested once per regex source and remembered: the segments stay
 * in `room.recent` for several events, and several rules ask the same question.
 */
export function recentMatches(room: Pick<RoomState, 'recent'>, at: number, lookbackMs: number, re: RegExp): boolean {
  const seen = testsOf(re);
  for (const r of room.recent) {
    if (at - r.at > lookbackMs) continue;
    let hit = seen.get(r);
    if (hit === undefined) seen.set(r, (hit = re.test(foldText(r.text))));
    if (hit) return true;
  }
  return false;
}

/** Words before an unmarked amount that make it the price on offer ("拍下就是三十九块九"). Regex sources. */
export const DEFAULT_FINAL_CUES = ['拍下', '直接拍', '下单', '就是', '只卖', '给到', '到手', '秒杀', '一口价', '现价', '直播间价', '活动价', '福利价', '今天', '现在', '只要', '统统', '通通', '一律'];

/** Words before an unmarked amount that make it an own-shop reference ("之前一直卖两百四十九"). Regex sources. */
export const DEFAULT_REFERENCE_CUES = ['之前', '以前', '平时', '平常', '一直卖', '日常', '原来', '原价', '本来', '往常'];

/** Corrections of a price just said ("说错了，是六十九"). Regex sources. */
export const DEFAULT_CORRECTION_MARKERS = ['说错了', '口误', '更正', '纠正', '搞错了', '不对不对', '看错了'];

const MONEY_KINDS = new Set(['final', 'amount', 'reference', 'externalReference']);
/** A parsed item that is an amount of money (not a count, ratio or vague bound). */
export const isMoney = (p: SpokenPrice): boolean => MONEY_KINDS.has(p.kind) && p.value !== undefined && p.range === undefined && !(p.unit ?? '').startsWith('per:');

/**
 * The role of a money item, with unmarked amounts read by the words before them in their clause:
 * a final cue makes it 'final', a reference cue 'reference' (the parser's own markers win).
 */
export function roleOf(p: SpokenPrice, text: string, cues: { final: RegExp; reference: RegExp }): SpokenPrice['kind'] {
  if (p.kind !== 'amount' || p.marker !== undefined) return p.kind;
  const [cs] = clauseAt(text, p.span[0]);
  const before = text.slice(cs, p.span[0]);
  if (cues.reference.test(before)) return 'reference';
  if (cues.final.test(before)) return 'final';
  return 'amount';
}

/** A marker list from rule params (each entry a regex source) as one regex. */
export function markerRegex(markers: readonly string[], flags = 'u'): RegExp {
  if (markers.length === 0) return /(?!)/;
  // Longest first, so 卖出去 wins over 卖出 at the same position.
  return new RegExp([...markers].sort((a, b) => b.length - a.length).map((m) => `(?:${m})`).join('|'), flags);
}

/** [start, end) of the clause of `text` around position `at`. */
export function clauseAt(text: string, at: number): [number, number] {
  let s = Math.min(at, text.length);
  while (s > 0 && !isClauseBreak(text.charCodeAt(s - 1))) s--;
  let e = Math.max(at, 0);
  while (e < text.length && !isClauseBreak(text.charCodeAt(e))) e++;
  return [s, e];
}

export const fen = (yuan: number): number => Math.round(yuan * 100);

export const displayedFen = (card: Pick<ProductCard, 'liveFen' | 'listedFen'>): number => card.liveFen ?? card.listedFen;

export const referenceFen = (card: Pick<ProductCard, 'originalFen' | 'listedFen'>): number => card.originalFen ?? card.listedFen;

const EXCERPT = 200;

export function segmentEvidence(s: Pick<RecentSegment, 'coords' | 'ts' | 'text'>): EvidenceEvent {
  return { ...s.coords, type: 'transcript', ts: s.ts, excerpt: s.text.slice(0, EXCERPT) };
}

export function cardEvidence(c: ProductCard): EvidenceEvent {
  const y = (f: number | null) => (f === null ? '-' : String(f / 100));
  return {
    ...c.coords,
    type: 'price',
    ts: c.ts,
    excerpt: `${c.productName} 标价${y(c.listedFen)} 划线${y(c.originalFen)} 直播价${y(c.liveFen)} 结算${y(c.checkoutFen)}${c.stock === null ? '' : ` 库存${c.stock}`}`,
  };
}

/** A transcript event as a remembered claim segment. */
export function asSegment(e: TranscriptEvent): RecentSegment {
  return { text: e.text, at: e.at, ts: e.ts, speaker: e.speaker, coords: e.coords };
}

export const isTranscript = (e: EngineEvent): e is TranscriptEvent => e.type === 'transcript';

/** Keeps the last `max` entries of a record by insertion order. */
export function capRecord<T>(r: Record<string, T>, max: number): Record<string, T> {
  const keys = Object.keys(r);
  if (keys.length <= max) return r;
  return Object.fromEntries(keys.slice(-max).map((k) => [k, r[k]!]));
}

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
import { parseSpokenPrice, type SpokenPrice } from './spoken-price.js';

/** Arabic (ASCII or full-width) or Chinese numerals: a segment without one holds no price. */
const NUMERAL = /[0-9０-９零〇一二两俩仨三四五六七八九十百千万幺]/;
export const hasNumeral = (text: string): boolean => NUMERAL.test(text);

export const CLAUSE_BREAK = /[。！？；，,!?;\n…~～]/;

export type SpokenText = {
  /** Previous segments (within the window, oldest first) followed by this one, NFKC-folded. */
  text: string;
  /** Offset in `text` where the current segment starts. */
  currentStart: number;
  /** The previous segments joined in front. */
  previous: RecentSegment[];
};

/** The current segment with the previous ones of the last `windowMs` in front (catalogue §1.4). */
export function spokenText(event: TranscriptEvent, room: Pick<RoomState, 'recent'>, windowMs: number): SpokenText {
  const previous = room.recent.filter((r) => r.at <= event.at && event.at - r.at <= windowMs);
  let text = '';
  for (const p of previous) text += p.text.normalize('NFKC');
  const currentStart = text.length;
  text += event.text.normalize('NFKC');
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

/** A marker list from rule params (each entry a regex source) as one regex. */
export function markerRegex(markers: readonly string[], flags = 'u'): RegExp {
  if (markers.length === 0) return /(?!)/;
  return new RegExp(markers.map((m) => `(?:${m})`).join('|'), flags);
}

/** [start, end) of the clause of `text` around position `at`. */
export function clauseAt(text: string, at: number): [number, number] {
  let s = Math.min(at, text.length);
  while (s > 0 && !CLAUSE_BREAK.test(text[s - 1]!)) s--;
  let e = Math.max(at, 0);
  while (e < text.length && !CLAUSE_BREAK.test(text[e]!)) e++;
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

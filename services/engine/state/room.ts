/**
 * Per-room state. Plain JSON data only: it is written to supervisor.state as is and restored
 * from it by whichever worker owns the room next. Every collection in it is bounded.
 *
 * Shared context that several rules read (catalogue §1.2) lives here and is kept by
 * evaluate(); what only one rule needs lives in that rule's detector state (`rules`).
 */
import type { Coordinates } from '../contracts/events.js';

export type RoomMeta = {
  platform: string;
  streamerId: string;
  anchorType: 'human' | 'digital-human';
  aiLabelShown: boolean | null;
  sellerAuthorizations: string[] | null;
};

/** The last product card of a sku in this session: every price field in fen, as shown. */
export type ProductCard = {
  productName: string;
  brand: string | null;
  listedFen: number;
  originalFen: number | null;
  liveFen: number | null;
  checkoutFen: number | null;
  stock: number | null;
  at: number;
  ts: string;
  coords: Coordinates;
};

/**
 * Orders of one sku in this venue, ascending by time, bounded: order i was placed at `at[i]`
 * (epoch ms) for `fen[i]`. Two arrays of numbers rather than one array of [at, fen] pairs: a
 * pair is an array object of its own, ≈ 72 B of heap per order against 16, and a busy venue
 * keeps up to MAX_ORDERS_PER_SKU orders of each of up to MAX_ORDER_SKUS skus.
 */
export type SkuOrders = {
  at: number[];
  fen: number[];
  /** The newest order pruned from the arrays, [epoch ms, fen]: still the "last transaction price" before them. */
  dropped: [number, number] | null;
};

/** A recent transcript segment (the transcript window of catalogue §1.2). */
export type RecentSegment = { text: string; at: number; ts: string; speaker: string | null; coords: Coordinates };

/** The open alert for a dedupe key: repeats within the cooldown raise `occurrences`. */
export type OpenAlert = { id: string; firstSeen: string; lastSeen: string; lastAt: number; occurrences: number };

export type RoomState = {
  v: 3;
  roomId: string;
  sessionId: string | null;
  meta: RoomMeta | null;
  /** The sku of the most recent price event: the product being presented. */
  activeSku: string | null;
  /** Last product card per sku in this session (bounded by MAX_SKUS). */
  cards: Record<string, ProductCard>;
  /** Order history per sku of this room (the venue; catalogue §1.1 shopKey = roomId), across sessions. */
  orders: Record<string, SkuOrders>;
  /**
   * The last transcript segments of this session, oldest first (≤ RECENT_MAX, ≤ RECENT_MS old).
   * The newest is the previous segment, whose end is joined in front of the next one for matches
   * split across segments (catalogue §1.4).
   */
  recent: RecentSegment[];
  /**
   * Detector state by rule id. evaluate() keeps it with every rule id of its ruleset, in ruleset
   * order, undefined where a rule has no state yet (JSON drops those; they come back on the next
   * event).
   */
  rules: Record<string, unknown>;
  /** Dedupe register: `${ruleId}\u0000${sku}\u0000${key}` → open alert. */
  alerts: Record<string, OpenAlert>;
  /** Per rule: the last new alert of a transcript rule, for the 60 s per-room cap. */
  lastNew: Record<string, { key: string; at: number }>;
  /** Event time of the newest event seen (watermark for eviction). */
  lastAt: number;
};

export const MAX_SKUS = 50;
export const MAX_OPEN_ALERTS = 200;
export const MAX_ORDERS_PER_SKU = 400;
export const MAX_ORDER_SKUS = 200;
/** Orders older than this (relative to the newest order of the sku) are pruned. */
export const ORDER_RETENTION_MS = 400 * 86_400_000;
export const RECENT_MAX = 6;
export const RECENT_MS = 120_000;

export function newRoom(roomId: string): RoomState {
  return {
    v: 3,
    roomId,
    sessionId: null,
    meta: null,
    activeSku: null,
    cards: {},
    orders: {},
    recent: [],
    rules: {},
    alerts: {},
    lastNew: {},
    lastAt: 0,
  };
}

/**
 * A shallow copy of a room state, to change a few fields of (evaluate never mutates its input).
 * Field by field, not a spread: an object literal of a fixed shape is over ten times cheaper than
 * spreading this 13-key object on Node 20, and the type checker keeps the list complete.
 */
export function copyRoom(r: RoomState): RoomState {
  return {
    v: r.v,
    roomId: r.roomId,
    sessionId: r.sessionId,
    meta: r.meta,
    activeSku: r.activeSku,
    cards: r.cards,
    orders: r.orders,
    recent: r.recent,
    rules: r.rules,
    alerts: r.alerts,
    lastNew: r.lastNew,
    lastAt: r.lastAt,
  };
}

/**
 * `xs` with `x` inserted at `i`, in an array of exactly the new length: the state keeps it, and
 * `push` or `splice` would leave room for ≈ 16 more numbers in each array (V8's growth step).
 */
const inserted = (xs: readonly number[], i: number, x: number): number[] => (i === xs.length ? xs.concat([x]) : xs.slice(0, i).concat([x], xs.slice(i)));

/** Adds an order, keeping the arrays sorted and bounded; the newest pruned order stays as `dropped`. */
export function addOrder(prev: SkuOrders | undefined, at: number, fen: number): SkuOrders {
  if (prev === undefined) return { at: [at], fen: [fen], dropped: null };
  let i = prev.at.length;
  while (i > 0 && prev.at[i - 1]! > at) i--;
  const ats = inserted(prev.at, i, at);
  const fens = inserted(prev.fen, i, fen);
  let dropped = prev.dropped;
  const newest = ats[ats.length - 1]!;
  let cut = 0;
  while (ats.length - cut > MAX_ORDERS_PER_SKU || (ats.length - cut > 1 && ats[cut]! < newest - ORDER_RETENTION_MS)) {
    if (dropped === null || ats[cut]! >= dropped[0]) dropped = [ats[cut]!, fens[cut]!];
    cut++;
  }
  return cut === 0 ? { at: ats, fen: fens, dropped } : { at: ats.slice(cut), fen: fens.slice(cut), dropped };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Shape check of the current version's snapshot (the parts evaluate() reads without looking). */
function isRoomState(x: unknown): x is RoomState {
  if (!isRecord(x)) return false;
  const r = x as Partial<RoomState>;
  return (
    r.v === 3 &&
    typeof r.roomId === 'string' &&
    isRecord(r.rules) &&
    isRecord(r.alerts) &&
    isRecord(r.cards) &&
    isRecord(r.orders) &&
    Array.isArray(r.recent) &&
    isRecord(r.lastNew) &&
    typeof r.lastAt === 'number'
  );
}

const isPair = (p: unknown): p is [number, number] => Array.isArray(p) && p.length === 2 && typeof p[0] === 'number' && typeof p[1] === 'number';

/** A version 2 sku's orders ({ orders: [[at, fen], …], dropped }) as version 3 keeps them, or null if it is not one. */
function upgradeOrders(x: unknown): SkuOrders | null {
  if (!isRecord(x) || !Array.isArray(x.orders) || !(x.dropped === null || isPair(x.dropped))) return null;
  const at: number[] = [];
  const fen: number[] = [];
  for (const p of x.orders as unknown[]) {
    if (!isPair(p)) return null;
    at.push(p[0]);
    fen.push(p[1]);
  }
  return { at, fen, dropped: x.dropped };
}

/**
 * A room state from a snapshot read back from supervisor.state, or null when it is none.
 * Another version of the worker may have written it: version 2 (orders as [at, fen] pairs, and
 * a separate copy of the previous segment's end) is upgraded, so a rolling upgrade keeps every
 * room's venue history.
 */
export function roomFromSnapshot(x: unknown): RoomState | null {
  if (isRoomState(x)) return x;
  if (!isRecord(x) || x.v !== 2 || !isRecord(x.orders)) return null;
  const orders: Record<string, SkuOrders> = {};
  for (const sku in x.orders) {
    const o = upgradeOrders(x.orders[sku]);
    if (o === null) return null;
    orders[sku] = o;
  }
  // Version 2 also kept the previous segment's end as `tail`: the window's newest segment is it.
  const { tail: _tail, ...rest } = x;
  const up = { ...rest, v: 3, orders };
  return isRoomState(up) ? up : null;
}

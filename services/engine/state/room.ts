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

/** Orders of one sku in this venue: [epoch ms, paid fen], ascending by time, bounded. */
export type SkuOrders = {
  orders: Array<[number, number]>;
  /** The newest order pruned from `orders`: still the "last transaction price" before them. */
  dropped: [number, number] | null;
};

/** A recent transcript segment (the transcript window of catalogue §1.2). */
export type RecentSegment = { text: string; at: number; ts: string; speaker: string | null; coords: Coordinates };

/** The open alert for a dedupe key: repeats within the cooldown raise `occurrences`. */
export type OpenAlert = { id: string; firstSeen: string; lastSeen: string; lastAt: number; occurrences: number };

export type RoomState = {
  v: 2;
  roomId: string;
  sessionId: string | null;
  meta: RoomMeta | null;
  /** The sku of the most recent price event: the product being presented. */
  activeSku: string | null;
  /** Last product card per sku in this session (bounded by MAX_SKUS). */
  cards: Record<string, ProductCard>;
  /** Order history per sku of this room (the venue; catalogue §1.1 shopKey = roomId), across sessions. */
  orders: Record<string, SkuOrders>;
  /** The previous transcript segment, for matches split across segments (catalogue §1.4). */
  tail: { text: string; at: number; ts: string; coords: Coordinates } | null;
  /** The last transcript segments of this session, oldest first (≤ RECENT_MAX, ≤ RECENT_MS old). */
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
    v: 2,
    roomId,
    sessionId: null,
    meta: null,
    activeSku: null,
    cards: {},
    orders: {},
    tail: null,
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
    tail: r.tail,
    recent: r.recent,
    rules: r.rules,
    alerts: r.alerts,
    lastNew: r.lastNew,
    lastAt: r.lastAt,
  };
}

/** Adds an order, keeping the list sorted and bounded; the newest pruned order stays as `dropped`. */
export function addOrder(prev: SkuOrders | undefined, at: number, fen: number): SkuOrders {
  const orders = prev ? [...prev.orders] : [];
  let dropped = prev?.dropped ?? null;
  let i = orders.length;
  while (i > 0 && orders[i - 1]![0] > at) i--;
  orders.splice(i, 0, [at, fen]);
  const newest = orders[orders.length - 1]![0];
  while (orders.length > MAX_ORDERS_PER_SKU || (orders.length > 1 && orders[0]![0] < newest - ORDER_RETENTION_MS)) {
    const old = orders.shift()!;
    if (dropped === null || old[0] >= dropped[0]) dropped = old;
  }
  return { orders, dropped };
}

/** Shape check for a snapshot read back from supervisor.state (another version may have written it). */
export function isRoomState(x: unknown): x is RoomState {
  if (typeof x !== 'object' || x === null) return false;
  const r = x as Partial<RoomState>;
  const isRecord = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
  return (
    r.v === 2 &&
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

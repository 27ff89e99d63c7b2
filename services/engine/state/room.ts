/**
 * Per-room state. Plain JSON data only: it is written to supervisor.state as is and restored
 * from it by whichever worker owns the room next. Every collection in it is bounded.
 */
import type { Coordinates } from '../contracts/events.js';

export type RoomMeta = {
  platform: string;
  streamerId: string;
  anchorType: 'human' | 'digital-human';
  aiLabelShown: boolean | null;
  sellerAuthorizations: string[] | null;
};

export type ProductCard = { productName: string; brand: string | null };

/** The open alert for a dedupe key: repeats within the cooldown raise `occurrences`. */
export type OpenAlert = { id: string; firstSeen: string; lastSeen: string; lastAt: number; occurrences: number };

export type RoomState = {
  v: 1;
  roomId: string;
  sessionId: string | null;
  meta: RoomMeta | null;
  /** The sku of the most recent price event: the product being presented. */
  activeSku: string | null;
  /** Last product card per sku in this session (bounded by MAX_SKUS). */
  cards: Record<string, ProductCard>;
  /** The previous transcript segment, for matches split across segments (catalogue §1.4). */
  tail: { text: string; at: number; ts: string; coords: Coordinates } | null;
  /** Detector state by rule id. */
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

export function newRoom(roomId: string): RoomState {
  return { v: 1, roomId, sessionId: null, meta: null, activeSku: null, cards: {}, tail: null, rules: {}, alerts: {}, lastNew: {}, lastAt: 0 };
}

/** Shape check for a snapshot read back from supervisor.state (another version may have written it). */
export function isRoomState(x: unknown): x is RoomState {
  if (typeof x !== 'object' || x === null) return false;
  const r = x as Partial<RoomState>;
  const isRecord = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
  return (
    r.v === 1 &&
    typeof r.roomId === 'string' &&
    isRecord(r.rules) &&
    isRecord(r.alerts) &&
    isRecord(r.cards) &&
    isRecord(r.lastNew) &&
    typeof r.lastAt === 'number'
  );
}

/**
 * Wire shapes of the input events (DESIGN.md "Input events") and the engine's own event type.
 * Money is yuan on the wire and integer fen inside; time is ISO-8601 on the wire and epoch ms
 * inside. The conversion happens once, in decode.ts.
 */
import { z } from 'zod';

// An ISO-8601 date-time with an explicit offset or Z. Checked cheaply with Date.parse in decode.
const Ts = z.string().min(10).max(40);
const Money = z.number().finite().nonnegative().max(100_000_000);
const Id = z.string().min(1).max(200);

const Common = { roomId: Id, sessionId: Id, ts: Ts };

export const RoomWireSchema = z.looseObject({
  type: z.literal('room'),
  ...Common,
  platform: z.string().min(1).max(100),
  streamerId: Id,
  anchorType: z.enum(['human', 'digital-human']),
  aiLabelShown: z.boolean().optional(),
  sellerAuthorizations: z.array(z.string().max(200)).max(500).optional(),
  status: z.enum(['live', 'ended']).optional(),
});

export const TranscriptWireSchema = z.looseObject({
  type: z.literal('transcript'),
  ...Common,
  text: z.string().max(4000),
  speaker: z.string().max(50).optional(),
  seq: z.number().int().optional(),
});

export const PriceWireSchema = z.looseObject({
  type: z.literal('price'),
  ...Common,
  sku: Id,
  productName: z.string().min(1).max(500),
  brand: z.string().max(200).optional(),
  listedPrice: Money,
  originalPrice: Money.optional(),
  livePrice: Money.optional(),
  checkoutPrice: Money.optional(),
  currency: z.literal('CNY'),
  stock: z.number().int().nonnegative().optional(),
});

export const OrderWireSchema = z.looseObject({
  type: z.literal('order'),
  ...Common,
  sku: Id,
  paidPrice: Money,
});

export const EVENT_TYPES = ['room', 'transcript', 'price', 'order'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const EventWireSchemas = {
  room: RoomWireSchema,
  transcript: TranscriptWireSchema,
  price: PriceWireSchema,
  order: OrderWireSchema,
} as const;

/*
 * Hand-written checks of the same shapes, for the hot path: `decode` runs the zod schema only
 * when one of these says no, so every error message is zod's and a guard may say no to a valid
 * event (the schema then accepts it) but must never say yes to one its schema rejects.
 * events.test.ts checks that against the schemas on generated values, bounds included, and that
 * the guards pass real events. Change a schema, change its guard.
 */
type Wire = Record<string, unknown>;
/**
 * zod measures strings in code points, not UTF-16 units. Within [max(min, 2·min), max] units a
 * string is within [min, max] code points for sure (a code point is one or two units; one
 * unit is one code point when min ≤ 1); outside it, the schema decides.
 */
const str = (v: unknown, min: number, max: number): boolean => typeof v === 'string' && v.length <= max && v.length >= (min <= 1 ? min : 2 * min);
const optStr = (v: unknown, max: number): boolean => v === undefined || (typeof v === 'string' && v.length <= max);
const money = (v: unknown): boolean => typeof v === 'number' && v >= 0 && v <= 100_000_000;
const optMoney = (v: unknown): boolean => v === undefined || money(v);
const optInt = (v: unknown, min: number): boolean => v === undefined || (Number.isSafeInteger(v) && (v as number) >= min);
const common = (w: Wire): boolean => str(w.roomId, 1, 200) && str(w.sessionId, 1, 200) && str(w.ts, 10, 40);

function isAuthorizations(v: unknown): boolean {
  if (v === undefined) return true;
  if (!Array.isArray(v) || v.length > 500) return false;
  for (let i = 0; i < v.length; i++) if (!str(v[i], 0, 200)) return false;
  return true;
}

export const EventWireGuards: { readonly [T in EventType]: (w: Wire) => boolean } = {
  room: (w) =>
    w.type === 'room' &&
    common(w) &&
    str(w.platform, 1, 100) &&
    str(w.streamerId, 1, 200) &&
    (w.anchorType === 'human' || w.anchorType === 'digital-human') &&
    (w.aiLabelShown === undefined || typeof w.aiLabelShown === 'boolean') &&
    isAuthorizations(w.sellerAuthorizations) &&
    (w.status === undefined || w.status === 'live' || w.status === 'ended'),
  transcript: (w) => w.type === 'transcript' && common(w) && str(w.text, 0, 4000) && optStr(w.speaker, 50) && optInt(w.seq, -Infinity),
  price: (w) =>
    w.type === 'price' &&
    common(w) &&
    str(w.sku, 1, 200) &&
    str(w.productName, 1, 500) &&
    optStr(w.brand, 200) &&
    money(w.listedPrice) &&
    optMoney(w.originalPrice) &&
    optMoney(w.livePrice) &&
    optMoney(w.checkoutPrice) &&
    w.currency === 'CNY' &&
    optInt(w.stock, 0),
  order: (w) => w.type === 'order' && common(w) && str(w.sku, 1, 200) && money(w.paidPrice),
};

export type RoomWire = z.infer<typeof RoomWireSchema>;
export type TranscriptWire = z.infer<typeof TranscriptWireSchema>;
export type PriceWire = z.infer<typeof PriceWireSchema>;
export type OrderWire = z.infer<typeof OrderWireSchema>;
export type EventWire = RoomWire | TranscriptWire | PriceWire | OrderWire;

/** Where an event came from: a Kafka record, or a line of a file (`supervisor scan`). */
export type Coordinates = { topic: string; partition: number; offset: number };

type Base = { roomId: string; sessionId: string; ts: string; at: number; coords: Coordinates };

export type RoomEvent = Base & {
  type: 'room';
  platform: string;
  streamerId: string;
  anchorType: 'human' | 'digital-human';
  aiLabelShown: boolean | null;
  sellerAuthorizations: string[] | null;
  status: 'live' | 'ended' | null;
};
export type TranscriptEvent = Base & { type: 'transcript'; text: string; speaker: string | null; seq: number | null };
export type PriceEvent = Base & {
  type: 'price';
  sku: string;
  productName: string;
  brand: string | null;
  listedFen: number;
  originalFen: number | null;
  liveFen: number | null;
  checkoutFen: number | null;
  stock: number | null;
};
export type OrderEvent = Base & { type: 'order'; sku: string; paidFen: number };

export type EngineEvent = RoomEvent | TranscriptEvent | PriceEvent | OrderEvent;

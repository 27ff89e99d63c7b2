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

export type RoomWire = z.infer<typeof RoomWireSchema>;
export type TranscriptWire = z.infer<typeof TranscriptWireSchema>;
export type PriceWire = z.infer<typeof PriceWireSchema>;
export type OrderWire = z.infer<typeof OrderWireSchema>;

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

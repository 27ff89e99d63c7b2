/**
 * The edge of the engine: raw bytes → EngineEvent. Size cap, JSON, zod shape check, yuan → fen,
 * ISO → epoch ms, once per message. Everything after this trusts the event.
 */
import { z } from 'zod';
import {
  EventWireSchemas,
  type Coordinates,
  type EngineEvent,
  type EventType,
  type OrderWire,
  type PriceWire,
  type RoomWire,
  type TranscriptWire,
} from './contracts/events.js';
import { fail, ok, type Result } from './result.js';

export const MAX_EVENT_BYTES = 64 * 1024;

export type DecodeError =
  | 'DECODE_EMPTY'
  | 'DECODE_SIZE'
  | 'DECODE_NOT_JSON'
  | 'DECODE_NOT_OBJECT'
  | 'DECODE_UNKNOWN_TYPE'
  | 'DECODE_SHAPE'
  | 'DECODE_BAD_TIME'
  | 'DECODE_WRONG_TOPIC';

export type DecodeInput = {
  value: Buffer | string | null;
  coords: Coordinates;
  /** When set, the event's type must belong on this topic (live.price carries price events…). */
  expectedTopicType?: EventType | undefined;
};

const toFen = (yuan: number): number => Math.round(yuan * 100);
const optFen = (yuan: number | undefined): number | null => (yuan === undefined ? null : toFen(yuan));

const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/** Epoch ms of an ISO-8601 date-time with an offset; null for anything else, impossible dates included. */
export function parseIsoTime(ts: string): number | null {
  const m = ISO_TIME.exec(ts);
  if (m === null) return null;
  const [, y, mo, d, h, mi, s] = m;
  const day = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (day.getUTCMonth() !== Number(mo) - 1 || day.getUTCDate() !== Number(d)) return null; // 2026-02-30
  if (Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59) return null;
  const at = Date.parse(ts);
  return Number.isNaN(at) ? null : at;
}

export function decodeEvent(input: DecodeInput): Result<EngineEvent, DecodeError> {
  const { value } = input;
  if (value === null || value.length === 0) return fail('DECODE_EMPTY', 'message has no value');
  // Bytes, not characters, for strings too: `supervisor scan` must reject what the worker rejects.
  const bytes = typeof value === 'string' ? (value.length * 3 <= MAX_EVENT_BYTES ? value.length : Buffer.byteLength(value)) : value.length;
  if (bytes > MAX_EVENT_BYTES) return fail('DECODE_SIZE', `message is ${bytes} bytes, over the ${MAX_EVENT_BYTES}-byte cap`);
  let raw: unknown;
  try {
    raw = JSON.parse(typeof value === 'string' ? value : value.toString('utf8'));
  } catch (err) {
    return fail('DECODE_NOT_JSON', `value is not JSON: ${(err as Error).message}`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail('DECODE_NOT_OBJECT', 'event must be a JSON object');
  const type = (raw as { type?: unknown }).type;
  if (typeof type !== 'string' || !Object.hasOwn(EventWireSchemas, type)) {
    return fail('DECODE_UNKNOWN_TYPE', `unknown event type ${JSON.stringify(type)}; expected room, transcript, price or order`);
  }
  const eventType = type as EventType;
  if (input.expectedTopicType !== undefined && input.expectedTopicType !== eventType) {
    return fail('DECODE_WRONG_TOPIC', `a ${eventType} event on the ${input.expectedTopicType} topic`);
  }
  const parsed = EventWireSchemas[eventType].safeParse(raw);
  if (!parsed.success) return fail('DECODE_SHAPE', z.prettifyError(parsed.error));
  const wire = parsed.data;
  const at = parseIsoTime(wire.ts);
  if (at === null) {
    return fail('DECODE_BAD_TIME', `ts ${JSON.stringify(wire.ts)} is not an ISO-8601 time with an offset`);
  }
  const { roomId, sessionId, ts } = wire;
  const coords = input.coords;
  switch (wire.type) {
    case 'room': {
      const w = wire as RoomWire;
      return ok({
        type: 'room',
        roomId,
        sessionId,
        ts,
        at,
        coords,
        platform: w.platform,
        streamerId: w.streamerId,
        anchorType: w.anchorType,
        aiLabelShown: w.aiLabelShown ?? null,
        sellerAuthorizations: w.sellerAuthorizations ?? null,
        status: w.status ?? null,
      });
    }
    case 'transcript': {
      const w = wire as TranscriptWire;
      return ok({ type: 'transcript', roomId, sessionId, ts, at, coords, text: w.text, speaker: w.speaker ?? null, seq: w.seq ?? null });
    }
    case 'price': {
      const w = wire as PriceWire;
      return ok({
        type: 'price',
        roomId,
        sessionId,
        ts,
        at,
        coords,
        sku: w.sku,
        productName: w.productName,
        brand: w.brand ?? null,
        listedFen: toFen(w.listedPrice),
        originalFen: optFen(w.originalPrice),
        liveFen: optFen(w.livePrice),
        checkoutFen: optFen(w.checkoutPrice),
        stock: w.stock ?? null,
      });
    }
    case 'order': {
      const w = wire as OrderWire;
      return ok({ type: 'order', roomId, sessionId, ts, at, coords, sku: w.sku, paidFen: toFen(w.paidPrice) });
    }
  }
}

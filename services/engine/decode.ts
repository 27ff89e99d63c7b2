/**
 * The edge of the engine: raw bytes → EngineEvent. Size cap, JSON, shape check (a hand-written
 * guard, then the zod schema for its message when the guard says no), yuan → fen, ISO → epoch
 * ms, once per message. Everything after this trusts the event.
 */
import { z } from 'zod';
import {
  EventWireGuards,
  EventWireSchemas,
  type EventWire,
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

/** The two ASCII digits at i as a number, or -1. */
function twoDigits(ts: string, i: number): number {
  const a = ts.charCodeAt(i) - 48;
  const b = ts.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const MONTH_DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

/**
 * Epoch ms of an ISO-8601 date-time with an offset — YYYY-MM-DDTHH:MM[:SS[.f{1,9}]](Z|±HH[:]MM) —
 * or null for anything else, impossible dates (2026-02-30) and offsets past ±23:59 included.
 * Read code unit by code unit (once per event on the hot path); a fraction counts to the
 * millisecond, truncated, as Date.parse does.
 */
export function parseIsoTime(ts: string): number | null {
  const n = ts.length;
  if (n < 17 || ts.charCodeAt(4) !== 0x2d || ts.charCodeAt(7) !== 0x2d || ts.charCodeAt(10) !== 0x54 || ts.charCodeAt(13) !== 0x3a) return null;
  const centuries = twoDigits(ts, 0);
  const years = twoDigits(ts, 2);
  const month = twoDigits(ts, 5);
  const day = twoDigits(ts, 8);
  const hour = twoDigits(ts, 11);
  const minute = twoDigits(ts, 14);
  if (centuries < 0 || years < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59) return null;
  const year = centuries * 100 + years;
  if (day > (month === 2 && isLeap(year) ? 29 : MONTH_DAYS[month]!)) return null;
  let i = 16;
  let second = 0;
  let ms = 0;
  if (ts.charCodeAt(i) === 0x3a) {
    second = twoDigits(ts, i + 1);
    if (second < 0 || second > 59) return null;
    i += 3;
    if (ts.charCodeAt(i) === 0x2e) {
      const start = ++i;
      for (let d = ts.charCodeAt(i) - 48; i - start < 9 && d >= 0 && d <= 9; d = ts.charCodeAt(++i) - 48) if (i - start < 3) ms = ms * 10 + d;
      if (i === start) return null;
      for (let k = i - start; k < 3; k++) ms *= 10;
    }
  }
  let offsetMin = 0;
  const sign = ts.charCodeAt(i);
  if (sign === 0x5a) {
    i++;
  } else if (sign === 0x2b || sign === 0x2d) {
    const oh = twoDigits(ts, i + 1);
    i += ts.charCodeAt(i + 3) === 0x3a ? 4 : 3;
    const om = twoDigits(ts, i);
    if (oh < 0 || oh > 23 || om < 0 || om > 59) return null;
    offsetMin = (sign === 0x2b ? 1 : -1) * (oh * 60 + om);
    i += 2;
  } else {
    return null;
  }
  if (i !== n) return null;
  return ((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute - offsetMin) * 60_000 + second * 1000 + ms;
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
  let wire = raw as EventWire;
  if (!EventWireGuards[eventType](raw as Record<string, unknown>)) {
    const parsed = EventWireSchemas[eventType].safeParse(raw);
    if (!parsed.success) return fail('DECODE_SHAPE', z.prettifyError(parsed.error));
    wire = parsed.data;
  }
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

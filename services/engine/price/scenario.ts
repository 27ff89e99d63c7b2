/**
 * A small scenario driver for the price-rule tests: wire events (yuan, ISO time; roomId,
 * sessionId and ts filled in as in rule examples) through the real decodeEvent and evaluate,
 * returning each new alert with the index of the event that produced it. Pure.
 */
import type { AlertEnvelope } from '../contracts/alert.js';
import { decodeEvent } from '../decode.js';
import { evaluate } from '../evaluate.js';
import type { Ruleset } from '../ruleset/load.js';
import type { RoomState } from '../state/room.js';

export type Wire = { type: string } & Record<string, unknown>;
export type Fired = { i: number; alert: AlertEnvelope };

export function runScenario(ruleset: Ruleset, events: readonly Wire[], ruleId?: string): Fired[] {
  const rooms = new Map<string, RoomState>();
  const out: Fired[] = [];
  toWire(events).forEach((w, i) => {
    const d = decodeEvent({ value: JSON.stringify(w), coords: { topic: 'scenario', partition: 0, offset: i } });
    if (!d.ok) throw new Error(`event ${i}: ${d.code} ${d.message}`);
    const r = evaluate(d.value, rooms.get(d.value.roomId), ruleset);
    rooms.set(d.value.roomId, r.room);
    for (const alert of r.alerts) if (ruleId === undefined || alert.data.ruleId === ruleId) out.push({ i, alert });
  });
  return out;
}

const START = Date.parse('2026-11-26T20:00:00+08:00');
const STEP_MS = 5_000;
const iso = (at: number) => new Date(at + 8 * 3_600_000).toISOString().replace('Z', '+08:00');

/**
 * Fills roomId, sessionId and ts. The scenario clock starts at 2026-11-26 20:00 (+08:00) and
 * moves 5 s per event; an event with its own ts moves it too, unless it also names its own
 * sessionId (history: past orders and earlier sessions do not move "now").
 */
export function toWire(events: readonly Wire[]): Wire[] {
  let now = START;
  return events.map((e) => {
    const own = typeof e.ts === 'string';
    const history = own && typeof e.sessionId === 'string';
    const at = own ? Date.parse(e.ts as string) : now;
    if (!history) now = at + STEP_MS;
    return { roomId: 'room-scenario', sessionId: 'sess-scenario', ts: own ? e.ts : iso(at), ...e };
  });
}

/** Wire builders; `at` is "HH:MM:SS" on 2026-11-26 (+08:00) or a full ISO time. */
const ts = (at?: string) => (at === undefined ? {} : { ts: at.length <= 8 ? `2026-11-26T${at}+08:00` : at });
export const say = (text: string, at?: string, extra: Record<string, unknown> = {}): Wire => ({ type: 'transcript', text, ...ts(at), ...extra });
export const card = (sku: string, productName: string, prices: Record<string, unknown>, at?: string, extra: Record<string, unknown> = {}): Wire => ({
  type: 'price',
  sku,
  productName,
  currency: 'CNY',
  ...prices,
  ...ts(at),
  ...extra,
});
export const paid = (sku: string, paidPrice: number, at: string, extra: Record<string, unknown> = {}): Wire => ({
  type: 'order',
  sku,
  paidPrice,
  sessionId: 'old',
  ...ts(at),
  ...extra,
});

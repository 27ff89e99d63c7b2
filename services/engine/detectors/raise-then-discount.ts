/**
 * `raise-then-discount` (先涨价后打折, 明码标价和禁止价格欺诈规定 Art. 17 ¶1): at T0 (the first price
 * event of the session with originalPrice above the displayed price, re-checked when the struck
 * price changes) find the latest listed-price raise R in [T0 − windowDays, T0): R.listed >
 * raiseRatio × P_base + rounding allowance (P_base = median paid price in the baseDays before R, else the listed price
 * just before R), with fewer than minSalesAtRaise orders at ≥ soldRatio × R.listed between R and
 * T0 (the raised price was never really sold). Fires when originalPrice(T0) ≥ soldRatio × R.listed.
 * Works across sessions (the listed-price timeline of this room is kept for timelineDays) and
 * inside one session (69 → 129, then 划线129 / 直播69). State: listed-price change points per sku.
 */
import { z } from 'zod';
import { ordersBetween, tolerance, yuan } from '../state/order-basis.js';
import { capRecord, displayedFen } from '../price/spoken-context.js';
import { defineDetector, type Finding } from './types.js';

const DAY_MS = 86_400_000;

const Params = z.strictObject({
  windowDays: z.number().min(1).max(30).default(7),
  baseDays: z.number().min(1).max(60).default(14),
  raiseRatio: z.number().min(1).default(1.1),
  soldRatio: z.number().min(0.5).max(1).default(0.98),
  minSalesAtRaise: z.number().int().min(1).default(3),
  timelineDays: z.number().int().min(1).max(90).default(30),
});

/** [epoch ms, listed fen, ts] at each change of the listed price. */
type Point = [number, number, string];
type State = { timeline: Record<string, Point[]>; promo: Record<string, { t0: number; lastOriginal: number }> };
const MAX_POINTS = 30;
const MAX_SKUS = 100;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : Math.round((s[m - 1]! + s[m]!) / 2);
}

export const raiseThenDiscount = defineDetector({
  kind: 'raise-then-discount',
  summary: 'A listed price raised shortly before a promotion that then uses it as the struck-through price.',
  params: Params,
  on: ['price'],
  compile: (p) => ({ ...p, windowMs: p.windowDays * DAY_MS, baseMs: p.baseDays * DAY_MS, keepMs: p.timelineDays * DAY_MS }),
  initial: (): State => ({ timeline: {}, promo: {} }),
  onNewSession: (s: State): State => ({ timeline: s.timeline, promo: {} }),
  evaluate({ event, room, rule, state }) {
    if (event.type !== 'price') return { state, findings: [] };
    const kept = state.timeline[event.sku] ?? [];
    const fresh = ([at]: Point): boolean => event.at - at <= rule.keepMs;
    const before = kept.every(fresh) ? kept : kept.filter(fresh); // unchanged when nothing expired
    const last = before[before.length - 1];
    const timeline = last !== undefined && last[1] === event.listedFen ? before : [...before, [event.at, event.listedFen, event.ts] as Point].slice(-MAX_POINTS);
    let next: State = timeline === state.timeline[event.sku] ? state : { ...state, timeline: capRecord({ ...state.timeline, [event.sku]: timeline }, MAX_SKUS) };

    if (event.originalFen === null) return { state: next, findings: [] };
    let promo = state.promo[event.sku];
    if (promo === undefined) {
      if (event.originalFen <= displayedFen(event)) return { state: next, findings: [] };
      promo = { t0: event.at, lastOriginal: -1 };
    }
    if (promo.lastOriginal === event.originalFen) return { state: next, findings: [] };
    next = { ...next, promo: { ...next.promo, [event.sku]: { ...promo, lastOriginal: event.originalFen } } };
    const t0 = promo.t0;
    const orders = room.orders[event.sku];
    // Latest qualifying raise before T0, inside the window.
    for (let i = before.length - 1; i >= 0; i--) {
      const [at, listed, ts] = before[i]!;
      if (at >= t0) continue;
      if (t0 - at > rule.windowMs) break;
      const paid = ordersBetween(orders, at - rule.baseMs, at).map(([, f]) => f);
      const prev = before[i - 1];
      const base = paid.length > 0 ? median(paid) : prev !== undefined ? prev[1] : null;
      // A raise beyond the threshold by more than the Art. 21(3) rounding allowance (99 → 109 is not one).
      if (base === null || listed - base <= (rule.raiseRatio - 1) * base + tolerance(base)) continue;
      // A return to a price buyers were really paying before is not a raise.
      if (paid.some((f) => f >= rule.soldRatio * listed)) continue;
      const soldAtRaise = ordersBetween(orders, at, t0).filter(([, f]) => f >= rule.soldRatio * listed).length;
      if (soldAtRaise >= rule.minSalesAtRaise) continue;
      if (event.originalFen < rule.soldRatio * listed) return { state: next, findings: [] };
      const hours = Math.round(((t0 - at) / 3_600_000) * 10) / 10;
      const finding: Finding = {
        dedupeKey: `${listed}:${event.originalFen}`,
        sku: event.sku,
        summary:
          `商品“${event.productName}”在促销前${hours}小时将标价由约${yuan(base)}元提高至${yuan(listed)}元且未按该价成交，` +
          `随后以${yuan(event.originalFen)}元为划线价、${yuan(displayedFen(event))}元促销，涉嫌先提价后打折（《明码标价和禁止价格欺诈规定》第十七条第一款）。` +
          ` / Listed price raised from about ${yuan(base)} to ${yuan(listed)} CNY ${hours} h before the promotion and then used as the struck-through price.`,
        values: {
          baseline: base / 100,
          baselineFrom: paid.length > 0 ? `median of ${paid.length} orders in ${rule.baseDays} d` : 'previous listed price',
          raisedTo: listed / 100,
          raiseTs: ts,
          t0: new Date(t0).toISOString(),
          hoursBetween: hours,
          ordersAtRaisedPrice: soldAtRaise,
          originalPrice: event.originalFen / 100,
          displayedPrice: displayedFen(event) / 100,
        },
      };
      return { state: next, findings: [finding] };
    }
    return { state: next, findings: [] };
  },
});

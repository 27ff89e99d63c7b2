/**
 * The comparison basis of 明码标价和禁止价格欺诈规定 Art. 16 ¶2, shared by every rule that checks
 * a reference price against what buyers actually paid in this venue: the lowest price paid in
 * the N days before T0; with no trade in that window, the last trade before it (look back at
 * most `lookbackDays`). Orders at or after T0 never count.
 */
import type { SkuOrders } from './room.js';

const DAY_MS = 86_400_000;

export type OrderBasis = {
  /** Lowest (or last) paid price, in fen. */
  fen: number;
  /** When the order that produced the basis was placed. */
  at: number;
  kind: 'window-min' | 'last-before-window';
  /** The window [from, to) in epoch ms. */
  window: [number, number];
  /** Orders in the window, ascending by time. */
  inWindow: Array<[number, number]>;
};

export function orderBasis(history: SkuOrders | undefined, t0: number, days = 7, lookbackDays = 400): OrderBasis | null {
  if (history === undefined) return null;
  const from = t0 - days * DAY_MS;
  const before = history.orders.filter(([at]) => at < t0);
  const inWindow = before.filter(([at]) => at >= from);
  if (inWindow.length > 0) {
    let best = inWindow[0]!;
    for (const o of inWindow) if (o[1] < best[1]) best = o;
    return { fen: best[1], at: best[0], kind: 'window-min', window: [from, t0], inWindow };
  }
  const last = before.length > 0 ? before[before.length - 1]! : history.dropped;
  if (last === null || last[0] >= t0 || last[0] < t0 - lookbackDays * DAY_MS) return null;
  return { fen: last[1], at: last[0], kind: 'last-before-window', window: [from, t0], inWindow };
}

/** Orders of the sku placed in [from, to), ascending. */
export function ordersBetween(history: SkuOrders | undefined, from: number, to: number): Array<[number, number]> {
  if (history === undefined) return [];
  return history.orders.filter(([at]) => at >= from && at < to);
}

/** The rounding allowance of Art. 21(3): a gap of ≤ max(minFen, pct × base) is never a violation. */
export function tolerance(baseFen: number, minFen = 100, pct = 0.01): number {
  return Math.max(minFen, Math.round(pct * baseFen));
}

/** Fen as a yuan string for summaries: 9990 → "99.9", 12900 → "129". */
export function yuan(fen: number): string {
  return (fen / 100).toFixed(2).replace(/\.?0+$/, '');
}

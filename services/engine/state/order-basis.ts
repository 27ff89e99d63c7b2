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
  /** How many orders were placed in the window. */
  ordersInWindow: number;
};

export function orderBasis(history: SkuOrders | undefined, t0: number, days = 7, lookbackDays = 400): OrderBasis | null {
  if (history === undefined) return null;
  const from = t0 - days * DAY_MS;
  const { at, fen } = history;
  // The orders are ascending: those before T0 are [0, end), those of the window [start, end).
  const end = firstAtOrAfter(at, t0);
  const start = firstAtOrAfter(at, from, end);
  if (start < end) {
    let best = start;
    for (let i = start + 1; i < end; i++) if (fen[i]! < fen[best]!) best = i;
    return { fen: fen[best]!, at: at[best]!, kind: 'window-min', window: [from, t0], ordersInWindow: end - start };
  }
  const last: [number, number] | null = end > 0 ? [at[end - 1]!, fen[end - 1]!] : history.dropped;
  if (last === null || last[0] >= t0 || last[0] < t0 - lookbackDays * DAY_MS) return null;
  return { fen: last[1], at: last[0], kind: 'last-before-window', window: [from, t0], ordersInWindow: 0 };
}

/** Orders of the sku placed in [from, to), ascending, as [epoch ms, fen]. */
export function ordersBetween(history: SkuOrders | undefined, from: number, to: number): Array<[number, number]> {
  if (history === undefined) return [];
  return pairs(history, firstAtOrAfter(history.at, from), firstAtOrAfter(history.at, to));
}

/** The first index in ascending `at[0, end)` whose time is ≥ t (end when there is none). */
function firstAtOrAfter(at: readonly number[], t: number, end = at.length): number {
  let lo = 0;
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function pairs(history: SkuOrders, from: number, to: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = from; i < to; i++) out.push([history.at[i]!, history.fen[i]!]);
  return out;
}

/** The rounding allowance of Art. 21(3): a gap of ≤ max(minFen, pct × base) is never a violation. */
export function tolerance(baseFen: number, minFen = 100, pct = 0.01): number {
  return Math.max(minFen, Math.round(pct * baseFen));
}

/** Fen as a yuan string for summaries: 9990 → "99.9", 12900 → "129". */
export function yuan(fen: number): string {
  return (fen / 100).toFixed(2).replace(/\.?0+$/, '');
}

/**
 * `original-above-7d-min`: the struck-through original price (划线价) is above the lowest price
 * actually paid in the same venue in the N days before the promotion started (明码标价和禁止价格
 * 欺诈规定 Art. 16). State is per room, so orders of another shop's room never count.
 * T0 is the first price event of the session that shows originalPrice > displayed price; orders
 * placed after T0 never enter the basis. With no order in the window, the last order before T0
 * is the basis; with none at all the comparison is unverifiable and nothing fires.
 */
import { z } from 'zod';
import type { PriceEvent } from '../contracts/events.js';
import { defineDetector, type Finding } from './types.js';

const DAY_MS = 86_400_000;

const Params = z.strictObject({
  days: z.number().int().min(1).max(30).default(7),
  /** How far back the "last transaction price" may be looked up when the window is empty. */
  lookbackDays: z.number().int().min(1).max(400).default(400),
  /** Never a violation: a gap ≤ max(toleranceFen, tolerancePct × basis) (Art. 21(3) rounding). */
  toleranceFen: z.number().int().min(0).default(100),
  tolerancePct: z.number().min(0).max(1).default(0.01),
  /** originalPrice ≥ criticalRatio × basis raises the severity to critical. */
  criticalRatio: z.number().min(1).default(2),
  /** A struck price labelled as the manufacturer's suggested retail price is downgraded. */
  msrpMarkers: z.array(z.string()).default(['建议零售价', '厂商指导价']),
  maxOrdersPerSku: z.number().int().min(8).max(2000).default(256),
});

/** Orders of one sku: [epoch ms, paid fen], ascending by time, bounded. */
type SkuOrders = { orders: Array<[number, number]>; dropped: [number, number] | null };
type SkuPromo = { t0: number; t0Ts: string; lastOriginalFen: number | null };
type State = { skus: Record<string, SkuOrders>; promo: Record<string, SkuPromo> };

const displayed = (e: PriceEvent): number => e.liveFen ?? e.listedFen;

function addOrder(skuOrders: SkuOrders | undefined, at: number, fen: number, max: number, keepMs: number): SkuOrders {
  const orders = skuOrders ? [...skuOrders.orders] : [];
  let dropped = skuOrders?.dropped ?? null;
  let i = orders.length;
  while (i > 0 && orders[i - 1]![0] > at) i--;
  orders.splice(i, 0, [at, fen]);
  // Keep what the window can still need; the newest pruned order stays as the "last price".
  const newest = orders[orders.length - 1]![0];
  while (orders.length > max || (orders.length > 1 && orders[0]![0] < newest - keepMs)) {
    const old = orders.shift()!;
    if (dropped === null || old[0] >= dropped[0]) dropped = old;
  }
  return { orders, dropped };
}

export const originalAbove7dMin = defineDetector({
  kind: 'original-above-7d-min',
  summary: 'Struck-through original price above the lowest price actually paid in the previous N days.',
  params: Params,
  on: ['order', 'price'],
  compile: (p) => p,
  initial: (): State => ({ skus: {}, promo: {} }),
  onNewSession: (s: State): State => ({ skus: s.skus, promo: {} }),
  evaluate({ event, rule, state }) {
    if (event.type === 'order') {
      const keepMs = (rule.days + 1) * DAY_MS;
      const skus = { ...state.skus, [event.sku]: addOrder(state.skus[event.sku], event.at, event.paidFen, rule.maxOrdersPerSku, keepMs) };
      return { state: { ...state, skus }, findings: [] };
    }
    if (event.type !== 'price' || event.originalFen === null) return { state, findings: [] };
    const shown = displayed(event);
    let promo = state.promo[event.sku];
    if (promo === undefined) {
      if (event.originalFen <= shown) return { state, findings: [] };
      promo = { t0: event.at, t0Ts: event.ts, lastOriginalFen: null };
    }
    if (promo.lastOriginalFen === event.originalFen) return { state, findings: [] }; // re-evaluate on change only
    const next: State = { ...state, promo: { ...state.promo, [event.sku]: { ...promo, lastOriginalFen: event.originalFen } } };
    const history = state.skus[event.sku];
    const from = promo.t0 - rule.days * DAY_MS;
    const before = history ? history.orders.filter(([at]) => at < promo.t0) : [];
    const inWindow = before.filter(([at]) => at >= from);
    let basis: number;
    let basisAt: number;
    let basisKind: 'window-min' | 'last-before-window';
    if (inWindow.length > 0) {
      basis = Math.min(...inWindow.map(([, fen]) => fen));
      basisAt = inWindow.find(([, fen]) => fen === basis)![0];
      basisKind = 'window-min';
    } else {
      const last = before.length > 0 ? before[before.length - 1]! : (history?.dropped ?? null);
      if (last === null || last[0] < promo.t0 - rule.lookbackDays * DAY_MS || last[0] >= promo.t0) return { state: next, findings: [] };
      [basisAt, basis] = last;
      basisKind = 'last-before-window';
    }
    const tolerance = Math.max(rule.toleranceFen, Math.round(rule.tolerancePct * basis));
    if (event.originalFen - basis <= tolerance) return { state: next, findings: [] };
    const msrp = rule.msrpMarkers.some((m) => event.productName.includes(m));
    const yuan = (fen: number) => (fen / 100).toFixed(2).replace(/\.00$/, '');
    const finding: Finding = {
      dedupeKey: `${event.sku}:${event.originalFen}`,
      sku: event.sku,
      ...(msrp ? { severity: 'medium' as const } : event.originalFen >= rule.criticalRatio * basis ? { severity: 'critical' as const } : {}),
      summary:
        `商品“${event.productName}”划线价${yuan(event.originalFen)}元，高于本店前${rule.days}日最低成交价${yuan(basis)}元` +
        `，涉嫌虚构原价（《明码标价和禁止价格欺诈规定》第十六条、第十九条第（三）项）。` +
        ` / Struck-through price ${yuan(event.originalFen)} CNY exceeds the ${rule.days}-day lowest paid price ${yuan(basis)} CNY.`,
      values: {
        originalPrice: event.originalFen / 100,
        displayedPrice: shown / 100,
        basis: basis / 100,
        basisKind,
        basisOrderTs: new Date(basisAt).toISOString(),
        t0: promo.t0Ts,
        window: [new Date(from).toISOString(), new Date(promo.t0).toISOString()],
        ordersInWindow: inWindow.length,
        toleranceFen: tolerance,
        msrpLabelled: msrp,
      },
    };
    return { state: next, findings: [finding] };
  },
});

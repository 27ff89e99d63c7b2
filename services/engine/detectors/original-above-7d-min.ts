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
import { orderBasis, tolerance, yuan } from '../state/order-basis.js';
import { defineDetector, type Finding } from './types.js';

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
});

type SkuPromo = { t0: number; t0Ts: string; lastOriginalFen: number | null };
type State = { promo: Record<string, SkuPromo> };

const displayed = (e: PriceEvent): number => e.liveFen ?? e.listedFen;

export const originalAbove7dMin = defineDetector({
  kind: 'original-above-7d-min',
  summary: 'Struck-through original price above the lowest price actually paid in the previous N days.',
  params: Params,
  on: ['price'],
  compile: (p) => p,
  initial: (): State => ({ promo: {} }),
  onNewSession: (): State => ({ promo: {} }),
  evaluate({ event, rule, state, room }) {
    if (event.type !== 'price' || event.originalFen === null) return { state, findings: [] };
    const shown = displayed(event);
    let promo = state.promo[event.sku];
    if (promo === undefined) {
      if (event.originalFen <= shown) return { state, findings: [] };
      promo = { t0: event.at, t0Ts: event.ts, lastOriginalFen: null };
    }
    if (promo.lastOriginalFen === event.originalFen) return { state, findings: [] }; // re-evaluate on change only
    const next: State = { ...state, promo: { ...state.promo, [event.sku]: { ...promo, lastOriginalFen: event.originalFen } } };
    const basisOf = orderBasis(room.orders[event.sku], promo.t0, rule.days, rule.lookbackDays);
    if (basisOf === null) return { state: next, findings: [] }; // no trade at all: unverifiable
    const basis = basisOf.fen;
    const tol = tolerance(basis, rule.toleranceFen, rule.tolerancePct);
    if (event.originalFen - basis <= tol) return { state: next, findings: [] };
    const msrp = rule.msrpMarkers.some((m) => event.productName.includes(m));
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
        basisKind: basisOf.kind,
        basisOrderTs: new Date(basisOf.at).toISOString(),
        t0: promo.t0Ts,
        window: basisOf.window.map((t) => new Date(t).toISOString()),
        ordersInWindow: basisOf.ordersInWindow,
        toleranceFen: tol,
        msrpLabelled: msrp,
      },
    };
    return { state: next, findings: [finding] };
  },
});

/**
 * `spoken-reference-price` (口播原价无依据): a spoken own-shop reference price R ("平时卖三百九十九",
 * "原价…", the X of "不要X只要Y") is a 被比较价格 like a struck-through card price, so it must not
 * exceed the Art. 16 basis: the lowest price paid in this venue in the N days before the
 * utterance, else the last trade (明码标价和禁止价格欺诈规定 Art. 16, 17 ¶2, 19(3)(4)).
 * R equal to the card's originalPrice is left to the card rule. Vague amounts (三百多) never
 * count. An external reference (专柜价/市场价/官网价…) cannot be checked against our orders: it is
 * a `medium` "request proof" finding only when the claimed discount is ≥ externalMinDiscount.
 * References about another item (刚刚那个/隔壁…) never bind to a sku. Stateless.
 */
import { z } from 'zod';
import { bindSku } from '../price/bind-sku.js';
import {
  clauseAt,
  DEFAULT_FINAL_CUES,
  DEFAULT_REFERENCE_CUES,
  displayedFen,
  fen,
  hasNumeral,
  isMoney,
  markerRegex,
  parsePrices,
  roleOf,
  spokenText,
} from '../price/spoken-context.js';
import { orderBasis, tolerance, yuan } from '../state/order-basis.js';
import { defineDetector, type Finding } from './types.js';

const Params = z.strictObject({
  days: z.number().int().min(1).max(30).default(7),
  lookbackDays: z.number().int().min(1).max(400).default(400),
  toleranceFen: z.number().int().min(0).default(100),
  tolerancePct: z.number().min(0).max(1).default(0.01),
  crossSegmentSeconds: z.number().min(0).max(60).default(15),
  /** External references (regex sources) that claim a price for this very item elsewhere. */
  externalSameItemMarkers: z
    .array(z.string().min(1))
    .default(['专柜', '官网', '市场价', '门店', '吊牌', '建议零售', '零售价', '外面', '实体店', '商场', '旗舰店', '线下']),
  /** An external reference with a claimed discount of at least this is worth a proof request. */
  externalMinDiscount: z.number().min(0).max(1).default(0.5),
  /** Regex sources: words before an unmarked amount that make it a reference (之前一直卖…) or the price on offer. */
  referenceCues: z.array(z.string().min(1)).default(DEFAULT_REFERENCE_CUES),
  finalCues: z.array(z.string().min(1)).default(DEFAULT_FINAL_CUES),
  minJaccard: z.number().min(0).max(1).default(0.5),
});

export const spokenReferencePrice = defineDetector({
  kind: 'spoken-reference-price',
  summary: 'A spoken "original / usual price" above what buyers actually paid in this venue.',
  params: Params,
  on: ['transcript'],
  compile: (p) => ({
    ...p,
    crossMs: p.crossSegmentSeconds * 1000,
    external: markerRegex(p.externalSameItemMarkers),
    cues: { final: markerRegex(p.finalCues), reference: markerRegex(p.referenceCues) },
  }),
  initial: () => null,
  evaluate({ event, room, rule, state }) {
    if (event.type !== 'transcript' || !hasNumeral(event.text)) return { state, findings: [] };
    const st = spokenText(event, room, rule.crossMs);
    const prices = parsePrices(st.text);
    const findings: Finding[] = [];
    for (const p of prices) {
      if (p.span[1] <= st.currentStart || !isMoney(p)) continue;
      const kind = roleOf(p, st.text, rule.cues);
      if (kind !== 'reference' && kind !== 'externalReference') continue;
      const r = fen(p.value!);
      const final = prices.find((q) => q.span[0] > p.span[0] && isMoney(q) && roleOf(q, st.text, rule.cues) === 'final');
      if (kind === 'externalReference') {
        const [cs, ce] = clauseAt(st.text, p.span[0]);
        const marker = p.marker ?? st.text.slice(cs, ce);
        if (!rule.external.test(marker) && !rule.external.test(st.text.slice(cs, ce))) continue; // about another item
        const sku = bindSku(room, st.text, { span: p.span, minJaccard: rule.minJaccard }).sku;
        const card = sku === null ? undefined : room.cards[sku];
        const now = final !== undefined ? fen(final.value!) : card !== undefined ? displayedFen(card) : null;
        if (now === null || now >= r) continue;
        const discount = 1 - now / r;
        if (discount < rule.externalMinDiscount) continue;
        findings.push({
          dedupeKey: `ext:${r}`,
          sku,
          severity: 'medium',
          summary:
            `主播口播外部参考价“${st.text.slice(cs, ce).trim()}”（${yuan(r)}元），与现价${yuan(now)}元比较宣称优惠${Math.round(discount * 100)}%，` +
            `被比较价格无法以本店成交记录核实，需商家提供依据（《明码标价和禁止价格欺诈规定》第十七条第二款、第十九条第（四）项）。` +
            ` / External reference price ${yuan(r)} CNY against ${yuan(now)} CNY; request proof.`,
          values: { referencePrice: r / 100, kind: 'externalReference', currentPrice: now / 100, claimedDiscount: Math.round(discount * 1000) / 1000 },
        });
        continue;
      }
      const bound = bindSku(room, st.text, { span: p.span, kind, minJaccard: rule.minJaccard });
      if (bound.sku === null) continue;
      const card = room.cards[bound.sku];
      if (card?.originalFen != null && Math.abs(card.originalFen - r) <= tolerance(card.originalFen, rule.toleranceFen, rule.tolerancePct)) continue;
      const basis = orderBasis(room.orders[bound.sku], event.at, rule.days, rule.lookbackDays);
      if (basis === null) continue; // no trade at all: unverifiable (info)
      const tol = tolerance(basis.fen, rule.toleranceFen, rule.tolerancePct);
      if (r - basis.fen <= tol) continue;
      const [cs, ce] = clauseAt(st.text, p.span[0]);
      findings.push({
        dedupeKey: `${r}`,
        sku: bound.sku,
        summary:
          `主播口播“${st.text.slice(cs, ce).trim()}”，称原价/日常价${yuan(r)}元，但本店前${rule.days}日最低成交价为${yuan(basis.fen)}元，` +
          `涉嫌使用无依据的被比较价格（《明码标价和禁止价格欺诈规定》第十六条、第十七条第二款、第十九条第（三）项、第（四）项）。` +
          ` / Spoken reference price ${yuan(r)} CNY exceeds the ${rule.days}-day lowest paid price ${yuan(basis.fen)} CNY.`,
        values: {
          referencePrice: r / 100,
          finalPrice: final?.value ?? null,
          basis: basis.fen / 100,
          basisKind: basis.kind,
          basisOrderTs: new Date(basis.at).toISOString(),
          window: basis.window.map((t) => new Date(t).toISOString()),
          ordersInWindow: basis.ordersInWindow,
          toleranceFen: tol,
          boundBy: bound.via,
          cardOriginalPrice: card?.originalFen == null ? null : card.originalFen / 100,
        },
        ...(st.previous.length > 0 && p.span[0] < st.currentStart
          ? { events: [{ ...st.previous[st.previous.length - 1]!.coords, type: 'transcript' as const, ts: st.previous[st.previous.length - 1]!.ts, excerpt: st.previous[st.previous.length - 1]!.text }] }
          : {}),
      });
    }
    return { state, findings };
  },
});

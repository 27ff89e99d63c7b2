/**
 * `checkout-above-displayed` (价外加价): a price event whose one-unit checkoutPrice exceeds the
 * displayed price (livePrice ?? listedPrice) by more than max(toleranceFen, tolerancePct ×
 * displayed) (明码标价和禁止价格欺诈规定 Art. 8, 19(2), 20(1)). A fee disclosed in this session —
 * said by the anchor ("偏远地区运费六块") or written on the card — that equals the gap (± feeMatchFen)
 * explains it; so does an open shipping disclosure ("不包邮") for a gap up to openShippingMaxFen.
 * Fires once per (sku, displayed, checkout) in a session. State: the disclosed fees (bounded).
 */
import { z } from 'zod';
import { parseNumberAt } from '../price/spoken-price.js';
import { fen, markerRegex, foldText } from '../price/spoken-context.js';
import { yuan } from '../state/order-basis.js';
import { defineDetector, type Finding } from './types.js';

const Params = z.strictObject({
  toleranceFen: z.number().int().min(0).default(50),
  tolerancePct: z.number().min(0).max(1).default(0.005),
  /** Regex sources of a named fee; the amount is the first number within feeReach characters after it. */
  feeMarkers: z.array(z.string().min(1)).default(['运费险', '运费', '邮费', '快递费', '安装费', '服务费', '手续费', '包装费', '配送费', '上楼费']),
  feeReach: z.number().int().min(1).max(20).default(8),
  feeMatchFen: z.number().int().min(0).default(50),
  /** Shipping disclosed without an amount ("不包邮"): a gap up to openShippingMaxFen is explained. */
  openShippingMarkers: z.array(z.string().min(1)).default(['不包邮', '运费自理', '邮费自理', '运费到付', '邮费到付', '偏远地区(?:不包邮|加收|补运费)']),
  openShippingMaxFen: z.number().int().min(0).default(2000),
});

type State = { fees: number[]; openShipping: boolean; fired: string[] };
const EMPTY: State = { fees: [], openShipping: false, fired: [] };
const MAX_FEES = 10;
const MAX_FIRED = 50;

/** Amounts (fen) named right after a fee marker in `text`. */
/** The global form of a marker regex, built once per marker regex. */
const globalMarkers = new WeakMap<RegExp, RegExp>();

export function feesIn(text: string, marker: RegExp, reach: number): number[] {
  const out: number[] = [];
  let g = globalMarkers.get(marker);
  if (g === undefined) globalMarkers.set(marker, (g = new RegExp(marker.source, 'gu')));
  g.lastIndex = 0;
  for (let m = g.exec(text); m !== null; m = g.exec(text)) {
    const from = m.index + m[0].length;
    let found = false;
    for (let i = from; i < Math.min(text.length, from + reach); i++) {
      const n = parseNumberAt(text, i);
      if (n !== null) {
        out.push(fen(n.value));
        found = true;
        break;
      }
    }
    if (!found) {
      const before = feeBefore(text, m.index);
      if (before !== null) out.push(before);
    }
  }
  return out;
}

/** "要补八块钱运费", "另加10元安装费": an amount with its unit right before the fee word, after a charging verb. */
const FEE_UNIT_BEFORE = /(?:补|加|收|付|另外|另|额外)\s*$/u;
const MONEY_UNITS = ['块钱', '块', '元', '米'];

function feeBefore(text: string, markerAt: number): number | null {
  let k = markerAt;
  while (k > 0 && /\s/.test(text[k - 1]!)) k--;
  const unit = MONEY_UNITS.find((u) => text.endsWith(u, k));
  if (unit === undefined) return null;
  k -= unit.length;
  for (let i = Math.max(0, k - 8); i < k; i++) {
    const n = parseNumberAt(text, i);
    if (n === null || n.end !== k) continue;
    return FEE_UNIT_BEFORE.test(text.slice(Math.max(0, i - 4), i)) ? fen(n.value) : null;
  }
  return null;
}

export const checkoutAboveDisplayed = defineDetector({
  kind: 'checkout-above-displayed',
  summary: 'Checkout price above the displayed card price with no disclosed fee that explains the gap.',
  params: Params,
  on: ['transcript', 'price'],
  compile: (p, env) => ({
    ...p,
    fee: markerRegex(p.feeMarkers),
    open: markerRegex(p.openShippingMarkers),
    // Plain-word markers go to the shared automaton; a segment with none of them is skipped.
    words: [...p.feeMarkers, ...p.openShippingMarkers].filter((m) => /^\p{Script=Han}+$/u.test(m)).map((m) => env.normaliseTerm(m)),
  }),
  terms: (c) => c.words,
  initial: (): State => EMPTY,
  onNewSession: (): State => EMPTY,
  evaluate({ event, rule, state, hits }) {
    if (event.type === 'transcript') {
      if (hits === undefined) return { state, findings: [] };
      const text = foldText(event.text);
      const fees = feesIn(text, rule.fee, rule.feeReach);
      const open = rule.open.test(text);
      if (fees.length === 0 && !open) return { state, findings: [] };
      return { state: { ...state, fees: [...state.fees, ...fees].slice(-MAX_FEES), openShipping: state.openShipping || open }, findings: [] };
    }
    if (event.type !== 'price' || event.checkoutFen === null) return { state, findings: [] };
    const shown = event.liveFen ?? event.listedFen;
    const delta = event.checkoutFen - shown;
    const tol = Math.max(rule.toleranceFen, Math.round(rule.tolerancePct * shown));
    if (delta <= tol) return { state, findings: [] };
    const key = `${event.sku}:${shown}:${event.checkoutFen}`;
    if (state.fired.includes(key)) return { state, findings: [] };
    const cardText = foldText(event.productName);
    const fees = [...state.fees, ...feesIn(cardText, rule.fee, rule.feeReach)];
    const explained = fees.find((f) => Math.abs(f - delta) <= rule.feeMatchFen);
    if (explained !== undefined) return { state, findings: [] };
    if ((state.openShipping || rule.open.test(cardText)) && delta <= rule.openShippingMaxFen) return { state, findings: [] };
    const finding: Finding = {
      dedupeKey: `${shown}:${event.checkoutFen}`,
      sku: event.sku,
      summary:
        `商品“${event.productName}”展示价${yuan(shown)}元，结算页显示${yuan(event.checkoutFen)}元（高出${yuan(delta)}元）且未见相应费用说明，` +
        `涉嫌在标价之外加价收费（《明码标价和禁止价格欺诈规定》第八条、第十九条第（二）项）。` +
        ` / Checkout ${yuan(event.checkoutFen)} CNY above the displayed ${yuan(shown)} CNY with no disclosed fee.`,
      values: {
        displayedPrice: shown / 100,
        listedPrice: event.listedFen / 100,
        livePrice: event.liveFen === null ? null : event.liveFen / 100,
        originalPrice: event.originalFen === null ? null : event.originalFen / 100,
        checkoutPrice: event.checkoutFen / 100,
        delta: delta / 100,
        toleranceFen: tol,
        disclosedFees: fees.map((f) => f / 100),
        openShippingDisclosed: state.openShipping,
      },
    };
    return { state: { ...state, fired: [...state.fired, key].slice(-MAX_FIRED) }, findings: [finding] };
  },
});

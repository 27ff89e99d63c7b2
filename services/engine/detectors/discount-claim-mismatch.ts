/**
 * `discount-claim-mismatch` (口播折扣/直降幅度与实际不符, 明码标价和禁止价格欺诈规定 Art. 19(3)(4)): an
 * unconditional spoken discount — a ratio (五折, 八五折) or an amount off (直降两百) — that the card
 * does not deliver. Base: a reference price named in the utterance, else the card's originalPrice,
 * else its listedPrice; "平时/日常" with no number compares against the Art. 16 order basis.
 * Ratio r fires when displayed − base × r > tolerance; amount X when (base − displayed) < X −
 * tolerance, tolerance = max(toleranceFen, tolerancePct × base) (Art. 21(3) rounding).
 * Conditional claims (满三百减五十, 第二件半价, 买一送一), "X折起" and comparisons with another
 * channel ("比链接便宜二十") are not checked. With no card of the sku yet, the claim waits up to
 * cardWindowSeconds for one and the alert anchors at that card. State: pending claims per sku.
 */
import { z } from 'zod';
import type { Coordinates } from '../contracts/events.js';
import { bindSku } from '../price/bind-sku.js';
import {
  capRecord,
  clauseAt,
  DEFAULT_CONDITION_MARKERS,
  displayedFen,
  fen,
  hasNumeral,
  markerRegex,
  parsePrices,
  spokenText,
} from '../price/spoken-context.js';
import { orderBasis, yuan } from '../state/order-basis.js';
import type { ProductCard, RoomState } from '../state/room.js';
import { defineDetector, type Finding } from './types.js';

const Params = z.strictObject({
  toleranceFen: z.number().int().min(0).default(100),
  tolerancePct: z.number().min(0).max(1).default(0.02),
  /** A claim made before any card of its sku waits this long for one. */
  cardWindowSeconds: z.number().min(0).max(3600).default(120),
  crossSegmentSeconds: z.number().min(0).max(60).default(15),
  conditionMarkers: z.array(z.string().min(1)).default(DEFAULT_CONDITION_MARKERS),
  /** Regex sources: multi-unit deals and lower bounds that are not a per-unit discount. */
  skipMarkers: z.array(z.string().min(1)).default(['买[一1]送[一1]', '折起', '低至', '最高[省减]']),
  /** Regex sources: a comparison with another channel or time, not with the card. */
  comparativeMarkers: z.array(z.string().min(1)).default(['比(?!原价|划线|日常|平时|平常|之前|以前)[^，。！？,!?]{1,8}?(?:便宜|省|少|低|划算)']),
  /** Regex sources: "the usual price" named without a number → compare with the order basis. */
  usualMarkers: z.array(z.string().min(1)).default(['平时', '日常', '平常']),
  /** Regex source: what follows an amount saved that is not the price (省一百块电费). */
  amountOffNotBefore: z.string().default('^(?:块钱|块|元|钱)?(?:的)?(?:电费|水费|油费|燃气费|话费|时间|分钟|小时|天|度电|运费|邮费|路费|力气|功夫|空间)'),
  days: z.number().int().min(1).max(30).default(7),
  minJaccard: z.number().min(0).max(1).default(0.5),
});

type Claim = { kind: 'ratio' | 'amount'; value: number; refFen: number | null; usual: boolean; at: number; ts: string; coords: Coordinates; text: string };
type State = { pending: Record<string, Claim> };
const EMPTY: State = { pending: {} };
const UNBOUND = '*';

type Compiled = z.infer<typeof Params> & { skip: RegExp; condition: RegExp; comparative: RegExp; usual: RegExp; notPrice: RegExp; windowMs: number; crossMs: number };

function check(claim: Claim, card: ProductCard, room: Pick<RoomState, 'orders'>, sku: string, rule: Compiled): Finding | null {
  let base = claim.refFen ?? card.originalFen ?? card.listedFen;
  let baseFrom = claim.refFen !== null ? 'spoken reference' : card.originalFen !== null ? 'originalPrice' : 'listedPrice';
  if (claim.refFen === null && claim.usual) {
    // "比平时便宜一百": the usual price is what buyers paid, not the card; with no trade, unverifiable.
    const basis = orderBasis(room.orders[sku], claim.at, rule.days);
    if (basis === null) return null;
    base = basis.fen;
    baseFrom = `${rule.days}-day order basis`;
  }
  const actual = displayedFen(card);
  const tol = Math.max(rule.toleranceFen, Math.round(rule.tolerancePct * base));
  let claimed: number;
  let fires: boolean;
  let said: string;
  if (claim.kind === 'ratio') {
    claimed = Math.round(base * claim.value);
    fires = actual - claimed > tol;
    said = `${Math.round(claim.value * 100) / 10}折`;
  } else {
    claimed = base - claim.value;
    fires = base - actual < claim.value - tol;
    said = `直降/立减${yuan(claim.value)}元`;
  }
  if (!fires) return null;
  return {
    dedupeKey: `${claim.kind}:${claim.value}:${actual}`,
    sku,
    summary:
      `主播口播“${said}”，按${yuan(base)}元计应为${yuan(claimed)}元，商品“${card.productName}”实际展示价${yuan(actual)}元，` +
      `宣称的折扣或降价幅度与实际不符，涉嫌虚假折扣（《明码标价和禁止价格欺诈规定》第十九条第（三）项、第（四）项）。` +
      ` / Claimed ${said} on ${yuan(base)} CNY implies ${yuan(claimed)} CNY; the card shows ${yuan(actual)} CNY.`,
    values: {
      claimKind: claim.kind,
      claimedRatio: claim.kind === 'ratio' ? claim.value : null,
      claimedAmountOff: claim.kind === 'amount' ? claim.value / 100 : null,
      base: base / 100,
      baseFrom,
      claimedPrice: claimed / 100,
      actualPrice: actual / 100,
      toleranceFen: tol,
      claimTs: claim.ts,
    },
    events: [{ ...claim.coords, type: 'transcript', ts: claim.ts, excerpt: claim.text }],
  };
}

export const discountClaimMismatch = defineDetector({
  kind: 'discount-claim-mismatch',
  summary: 'A spoken discount ratio or amount off that the product card does not deliver.',
  params: Params,
  on: ['transcript', 'price'],
  compile: (p): Compiled => ({
    ...p,
    skip: markerRegex(p.skipMarkers),
    condition: markerRegex(p.conditionMarkers),
    comparative: markerRegex(p.comparativeMarkers),
    usual: markerRegex(p.usualMarkers),
    notPrice: new RegExp(p.amountOffNotBefore, 'u'),
    windowMs: p.cardWindowSeconds * 1000,
    crossMs: p.crossSegmentSeconds * 1000,
  }),
  initial: (): State => EMPTY,
  onNewSession: (): State => EMPTY,
  evaluate({ event, room, rule, state }) {
    if (event.type === 'price') {
      // A claim made before any card of the room waits under '*' for the first card.
      const key = state.pending[event.sku] !== undefined ? event.sku : state.pending[UNBOUND] !== undefined ? UNBOUND : null;
      if (key === null) return { state, findings: [] };
      const claim = state.pending[key]!;
      const { [key]: _, ...rest } = state.pending;
      if (event.at - claim.at > rule.windowMs) return { state: { pending: rest }, findings: [] };
      const f = check(claim, room.cards[event.sku]!, room, event.sku, rule);
      return { state: { pending: rest }, findings: f === null ? [] : [f] };
    }
    if (event.type !== 'transcript' || !hasNumeral(event.text)) return { state, findings: [] };
    const st = spokenText(event, room, rule.crossMs);
    const prices = parsePrices(st.text);
    const findings: Finding[] = [];
    let pending = state.pending;
    const seen = new Set<string>();
    for (const p of prices) {
      if (p.span[1] <= st.currentStart || p.lowerBound === true) continue;
      if (p.kind !== 'discountRatio' && p.kind !== 'amountOff') continue;
      if (p.conditionText !== undefined && p.conditionText !== '') continue;
      const [cs, ce] = clauseAt(st.text, p.span[0]);
      const clause = st.text.slice(cs, ce);
      if (rule.condition.test(clause) || rule.skip.test(clause) || rule.comparative.test(clause)) continue;
      if (p.kind === 'amountOff' && rule.notPrice.test(st.text.slice(p.span[1], p.span[1] + 8))) continue;
      const value = p.kind === 'discountRatio' ? p.ratio ?? p.value : p.value === undefined ? undefined : fen(p.value);
      if (value === undefined || (p.kind === 'discountRatio' && (value <= 0 || value >= 1))) continue;
      const bound = bindSku(room, st.text, { span: p.span, kind: p.kind, minJaccard: rule.minJaccard });
      if (bound.via === 'external') continue;
      const sku = bound.sku ?? UNBOUND;
      const key = `${sku}:${p.kind}:${value}`;
      if (seen.has(key)) continue; // "五折…五折" in one segment is one claim
      seen.add(key);
      // A reference named with the claim ("一百二十九的五折", "原价一百二十九") is its base.
      const ref = prices.find(
        (q) => q.value !== undefined && q.range === undefined && (q.kind === 'reference' || (q.kind === 'amount' && q.span[1] <= p.span[0] && p.span[0] - q.span[1] <= 4)),
      );
      const claim: Claim = {
        kind: p.kind === 'discountRatio' ? 'ratio' : 'amount',
        value,
        refFen: ref === undefined ? null : fen(ref.value!),
        usual: ref === undefined && rule.usual.test(st.text),
        at: event.at,
        ts: event.ts,
        coords: event.coords,
        text: event.text.slice(0, 200),
      };
      const card = room.cards[sku];
      if (card !== undefined) {
        const f = check(claim, card, room, sku, rule);
        if (f !== null) findings.push({ ...f, events: [] });
      } else {
        pending = { ...pending, [sku]: claim };
      }
    }
    return { state: pending === state.pending ? state : { pending: capRecord(pending, 20) }, findings };
  },
});

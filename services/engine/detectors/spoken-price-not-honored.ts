/**
 * `spoken-price-not-honored` (低标高结): the anchor says an unconditional final price S for a sku
 * ("到手价九十九块九"), and within the claim window a price event of that sku shows a one-unit
 * checkoutPrice above S by more than max(toleranceFen, tolerancePct × S) (明码标价和禁止价格欺诈规定
 * Art. 19(2)/(5)). The alert anchors at that checkout event (catalogue §1.5).
 * A claim with a condition (两件/会员/领券/前N名…) in it or in the seconds before it is never
 * compared with the one-unit checkout; a later final price for the same sku replaces the earlier
 * one, and a correction ("说错了，是六十九") replaces it; an unmarked amount counts as a final price
 * after a final cue ("拍下就是三十九块九"); a lower checkout is never an offence (Art. 21(2)).
 * State: at most one open claim per sku, dropped when it fires or expires.
 */
import { z } from 'zod';
import type { Coordinates } from '../contracts/events.js';
import { bindSku } from '../price/bind-sku.js';
import {
  capRecord,
  hasNumeral,
  markerRegex,
  parsePrices,
  segmentEvidence,
  spokenText,
  fen,
  clauseAt,
  DEFAULT_CONDITION_MARKERS,
  DEFAULT_CORRECTION_MARKERS,
  DEFAULT_FINAL_CUES,
  DEFAULT_REFERENCE_CUES,
  recentMatches,
  isMoney,
  roleOf,
} from '../price/spoken-context.js';
import { yuan } from '../state/order-basis.js';
import { defineDetector, type EvidenceEvent, type Finding } from './types.js';


const Params = z.strictObject({
  claimMinutes: z.number().min(1).max(120).default(10),
  /** Previous segments this recent are read together with the current one (split utterances). */
  crossSegmentSeconds: z.number().min(0).max(60).default(15),
  /** A condition marker this long before the claim makes the claim conditional. */
  conditionLookbackSeconds: z.number().min(0).max(600).default(60),
  toleranceFen: z.number().int().min(0).default(50),
  tolerancePct: z.number().min(0).max(1).default(0.005),
  /** Regex sources; any of them in the claim (or shortly before it) makes the price conditional. */
  conditionMarkers: z.array(z.string().min(1)).default(DEFAULT_CONDITION_MARKERS),
  /** Regex sources: words before an unmarked amount that make it the price on offer (拍下…). */
  finalCues: z.array(z.string().min(1)).default(DEFAULT_FINAL_CUES),
  referenceCues: z.array(z.string().min(1)).default(DEFAULT_REFERENCE_CUES),
  /** Regex sources: a correction; the amount said with it replaces the open claim. */
  correctionMarkers: z.array(z.string().min(1)).default(DEFAULT_CORRECTION_MARKERS),
  minJaccard: z.number().min(0).max(1).default(0.5),
});

type Claim = { fen: number; at: number; ts: string; coords: Coordinates; text: string; lead: EvidenceEvent | null };
type State = { claims: Record<string, Claim> };

const EMPTY: State = { claims: {} };
const MAX_CLAIMS = 20;

export const spokenPriceNotHonored = defineDetector({
  kind: 'spoken-price-not-honored',
  summary: 'An unconditional spoken final price that the checkout page then charges more than.',
  params: Params,
  on: ['transcript', 'price'],
  compile: (p) => ({ ...p, claimMs: p.claimMinutes * 60_000, crossMs: p.crossSegmentSeconds * 1000, lookbackMs: p.conditionLookbackSeconds * 1000, condition: markerRegex(p.conditionMarkers), correction: markerRegex(p.correctionMarkers), cues: { final: markerRegex(p.finalCues), reference: markerRegex(p.referenceCues) } }),
  initial: (): State => EMPTY,
  onNewSession: (): State => EMPTY,
  evaluate({ event, room, rule, state }) {
    if (event.type === 'transcript') {
      if (!hasNumeral(event.text)) return { state, findings: [] };
      const st = spokenText(event, room, rule.crossMs);
      const current = st.text.slice(st.currentStart);
      const prices = parsePrices(st.text).filter((p) => p.span[1] > st.currentStart && isMoney(p));
      // "说错了，是六十九": the corrected amount replaces the claim, whatever its marker.
      if (rule.correction.test(current)) {
        const sku = bindSku(room, st.text, { minJaccard: rule.minJaccard }).sku;
        if (sku === null || state.claims[sku] === undefined) return { state, findings: [] };
        const fixed = prices.filter((p) => p.kind === 'final' || p.kind === 'amount').pop();
        const { [sku]: _, ...rest } = state.claims;
        const claims = fixed === undefined ? rest : { ...rest, [sku]: { ...state.claims[sku]!, fen: fen(fixed.value!), at: event.at, ts: event.ts, coords: event.coords, text: event.text.slice(0, 200) } };
        return { state: { claims }, findings: [] };
      }
      const finals = prices.filter((p) => p.lowerBound !== true && roleOf(p, st.text, rule.cues) === 'final');
      if (finals.length === 0) return { state, findings: [] };
      // Conditional: a condition in the parse, in this segment, or said in the seconds before.
      const before = recentMatches(room, event.at, rule.lookbackMs, rule.condition);
      if (before || rule.condition.test(current)) return { state, findings: [] };
      let claims = state.claims;
      for (const p of finals) {
        if (p.conditionText !== undefined && p.conditionText !== '') continue;
        const [cs, ce] = clauseAt(st.text, p.span[0]);
        if (rule.condition.test(st.text.slice(cs, ce))) continue;
        const bound = bindSku(room, st.text, { span: p.span, kind: p.kind, minJaccard: rule.minJaccard });
        if (bound.sku === null) continue;
        const lastPrev = st.previous[st.previous.length - 1];
        const lead = p.span[0] - 12 < st.currentStart && lastPrev !== undefined ? segmentEvidence(lastPrev) : null;
        claims = { ...claims, [bound.sku]: { fen: fen(p.value!), at: event.at, ts: event.ts, coords: event.coords, text: event.text.slice(0, 200), lead } };
      }
      return { state: claims === state.claims ? state : { claims: capRecord(claims, MAX_CLAIMS) }, findings: [] };
    }
    if (event.type !== 'price' || event.checkoutFen === null) return { state, findings: [] };
    const claim = state.claims[event.sku];
    if (claim === undefined) return { state, findings: [] };
    const { [event.sku]: _, ...rest } = state.claims;
    if (event.at - claim.at > rule.claimMs || event.at < claim.at) return { state: { claims: rest }, findings: [] };
    const tol = Math.max(rule.toleranceFen, Math.round(rule.tolerancePct * claim.fen));
    const delta = event.checkoutFen - claim.fen;
    if (delta <= tol) return { state, findings: [] }; // claim stays open: a later checkout may still differ
    const card = room.cards[event.sku];
    const finding: Finding = {
      dedupeKey: `${claim.fen}:${event.checkoutFen}`,
      sku: event.sku,
      summary:
        `主播口播“到手价${yuan(claim.fen)}元”，结算页显示${yuan(event.checkoutFen)}元（高出${yuan(delta)}元），` +
        `涉嫌以低价诱骗、以高价结算（《明码标价和禁止价格欺诈规定》第十九条第（二）项、第（五）项）。` +
        ` / Spoken final price ${yuan(claim.fen)} CNY, checkout ${yuan(event.checkoutFen)} CNY.`,
      values: {
        spokenPrice: claim.fen / 100,
        checkoutPrice: event.checkoutFen / 100,
        delta: delta / 100,
        toleranceFen: tol,
        claimTs: claim.ts,
        secondsSinceClaim: Math.round((event.at - claim.at) / 1000),
        productName: card?.productName ?? event.productName,
      },
      events: [...(claim.lead ? [claim.lead] : []), { ...claim.coords, type: 'transcript', ts: claim.ts, excerpt: claim.text }],
    };
    return { state: { claims: rest }, findings: [finding] };
  },
});

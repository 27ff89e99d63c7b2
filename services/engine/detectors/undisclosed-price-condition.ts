/**
 * `undisclosed-price-condition` (隐藏/弱化不利价格条件, 明码标价和禁止价格欺诈规定 Art. 6, 19(6)): an
 * unconditional headline final price S ("所有宝宝到手价都是四十九") is followed, within the window,
 * by a later utterance that reveals a condition tied to S — a condition marker (会员/前N名/领券…) in
 * the same clause as S restated, or next to a reveal phrase (这个价/才是/才有…) — while the card's
 * one-unit checkout (or displayed) price is above S. The alert anchors at the reveal.
 * A condition said with the price, or in the seconds before it, is disclosed, not hidden.
 * State: at most one open headline per sku, dropped when revealed or expired.
 */
import { z } from 'zod';
import type { Coordinates } from '../contracts/events.js';
import { bindSku } from '../price/bind-sku.js';
import {
  capRecord,
  clauseAt,
  DEFAULT_CONDITION_MARKERS,
  DEFAULT_CORRECTION_MARKERS,
  DEFAULT_FINAL_CUES,
  DEFAULT_REFERENCE_CUES,
  displayedFen,
  isMoney,
  roleOf,
  fen,
  hasNumeral,
  markerRegex,
  parsePrices,
  spokenText,
  recentMatches,
} from '../price/spoken-context.js';
import { yuan } from '../state/order-basis.js';
import { defineDetector, type Finding } from './types.js';

const Params = z.strictObject({
  windowMinutes: z.number().min(1).max(120).default(10),
  crossSegmentSeconds: z.number().min(0).max(60).default(15),
  conditionLookbackSeconds: z.number().min(0).max(600).default(60),
  toleranceFen: z.number().int().min(0).default(50),
  tolerancePct: z.number().min(0).max(1).default(0.005),
  conditionMarkers: z.array(z.string().min(1)).default(DEFAULT_CONDITION_MARKERS),
  /** Regex sources: phrases that tie a condition to the earlier price without restating it. */
  revealMarkers: z.array(z.string().min(1)).default(['这个价', '这价', '才是', '就是', '才有', '才能', '才可以', '才享', '才给', '才到手', '办完', '才行']),
  finalCues: z.array(z.string().min(1)).default(DEFAULT_FINAL_CUES),
  referenceCues: z.array(z.string().min(1)).default(DEFAULT_REFERENCE_CUES),
  correctionMarkers: z.array(z.string().min(1)).default(DEFAULT_CORRECTION_MARKERS),
  minJaccard: z.number().min(0).max(1).default(0.5),
});

type Headline = { fen: number; at: number; ts: string; coords: Coordinates; text: string };
type State = { open: Record<string, Headline> };
const EMPTY: State = { open: {} };
const MAX_OPEN = 20;

export const undisclosedPriceCondition = defineDetector({
  kind: 'undisclosed-price-condition',
  summary: 'A headline price whose condition (membership, first N buyers, coupons…) is revealed only later.',
  params: Params,
  on: ['transcript'],
  compile: (p) => ({
    ...p,
    windowMs: p.windowMinutes * 60_000,
    crossMs: p.crossSegmentSeconds * 1000,
    lookbackMs: p.conditionLookbackSeconds * 1000,
    condition: markerRegex(p.conditionMarkers),
    conditionAll: markerRegex(p.conditionMarkers, 'gu'),
    reveal: markerRegex(p.revealMarkers),
    correction: markerRegex(p.correctionMarkers),
    cues: { final: markerRegex(p.finalCues), reference: markerRegex(p.referenceCues) },
  }),
  initial: (): State => EMPTY,
  onNewSession: (): State => EMPTY,
  evaluate({ event, room, rule, state }) {
    if (event.type !== 'transcript') return { state, findings: [] };
    const numeral = hasNumeral(event.text);
    // One walk, no arrays: is any headline open, and has any gone past the window?
    let anyOpen = false;
    let expired = false;
    for (const k in state.open) {
      anyOpen = true;
      if (event.at - state.open[k]!.at > rule.windowMs) {
        expired = true;
        break;
      }
    }
    if (!numeral && !anyOpen) return { state, findings: [] };
    let open = state.open;
    if (expired) open = Object.fromEntries(Object.entries(open).filter(([, h]) => event.at - h.at <= rule.windowMs));
    const findings: Finding[] = [];
    // One text for both steps (the parse memo is shared with the other price rules): the previous
    // segments of the last few seconds, then this one; reveals are looked for in this one only.
    const st = spokenText(event, room, rule.crossMs);
    const text = st.text;
    const current = text.slice(st.currentStart);
    const prices = numeral ? parsePrices(text).filter((p) => p.span[1] > st.currentStart) : [];

    // 1. A reveal: a condition clause tied to an open headline of an earlier segment.
    if (rule.condition.test(current)) {
      rule.conditionAll.lastIndex = st.currentStart;
      for (let m = rule.conditionAll.exec(text); m !== null; m = rule.conditionAll.exec(text)) {
        const [cs0, ce] = clauseAt(text, m.index);
        const cs = Math.max(cs0, st.currentStart);
        // The clause with the condition, and the next one ("要先开会员，才是四十九").
        const [, ne] = ce < text.length ? clauseAt(text, ce + 1) : [ce, ce];
        const inClause = prices.filter((p) => isMoney(p) && p.span[0] < ne && p.span[1] > cs);
        const revealPhrase = rule.reveal.test(text.slice(cs, ne));
        const spokenOf = revealPhrase && inClause.length === 0 ? bindSku(room, current, { minJaccard: rule.minJaccard }).sku : null;
        for (const [sku, h] of Object.entries(open)) {
          if (h.at >= event.at) continue;
          const tol = Math.max(rule.toleranceFen, Math.round(rule.tolerancePct * h.fen));
          const restated = inClause.some((p) => Math.abs(fen(p.value!) - h.fen) <= tol);
          if (!restated && spokenOf !== sku) continue;
          const card = room.cards[sku];
          if (card === undefined) continue;
          const actual = card.checkoutFen ?? displayedFen(card);
          if (actual - h.fen <= tol) continue;
          const { [sku]: _, ...rest } = open;
          open = rest;
          findings.push({
            dedupeKey: `${h.fen}:${m[0]}`,
            sku,
            summary:
              `主播先口播“到手价${yuan(h.fen)}元”未说明条件，${Math.round((event.at - h.at) / 1000)}秒后才透露需“${m[0]}”，` +
              `单件结算价为${yuan(actual)}元，涉嫌隐瞒或弱化不利价格条件（《明码标价和禁止价格欺诈规定》第六条、第十九条第（六）项）。` +
              ` / Headline price ${yuan(h.fen)} CNY; the condition "${m[0]}" was revealed only later; one-unit price ${yuan(actual)} CNY.`,
            values: {
              headlinePrice: h.fen / 100,
              condition: m[0],
              actualPrice: actual / 100,
              actualFrom: card.checkoutFen !== null ? 'checkoutPrice' : 'displayedPrice',
              headlineTs: h.ts,
              delaySeconds: Math.round((event.at - h.at) / 1000),
              toleranceFen: tol,
            },
            events: [{ ...h.coords, type: 'transcript', ts: h.ts, excerpt: h.text }],
          });
        }
      }
    }

    // 2. New headlines: unconditional final prices with no condition in or shortly before them.
    if (numeral) {
      const finals = prices.filter((p) => isMoney(p) && p.lowerBound !== true && roleOf(p, text, rule.cues) === 'final');
      if (rule.correction.test(current)) {
        // "说错了，是六十九": the corrected amount replaces the headline.
        const sku = bindSku(room, text, { minJaccard: rule.minJaccard }).sku;
        const fixed = prices.filter((p) => isMoney(p) && (p.kind === 'final' || p.kind === 'amount')).pop();
        if (sku !== null && open[sku] !== undefined) {
          const { [sku]: h, ...rest } = open;
          open = fixed === undefined ? rest : { ...rest, [sku]: { ...h!, fen: fen(fixed.value!), at: event.at, ts: event.ts, coords: event.coords, text: event.text.slice(0, 200) } };
        }
      } else if (finals.length > 0 && !rule.condition.test(current) && !recentMatches(room, event.at, rule.lookbackMs, rule.condition)) {
        for (const p of finals) {
          if (p.conditionText !== undefined && p.conditionText !== '') continue;
          const bound = bindSku(room, text, { span: p.span, kind: p.kind, minJaccard: rule.minJaccard });
          if (bound.sku === null) continue;
          open = { ...open, [bound.sku]: { fen: fen(p.value!), at: event.at, ts: event.ts, coords: event.coords, text: event.text.slice(0, 200) } };
        }
      }
    }
    return { state: open === state.open ? state : { open: capRecord(open, MAX_OPEN) }, findings };
  },
});

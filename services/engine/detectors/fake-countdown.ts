/**
 * `fake-countdown` (虚假限时/倒计时后价格不变; 规范促销行为暂行规定; 明码标价和禁止价格欺诈规定 Art. 19(4)):
 * the anchor sets a deadline for the current price P — a duration ("倒计时五分钟", "五分钟之后恢复原价",
 * "这个价就这三分钟"), a clock time ("今晚十二点截止", "截止到今晚") or the end of the stream
 * ("下播就恢复") — and the first price event of the sku at least graceMinutes after the deadline D
 * still shows a displayed price ≤ P. The alert anchors at that price event (catalogue §1.5).
 * A price restored after D closes the claim; an extension announced before D ("给大家延长五分钟")
 * moves D (or, with no duration, closes the claim: a new window). The earliest open claim of a
 * sku is kept, so a countdown repeated all evening is judged from its first deadline. Claims
 * survive a session change (下播 / 今晚 deadlines are checked in the next session). Bounded state.
 */
import { z } from 'zod';
import type { Coordinates } from '../contracts/events.js';
import { bindSku } from '../price/bind-sku.js';
import { capRecord, displayedFen, fen, hasNumeral, parsePrices, foldText } from '../price/spoken-context.js';
import { parseNumberAt } from '../price/spoken-price.js';
import { yuan } from '../state/order-basis.js';
import { defineDetector, type Finding } from './types.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const CST = 8 * HOUR;

const Params = z.strictObject({
  /** Automaton trigger words; a segment with none of them is skipped. */
  triggers: z.array(z.string().min(1)).default(['分钟', '倒计时', '限时', '截止', '下播', '今晚', '点前', '点之前', '延长', '加时', '延时', '恢复原价']),
  /** Regex source: must end right before "X分钟" for a duration claim (倒计时五分钟, 就这三分钟). */
  durationBefore: z.string().default('(?:倒计时|倒数|计时|限时|只有|就这|仅限|只剩|还剩|最后|就|只|仅)(?:这|最后)?\\s*$'),
  /** Regex source: must start right after "X分钟" for a duration claim (五分钟之后恢复原价). */
  durationAfter: z.string().default('^\\s*(?:内|之内|以内)?\\s*(?:后|之后|以后|一过|一到|结束后?|过后)?\\s*(?:就|立马|马上|立刻|直接|我们就)?\\s*(?:恢复|涨回|涨价|回到|截止|下架|结束|没了|取消|改价|调回)'),
  /** Regex source: a clock deadline; group 1 = 今晚-like prefix, group 2 = the hour. */
  clock: z.string().default('(今晚|今天晚上|晚上|今天|今日)?([0-9一二两三四五六七八九十]+)点(?:整|半)?(?:(?:之前|以前|前)?(?:就|准时|立马)?(?:截止|结束|恢复|涨回|涨价|下架|取消|没了)|(?:之前|以前|前)(?:下单|拍下|付款)(?:有效|才有|才是)?)'),
  /** Regex source: "until tonight" with no hour (D = midnight, CST). */
  tonight: z.string().default('截止(?:到)?今[晚天]|今[晚天](?:就)?截止|仅限今[晚天]|只限今[晚天]|今晚(?:过后|之后)(?:就)?(?:恢复|涨)'),
  /** Regex source: the end of the stream as the deadline. */
  sessionEnd: z.string().default('下播(?:后|以后|之后)?(?:就|立马|马上)?(?:恢复|涨回|涨价|没了|截止|下架|取消)'),
  /** Regex source: an extension or a new window announced before D. */
  extension: z.string().default('延长|加时|延时|加场|再给(?:大家)?[0-9一二两三四五六七八九十]+分钟|多给(?:大家)?[0-9一二两三四五六七八九十]+分钟'),
  graceMinutes: z.number().min(0).max(120).default(10),
  toleranceFen: z.number().int().min(0).default(50),
  maxAgeHours: z.number().min(1).max(168).default(48),
  minJaccard: z.number().min(0).max(1).default(0.5),
});

type Claim = { d: number; p: number; at: number; ts: string; coords: Coordinates; text: string; session: string | null; kind: 'duration' | 'clock' | 'session-end' };
type State = { claims: Record<string, Claim> };
const EMPTY: State = { claims: {} };

/** "X分钟" durations in `text` with their span: [minutes, start of the number, index of 分钟]. */
function durations(text: string): Array<[number, number, number]> {
  const out: Array<[number, number, number]> = [];
  for (let idx = text.indexOf('分钟'); idx !== -1; idx = text.indexOf('分钟', idx + 2)) {
    for (let k = Math.max(0, idx - 6); k < idx; k++) {
      const n = parseNumberAt(text, k);
      if (n !== null && (n.end === idx || (n.end === idx - 1 && text[idx - 1] === '个')) && n.value > 0) {
        out.push([n.value, k, idx]);
        break;
      }
    }
  }
  return out;
}

/** Epoch ms of hour `h` (CST) on the claim's day, moved forward past the claim if needed. */
function clockTime(at: number, h: number, half: boolean, evening: boolean): number {
  const dayStart = Math.floor((at + CST) / DAY) * DAY - CST;
  const hour = evening && h < 12 ? h + 12 : evening && h === 12 ? 24 : h;
  let d = dayStart + hour * HOUR + (half ? 30 * 60_000 : 0);
  while (d <= at) d += 12 * HOUR;
  return d;
}

export const fakeCountdown = defineDetector({
  kind: 'fake-countdown',
  summary: 'A countdown or deadline for the current price, with the same price still on offer well after it.',
  params: Params,
  on: ['transcript', 'price'],
  compile: (p, env) => ({
    ...p,
    words: p.triggers.map((t) => env.normaliseTerm(t)),
    before: new RegExp(p.durationBefore, 'u'),
    after: new RegExp(p.durationAfter, 'u'),
    clockRe: new RegExp(p.clock, 'u'),
    tonightRe: new RegExp(p.tonight, 'u'),
    sessionEndRe: new RegExp(p.sessionEnd, 'u'),
    extensionRe: new RegExp(p.extension, 'u'),
    graceMs: p.graceMinutes * 60_000,
    maxAgeMs: p.maxAgeHours * HOUR,
  }),
  terms: (c) => c.words,
  initial: (): State => EMPTY,
  onNewSession: (s: State): State => s,
  evaluate({ event, room, rule, state, hits }) {
    let claims = state.claims;
    for (const k in claims) {
      if (event.at - claims[k]!.d > rule.maxAgeMs) {
        claims = Object.fromEntries(Object.entries(claims).filter(([, c]) => event.at - c.d <= rule.maxAgeMs));
        break;
      }
    }
    if (event.type === 'price') {
      const c = claims[event.sku];
      if (c === undefined) return { state: claims === state.claims ? state : { claims }, findings: [] };
      const { [event.sku]: _, ...rest } = claims;
      if (c.kind === 'session-end' ? event.sessionId === c.session : event.at < c.d) return { state: claims === state.claims ? state : { claims }, findings: [] };
      const shown = displayedFen(event);
      if (shown > c.p + rule.toleranceFen) return { state: { claims: rest }, findings: [] }; // restored: the deadline was real
      if (event.at < Math.max(c.d, c.at) + rule.graceMs) return { state: claims === state.claims ? state : { claims }, findings: [] };
      const late = Math.round((event.at - c.d) / 60_000);
      const finding: Finding = {
        dedupeKey: `${c.at}:${c.p}`,
        sku: event.sku,
        summary:
          `主播称“${c.text.trim().slice(0, 40)}”，宣称的限时截止后${c.kind === 'session-end' ? '至下一场直播' : `${late}分钟`}，` +
          `商品“${event.productName}”仍以${yuan(shown)}元销售，涉嫌虚假限时促销（《规范促销行为暂行规定》；《明码标价和禁止价格欺诈规定》第十九条第（四）项）。` +
          ` / Deadline claimed for ${yuan(c.p)} CNY; the same price is still offered after it.`,
        values: {
          claimTs: c.ts,
          deadline: c.kind === 'session-end' ? 'end of session' : new Date(c.d).toISOString(),
          deadlineKind: c.kind,
          promisedPrice: c.p / 100,
          priceAfterDeadline: shown / 100,
          minutesAfterDeadline: c.kind === 'session-end' ? null : late,
          graceMinutes: rule.graceMinutes,
        },
        events: [{ ...c.coords, type: 'transcript', ts: c.ts, excerpt: c.text }],
      };
      return { state: { claims: rest }, findings: [finding] };
    }
    if (event.type !== 'transcript' || hits === undefined) return { state: claims === state.claims ? state : { claims }, findings: [] };
    const text = foldText(event.text);
    const sku = bindSku(room, text, { minJaccard: rule.minJaccard }).sku;
    if (sku === null) return { state: claims === state.claims ? state : { claims }, findings: [] };
    const open = claims[sku];
    const ds = durations(text);
    if (open !== undefined && rule.extensionRe.test(text)) {
      if (event.at >= open.d) return { state: claims === state.claims ? state : { claims }, findings: [] };
      const { [sku]: _, ...rest } = claims;
      const ext = ds[0];
      return { state: { claims: ext === undefined ? rest : { ...claims, [sku]: { ...open, d: Math.max(open.d, event.at + ext[0] * 60_000) } } }, findings: [] };
    }
    if (open !== undefined) return { state: claims === state.claims ? state : { claims }, findings: [] }; // keep the earliest deadline
    let d: number | null = null;
    let kind: Claim['kind'] = 'duration';
    for (const [minutes, start, idx] of ds) {
      if (rule.before.test(text.slice(Math.max(0, start - 6), start)) || rule.after.test(text.slice(idx + 2, idx + 16))) {
        d = event.at + minutes * 60_000;
        break;
      }
    }
    if (d === null) {
      const m = rule.clockRe.exec(text);
      const h = m === null ? null : parseNumberAt(m[2]!, 0);
      if (m !== null && h !== null && h.value >= 0 && h.value <= 24) {
        d = clockTime(event.at, h.value, m[0].includes('半'), m[1] !== undefined && m[1] !== '今天' && m[1] !== '今日');
        kind = 'clock';
      } else if (rule.tonightRe.test(text)) {
        d = clockTime(event.at, 24, false, false);
        kind = 'clock';
      } else if (rule.sessionEndRe.test(text)) {
        d = event.at;
        kind = 'session-end';
      }
    }
    if (d === null) return { state: claims === state.claims ? state : { claims }, findings: [] };
    const final = hasNumeral(text) ? parsePrices(text).find((p) => p.kind === 'final' && p.value !== undefined && p.range === undefined) : undefined;
    const card = room.cards[sku];
    const p = final !== undefined ? fen(final.value!) : card !== undefined ? displayedFen(card) : null;
    if (p === null) return { state: claims === state.claims ? state : { claims }, findings: [] };
    const claim: Claim = { d, p, at: event.at, ts: event.ts, coords: event.coords, text: event.text.slice(0, 200), session: event.sessionId, kind };
    return { state: { claims: capRecord({ ...claims, [sku]: claim }, 20) }, findings: [] };
  },
});

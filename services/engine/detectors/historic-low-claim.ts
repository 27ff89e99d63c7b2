/**
 * `historic-low-claim` ("历史最低/双十一都没这个价"被成交记录反驳; 明码标价和禁止价格欺诈规定 Art. 19(4);
 * 广告法 Art. 28(2)): a claim that the current price is the lowest over a period is contradicted
 * when any order of this venue in that period was paid below the current displayed price by more
 * than toleranceFen. The period comes from the claim: 今年 = since 1 January, 双十一 = the last
 * 11-01…11-11, 618 = the last 06-01…06-18, anything else (历史最低, 史低, 破价) = defaultDays.
 * Orders of other rooms never count (state is per room). Negated or quoted claims do not count.
 * Stateless; the absolute-term reading (最低价) is AD.ABSOLUTE_TERMS's, a separate alert.
 */
import { z } from 'zod';
import { checkScope } from '../scope.js';
import { bindSku } from '../price/bind-sku.js';
import { displayedFen, fen, hasNumeral, parsePrices, foldText } from '../price/spoken-context.js';
import { ordersBetween, yuan } from '../state/order-basis.js';
import { defineDetector, type Finding } from './types.js';

const DAY = 86_400_000;
const CST = 8 * 3_600_000;

const ClaimSchema = z.strictObject({
  /** Regex source of the claim. */
  pattern: z.string().min(1),
  /** The period the claim is about. */
  window: z.enum(['days', 'year', 'double11', '618']),
});

/** "At that time" after a sale's name (双十一那会儿), then fillers and ASR spaces (啊 …) before the claim. */
const WHEN = '(?:那天|期间|当天|的时候|那会儿?|那阵子?|那几天)?';
const FILL = '[啊呀呢嘛哈吧]*\\s*';

const Params = z.strictObject({
  /** Automaton trigger words; a segment with none of them is skipped. */
  triggers: z
    .array(z.string().min(1))
    .default(['历史', '史低', '史上', '最低', '破价', '最便宜', '从来没', '双十一', '双11', '618', '大促', '没这么', '没有这么', '没这个价', '没有这个价', '没给到', '从来没', '还便宜', '还低', '还划算']),
  claims: z.array(ClaimSchema).min(1).default([
    { pattern: `(?:双十一|双11)${WHEN}${FILL}(?:都|也)?没(?:有)?(?:给到|到过)?(?:这个价|这么便宜|这么低|这个价格)|比(?:双十一|双11)${WHEN}${FILL}还(?:便宜|划算|低)`, window: 'double11' },
    { pattern: `618${WHEN}${FILL}(?:都|也)?没(?:有)?(?:给到|到过)?(?:这个价|这么便宜|这么低|这个价格)|比618${WHEN}${FILL}还(?:便宜|划算|低)`, window: '618' },
    { pattern: '今年(?:的)?(?:最低|最便宜)|今年(?:都|也)?没(?:有)?(?:卖过|给过|给到)?(?:这个价|这么便宜|这么低)|全年(?:的)?最低', window: 'year' },
    { pattern: '历史上?(?:的)?(?:最低|新低|低价|最便宜)|史上最(?:低|便宜)|史低|破价|从来没(?:有)?(?:卖过|给过|上过|出过|到过)?(?:这么便宜|这么低|这个价)|(?:大促|以前|历史上|之前)(?:那天|期间)?(?:都|也)?没(?:有)?(?:给到|到过)?(?:这个价|这么便宜|这么低)|比(?:那会儿|大促)还(?:便宜|划算|低)', window: 'days' },
  ]),
  defaultDays: z.number().int().min(1).max(400).default(365),
  toleranceFen: z.number().int().min(0).default(50),
  minJaccard: z.number().min(0).max(1).default(0.5),
});

function windowOf(kind: 'days' | 'year' | 'double11' | '618', at: number, days: number): [number, number] {
  const local = new Date(at + CST);
  const y = local.getUTCFullYear();
  const cst = (yy: number, m: number, d: number) => Date.UTC(yy, m - 1, d) - CST;
  switch (kind) {
    case 'year':
      return [cst(y, 1, 1), at];
    case 'double11': {
      const yy = at >= cst(y, 11, 1) ? y : y - 1;
      return [cst(yy, 11, 1), Math.min(at, cst(yy, 11, 12))];
    }
    case '618': {
      const yy = at >= cst(y, 6, 1) ? y : y - 1;
      return [cst(yy, 6, 1), Math.min(at, cst(yy, 6, 19))];
    }
    default:
      return [at - days * DAY, at];
  }
}

export const historicLowClaim = defineDetector({
  kind: 'historic-low-claim',
  summary: 'A "lowest price ever / this year / since 双十一" claim contradicted by cheaper orders in this venue.',
  params: Params,
  on: ['transcript'],
  needsHits: true,
  compile: (p, env) => ({
    ...p,
    words: p.triggers.map((t) => env.normaliseTerm(t)),
    res: p.claims.map((c) => ({ re: new RegExp(c.pattern, 'u'), window: c.window })),
  }),
  terms: (c) => c.words,
  initial: () => null,
  evaluate({ event, room, rule, state }) {
    if (event.type !== 'transcript') return { state, findings: [] };
    const text = foldText(event.text);
    for (const { re, window } of rule.res) {
      const m = re.exec(text);
      if (m === null) continue;
      if (checkScope(text, m.index, m.index + m[0].length, { negation: true, regulation: true, mention: true }) !== null) continue;
      const sku = bindSku(room, text, { minJaccard: rule.minJaccard }).sku;
      if (sku === null) return { state, findings: [] };
      const card = room.cards[sku];
      const spoken = hasNumeral(text) ? parsePrices(text).find((p) => p.kind === 'final' && p.value !== undefined && p.range === undefined) : undefined;
      const current = card !== undefined ? displayedFen(card) : spoken !== undefined ? fen(spoken.value!) : null;
      if (current === null) return { state, findings: [] };
      const [from, to] = windowOf(window, event.at, rule.defaultDays);
      const cheaper = ordersBetween(room.orders[sku], from, to).filter(([, f]) => f < current - rule.toleranceFen);
      if (cheaper.length === 0) return { state, findings: [] };
      const lowest = Math.min(...cheaper.map(([, f]) => f));
      const lowestAt = cheaper.find(([, f]) => f === lowest)![0];
      const finding: Finding = {
        dedupeKey: `${m[0]}:${current}`,
        sku,
        summary:
          `主播称“${m[0]}”（现价${yuan(current)}元），但本店在该期间（${new Date(from + CST).toISOString().slice(0, 10)}起）已有${cheaper.length}笔成交低于现价，` +
          `最低${yuan(lowest)}元，涉嫌以虚假的价格比较误导消费者（《明码标价和禁止价格欺诈规定》第十九条第（四）项；《广告法》第二十八条第二款第（二）项）。` +
          ` / "${m[0]}" at ${yuan(current)} CNY, yet ${cheaper.length} orders in the period were cheaper (lowest ${yuan(lowest)} CNY).`,
        matches: [{ term: m[0], text: m[0], span: [m.index, m.index + m[0].length] }],
        values: {
          claim: m[0],
          period: window,
          window: [new Date(from).toISOString(), new Date(to).toISOString()],
          currentPrice: current / 100,
          currentFrom: card !== undefined ? 'card' : 'spoken',
          cheaperOrders: cheaper.slice(0, 10).map(([at, f]) => ({ ts: new Date(at).toISOString(), paid: f / 100 })),
          cheaperCount: cheaper.length,
          lowestPaid: lowest / 100,
          lowestPaidTs: new Date(lowestAt).toISOString(),
          toleranceFen: rule.toleranceFen,
        },
      };
      return { state, findings: [finding] };
    }
    return { state, findings: [] };
  },
});

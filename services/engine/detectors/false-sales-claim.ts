/**
 * `false-sales-claim` (虚构销量; 电子商务法 Art. 17; 反不正当竞争法 2025 Art. 9; 网络直播营销管理办法
 * Art. 18(4)): a spoken sales figure V for this link or this session ("这个链接刚刚已经爆了三万单",
 * "今天已经卖了十万件") against what the stock timeline shows was sold in the session:
 * observed = first stock − current stock + restocks (sum of the stock increases). Fires when
 * V ≥ minRatio × observed and V − observed ≥ minExcess; severity high from highRatio×.
 * A vague count (两万多, 九百来单) uses its lower bound. Lifetime claims (累计/总共/全网) are
 * advisory only. A claim about a sku bound by name or link words uses that sku's stock; a
 * session-wide claim uses all skus. With no stock data the claim is unverifiable.
 * State: per sku, the session's first and last stock and the restocks.
 */
import { z } from 'zod';
import { bindSku } from '../price/bind-sku.js';
import { clauseAt, markerRegex, foldText } from '../price/spoken-context.js';
import { parseNumberAt } from '../price/spoken-price.js';
import { checkScope } from '../scope.js';
import { defineDetector, type Finding } from './types.js';

const Params = z.strictObject({
  /** Sales verbs; also the automaton trigger terms. */
  verbs: z.array(z.string().min(1)).default(['卖了', '卖出', '卖出去', '售出', '已售', '已抢', '抢了', '抢出', '抢走了', '爆了', '成交了', '成交', '已拼', '拼了', '下单了', '拍了', '卖爆了', '出了']),
  /** Regex source: words allowed between the verb and the number. */
  filler: z.string().default('(?:了|已经|将近|接近|超过|快|差不多|有|近|足足|整整|多达|高达|足有|至少|上)*'),
  units: z.array(z.string().min(1)).default(['单', '件', '份', '套', '瓶', '盒', '台', '支', '箱', '袋', '罐', '双', '个']),
  /** Regex source: the figure then who did what ("五万人下单了", "三千多个家人抢到了"); also a sales claim. */
  buyersThenVerb: z.string().default('^(?:多|来|余|\\+)?(?:万)?(?:多)?(?:个|位|名)?(?:人|宝宝|家人们?|姐妹|朋友|粉丝)(?:都)?(?:已经)?(?:下单|抢购|购买|拍下|付款|买了|抢到|拍了|入手)'),
  /** Automaton words for the second form. */
  buyerWords: z.array(z.string().min(1)).default(['人下单', '人抢购', '人购买', '人拍下', '人买了', '人付款', '人抢到', '人入手']),
  /** Regex sources in the clause: a lifetime or earlier-session claim, advisory only (not this session's stock). */
  lifetimeMarkers: z
    .array(z.string().min(1))
    .default(['累计', '总共', '一共', '全网', '总销量', '历史', '今年', '全年', '这些年', '上线以来', '开店以来', '上一场', '上场', '上次', '昨天', '昨晚', '前天', '上个月', '上周', '去年', '双十一', '618', '以前', '之前']),
  /** Regex sources: the claim is about one sku (use its stock only). */
  linkMarkers: z.array(z.string().min(1)).default(['这个链接', '这个品', '这款', '这一款', '这个产品', '这个商品', '[0-9一二三四五六七八九十]+号链接']),
  minRatio: z.number().min(1).default(10),
  minExcess: z.number().int().min(0).default(1000),
  highRatio: z.number().min(1).default(100),
  minJaccard: z.number().min(0).max(1).default(0.5),
});

type Stock = { first: number; last: number; restocked: number };
type State = { stock: Record<string, Stock> };
const EMPTY: State = { stock: {} };

export type SalesClaim = { v: number; span: [number, number] };

/** Sales figures in `text`: verb, fillers, a number (lower bound of a vague count), a unit. */
export function salesClaims(text: string, c: { verb: RegExp; filler: RegExp; units: ReadonlySet<string>; buyers?: RegExp }): SalesClaim[] {
  const out: SalesClaim[] = [];
  if (c.buyers !== undefined) {
    // "已经有五万人下单了": a number followed by buyers and a purchase verb.
    for (let i = 0; i < text.length; i++) {
      const num = parseNumberAt(text, i);
      if (num === null) continue;
      const m = c.buyers.exec(text.slice(num.end, num.end + 12));
      if (m !== null && num.value > 0) out.push({ v: num.value * (m[0].includes('万') ? 10_000 : 1), span: [i, num.end + m[0].length] });
      i = num.end - 1;
    }
  }
  c.verb.lastIndex = 0;
  for (let m = c.verb.exec(text); m !== null; m = c.verb.exec(text)) {
    c.filler.lastIndex = m.index + m[0].length;
    const f = c.filler.exec(text);
    const i = f === null ? m.index + m[0].length : f.index + f[0].length;
    const num = parseNumberAt(text, i);
    if (num === null || num.value <= 0) continue;
    let j = num.end;
    let v = num.value;
    while (text[j] === '多' || text[j] === '来' || text[j] === '余' || text[j] === '+' || text[j] === '几') j++;
    if (text[j] === '万' && text[j - 1] !== '万') {
      v *= 10_000; // 500万+ / 3万多单 read as a number then 万
      j++;
      while (text[j] === '多' || text[j] === '+') j++;
    }
    if (!c.units.has(text[j] ?? '')) continue;
    out.push({ v, span: [m.index, j + 1] });
  }
  return out;
}

export const falseSalesClaim = defineDetector({
  kind: 'false-sales-claim',
  summary: 'A spoken sales figure for this link or session far above what the stock timeline shows was sold.',
  params: Params,
  on: ['transcript', 'price'],
  compile: (p, env) => ({
    ...p,
    words: [...p.verbs, ...p.buyerWords].map((v) => env.normaliseTerm(v)),
    buyers: new RegExp(p.buyersThenVerb, 'u'),
    verb: markerRegex(p.verbs, 'gu'),
    fillerRe: new RegExp(p.filler, 'uy'),
    unitSet: new Set(p.units),
    lifetime: markerRegex(p.lifetimeMarkers),
    link: markerRegex(p.linkMarkers),
  }),
  terms: (c) => c.words,
  initial: (): State => EMPTY,
  onNewSession: (): State => EMPTY,
  evaluate({ event, room, rule, state, hits }) {
    if (event.type === 'price') {
      if (event.stock === null) return { state, findings: [] };
      const s = state.stock[event.sku];
      if (s !== undefined && s.last === event.stock) return { state, findings: [] };
      const next: Stock = s === undefined ? { first: event.stock, last: event.stock, restocked: 0 } : { first: s.first, last: event.stock, restocked: s.restocked + Math.max(0, event.stock - s.last) };
      const stock = { ...state.stock, [event.sku]: next };
      const keys = Object.keys(stock);
      if (keys.length > 100) delete stock[keys[0]!];
      return { state: { stock }, findings: [] };
    }
    if (event.type !== 'transcript' || hits === undefined) return { state, findings: [] };
    const text = foldText(event.text);
    const claims = salesClaims(text, { verb: rule.verb, filler: rule.fillerRe, units: rule.unitSet, buyers: rule.buyers });
    if (claims.length === 0) return { state, findings: [] };
    const claim = claims.reduce((a, b) => (b.v > a.v ? b : a));
    const [cs, ce] = clauseAt(text, claim.span[0]);
    if (rule.lifetime.test(text.slice(Math.max(0, cs - 12), ce))) return { state, findings: [] }; // lifetime: advisory only
    if (checkScope(text, claim.span[0], claim.span[1], { negation: true, regulation: true, mention: true }) !== null) return { state, findings: [] };
    const bound = bindSku(room, text, { minJaccard: rule.minJaccard });
    const perSku = bound.via === 'name' || rule.link.test(text);
    const skus = perSku ? (bound.sku === null ? [] : [bound.sku]) : Object.keys(state.stock);
    const known = skus.map((k) => state.stock[k]).filter((s): s is Stock => s !== undefined);
    if (known.length === 0) return { state, findings: [] }; // no stock data: unverifiable
    const observed = known.reduce((n, s) => n + Math.max(0, s.first - s.last + s.restocked), 0);
    if (claim.v < rule.minRatio * observed || claim.v - observed < rule.minExcess) return { state, findings: [] };
    const ratio = observed === 0 ? null : Math.round((claim.v / observed) * 10) / 10;
    const finding: Finding = {
      dedupeKey: `${claim.v}`,
      sku: perSku ? bound.sku : room.activeSku,
      ...(observed === 0 || claim.v >= rule.highRatio * observed ? { severity: 'high' as const } : {}),
      summary:
        `主播称“${text.slice(claim.span[0], claim.span[1])}”（${claim.v}单/件），而本场库存变化显示仅售出约${observed}件，` +
        `涉嫌虚构销量、作引人误解的商业宣传（《电子商务法》第十七条；《反不正当竞争法》2025年第九条/2019年第八条；《网络直播营销管理办法（试行）》第十八条）。` +
        ` / Claimed ${claim.v} sold; the session's stock timeline shows about ${observed}.`,
      values: {
        claimed: claim.v,
        observed,
        ratio,
        stockTimeline: Object.fromEntries(skus.filter((k) => state.stock[k]).map((k) => [k, state.stock[k]])),
        scope: perSku ? 'sku' : 'session',
        thresholds: { minRatio: rule.minRatio, minExcess: rule.minExcess, highRatio: rule.highRatio },
      },
    };
    return { state, findings: [finding] };
  },
});

/**
 * `fake-scarcity-stock` (虚构库存/最后X单, 明码标价和禁止价格欺诈规定 Art. 19(4); 反不正当竞争法 2025
 * Art. 9): a spoken scarcity claim N ("最后十单", "只剩三件", "库存就剩三件") for a sku, checked
 * against the displayed stock:
 *   (a) stock S of the card at (or, failing that, just after) the claim, within stockWindowSeconds:
 *       fires when S ≥ max(stockRatio × N, N + stockMargin);
 *   (b) the repeatCount-th claim for the sku within repeatMinutes fires when the stock then is
 *       ≥ the stock at the first claim (no depletion, or a silent restock).
 * A claim needs a number and a stock unit, so 最后一排/最后一次/最后说 never count; a claim repeated
 * inside one segment counts once. Stock reaching 0 (a real sell-out) or an announced restock
 * (又补了两百单) starts the count again. State: the recent claims per sku (bounded).
 */
import { z } from 'zod';
import type { Coordinates } from '../contracts/events.js';
import { bindSku } from '../price/bind-sku.js';
import { capRecord, markerRegex, foldText } from '../price/spoken-context.js';
import { parseNumberAt } from '../price/spoken-price.js';
import { defineDetector, type Finding } from './types.js';

const Params = z.strictObject({
  /** Plain words that open a scarcity claim; also the automaton trigger terms. */
  markers: z.array(z.string().min(1)).default(['最后', '只剩', '还剩', '就剩', '仅剩', '剩下', '库存', '只有', '仅有', '就这', '没剩']),
  /** Regex source: words allowed between the marker and the number. */
  filler: z.string().default('(?:了|下|还|只|就|剩|有|仅|最后|不到|也就|这|的|都)*'),
  units: z.array(z.string().min(1)).default(['单', '件', '个', '份', '套', '组', '盒', '瓶', '袋', '台', '支', '双', '箱', '条', '罐', '只', '张', '包']),
  /** Regex source: what may not follow the unit (最后一个问题, 最后三个宝宝). */
  notAfter: z.string().default('^(?:问题|链接|宝宝|家人|人|环节|事|小时|分钟|名额|号|颜色|色|款|码|尺码|尺寸|种|型号|规格|缺点|优点|功能|步骤|地方|方面|原因|理由|要求|条件|办法|作用|特点|姐妹|朋友|月|星期|礼拜|字|词|福利|机会)'),
  /** Regex source: what is counted when it comes right before the marker (免单名额还剩三个), not stock. */
  notBefore: z.string().default('(?:名额|免单|座位|位置|抽奖|福袋|红包|优惠券|券|时间|机会|问题)$'),
  restockMarkers: z.array(z.string().min(1)).default(['补了', '补货', '补库存', '加库存', '又上了', '追加', '又加了', '返场']),
  stockWindowSeconds: z.number().min(0).max(3600).default(120),
  stockRatio: z.number().min(1).default(3),
  stockMargin: z.number().int().min(0).default(20),
  repeatCount: z.number().int().min(2).default(3),
  repeatMinutes: z.number().min(1).max(240).default(30),
  minJaccard: z.number().min(0).max(1).default(0.5),
});

type Claim = { n: number; at: number; ts: string; coords: Coordinates; text: string; stock: number | null };
type SkuState = { claims: Claim[]; pending: Claim | null };
type State = { skus: Record<string, SkuState> };
const EMPTY: State = { skus: {} };
const MAX_CLAIMS = 6;
const UNBOUND = '*';

export type ScarcityClaim = { n: number; span: [number, number] };

/** The global form of a marker regex, built once per marker regex. */
const globalMarkers = new WeakMap<RegExp, RegExp>();

/** Scarcity claims in `text`: marker, fillers, a number, a stock unit. */
export function scarcityClaims(text: string, c: { marker: RegExp; filler: RegExp; units: ReadonlySet<string>; notAfter: RegExp; notBefore?: RegExp }): ScarcityClaim[] {
  const out: ScarcityClaim[] = [];
  // Every claim ends in a unit: a text without any unit character holds none.
  let unit = false;
  for (let i = 0; i < text.length && !unit; i++) unit = c.units.has(text[i]!);
  if (!unit) return out;
  let g = globalMarkers.get(c.marker);
  if (g === undefined) globalMarkers.set(c.marker, (g = new RegExp(c.marker.source, 'gu')));
  g.lastIndex = 0;
  for (let m = g.exec(text); m !== null; m = g.exec(text)) {
    c.filler.lastIndex = m.index + m[0].length;
    const f = c.filler.exec(text);
    const i = f === null ? m.index + m[0].length : f.index + f[0].length;
    const num = parseNumberAt(text, i);
    if (num === null || num.value <= 0 || !Number.isInteger(num.value)) continue;
    let j = num.end;
    if (text[j] === '多' || text[j] === '来') j++;
    if (!c.units.has(text[j] ?? '')) continue;
    if (c.notAfter.test(text.slice(j + 1, j + 5))) continue;
    if (c.notBefore !== undefined && c.notBefore.test(text.slice(Math.max(0, m.index - 4), m.index))) continue;
    out.push({ n: num.value, span: [m.index, j + 1] });
  }
  return out;
}

/** Mode (a): the claim against the card's stock. */
function findingA(rule: { stockRatio: number; stockMargin: number }, sku: string, c: Claim, stock: number): Finding {
  return {
    dedupeKey: `a:${c.n}:${stock}`,
    sku,
    summary:
      `主播称“${c.text.trim().slice(0, 40)}”（仅剩${c.n}件/单），商品卡显示库存${stock}，涉嫌虚构库存、制造紧张气氛诱导购买` +
      `（《明码标价和禁止价格欺诈规定》第十九条第（四）项；《反不正当竞争法》2025年第九条/2019年第八条）。` +
      ` / Claimed only ${c.n} left while the card shows stock ${stock}.`,
    values: { claimedRemaining: c.n, stock, threshold: Math.max(rule.stockRatio * c.n, c.n + rule.stockMargin), claimTs: c.ts, mode: 'stock-contradiction' },
  };
}

export const fakeScarcityStock = defineDetector({
  kind: 'fake-scarcity-stock',
  summary: 'A "last N units" claim contradicted by the displayed stock, or repeated with no depletion.',
  params: Params,
  on: ['transcript', 'price'],
  compile: (p, env) => ({
    ...p,
    marker: markerRegex(p.markers),
    filler: new RegExp(p.filler, 'uy'),
    unitSet: new Set(p.units),
    notAfterRe: new RegExp(p.notAfter, 'u'),
    notBeforeRe: new RegExp(p.notBefore, 'u'),
    restock: markerRegex(p.restockMarkers),
    words: [...p.markers, ...p.restockMarkers].map((m) => env.normaliseTerm(m)),
    stockMs: p.stockWindowSeconds * 1000,
    repeatMs: p.repeatMinutes * 60_000,
  }),
  terms: (c) => c.words,
  initial: (): State => EMPTY,
  onNewSession: (): State => EMPTY,
  evaluate({ event, room, rule, state, hits }) {
    if (event.type === 'price') {
      // Claims made before any card of the room wait under '*' for the first card.
      let skus = state.skus;
      if (skus[UNBOUND] !== undefined && skus[event.sku] === undefined) {
        const { [UNBOUND]: waiting, ...rest } = skus;
        skus = { ...rest, [event.sku]: waiting! };
      }
      const s = skus[event.sku];
      if (s === undefined || event.stock === null) return { state: skus === state.skus ? state : { skus }, findings: [] };
      if (event.stock === 0) return { state: { skus: { ...skus, [event.sku]: { claims: [], pending: null } } }, findings: [] }; // a real sell-out
      const p = s.pending;
      if (p === null) return { state: skus === state.skus ? state : { skus }, findings: [] };
      const claims = s.claims.map((c) => (c.at === p.at ? { ...c, stock: event.stock } : c));
      const next: State = { skus: { ...skus, [event.sku]: { claims, pending: null } } };
      if (event.at - p.at > rule.stockMs || event.stock < Math.max(rule.stockRatio * p.n, p.n + rule.stockMargin)) return { state: next, findings: [] };
      return { state: next, findings: [{ ...findingA(rule, event.sku, p, event.stock), events: [{ ...p.coords, type: 'transcript', ts: p.ts, excerpt: p.text }] }] };
    }
    if (event.type !== 'transcript' || hits === undefined) return { state, findings: [] };
    const text = foldText(event.text);
    const restocked = rule.restock.test(text);
    const found = scarcityClaims(text, { marker: rule.marker, filler: rule.filler, units: rule.unitSet, notAfter: rule.notAfterRe, notBefore: rule.notBeforeRe });
    if (found.length === 0 && !restocked) return { state, findings: [] };
    const sku = bindSku(room, text, { minJaccard: rule.minJaccard }).sku ?? UNBOUND;
    if (found.length === 0) return { state: { skus: { ...state.skus, [sku]: { claims: [], pending: null } } }, findings: [] };
    const n = Math.min(...found.map((f) => f.n)); // "最后五单啊，最后五单" is one claim
    const card = room.cards[sku];
    const stock = card !== undefined && card.stock !== null && event.at - card.at <= rule.stockMs ? card.stock : null;
    const claim: Claim = { n, at: event.at, ts: event.ts, coords: event.coords, text: event.text.slice(0, 200), stock };
    const prev = restocked ? [] : (state.skus[sku]?.claims ?? []).filter((c) => event.at - c.at <= rule.repeatMs);
    const claims = [...prev, claim].slice(-MAX_CLAIMS);
    const next: State = { skus: capRecord({ ...state.skus, [sku]: { claims, pending: stock === null ? claim : null } }, 50) };
    if (stock !== null && stock >= Math.max(rule.stockRatio * n, n + rule.stockMargin)) return { state: next, findings: [findingA(rule, sku, claim, stock)] };
    const first = claims[0]!;
    if (claims.length >= rule.repeatCount && stock !== null && first.stock !== null && stock >= first.stock) {
      const finding: Finding = {
        dedupeKey: `b:${first.at}`,
        sku,
        summary:
          `主播在${Math.round((event.at - first.at) / 60_000)}分钟内${claims.length}次称“最后${n}件/单”，库存由${first.stock}变为${stock}未见减少，` +
          `涉嫌虚构库存紧张（《明码标价和禁止价格欺诈规定》第十九条第（四）项；《反不正当竞争法》2025年第九条/2019年第八条）。` +
          ` / ${claims.length} scarcity claims in ${Math.round((event.at - first.at) / 60_000)} min while stock went ${first.stock} → ${stock}.`,
        values: { claims: claims.map((c) => ({ ts: c.ts, claimed: c.n, stock: c.stock })), firstStock: first.stock, stockNow: stock, mode: 'repeated-no-depletion' },
        events: claims.slice(0, -1).map((c) => ({ ...c.coords, type: 'transcript' as const, ts: c.ts, excerpt: c.text })),
      };
      return { state: next, findings: [finding] };
    }
    return { state: next, findings: [] };
  },
});

/**
 * `gift-value-overstated` (赠品"价值X元"虚标; 明码标价和禁止价格欺诈规定 Art. 18): a stated value X of
 * an item ("送价值二百九十九的修护精华", "赠…保温杯，价值一百九十九", "价值五百的护理套装") must be the
 * item's current selling price in this venue. Fires when X > maxRatio × the listed price of the
 * matching product of this room (cards of the session, or remembered from the last catalogueDays).
 * The item is matched by bigram Jaccard against product names; with no matching product the value
 * is unverifiable (info, no alert). State: a small name → listed-price catalogue of this room.
 */
import { z } from 'zod';
import { clauseAt, fen, markerRegex, foldText } from '../price/spoken-context.js';
import { matchCard } from '../price/bind-sku.js';
import { parseNumberAt } from '../price/spoken-price.js';
import { yuan } from '../state/order-basis.js';
import { defineDetector, type Finding } from './types.js';

const Params = z.strictObject({
  /** Words that introduce a stated value; also the automaton trigger terms. */
  valueMarkers: z.array(z.string().min(1)).default(['价值', '价值高达', '市场价值', '总价值']),
  /** Regex source: words allowed between the marker and the number. */
  filler: z.string().default('(?:高达|达|约|近|将近|超过|足足|整整|是|在)*'),
  /** Regex source: a gift word that marks the item named around the value. */
  giftMarkers: z.array(z.string().min(1)).default(['送', '赠', '加赠', '附赠', '福利', '白送', '免费领']),
  maxRatio: z.number().min(1).default(1.2),
  catalogueDays: z.number().int().min(1).max(90).default(30),
  minJaccard: z.number().min(0).max(1).default(0.5),
});

type Entry = { name: string; listedFen: number; at: number };
type State = { catalogue: Record<string, Entry> };
const MAX_ENTRIES = 60;

export const giftValueOverstated = defineDetector({
  kind: 'gift-value-overstated',
  summary: 'A stated gift value above what the same item sells for in this room.',
  params: Params,
  on: ['transcript', 'price'],
  compile: (p, env) => ({
    ...p,
    words: p.valueMarkers.map((m) => env.normaliseTerm(m)),
    marker: markerRegex(p.valueMarkers, 'gu'),
    fillerRe: new RegExp(p.filler, 'uy'),
    gift: markerRegex(p.giftMarkers),
    giftAll: markerRegex(p.giftMarkers, 'gu'),
    keepMs: p.catalogueDays * 86_400_000,
  }),
  terms: (c) => c.words,
  initial: (): State => ({ catalogue: {} }),
  evaluate({ event, rule, state, hits }) {
    if (event.type === 'price') {
      const prev = state.catalogue[event.sku];
      if (prev !== undefined && prev.listedFen === event.listedFen && prev.name === event.productName && event.at - prev.at < 86_400_000) return { state, findings: [] };
      // The other entries still within catalogueDays (the newest MAX_ENTRIES − 1), then this one.
      const kept: string[] = [];
      for (const sku in state.catalogue) if (sku !== event.sku && event.at - state.catalogue[sku]!.at <= rule.keepMs) kept.push(sku);
      const entries: Array<[string, Entry]> = [];
      for (let i = Math.max(0, kept.length - (MAX_ENTRIES - 1)); i < kept.length; i++) entries.push([kept[i]!, state.catalogue[kept[i]!]!]);
      entries.push([event.sku, { name: event.productName, listedFen: event.listedFen, at: event.at }]);
      return { state: { catalogue: Object.fromEntries(entries) }, findings: [] };
    }
    if (event.type !== 'transcript' || hits === undefined) return { state, findings: [] };
    const text = foldText(event.text);
    let names: Record<string, { productName: string }> | null = null; // built at the first stated value
    const findings: Finding[] = [];
    rule.marker.lastIndex = 0;
    for (let m = rule.marker.exec(text); m !== null; m = rule.marker.exec(text)) {
      rule.fillerRe.lastIndex = m.index + m[0].length;
      const f = rule.fillerRe.exec(text);
      const i = f === null ? m.index + m[0].length : f.index + f[0].length;
      const num = parseNumberAt(text, i);
      if (num === null || num.value <= 0) continue;
      const x = fen(num.value);
      names ??= Object.fromEntries(Object.entries(state.catalogue).map(([sku, e]) => [sku, { productName: e.name }]));
      // The item: what the value is "of" ("…价值299的修护精华"); with nothing after the value, what
      // was given ("送修护精华，价值299"): the words after the last gift word, else the clause before.
      const [cs, ce] = clauseAt(text, m.index);
      const after = text.slice(num.end, ce).replace(/^(?:多)?(?:元|块钱|块|圆|米|rmb)?(?:的|钱的)?/u, '').trim();
      let item: ReturnType<typeof matchCard> = null;
      if (after.length >= 2) item = matchCard(after, names, rule.minJaccard);
      else {
        const head = text.slice(cs, m.index);
        const g = [...head.matchAll(rule.giftAll)].pop();
        const given = g !== undefined ? head.slice(g.index! + g[0].length) : head;
        item = (given.length >= 2 ? matchCard(given, names, rule.minJaccard) : null) ?? matchCard(text.slice(0, cs), names, rule.minJaccard);
      }
      if (item === null) continue; // no such product in this room: unverifiable (info)
      const entry = state.catalogue[item.sku]!;
      if (x <= rule.maxRatio * entry.listedFen) continue;
      findings.push({
        dedupeKey: `${item.sku}:${x}`,
        sku: item.sku,
        summary:
          `主播称${rule.gift.test(text) ? '赠品' : '商品'}“${entry.name}”价值${yuan(x)}元，但本直播间该商品标价${yuan(entry.listedFen)}元，` +
          `标示的价值不是本经营场所的现行售价，涉嫌虚标赠品价值（《明码标价和禁止价格欺诈规定》第十八条）。` +
          ` / Stated value ${yuan(x)} CNY, but the same item is listed here at ${yuan(entry.listedFen)} CNY.`,
        values: {
          statedValue: x / 100,
          listedPrice: entry.listedFen / 100,
          ratio: Math.round((x / entry.listedFen) * 100) / 100,
          maxRatio: rule.maxRatio,
          matchedProduct: entry.name,
          matchScore: Math.round(item.score * 100) / 100,
          giftWording: rule.gift.test(text),
        },
      });
    }
    return { state, findings };
  },
});

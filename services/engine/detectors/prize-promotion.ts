/**
 * `prize-promotion` (抽奖式有奖销售超限/内定; 反不正当竞争法 2025 Art. 11 / 2019 Art. 10; 规范促销行为
 * 暂行规定): a lottery frame (抽奖/福袋/转盘/一等奖…) with a prize value above the cap (50 000 CNY by
 * default), or an admission that winners are fixed (内定/提前定好了/给老粉留的中奖名额; high).
 * A prize value is a number after a value word (现金/价值/奖金…) or followed by a currency unit;
 * a non-cash prize with no stated value takes this room's listed price of a matching product.
 * Follower counts and other quantities (满十万粉丝) are not values. Negated or quoted statements
 * ("绝对没有内定", "法律规定不能超过五万") do not count. Stateless.
 */
import { z } from 'zod';
import { matchCard } from '../price/bind-sku.js';
import { clauseAt, fen, markerRegex, foldText } from '../price/spoken-context.js';
import { parseNumberAt } from '../price/spoken-price.js';
import { checkScope } from '../scope.js';
import { yuan } from '../state/order-basis.js';
import { defineDetector, type Finding } from './types.js';

const Params = z.strictObject({
  triggers: z
    .array(z.string().min(1))
    .default(['抽奖', '抽', '福袋', '转盘', '一等奖', '二等奖', '特等奖', '头奖', '大奖', '奖品', '奖金', '中奖', '开奖', '内定', '定好了', '名额', '自己人']),
  /** Regex source of a lottery frame. */
  lottery: z.string().default('抽奖|抽(?:[一二两三四五六七八九十百0-9]+|个|出|中)|福袋|转盘|[一二三特]等奖|头奖|大奖|奖品|奖金|中奖|开奖|幸运(?:观众|儿|粉丝)'),
  /** Regex source of a value word right before the prize value. */
  valueBefore: z.string().default('(?:现金|价值|奖金|红包|总价值|市值|售价|值)(?:高达|达|约|足足|整整|是)?$'),
  /** Regex source of a currency unit right after the prize value. */
  currencyAfter: z.string().default('^(?:多)?(?:元|块|圆|米|rmb|万元|现金)'),
  /**
   * Regex source of "X的<item>" right after a sum (送一辆十二万的车): the prize's price, unless
   * what follows is a count (十万的粉丝, 一百万的播放).
   */
  itemAfter: z.string().default('^(?:多)?(?:块钱?|元)?的(?!粉|人|观众|宝宝|家人|朋友|播放|流量|点赞|关注|销量|订单|单|件|次|赞|福利)'),
  /** A sum read through itemAfter is at least this many yuan (smaller numbers are rarely a price said that way). */
  itemMinYuan: z.number().min(0).default(1000),
  /** Regex source of a quantity that is not a value (满十万粉丝). */
  notValueAfter: z.string().default('^(?:多)?(?:粉|人|个|位|名|单|件|次|赞|关注|观众|宝宝)'),
  /** Regex sources admitting fixed winners. */
  fixedWinners: z
    .array(z.string().min(1))
    .default(['内定', '提前定好', '早就定好', '已经定好了?(?:中奖|名单|人选)', '给老粉留的?(?:中奖)?名额', '中奖(?:的)?(?:都|就)?是(?:自己人|托|我们自己|内部)', '托儿?中奖']),
  capYuan: z.number().positive().default(50_000),
  minJaccard: z.number().min(0).max(1).default(0.5),
});

export const prizePromotion = defineDetector({
  kind: 'prize-promotion',
  summary: 'A lottery prize above the statutory cap, or winners admitted to be fixed in advance.',
  params: Params,
  on: ['transcript'],
  needsHits: true,
  compile: (p, env) => ({
    ...p,
    words: p.triggers.map((t) => env.normaliseTerm(t)),
    lotteryRe: new RegExp(p.lottery, 'u'),
    before: new RegExp(p.valueBefore, 'u'),
    after: new RegExp(p.currencyAfter, 'u'),
    notAfter: new RegExp(p.notValueAfter, 'u'),
    itemRe: new RegExp(p.itemAfter, 'u'),
    fixed: markerRegex(p.fixedWinners),
    capFen: fen(p.capYuan),
  }),
  terms: (c) => c.words,
  initial: () => null,
  evaluate({ event, room, rule, state }) {
    if (event.type !== 'transcript') return { state, findings: [] };
    const text = foldText(event.text);
    const findings: Finding[] = [];
    const scope = { negation: true, regulation: true, mention: true };

    const fx = rule.fixed.exec(text);
    if (fx !== null && checkScope(text, fx.index, fx.index + fx[0].length, scope) === null) {
      findings.push({
        dedupeKey: `fixed:${fx[0]}`,
        sku: room.activeSku,
        severity: 'high',
        summary:
          `主播称“${text.slice(...clauseAt(text, fx.index)).trim()}”，承认抽奖中奖者内定，涉嫌以内定人员中奖的欺骗方式进行有奖销售` +
          `（《反不正当竞争法》2025年第十一条/2019年第十条；《规范促销行为暂行规定》）。 / Lottery winners admitted to be fixed in advance.`,
        matches: [{ term: fx[0], text: fx[0], span: [fx.index, fx.index + fx[0].length] }],
        values: { admission: fx[0] },
      });
    }

    const lot = rule.lotteryRe.exec(text);
    if (lot !== null && checkScope(text, lot.index, lot.index + lot[0].length, scope) === null) {
      let best: { fen: number; from: string; at: number } | null = null;
      for (let i = 0; i < text.length; i++) {
        const n = parseNumberAt(text, i);
        if (n === null) continue;
        const start = i;
        i = n.end - 1; // never read the tail of a number as another number
        if (n.value <= 0) continue;
        const tail = text.slice(n.end, n.end + 6);
        if (rule.notAfter.test(tail)) continue;
        const valued = rule.before.test(text.slice(Math.max(0, start - 6), start));
        const currency = rule.after.exec(tail);
        const item = !valued && currency === null && n.value >= rule.itemMinYuan && rule.itemRe.test(tail);
        if (!valued && currency === null && !item) continue;
        const v = fen(n.value * (currency !== null && currency[0].includes('万') ? 10_000 : 1));
        if (checkScope(text, start, n.end, scope) !== null) continue; // "法律规定不能超过五万"
        if (best === null || v > best.fen) best = { fen: v, from: valued ? 'stated value' : item ? 'price of the prize item' : 'cash amount', at: start };
      }
      if (best === null) {
        const item = matchCard(text.slice(lot.index), room.cards, rule.minJaccard);
        if (item !== null) best = { fen: room.cards[item.sku]!.listedFen, from: `listed price of ${room.cards[item.sku]!.productName}`, at: lot.index };
      }
      if (best !== null && best.fen > rule.capFen) {
        findings.push({
          dedupeKey: `cap:${best.fen}`,
          sku: room.activeSku,
          summary:
            `主播以抽奖方式开展有奖销售，奖品金额约${yuan(best.fen)}元，超过法定最高奖${yuan(rule.capFen)}元上限` +
            `（《反不正当竞争法》2025年第十一条/2019年第十条；《规范促销行为暂行规定》）。` +
            ` / Lottery prize of about ${yuan(best.fen)} CNY exceeds the ${yuan(rule.capFen)} CNY cap.`,
          matches: [{ term: lot[0], text: lot[0], span: [lot.index, lot.index + lot[0].length] }],
          values: { prizeValue: best.fen / 100, valueFrom: best.from, cap: rule.capFen / 100, lotteryTerm: lot[0] },
        });
      }
    }
    return { state, findings };
  },
});

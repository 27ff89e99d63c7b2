/**
 * attribute-contradiction through the production path: the real
 * AD.SPOKEN_CARD_ATTRIBUTE_CONTRADICTION rule file, loadRuleset, decodeEvent and evaluate.
 */
import { describe, expect, it } from 'vitest';
import { isoAt, loadRules, runFeed, type Wire } from '../../../tests/harness/rule-under-test.js';

const ruleset = loadRules('rules/violation/AD.SPOKEN_CARD_ATTRIBUTE_CONTRADICTION.yaml');

const say = (text: string, s: number): Wire => ({ type: 'transcript', roomId: 'r1', sessionId: 's1', ts: isoAt(s), text });
const card = (productName: string, s: number, sku = 'k1'): Wire => ({ type: 'price', roomId: 'r1', sessionId: 's1', ts: isoAt(s), sku, productName, listedPrice: 99, currency: 'CNY' });

/** Runs a feed; returns the pair label of each alert, per event. */
function run(feed: Wire[]): Array<unknown[]> {
  return runFeed(ruleset, feed).map((out) => out.alerts.map((a) => (a.data.evidence as { values?: { pair?: unknown } } | undefined)?.values?.pair ?? a.data.ruleId));
}

describe('attribute-contradiction', () => {
  it('fires when the card contradicts the claim', () => {
    const out = run([card('涤棉混纺T恤', 0), say('百分之百纯棉的', 5)]);
    expect(out[1]).toHaveLength(1);
  });
  it('needs a card, and the contradiction on the card being presented', () => {
    expect(run([say('纯棉的T恤', 0)])).toEqual([[]]);
    expect(run([card('涤纶T恤', 0, 'a'), card('新疆长绒棉T恤 纯棉', 5, 'b'), say('纯棉的，放心', 10)])[2]).toEqual([]);
  });
  it('treats analogies as advisory and negated claims as none', () => {
    expect(run([card('PU皮革托特包', 0), say('媲美真皮的质感', 5), say('这个不是真皮哦，PU的', 10)]).slice(1)).toEqual([[], []]);
  });
  it('reads a negated word on the card as no contradiction', () => {
    expect(run([card('整切牛排 非调理 无拼接', 0), say('原切牛排', 5)])[1]).toEqual([]);
  });
  it('reads origin contradictions from the card', () => {
    expect(run([card('蜂蜜 500g 产地：云南', 0), say('新西兰原装进口的蜂蜜', 5)])[1]).toHaveLength(1);
    expect(run([card('足金999 黄金手链', 0), say('足金的', 5)])[1]).toEqual([]);
    expect(run([card('925银项链 镀金', 0), say('足金的项链', 5)])[1]).toHaveLength(1);
  });
});

/**
 * card-terms through the production path: the real LIVE.PROHIBITED_GOODS rule file and seeds,
 * loadRuleset, decodeEvent and evaluate.
 */
import { describe, expect, it } from 'vitest';
import { isoAt, loadRules, runFeed, type Wire } from '../../../tests/harness/rule-under-test.js';

const ruleset = loadRules('rules/violation/LIVE.PROHIBITED_GOODS.yaml');

const say = (text: string, s: number): Wire => ({ type: 'transcript', roomId: 'r1', sessionId: 's1', ts: isoAt(s), text });
const card = (sku: string, productName: string, s: number): Wire => ({ type: 'price', roomId: 'r1', sessionId: 's1', ts: isoAt(s), sku, productName, listedPrice: 39, currency: 'CNY' });

/** Runs a feed; per event: [new alerts, updates]. */
function run(feed: Wire[]): Array<[number, number]> {
  return runFeed(ruleset, feed).map((out) => [out.alerts.length, out.updates.length]);
}

describe('card-terms (LIVE.PROHIBITED_GOODS)', () => {
  it('fires on a card listing once per sku and name', () => {
    expect(run([card('e1', '一次性电子烟 薄荷', 0), card('e1', '一次性电子烟 薄荷', 30), card('e1', '电子烟 西瓜味', 60)])).toEqual([[1, 0], [0, 0], [0, 1]]);
  });
  it('folds talk about a flagged card into its alert', () => {
    expect(run([card('e1', '一次性电子烟', 0), say('这款电子烟拍一发三，送烟弹', 10)])).toEqual([[1, 0], [0, 1]]);
  });
  it('ignores colours, stated imitation and imitation materials on a card', () => {
    expect(run([card('a', '象牙白 羊毛大衣', 0), card('b', '仿象牙 招财摆件', 5), card('c', '树脂象牙雕 摆件', 10), card('d', '玳瑁色眼镜框', 15)])).toEqual([
      [0, 0],
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
  });
  it('needs a sales cue for cigarettes but not for an e-cigarette', () => {
    expect(run([say('我以前也抽香烟', 0)])).toEqual([[0, 0]]);
    expect(run([say('软中华一条包邮', 0)])).toEqual([[1, 0]]);
    expect(run([say('烟弹有五个口味', 0)])).toEqual([[1, 0]]);
  });
  it('does not fire on warnings and refusals', () => {
    expect(run([say('电子烟对身体有害，未成年人不要碰', 0), say('象牙制品是违法的，我们不卖', 100)])).toEqual([[0, 0], [0, 0]]);
  });
});

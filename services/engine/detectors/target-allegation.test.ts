/**
 * target-allegation through the production path: the real COMP.COMMERCIAL_DEFAMATION rule file,
 * the brand registry, loadRuleset, decodeEvent and evaluate.
 */
import { describe, expect, it } from 'vitest';
import { isoAt, loadRules, runFeed, type Wire } from '../../../tests/harness/rule-under-test.js';

const ruleset = loadRules('rules/violation/COMP.COMMERCIAL_DEFAMATION.yaml');

const say = (text: string, s: number): Wire => ({ type: 'transcript', roomId: 'r1', sessionId: 's1', ts: isoAt(s), text });
const roomEv = (auths: string[]): Wire => ({
  type: 'room',
  roomId: 'r1',
  sessionId: 's1',
  ts: isoAt(0),
  platform: 'douyin',
  streamerId: 'st',
  anchorType: 'human',
  sellerAuthorizations: auths,
});

/** Runs a feed; returns the target of each new alert, per event. */
function run(feed: Wire[]): Array<unknown[]> {
  return runFeed(ruleset, feed).map((out) => out.alerts.map((a) => (a.data.evidence as { values?: { target?: unknown } } | undefined)?.values?.target));
}

describe('target-allegation', () => {
  it('finds pointer, pattern and brand targets', () => {
    expect(run([say('那家店卖的都是过期货', 0)])[0]).toHaveLength(1);
    expect(run([say('隔壁老王家的牛肉全是合成肉', 0)])[0]).toHaveLength(1);
    expect(run([say('欧莱雅的面霜用了烂脸', 0)])[0]).toEqual(['欧莱雅']);
  });
  it('ignores generic and own subjects', () => {
    expect(run([say('其他家的都是假货', 0)])).toEqual([[]]);
    expect(run([say('我们家的货都是正品，不是假货', 0)])).toEqual([[]]);
    expect(run([say('有些牌子的奶粉检测不合格，大家注意', 0)])).toEqual([[]]);
    expect(run([say('买个杂牌的就是交智商税', 0)])).toEqual([[]]);
  });
  it('leaves a brand the room is authorised for alone', () => {
    expect(run([roomEv(['欧莱雅']), say('欧莱雅的面霜用了烂脸', 5)])[1]).toEqual([]);
  });
  it('makes a sentence citing an official source advisory', () => {
    expect(run([say('据市场监管局通报，他们家的奶粉抽检不合格', 0)])).toEqual([[]]);
  });
});

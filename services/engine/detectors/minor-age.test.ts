/**
 * minor-age: the number parser, and the real LIVE.MINOR_ANCHOR_OR_CHILD_ENDORSER rule file
 * through loadRuleset, decodeEvent and evaluate.
 */
import { describe, expect, it } from 'vitest';
import { isoAt, loadRules, runFeed, type Wire } from '../../../tests/harness/rule-under-test.js';
import { parseSmallInt } from './minor-age.js';

const ruleset = loadRules('rules/violation/LIVE.MINOR_ANCHOR_OR_CHILD_ENDORSER.yaml');

const say = (text: string, s: number, speaker?: string): Wire => ({
  type: 'transcript',
  roomId: 'r1',
  sessionId: 's1',
  ts: isoAt(s),
  text,
  ...(speaker ? { speaker } : {}),
});

/** Runs a feed; returns the number of new alerts per event. */
function run(feed: Wire[]): number[] {
  return runFeed(ruleset, feed).map((out) => out.alerts.length);
}

describe('parseSmallInt', () => {
  it.each([
    ['十四', 14],
    ['十', 10],
    ['三十四', 34],
    ['二十', 20],
    ['两', 2],
    ['14', 14],
    ['一九九', null],
  ])('%s → %s', (s, v) => expect(parseSmallInt(s)).toBe(v));
});

describe('minor-age', () => {
  it('fires on a present self-age under 16 only', () => {
    expect(run([say('我今年十五', 0)])).toEqual([1]);
    expect(run([say('我今年十五岁半', 0)])).toEqual([1]);
    expect(run([say('我今年十七岁', 0)])).toEqual([0]);
    expect(run([say('我看起来像十五岁吧', 0)])).toEqual([0]);
    expect(run([say('我两岁的女儿也爱吃', 0)])).toEqual([0]);
    expect(run([say('我上初三的时候就用这个', 0)])).toEqual([0]);
  });
  it('counts a guest only for the child rule', () => {
    expect(run([say('我今年十四岁', 0, 'guest')])).toEqual([0]);
  });
  it('needs the child age within the window', () => {
    expect(run([say('我儿子今年六岁', 0), say('儿子来给大家推荐一下这个', 30)])).toEqual([0, 1]);
    expect(run([say('我儿子今年六岁', 0), say('儿子来给大家推荐一下这个', 90)])).toEqual([0, 0]);
  });
  it('does not fire on suitability or a prompt to an older child', () => {
    expect(run([say('适合三岁的宝宝吃，宝宝来给大家尝尝', 0)])).toEqual([0]);
    expect(run([say('我女儿今年十二岁了', 0), say('女儿来给大家说说这个好不好用', 10)])).toEqual([0, 0]);
  });
});

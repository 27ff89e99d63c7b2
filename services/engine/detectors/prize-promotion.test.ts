import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { card, paid, runScenario, say } from '../price/scenario.js';
import { loadRuleset } from '../ruleset/load.js';

const read = (path: string) => ({ path, text: readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8') });
const loaded = loadRuleset({ rules: [read('rules/violation/LIVE.PRIZE_PROMOTION_VIOLATION.yaml')], seeds: ['seeds/normalise/t2s.json', 'seeds/categories.yaml'].map(read) });
if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
const ruleset = loaded.ruleset;
const run = (...events: Parameters<typeof runScenario>[1]) => runScenario(ruleset, events, 'LIVE.PRIZE_PROMOTION_VIOLATION');
const at = (...events: Parameters<typeof runScenario>[1]) => run(...events).map((f) => f.i);
void paid;
void card;
void say;

describe('prize-promotion', () => {
  it('fires on a prize above the cap', () => {
    const fired = run(say('今晚抽一等奖，现金十万块'));
    expect(fired.map((f) => [f.i, f.alert.data.severity])).toEqual([[0, 'medium']]);
    expect(fired[0]!.alert.data.evidence.values).toMatchObject({ prizeValue: 100000, cap: 50000 });
    expect(at(say('福袋抽一台价值六万八的摩托车'))).toEqual([0]);
  });
  it('values a non-cash prize by this room\'s price', () => {
    expect(at(card('S', '电动摩托车', { listedPrice: 59999 }), say('今晚抽奖送一台电动摩托车'))).toEqual([1]);
  });
  it('fires high on fixed winners', () => {
    expect(run(say('这个大奖其实我们内定给老粉了')).map((f) => f.alert.data.severity)).toEqual(['high']);
  });
  it('ignores small prizes, follower counts, denials and quoted law', () => {
    expect(at(say('抽三个宝宝送价值两百的保温杯'), say('满十万粉丝我们搞个活动'), say('一等奖是价值四万九的金条'))).toEqual([]);
    expect(at(say('我们抽奖绝对没有内定'), say('法律规定抽奖最高奖不能超过五万元'))).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { card, paid, runScenario, say } from '../price/scenario.js';
import { loadRuleset } from '../ruleset/load.js';

const read = (path: string) => ({ path, text: readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8') });
const loaded = loadRuleset({ rules: [read('rules/price-fraud/PRICE.FAKE_COUNTDOWN.yaml')], seeds: ['seeds/normalise/t2s.json', 'seeds/categories.yaml'].map(read) });
if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
const ruleset = loaded.ruleset;
const run = (...events: Parameters<typeof runScenario>[1]) => runScenario(ruleset, events, 'PRICE.FAKE_COUNTDOWN');
const at = (...events: Parameters<typeof runScenario>[1]) => run(...events).map((f) => f.i);
void paid;
void card;
void say;

describe('fake-countdown', () => {
  it('fires at the first price event ≥ D + 10 min still at the promised price', () => {
    const fired = run(
      card('S', '大衣', { listedPrice: 399, livePrice: 199 }, '20:00:00'),
      say('倒计时五分钟，五分钟之后恢复原价三百九十九', '20:00:10'),
      card('S', '大衣', { listedPrice: 399, livePrice: 199 }, '20:10:00'),
      card('S', '大衣', { listedPrice: 399, livePrice: 199 }, '20:25:00'),
    );
    expect(fired.map((f) => f.i)).toEqual([3]);
    expect(fired[0]!.alert.data.evidence.values).toMatchObject({ deadlineKind: 'duration', promisedPrice: 199, priceAfterDeadline: 199 });
  });
  it('handles clock deadlines across sessions', () => {
    expect(
      at(
        card('S', '坚果', { listedPrice: 99, livePrice: 59 }, '20:00:00'),
        say('这个价今晚十二点截止', '20:00:10'),
        card('S', '坚果', { listedPrice: 99, livePrice: 59 }, '2026-11-27T20:00:10+08:00', { sessionId: 'next' }),
      ),
    ).toEqual([2]);
    expect(at(card('S', '坚果', { listedPrice: 99, livePrice: 69 }, '20:00:00'), say('福利价截止到今晚', '20:00:10'), card('S', '坚果', { listedPrice: 99 }, '2026-11-27T20:00:00+08:00', { sessionId: 'next' }))).toEqual([]);
  });
  it('handles 下播就恢复', () => {
    expect(at(card('S', '被子', { listedPrice: 299, livePrice: 199 }, '20:00:00'), say('下播就恢复原价', '20:00:10'), card('S', '被子', { listedPrice: 299, livePrice: 199 }, '2026-11-27T20:00:00+08:00', { sessionId: 'next' }))).toEqual([2]);
  });
  it('closes the claim on a restored price, and moves it on an extension', () => {
    expect(at(card('S', '大衣', { listedPrice: 399, livePrice: 199 }, '20:00:00'), say('五分钟后恢复原价', '20:00:10'), card('S', '大衣', { listedPrice: 399, livePrice: 399 }, '20:06:00'), card('S', '大衣', { listedPrice: 399, livePrice: 199 }, '21:00:00'))).toEqual([]);
    expect(at(card('S', '被', { listedPrice: 599, livePrice: 299 }, '20:00:00'), say('倒计时五分钟', '20:00:10'), say('给大家延长五分钟', '20:03:00'), card('S', '被', { listedPrice: 599, livePrice: 299 }, '20:16:00'))).toEqual([]);
  });
  it('ignores minutes that are no deadline', () => {
    expect(at(card('S', '卷发棒', { listedPrice: 129 }, '20:00:00'), say('三分钟就能卷好', '20:00:10'), card('S', '卷发棒', { listedPrice: 129 }, '20:30:00'))).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { card, paid, runScenario, say } from '../price/scenario.js';
import { loadRuleset } from '../ruleset/load.js';

const read = (path: string) => ({ path, text: readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8') });
const loaded = loadRuleset({ rules: [read('rules/price-fraud/PRICE.DISCOUNT_CLAIM_MISMATCH.yaml')], seeds: ['seeds/normalise/t2s.json', 'seeds/categories.yaml'].map(read) });
if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
const ruleset = loaded.ruleset;
const run = (...events: Parameters<typeof runScenario>[1]) => runScenario(ruleset, events, 'PRICE.DISCOUNT_CLAIM_MISMATCH');
const at = (...events: Parameters<typeof runScenario>[1]) => run(...events).map((f) => f.i);
void paid;
void card;
void say;

describe('discount-claim-mismatch', () => {
  it('checks a ratio against the card', () => {
    const fired = run(card('S', '羽绒服', { listedPrice: 200, originalPrice: 200, livePrice: 140 }), say('全场五折，两百的今天五折'));
    expect(fired.map((f) => f.i)).toEqual([1]);
    expect(fired[0]!.alert.data.evidence.values).toMatchObject({ claimedRatio: 0.5, base: 200, claimedPrice: 100, actualPrice: 140 });
    expect(at(card('S', '雪地靴', { listedPrice: 198, originalPrice: 198, livePrice: 149 }), say('半价！半价带走！'))).toEqual([1]);
  });
  it('checks an amount off against the card', () => {
    expect(at(card('S', '电饭煲', { listedPrice: 299, originalPrice: 399 }), say('直降两百！'))).toEqual([1]);
    expect(at(card('S', '电饭煲', { listedPrice: 199, originalPrice: 399 }), say('直降两百！'))).toEqual([]);
  });
  it('waits for the first card when the claim comes first', () => {
    expect(at(say('今天这个台灯直接打五折'), card('S', '台灯', { listedPrice: 159, originalPrice: 199 }))).toEqual([1]);
  });
  it('uses a reference named with the claim, and allows rounding', () => {
    expect(at(card('S', '保温壶', { listedPrice: 64.5, originalPrice: 129 }), say('五折，一百二十九的五折，六十四块五'))).toEqual([]);
    expect(at(card('S', '凝珠', { listedPrice: 79.9, originalPrice: 99.9 }), say('八折到手七十九块九'))).toEqual([]);
  });
  it('skips conditional claims, lower bounds and other comparands', () => {
    expect(at(card('S', '礼包', { listedPrice: 129 }), say('满三百减五十'), say('全场三折起'), say('第二件半价'))).toEqual([]);
    expect(at(card('S', '蜂蜜', { listedPrice: 99 }), say('群里下单比直播间省二十'), say('比链接便宜二十'))).toEqual([]);
  });
});

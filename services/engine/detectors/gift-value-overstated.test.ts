import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { card, paid, runScenario, say } from '../price/scenario.js';
import { loadRuleset } from '../ruleset/load.js';

const read = (path: string) => ({ path, text: readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8') });
const loaded = loadRuleset({ rules: [read('rules/price-fraud/PRICE.GIFT_VALUE_OVERSTATED.yaml')], seeds: ['seeds/normalise/t2s.json', 'seeds/categories.yaml'].map(read) });
if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
const ruleset = loaded.ruleset;
const run = (...events: Parameters<typeof runScenario>[1]) => runScenario(ruleset, events, 'PRICE.GIFT_VALUE_OVERSTATED');
const at = (...events: Parameters<typeof runScenario>[1]) => run(...events).map((f) => f.i);
void paid;
void card;
void say;

describe('gift-value-overstated', () => {
  it('fires when the stated value exceeds 1.2 × the price here', () => {
    const fired = run(card('G', '修护精华液', { listedPrice: 89 }), card('S', '面霜', { listedPrice: 159 }), say('今天拍面霜送价值二百九十九的修护精华'));
    expect(fired.map((f) => [f.i, f.alert.data.sku])).toEqual([[2, 'G']]);
    expect(fired[0]!.alert.data.evidence.values).toMatchObject({ statedValue: 299, listedPrice: 89 });
  });
  it('finds the item before the value, and remembers cards of earlier sessions', () => {
    expect(at(card('G', '保温杯 500ml', { listedPrice: 59 }, '2026-11-10T20:00:00+08:00', { sessionId: 'old' }), card('S', '炖锅', { listedPrice: 269 }), say('拍炖锅赠一个保温杯，这个杯子价值一百九十九'))).toEqual([2]);
  });
  it('is silent for an equal value, no value, or an unknown item', () => {
    expect(at(card('G', '修护精华液', { listedPrice: 89 }), say('送价值八十九的精华'), say('送一个小样'))).toEqual([]);
    expect(at(card('S', '生姜洗发水', { listedPrice: 79 }), say('洗发水拍一瓶送价值三百的按摩梳'))).toEqual([]);
  });
});

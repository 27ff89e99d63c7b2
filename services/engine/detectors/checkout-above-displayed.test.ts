import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { card, paid, runScenario, say } from '../price/scenario.js';
import { loadRuleset } from '../ruleset/load.js';

const read = (path: string) => ({ path, text: readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8') });
const loaded = loadRuleset({ rules: [read('rules/price-fraud/PRICE.CHECKOUT_ABOVE_DISPLAYED.yaml')], seeds: ['seeds/normalise/t2s.json', 'seeds/categories.yaml'].map(read) });
if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
const ruleset = loaded.ruleset;
const run = (...events: Parameters<typeof runScenario>[1]) => runScenario(ruleset, events, 'PRICE.CHECKOUT_ABOVE_DISPLAYED');
const at = (...events: Parameters<typeof runScenario>[1]) => run(...events).map((f) => f.i);
void paid;
void card;
void say;

describe('checkout-above-displayed', () => {
  it('fires at the price event whose checkout exceeds the displayed price', () => {
    const fired = run(card('S', '手机支架', { listedPrice: 19.9, livePrice: 9.9, checkoutPrice: 12.9 }));
    expect(fired.map((f) => f.i)).toEqual([0]);
    expect(fired[0]!.alert.data.evidence.values).toMatchObject({ displayedPrice: 9.9, checkoutPrice: 12.9, delta: 3 });
    expect(fired[0]!.alert.data.summary).toContain('第八条');
  });
  it('fires once per (sku, displayed, checkout) in a session', () => {
    expect(at(card('S', '毛巾', { listedPrice: 59, checkoutPrice: 65 }), card('S', '毛巾', { listedPrice: 59, checkoutPrice: 65 }), card('S', '毛巾', { listedPrice: 59, checkoutPrice: 69 }))).toEqual([0, 2]);
  });
  it('accepts a disclosed fee equal to the gap, said or on the card', () => {
    expect(at(say('偏远地区运费六块哈'), card('S', '毛巾', { listedPrice: 59, checkoutPrice: 65 }))).toEqual([]);
    expect(at(card('S', '毛巾 运费6元', { listedPrice: 59, checkoutPrice: 65 }))).toEqual([]);
    expect(at(say('偏远地区运费三块哈'), card('S', '毛巾', { listedPrice: 59, checkoutPrice: 65 }))).toEqual([1]);
  });
  it('accepts 不包邮 for a small gap only', () => {
    expect(at(say('这个不包邮哈'), card('S', '茶几', { listedPrice: 299, checkoutPrice: 311 }))).toEqual([]);
    expect(at(say('这个不包邮哈'), card('S', '茶几', { listedPrice: 299, checkoutPrice: 399 }))).toEqual([1]);
  });
  it('never fires on a cheaper checkout or a rounding gap', () => {
    expect(at(card('S', '音箱', { listedPrice: 99, checkoutPrice: 95 }), card('T', '音箱', { listedPrice: 99.9, checkoutPrice: 100 }))).toEqual([]);
  });
});

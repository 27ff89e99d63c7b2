import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { card, paid, runScenario, say } from '../price/scenario.js';
import { loadRuleset } from '../ruleset/load.js';

const read = (path: string) => ({ path, text: readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8') });
const loaded = loadRuleset({ rules: [read('rules/price-fraud/PRICE.UNDISCLOSED_PRICE_CONDITION.yaml')], seeds: ['seeds/normalise/t2s.json', 'seeds/categories.yaml'].map(read) });
if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
const ruleset = loaded.ruleset;
const run = (...events: Parameters<typeof runScenario>[1]) => runScenario(ruleset, events, 'PRICE.UNDISCLOSED_PRICE_CONDITION');
const at = (...events: Parameters<typeof runScenario>[1]) => run(...events).map((f) => f.i);
void paid;
void card;
void say;

describe('undisclosed-price-condition', () => {
  it('fires at the reveal, with the headline as evidence', () => {
    const fired = run(card('S', '面膜', { listedPrice: 59 }), say('所有宝宝到手价都是四十九'), card('S', '面膜', { listedPrice: 59, checkoutPrice: 59 }), say('要先开会员才是四十九哈'));
    expect(fired.map((f) => f.i)).toEqual([3]);
    expect(fired[0]!.alert.data.evidence.values).toMatchObject({ headlinePrice: 49, actualPrice: 59, condition: '会员' });
    expect(fired[0]!.alert.data.evidence.events[0]!.excerpt).toBe('所有宝宝到手价都是四十九');
  });
  it('takes a reveal phrase with no number as tied to the headline', () => {
    expect(at(card('S', '蛋白粉', { listedPrice: 299 }), say('今天一百九十九'), say('这个价是要开通会员才有的'))).toEqual([2]);
  });
  it('does not fire when the condition came with or before the price', () => {
    expect(at(card('S', '洗衣液', { listedPrice: 59 }), say('两件到手九十八，单拍一件五十九'), say('拍两件才是九十八'))).toEqual([]);
    expect(at(card('S', '卸妆水', { listedPrice: 69 }), say('新人专享福利'), say('到手价三十九'), say('新人才是三十九哦'))).toEqual([]);
  });
  it('does not fire when the card honours the headline, or after the window', () => {
    expect(at(card('S', '手工皂', { listedPrice: 49 }), say('到手价四十九'), say('会员才是四十九'))).toEqual([]);
    expect(at(card('S', '面霜', { listedPrice: 129 }, '20:00:00'), say('到手九十九', '20:00:05'), say('开会员才是九十九', '20:12:00'))).toEqual([]);
  });
});

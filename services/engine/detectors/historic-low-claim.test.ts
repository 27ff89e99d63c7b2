import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { card, paid, runScenario, say } from '../price/scenario.js';
import { loadRuleset } from '../ruleset/load.js';

const read = (path: string) => ({ path, text: readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8') });
const loaded = loadRuleset({ rules: [read('rules/price-fraud/PRICE.HISTORIC_LOW_CLAIM_CONTRADICTED.yaml')], seeds: ['seeds/normalise/t2s.json', 'seeds/categories.yaml'].map(read) });
if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
const ruleset = loaded.ruleset;
const run = (...events: Parameters<typeof runScenario>[1]) => runScenario(ruleset, events, 'PRICE.HISTORIC_LOW_CLAIM_CONTRADICTED');
const at = (...events: Parameters<typeof runScenario>[1]) => run(...events).map((f) => f.i);
void paid;
void card;
void say;

describe('historic-low-claim', () => {
  it('fires when an order in the claimed period was cheaper', () => {
    const fired = run(paid('S', 115, '2026-11-11T10:00:00+08:00'), card('S', '配件', { listedPrice: 199, livePrice: 139 }), say('双十一都没这个价'));
    expect(fired.map((f) => f.i)).toEqual([2]);
    expect(fired[0]!.alert.data.evidence.values).toMatchObject({ period: 'double11', currentPrice: 139, lowestPaid: 115, cheaperCount: 1 });
  });
  it('reads the period from the claim', () => {
    expect(at(paid('S', 49, '2026-03-15T10:00:00+08:00'), card('S', '洗衣液', { listedPrice: 59 }), say('今年最低了'))).toEqual([2]);
    expect(at(paid('S', 49, '2025-12-15T10:00:00+08:00'), card('S', '洗衣液', { listedPrice: 59 }), say('今年最低了'))).toEqual([]);
    expect(at(paid('S', 49, '2026-10-15T10:00:00+08:00'), card('S', '洗衣液', { listedPrice: 59 }), say('双十一都没这个价'))).toEqual([]);
    expect(at(paid('S', 1199, '2026-10-17T10:00:00+08:00'), card('S', '扫地机', { listedPrice: 1299 }), say('史低价'))).toEqual([2]);
  });
  it('ignores negations, small comparisons, true claims and other rooms', () => {
    expect(at(paid('S', 49, '2026-11-20T10:00:00+08:00'), card('S', '杯', { listedPrice: 59 }), say('我不敢说历史最低'), say('比昨天便宜十块'))).toEqual([]);
    expect(at(paid('S', 109, '2026-11-11T10:00:00+08:00'), card('S', '壶', { listedPrice: 99 }), say('比双十一还便宜'))).toEqual([]);
    expect(at(paid('S', 99, '2026-11-11T10:00:00+08:00', { roomId: 'other' }), card('S', '牙刷', { listedPrice: 129 }), say('历史最低价'))).toEqual([]);
  });
});

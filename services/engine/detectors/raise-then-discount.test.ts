import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { card, paid, runScenario, say } from '../price/scenario.js';
import { loadRuleset } from '../ruleset/load.js';

const read = (path: string) => ({ path, text: readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8') });
const loaded = loadRuleset({ rules: [read('rules/price-fraud/PRICE.RAISE_THEN_DISCOUNT.yaml')], seeds: ['seeds/normalise/t2s.json', 'seeds/categories.yaml'].map(read) });
if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
const ruleset = loaded.ruleset;
const run = (...events: Parameters<typeof runScenario>[1]) => runScenario(ruleset, events, 'PRICE.RAISE_THEN_DISCOUNT');
const at = (...events: Parameters<typeof runScenario>[1]) => run(...events).map((f) => f.i);
void paid;
void card;
void say;

describe('raise-then-discount', () => {
  it('fires at T0 after a raise that never sold', () => {
    const fired = run(
      paid('S', 99, '2026-11-19T10:00:00+08:00'),
      paid('S', 99, '2026-11-21T10:00:00+08:00'),
      card('S', '蚕丝枕', { listedPrice: 189 }, '2026-11-24T10:00:00+08:00', { sessionId: 'old-4' }),
      card('S', '蚕丝枕', { listedPrice: 189, originalPrice: 189, livePrice: 119 }),
    );
    expect(fired.map((f) => f.i)).toEqual([3]);
    expect(fired[0]!.alert.data.evidence.values).toMatchObject({ baseline: 99, raisedTo: 189, ordersAtRaisedPrice: 0, originalPrice: 189 });
  });
  it('fires inside one session', () => {
    expect(at(card('S', '杯', { listedPrice: 69 }, '20:00:00'), card('S', '杯', { listedPrice: 129 }, '20:15:00'), card('S', '杯', { listedPrice: 129, originalPrice: 129, livePrice: 69 }, '20:20:00'))).toEqual([2]);
  });
  it('does not fire when the raised price really sold, or the rise is small, or there is no discount', () => {
    expect(
      at(
        card('S', '被', { listedPrice: 199 }, '2026-11-20T20:00:00+08:00', { sessionId: 'a' }),
        card('S', '被', { listedPrice: 259 }, '2026-11-21T20:00:00+08:00', { sessionId: 'b' }),
        paid('S', 259, '2026-11-22T10:00:00+08:00'),
        paid('S', 259, '2026-11-23T10:00:00+08:00'),
        paid('S', 255, '2026-11-24T10:00:00+08:00'),
        card('S', '被', { listedPrice: 259, originalPrice: 259, livePrice: 219 }),
      ),
    ).toEqual([]);
    expect(at(card('S', '洗发水', { listedPrice: 99 }, '20:00:00'), card('S', '洗发水', { listedPrice: 109 }, '20:10:00'), card('S', '洗发水', { listedPrice: 109, originalPrice: 109, livePrice: 89 }, '20:20:00'))).toEqual([]);
    expect(at(card('S', '茶具', { listedPrice: 99 }, '20:00:00'), card('S', '茶具', { listedPrice: 139 }, '20:10:00'))).toEqual([]);
  });
  it('ignores a raise older than the window', () => {
    expect(at(card('S', '杯', { listedPrice: 69 }, '2026-11-10T20:00:00+08:00', { sessionId: 'a' }), card('S', '杯', { listedPrice: 129 }, '2026-11-12T20:00:00+08:00', { sessionId: 'b' }), card('S', '杯', { listedPrice: 129, originalPrice: 129, livePrice: 69 }))).toEqual([]);
  });
});

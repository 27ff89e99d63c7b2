import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { card, paid, runScenario, say } from '../price/scenario.js';
import { loadRuleset } from '../ruleset/load.js';

const read = (path: string) => ({ path, text: readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8') });
const loaded = loadRuleset({ rules: [read('rules/price-fraud/PRICE.SPOKEN_REFERENCE_PRICE_UNSUPPORTED.yaml')], seeds: ['seeds/normalise/t2s.json', 'seeds/categories.yaml'].map(read) });
if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
const ruleset = loaded.ruleset;
const run = (...events: Parameters<typeof runScenario>[1]) => runScenario(ruleset, events, 'PRICE.SPOKEN_REFERENCE_PRICE_UNSUPPORTED');
const at = (...events: Parameters<typeof runScenario>[1]) => run(...events).map((f) => f.i);
void paid;
void card;
void say;

describe('spoken-reference-price', () => {
  it('fires when the spoken usual price exceeds the 7-day basis', () => {
    const fired = run(paid('S', 189, '2026-11-22T10:00:00+08:00'), paid('S', 199, '2026-11-24T10:00:00+08:00'), card('S', '羊毛衫', { listedPrice: 129 }), say('我们直播间平时都卖三百九十九的，今天一百二十九'));
    expect(fired.map((f) => f.i)).toEqual([3]);
    expect(fired[0]!.alert.data.evidence.values).toMatchObject({ referencePrice: 399, basis: 189, basisKind: 'window-min', ordersInWindow: 2 });
  });
  it('reads an unmarked amount after a reference cue', () => {
    expect(at(paid('S', 119, '2026-11-24T10:00:00+08:00'), card('S', '精华', { listedPrice: 169 }), say('之前我们直播间一直卖两百四十九的'))).toEqual([2]);
  });
  it('uses the last trade when the window is empty, and is silent with no trade at all', () => {
    expect(at(paid('S', 99, '2026-11-10T10:00:00+08:00'), card('S', '蜂蜜', { listedPrice: 89 }), say('日常价一百五，今天八十九'))).toEqual([2]);
    expect(at(card('S', '卫衣', { listedPrice: 99 }), say('原价两百九十九，今天九十九'))).toEqual([]);
  });
  it('ignores other items, vague amounts, the card original and orders of other rooms', () => {
    expect(at(paid('S', 19.9, '2026-11-24T10:00:00+08:00'), card('S', '硅胶锅铲', { listedPrice: 19.9 }), say('刚刚那个锅是一百九十九，这个铲子十九块九'))).toEqual([]);
    expect(at(paid('S', 39, '2026-11-24T10:00:00+08:00'), card('S', '名著', { listedPrice: 39 }), say('正版要三百多'))).toEqual([]);
    expect(at(paid('S', 129, '2026-11-24T10:00:00+08:00'), card('S', '精华', { listedPrice: 159, originalPrice: 299 }), say('原价二百九十九，今天一百五十九'))).toEqual([]);
    expect(at(paid('S', 99, '2026-11-24T10:00:00+08:00', { roomId: 'other' }), paid('S', 199, '2026-11-24T11:00:00+08:00'), card('S', '保温杯', { listedPrice: 99 }), say('原价一百九十九，今天九十九'))).toEqual([]);
  });
  it('asks for proof of an external reference only at ≥ 50 % off', () => {
    const fired = run(card('S', '真丝围巾', { listedPrice: 399 }), say('专柜价一千二，今天只要三百九十九'));
    expect(fired.map((f) => [f.i, f.alert.data.severity])).toEqual([[1, 'medium']]);
    expect(at(card('S', '真丝围巾', { listedPrice: 399 }), say('专柜价五百，今天只要三百九十九'))).toEqual([]);
  });
});

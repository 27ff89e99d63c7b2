import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { card, paid, runScenario, say } from '../price/scenario.js';
import { loadRuleset } from '../ruleset/load.js';
import { salesClaims } from './false-sales-claim.js';

const read = (path: string) => ({ path, text: readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8') });
const loaded = loadRuleset({ rules: [read('rules/violation/AD.FALSE_SALES_CLAIM.yaml')], seeds: ['seeds/normalise/t2s.json', 'seeds/categories.yaml'].map(read) });
if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
const ruleset = loaded.ruleset;
const run = (...events: Parameters<typeof runScenario>[1]) => runScenario(ruleset, events, 'AD.FALSE_SALES_CLAIM');
const at = (...events: Parameters<typeof runScenario>[1]) => run(...events).map((f) => f.i);
void paid;
void card;
void say;

describe('salesClaims', () => {
  const c = { verb: /卖出去|卖了|卖出|爆了/gu, filler: /(?:了|已经|将近)*/uy, units: new Set(['单', '件']) };
  it('reads the figure and its lower bound', () => {
    expect(salesClaims('已经卖了十万件', c).map((x) => x.v)).toEqual([100000]);
    expect(salesClaims('卖出去两万多单了', c).map((x) => x.v)).toEqual([20000]);
    expect(salesClaims('爆了500万+单', c).map((x) => x.v)).toEqual([5000000]);
    expect(salesClaims('九十九个宝宝在问', c)).toEqual([]);
  });
});

describe('false-sales-claim', () => {
  it('fires when the claim dwarfs the stock timeline', () => {
    const fired = run(card('S', '卫衣', { listedPrice: 79, stock: 500 }), card('S', '卫衣', { listedPrice: 79, stock: 480 }), say('这个链接刚刚已经爆了三万单'));
    expect(fired.map((f) => [f.i, f.alert.data.severity])).toEqual([[2, 'high']]);
    expect(fired[0]!.alert.data.evidence.values).toMatchObject({ claimed: 30000, observed: 20 });
  });
  it('counts restocks as sold stock', () => {
    expect(at(card('S', '纸巾', { listedPrice: 29.9, stock: 1000 }), card('S', '纸巾', { listedPrice: 29.9, stock: 0 }), card('S', '纸巾', { listedPrice: 29.9, stock: 1000 }), card('S', '纸巾', { listedPrice: 29.9, stock: 500 }), say('今天已经卖了一万件'))).toEqual([]);
  });
  it('is silent for true, lifetime or unverifiable claims', () => {
    expect(at(card('S', '布', { listedPrice: 9.9, stock: 1000 }), card('S', '布', { listedPrice: 9.9, stock: 100 }), say('刚刚已经卖出九百单'))).toEqual([]);
    expect(at(card('S', '仪', { listedPrice: 199, stock: 300 }), say('这款累计卖了一百万件'))).toEqual([]);
    expect(at(card('S', '服', { listedPrice: 299 }), say('今天已经卖了两万多单'))).toEqual([]);
  });
});

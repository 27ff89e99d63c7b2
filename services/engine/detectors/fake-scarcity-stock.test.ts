import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { card, paid, runScenario, say } from '../price/scenario.js';
import { loadRuleset } from '../ruleset/load.js';
import { scarcityClaims } from './fake-scarcity-stock.js';

const read = (path: string) => ({ path, text: readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8') });
const loaded = loadRuleset({ rules: [read('rules/price-fraud/PRICE.FAKE_SCARCITY_STOCK.yaml')], seeds: ['seeds/normalise/t2s.json', 'seeds/categories.yaml'].map(read) });
if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
const ruleset = loaded.ruleset;
const run = (...events: Parameters<typeof runScenario>[1]) => runScenario(ruleset, events, 'PRICE.FAKE_SCARCITY_STOCK');
const at = (...events: Parameters<typeof runScenario>[1]) => run(...events).map((f) => f.i);
void paid;
void card;
void say;

describe('scarcityClaims', () => {
  const c = { marker: /最后|只剩|还剩|就剩|库存/u, filler: /(?:了|下|还|只|就|剩|有|仅|最后)*/uy, units: new Set(['单', '件', '个']), notAfter: /^(?:宝宝|问题)/u };
  it('needs a number and a stock unit', () => {
    expect(scarcityClaims('最后十单了', c).map((x) => x.n)).toEqual([10]);
    expect(scarcityClaims('库存只有三件', c).map((x) => x.n)).toEqual([3]);
    expect(scarcityClaims('最后一排的宝宝，最后一次', c)).toEqual([]);
    expect(scarcityClaims('最后三个宝宝', c)).toEqual([]);
  });
});

describe('fake-scarcity-stock', () => {
  it('(a) fires when the stock contradicts the claim', () => {
    const fired = run(card('S', '锅', { listedPrice: 89, stock: 2000 }), say('最后十单了家人们'));
    expect(fired.map((f) => f.i)).toEqual([1]);
    expect(fired[0]!.alert.data.evidence.values).toMatchObject({ claimedRemaining: 10, stock: 2000, threshold: 30 });
    expect(at(card('S', '锅', { listedPrice: 89, stock: 25 }), say('最后十单了家人们'))).toEqual([]);
  });
  it('(a) waits for a card that comes after the claim', () => {
    expect(at(say('还剩八单'), card('S', '内衣', { listedPrice: 99, stock: 600 }))).toEqual([1]);
  });
  it('(b) fires at the third claim without depletion', () => {
    expect(
      at(
        card('S', '围巾', { listedPrice: 199, stock: 20 }, '20:00:00'),
        say('最后五单啊，最后五单', '20:00:10'),
        card('S', '围巾', { listedPrice: 199, stock: 18 }, '20:03:00'),
        say('只剩最后五单了', '20:03:10'),
        card('S', '围巾', { listedPrice: 199, stock: 22 }, '20:07:00'),
        say('最后五单', '20:07:10'),
      ),
    ).toEqual([5]);
  });
  it('(b) counts again after a sell-out or an announced restock', () => {
    expect(
      at(
        card('S', '卫衣', { listedPrice: 79, stock: 20 }),
        say('最后五单'),
        card('S', '卫衣', { listedPrice: 79, stock: 0 }),
        say('又补了二十单'),
        card('S', '卫衣', { listedPrice: 79, stock: 20 }),
        say('最后五单'),
        say('最后五单'),
      ),
    ).toEqual([]);
  });
});

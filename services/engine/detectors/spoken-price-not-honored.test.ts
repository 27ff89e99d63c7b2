import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadRuleset } from '../ruleset/load.js';
import { card, runScenario, say } from '../price/scenario.js';
import { newRoom } from '../state/room.js';
import { spokenPriceNotHonored } from './spoken-price-not-honored.js';

const read = (path: string) => ({ path, text: readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8') });
const loaded = loadRuleset({
  rules: ['rules/price-fraud/PRICE.SPOKEN_PRICE_NOT_HONORED.yaml', 'rules/price-fraud/PRICE.CHECKOUT_ABOVE_DISPLAYED.yaml'].map(read),
  seeds: ['seeds/normalise/t2s.json', 'seeds/categories.yaml'].map(read),
});
if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
const ruleset = loaded.ruleset;
const ID = 'PRICE.SPOKEN_PRICE_NOT_HONORED';
const run = (...events: Parameters<typeof runScenario>[1]) => runScenario(ruleset, events, ID);

describe('spoken-price-not-honored', () => {
  it('fires at the checkout event with the claim as evidence', () => {
    const fired = run(card('S1', '空气炸锅', { listedPrice: 129.9 }), say('到手价九十九块九'), card('S1', '空气炸锅', { listedPrice: 129.9, checkoutPrice: 129.9 }));
    expect(fired.map((f) => f.i)).toEqual([2]);
    const data = fired[0]!.alert.data;
    expect(data.sku).toBe('S1');
    expect(data.evidence.values).toMatchObject({ spokenPrice: 99.9, checkoutPrice: 129.9, delta: 30 });
    expect(data.summary).toContain('第十九条');
    expect(data.evidence.events.map((e) => e.type)).toEqual(['transcript', 'price']);
  });

  it('reads a price split over two segments', () => {
    const fired = run(card('S2', '乳胶枕', { listedPrice: 89 }), say('今天到手……'), say('……六十九，六十九块钱家人们'), card('S2', '乳胶枕', { listedPrice: 89, checkoutPrice: 89 }));
    expect(fired.map((f) => f.i)).toEqual([3]);
  });

  it('binds the claim to the product named in it', () => {
    const fired = run(
      card('POT', '不粘锅炒锅', { listedPrice: 199 }),
      card('CUP', '不锈钢保温杯', { listedPrice: 89 }),
      say('这个炒锅到手价一百五十九'),
      card('POT', '不粘锅炒锅', { listedPrice: 199, checkoutPrice: 199 }),
    );
    expect(fired.map((f) => [f.i, f.alert.data.sku])).toEqual([[3, 'POT']]);
  });

  it('ignores conditional claims, cheaper checkouts, rounding and corrections', () => {
    expect(run(card('S', '洗衣液', { listedPrice: 59 }), say('两件到手九十八'), card('S', '洗衣液', { listedPrice: 59, checkoutPrice: 59 }))).toEqual([]);
    expect(run(card('S', '洗衣液', { listedPrice: 59 }), say('会员专享'), say('到手四十九'), card('S', '洗衣液', { listedPrice: 59, checkoutPrice: 59 }))).toEqual([]);
    expect(run(card('S', '牛肉干', { listedPrice: 69 }), say('到手价六十九'), card('S', '牛肉干', { listedPrice: 69, checkoutPrice: 65 }))).toEqual([]);
    expect(run(card('S', '牛肉干', { listedPrice: 69 }), say('到手价六十九'), card('S', '牛肉干', { listedPrice: 69, checkoutPrice: 69.3 }))).toEqual([]);
    expect(run(card('S', '蚕丝被', { listedPrice: 69 }), say('到手价五十九'), say('说错了，到手价是六十九'), card('S', '蚕丝被', { listedPrice: 69, checkoutPrice: 69 }))).toEqual([]);
  });

  it('fires next to CHECKOUT_ABOVE_DISPLAYED when the card shows the spoken price (both kept)', () => {
    const all = runScenario(ruleset, [card('S', '毛巾', { listedPrice: 59 }), say('五十九包邮'), card('S', '毛巾', { listedPrice: 59, checkoutPrice: 65 })]);
    expect(all.map((f) => f.alert.data.ruleId).sort()).toEqual(['PRICE.CHECKOUT_ABOVE_DISPLAYED', ID]);
  });

  it('reads an unmarked amount after a final cue, and a correction without a marker', () => {
    expect(run(card('S', '手机壳', { listedPrice: 49.9 }), say('直接拍，拍下就是三十九块九'), card('S', '手机壳', { listedPrice: 49.9, checkoutPrice: 49.9 })).map((f) => f.i)).toEqual([2]);
    expect(run(card('S', '乳胶枕', { listedPrice: 69 }), say('到手五十九'), say('哎不好意思说错了，是六十九，六十九'), card('S', '乳胶枕', { listedPrice: 69, checkoutPrice: 69 }))).toEqual([]);
  });

  it('is pure: the input state is not mutated', () => {
    const rule = ruleset.rules.find((r) => r.meta.id === ID)!.compiled as ReturnType<typeof spokenPriceNotHonored.compile>;
    const state = Object.freeze({ claims: Object.freeze({}) });
    const room = { ...newRoom('r'), activeSku: 'S', cards: { S: { productName: '毛巾', brand: null, listedFen: 5900, originalFen: null, liveFen: null, checkoutFen: null, stock: null, at: 0, ts: '', coords: { topic: 't', partition: 0, offset: 0 } } } };
    const event = { type: 'transcript' as const, roomId: 'r', sessionId: 's', ts: '', at: 1000, coords: { topic: 't', partition: 0, offset: 1 }, text: '到手价四十九', speaker: null, seq: null };
    const out = spokenPriceNotHonored.evaluate({ event, room, rule, state, productCategory: 'general' });
    expect(out.state).not.toBe(state);
    expect(out.state.claims['S']).toMatchObject({ fen: 4900 });
    expect(state.claims).toEqual({});
  });
});

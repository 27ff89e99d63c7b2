/**
 * `card-floor-price` through the real loader, seeds and evaluate().
 */
import { describe, expect, it } from 'vitest';
import { readSources } from '../../shared/rules-fs.js';
import { decodeEvent } from '../decode.js';
import { evaluate } from '../evaluate.js';
import { loadRuleset } from '../ruleset/load.js';
import type { RoomState } from '../state/room.js';

const text = `id: IP.TEST_CARD_FLOOR
version: 1
category: infringement
severity: medium
title: 测试规则用例
legalBasis: [{ law: 测试, article: 一 }]
detector: card-floor-price
params: { ratio: 0.2, notFloorPhrases: [适用, 手机壳], summary: "{brand} {price} {floor} {ratio}" }
examples:
  - { name: a, fires: true, events: [{ type: transcript, text: x }] }
  - { name: b, fires: false, events: [{ type: transcript, text: x }] }
`;
const loaded = loadRuleset({ rules: [{ path: 'rules/infringement/IP.TEST_CARD_FLOOR.yaml', text }], seeds: readSources().seeds });
if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
const rs = loaded.ruleset;

type Wire = Record<string, unknown>;
const price = (sku: string, productName: string, listedPrice: number, extra: Wire = {}): Wire => ({ type: 'price', sku, productName, listedPrice, currency: 'CNY', ...extra });

function run(wires: Wire[]): Array<[number, string]> {
  let state: RoomState | undefined;
  const out: Array<[number, string]> = [];
  wires.forEach((w, i) => {
    const d = decodeEvent({ value: JSON.stringify({ roomId: 'r', sessionId: 's', ts: `2026-11-26T20:00:${String(i * 5).padStart(2, '0')}+08:00`, ...w }), coords: { topic: 't', partition: 0, offset: i } });
    if (!d.ok) throw new Error(d.message);
    const res = evaluate(d.value, state, rs);
    state = res.room;
    for (const a of res.alerts) out.push([i, a.data.summary]);
  });
  return out;
}

describe('card-floor-price', () => {
  it('fires below ratio × floor, with the floor by product keyword', () => {
    expect(run([price('a', '经典老花斜挎包', 268, { brand: 'Louis Vuitton' })])).toEqual([[0, 'Louis Vuitton 268 5000 5%']]);
    expect(run([price('b', '菱格链条包', 1999, { brand: '香奈儿' })])).toEqual([[0, 'Chanel 1999 10000 20%']]);
    expect(run([price('c', '外套', 1999, { brand: 'Chanel' })])).toEqual([]);
  });

  it('uses the live price when there is one', () => {
    expect(run([price('a', '羽绒服', 8999, { brand: 'Moncler', livePrice: 599 })])).toHaveLength(1);
    expect(run([price('a', '羽绒服', 599, { brand: 'Moncler', livePrice: 5999 })])).toEqual([]);
  });

  it('reports once per sku per session', () => {
    expect(run([price('a', '水鬼', 888, { brand: 'Rolex' }), price('a', '水鬼', 688, { brand: 'Rolex' }), price('b', '水鬼', 688, { brand: 'Rolex' })]).map((x) => x[0])).toEqual([0, 2]);
  });

  it('skips authorised brands (by alias), brands without a floor, and accessories', () => {
    const room = { type: 'room', platform: 'douyin', streamerId: 'st', anchorType: 'human', sellerAuthorizations: ['路易威登'] };
    expect(run([room, price('a', '老花包', 268, { brand: 'Louis Vuitton' })])).toEqual([]);
    expect(run([price('a', '吹风机', 399, { brand: 'Dyson' })])).toEqual([]);
    expect(run([price('a', '适用LV老花包内胆', 39)])).toEqual([]);
    expect(run([price('a', 'iPhone 15 手机壳', 29, { brand: 'Apple' })])).toEqual([]);
  });

  it('falls back to a brand alias in the product name when asked (nameFallback)', () => {
    expect(run([price('a', '卡地亚 LOVE 手镯', 199)])).toHaveLength(1);
    expect(run([price('a', 'Guccci 双G腰带', 199)])).toHaveLength(1);
  });
});

/**
 * `cue-sets` through the real loader, seeds and evaluate(): inline rule files, wire events.
 */
import { describe, expect, it } from 'vitest';
import { readSources } from '../../shared/rules-fs.js';
import { decodeEvent } from '../decode.js';
import { evaluate } from '../evaluate.js';
import { loadRuleset, type Ruleset } from '../ruleset/load.js';
import type { RoomState } from '../state/room.js';
import { amountAt, spokenPricesFen } from './cue-sets.js';

const seeds = readSources().seeds;

function ruleset(id: string, params: string): Ruleset {
  const text = `id: ${id}
version: 1
category: infringement
severity: high
title: 测试规则用例
legalBasis: [{ law: 测试, article: 一 }]
detector: cue-sets
params:
${params.replace(/^/gm, '  ')}
examples:
  - { name: a, fires: true, events: [{ type: transcript, text: x }] }
  - { name: b, fires: false, events: [{ type: transcript, text: x }] }
`;
  const r = loadRuleset({ rules: [{ path: `rules/infringement/${id}.yaml`, text }], seeds });
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.line} ${p.message}`).join('\n'));
  return r.ruleset;
}

const T0 = Date.parse('2026-11-26T20:00:00+08:00');
const iso = (at: number) => new Date(at + 8 * 3600_000).toISOString().replace('Z', '+08:00');
type Wire = Record<string, unknown>;
const say = (text: string, s = 0): Wire => ({ type: 'transcript', text, ts: iso(T0 + s * 1000) });
const card = (productName: string, price: number, brand?: string, s = 0): Wire => ({
  type: 'price', sku: 'sku1', productName, listedPrice: price, currency: 'CNY', ts: iso(T0 + s * 1000), ...(brand ? { brand } : {}),
});
const room = (auths?: string[], s = 0): Wire => ({
  type: 'room', platform: 'douyin', streamerId: 'st', anchorType: 'human', ts: iso(T0 + s * 1000), ...(auths ? { sellerAuthorizations: auths } : {}),
});

/** Runs the events; returns [event index, severity, values] per alert. */
function run(rs: Ruleset, wires: Wire[]): Array<[number, string, Record<string, unknown>]> {
  let state: RoomState | undefined;
  const out: Array<[number, string, Record<string, unknown>]> = [];
  wires.forEach((w, i) => {
    const d = decodeEvent({ value: JSON.stringify({ roomId: 'r', sessionId: 's', ...w }), coords: { topic: 't', partition: 0, offset: i } });
    if (!d.ok) throw new Error(d.message);
    const res = evaluate(d.value, state, rs);
    state = res.room;
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
    for (const a of res.alerts) out.push([i, a.data.severity, (a.data.evidence as { values?: Record<string, unknown> }).values ?? {}]);
  });
  return out;
}

const COUNTERFEIT = `
parts:
  strong: { groups: [{ name: cue, terms: [高仿, 一比一] }], unlessNear: [{ group: cue, terms: [冲, 调], after: 4 }] }
  weak: { groups: [{ name: cue, terms: [原厂淘汰, 渠道货] }] }
  conceal: { groups: [{ name: cue, terms: [懂的都懂], scope: false }] }
brand: { types: [official, nickname, code, generic], thirdParty: true, card: true }
alternatives:
  - { name: strong, parts: [strong], brand: true, seconds: 120 }
  - { name: weak-conceal, parts: [weak, conceal], brand: true, seconds: 120 }
  - { name: weak-anomaly, parts: [weak], brand: true, anomaly: true, seconds: 120 }
raise: [{ severity: critical, anomaly: true }]
summary: 测试{terms}`;

describe('cue-sets', () => {
  const rs = ruleset('IP.TEST_CUE_SETS', COUNTERFEIT);

  it('needs brand context for a strong cue, in either order within the window', () => {
    expect(run(rs, [say('这个是高仿的')])).toEqual([]);
    expect(run(rs, [say('这个是高仿的'), say('古驰的腰带', 30)]).map((a) => a[0])).toEqual([1]);
    expect(run(rs, [say('古驰的腰带'), say('这个是高仿的', 30)]).map((a) => a[0])).toEqual([1]);
    expect(run(rs, [say('古驰的腰带'), say('这个是高仿的', 200)])).toEqual([]);
  });

  it('matches misspelt Latin brand names fuzzily (Guccci, Channel), not everyday words', () => {
    const g = run(rs, [say('这条Guccci的腰带是高仿')]);
    expect(g).toHaveLength(1);
    expect(g[0]![2].brands).toEqual(['Gucci']);
    expect(run(rs, [say('Channel的包包一比一做的')])[0]![2].brands).toEqual(['Chanel']);
    expect(run(rs, [say('这个颜色很nice，高仿的')])).toEqual([]);
    expect(run(rs, [say('mini款，高仿的')])).toEqual([]);
  });

  it('takes brand context from the card, but not for a brand the room is authorised for', () => {
    expect(run(rs, [card('老花手提托特包', 399), say('一比一的')]).map((a) => a[0])).toEqual([1]);
    expect(run(rs, [room(['Gucci']), card('腰带', 3999, 'Gucci'), say('外面高仿很多，我们一比一还原了设计')])).toEqual([]);
    expect(run(rs, [room(['古驰']), say('古驰高仿')])).toEqual([]);
  });

  it('completes on a price event when the cue came first', () => {
    expect(run(rs, [say('这批高仿的'), card('双G腰带', 199, 'Gucci', 5)]).map((a) => a[0])).toEqual([1]);
  });

  it('drops a cue followed by a mixing word (unlessNear in the part)', () => {
    expect(run(rs, [card('香奈儿口红', 99, 'Chanel'), say('粉和水一比一冲调')])).toEqual([]);
  });

  it('fires a weak cue only with a concealment cue or a price anomaly', () => {
    expect(run(rs, [say('香奶奶家的裤子，原厂淘汰的，品质很好')])).toEqual([]);
    const spoken = run(rs, [say('香奶奶家的裤子，原厂淘汰下来的，所以才两百')]);
    expect(spoken.map((a) => [a[1], a[2].alternative])).toEqual([['critical', 'weak-anomaly']]);
    expect((spoken[0]![2].anomaly as { priceFen: number }).priceFen).toBe(20000);
    expect(run(rs, [card('休闲裤', 2800), say('香奶奶家的裤子，原厂淘汰的')])).toEqual([]);
    expect(run(rs, [card('休闲裤', 280), say('香奶奶家的裤子，原厂淘汰的')]).map((a) => a[1])).toEqual(['critical']);
    expect(run(rs, [say('驴家渠道货'), say('懂的都懂', 20)]).map((a) => [a[0], a[1], a[2].alternative])).toEqual([[1, 'high', 'weak-conceal']]);
  });

  it('keeps the state unchanged when nothing of the rule was said', () => {
    const rule = rs.rules[0]!;
    let st: RoomState | undefined;
    for (const w of [say('古驰的腰带'), say('今天天气不错', 5)]) {
      const d = decodeEvent({ value: JSON.stringify({ roomId: 'r', sessionId: 's', ...w }), coords: { topic: 't', partition: 0, offset: 0 } });
      if (!d.ok) throw new Error(d.message);
      const before = st?.rules[rule.meta.id];
      st = evaluate(d.value, st, rs).room;
      if (before !== undefined) expect(st.rules[rule.meta.id]).toBe(before);
    }
  });

  it('reports claims against unknown authorisations as advisory only', () => {
    const claims = ruleset(
      'IP.TEST_CLAIMS',
      `parts:
  claim: { groups: [{ name: claim, terms: [官方授权] }, { name: brand, brands: official, thirdParty: true, card: true }] }
alternatives: [{ name: claim, parts: [claim], seconds: 10 }]
authorisations: known
summary: 测试{terms}`,
    );
    expect(run(claims, [say('我们是戴森官方授权的')])).toEqual([]);
    expect(run(claims, [room(['飞利浦']), say('我们是戴森官方授权的')]).map((a) => a[0])).toEqual([1]);
    expect(run(claims, [room(['戴森']), say('我们是戴森官方授权的')])).toEqual([]);
  });

  it('compares a reference price with ours (ratio parts)', () => {
    const gap = ruleset(
      'IP.TEST_RATIO',
      `parts:
  gap: { ratio: { reference: [正版要], ours: [我们这个, 我们只要], factor: 3 } }
alternatives: [{ name: gap, parts: [gap], seconds: 10 }]
summary: 测试{terms}`,
    );
    expect(run(gap, [say('这一套正版要三百多，我们这个是影印版的，三十九二十本')])[0]![2].priceRatio).toEqual({ reference: 300, ours: 39 });
    expect(run(gap, [say('正版要一百二，我们只要八十九')])).toEqual([]);
    expect(run(gap, [say('正版要399元，我们这个3本只要99')])).toHaveLength(1);
  });

  it('takes brand context from the card only where the alternative says so (brandFrom)', () => {
    const fromCard = ruleset(
      'IP.TEST_FROM_CARD',
      `parts:
  claim: { groups: [{ name: claim, terms: [官方授权] }] }
brand: { types: [official], thirdParty: true, card: true, allow: [老花镜] }
alternatives: [{ name: card, parts: [claim], brand: true, brandFrom: card, seconds: 10 }]
summary: 测试{terms}`,
    );
    expect(run(fromCard, [room([]), say('戴森的吹风机，我们官方授权的')])).toEqual([]);
    expect(run(fromCard, [room([]), card('吹风机', 1999, 'Dyson'), say('我们官方授权的')]).map((a) => a[0])).toEqual([2]);
    expect(run(fromCard, [room(['戴森']), card('吹风机', 1999, 'Dyson'), say('我们官方授权的')])).toEqual([]);
  });

  it('ignores brand aliases inside allow phrases, in speech and on the card', () => {
    const glasses = ruleset(
      'IP.TEST_ALLOW',
      `parts:
  cue: { groups: [{ name: cue, terms: [高仿] }] }
brand: { types: [official, nickname, code], allow: [老花镜] }
alternatives: [{ name: cue, parts: [cue], brand: true, seconds: 60 }]
summary: 测试{terms}`,
    );
    expect(run(glasses, [card('老花镜 送眼镜包', 29), say('高仿的太多了')])).toEqual([]);
    expect(run(glasses, [say('老花镜的包，高仿')])).toEqual([]);
    expect(run(glasses, [say('老花的包，高仿')])).toHaveLength(1);
  });

  it('rejects alternatives that name unknown parts', () => {
    expect(() => ruleset('IP.TEST_BAD', `parts: { a: { groups: [{ name: x, terms: [高仿] }] } }\nalternatives: [{ name: z, parts: [b] }]\nsummary: x`)).toThrow(/no part named "b"/);
  });
});

describe('spoken amounts', () => {
  it.each([
    ['两百', 200],
    ['三百多', 300],
    ['三十九二十本', 39],
    ['一百二', 120],
    ['两万八', 28000],
    ['一千五', 1500],
    ['十九块九', 19.9],
    ['九十九', 99],
    ['399', 399],
    ['9.9', 9.9],
    ['2w', 20000],
  ])('%s = %d', (text, value) => {
    expect(amountAt(text, 0)?.value).toBeCloseTo(value);
  });

  it('keeps prices with a marker or a unit, drops counts', () => {
    expect(spokenPricesFen('所以才两百')).toEqual([20000]);
    expect(spokenPricesFen('三号链接，九十九个宝宝在问')).toEqual([]);
    expect(spokenPricesFen('到手价59元，两件包邮')).toEqual([5900]);
  });
});

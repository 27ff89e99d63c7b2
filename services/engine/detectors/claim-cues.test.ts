/**
 * claim-cues through the production path: an inline rule file, the real seeds, loadRuleset,
 * decodeEvent and evaluate.
 */
import { describe, expect, it } from 'vitest';
import { readSources } from '../../shared/rules-fs.js';
import { decodeEvent } from '../decode.js';
import { evaluate } from '../evaluate.js';
import { loadRuleset, type Ruleset } from '../ruleset/load.js';
import type { RoomState } from '../state/room.js';

const RULE = `
id: AD.TEST_CLAIM
version: 1
category: violation
severity: high
title: 测试规则一
legalBasis: [{ law: 测试, article: 第一条 }]
detector: claim-cues
params:
  hints:
    - { category: healthFood, terms: [保健品, 蓝帽], over: [general, food] }
    - { category: investment, terms: [金价], over: [general] }
  when: { categories: [healthFood, investment] }
  unlessSaid: [理性投资]
  parts:
    replace:
      groups: [{ name: claim, terms: [比吃药还管用] }]
      raise: [{ severity: critical }]
    guarantee:
      within: { chars: 6 }
      groups:
        - { name: vow, terms: [保证] }
        - { name: effect, terms: [有效, 提高] }
    rise:
      when: { categories: [investment] }
      groups: [{ name: claim, terms: [只涨不跌] }]
    timed:
      within: { chars: 3 }
      ordered: true
      groups:
        - { name: lead, terms: [七天, 一天] }
        - { name: result, terms: [白, 丰胸, 升两个杯] }
  summary: 测试{terms} / test
examples:
  - { name: fires, fires: true, events: [{ type: transcript, text: 这个保健品保证有效 }] }
  - { name: silent, fires: false, events: [{ type: transcript, text: 保证有效 }] }
`;

function load(): Ruleset {
  const { seeds } = readSources();
  const r = loadRuleset({ rules: [{ path: 'rules/violation/AD.TEST_CLAIM.yaml', text: RULE }], seeds });
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.file}:${p.line} ${p.message}`).join('\n'));
  return r.ruleset;
}
const ruleset = load();
const T0 = Date.parse('2026-11-26T20:00:00+08:00');
const iso = (at: number): string => new Date(at + 8 * 3600_000).toISOString().replace('Z', '+08:00');

type Wire = Record<string, unknown>;
const say = (text: string, s: number): Wire => ({ type: 'transcript', roomId: 'r1', sessionId: 's1', ts: iso(T0 + s * 1000), text });
const card = (productName: string, s: number): Wire => ({ type: 'price', roomId: 'r1', sessionId: 's1', ts: iso(T0 + s * 1000), sku: 'k1', productName, listedPrice: 99, currency: 'CNY' });

/** Runs a feed; returns the alerts of each event as [severity, part, categorySource]. */
function run(feed: Wire[]): Array<Array<[string, unknown, unknown]>> {
  let room: RoomState | undefined;
  return feed.map((w, i) => {
    const d = decodeEvent({ value: JSON.stringify(w), coords: { topic: 't', partition: 0, offset: i } });
    if (!d.ok) throw new Error(d.message);
    const out = evaluate(d.value, room, ruleset);
    room = out.room;
    return out.alerts.map((a) => {
      const values = a.data.evidence.values as Record<string, unknown>;
      return [a.data.severity, values['part'], values['categorySource']] as [string, unknown, unknown];
    });
  });
}

describe('claim-cues', () => {
  describe('#hints', () => {
    it('a spoken hint makes a food card a health food', () => {
      expect(run([card('葛根固体饮料', 0), say('这个保健品保证有效', 5)])[1]).toHaveLength(1);
    });
    it('without a hint the food card stays food', () => {
      expect(run([card('葛根固体饮料', 0), say('保证有效', 5)])[1]).toEqual([]);
    });
    it('a negated hint does not count', () => {
      expect(run([card('葛根固体饮料', 0), say('这个不是保健品，保证有效', 5)])[1]).toEqual([]);
    });
    it('a hint said in a recent segment counts, one older than the window does not', () => {
      expect(run([say('我们是正规保健品', 0), say('吃了保证提高', 100)])[1]).toHaveLength(1);
      expect(run([say('我们是正规保健品', 0), say('大家看一下', 100), say('吃了保证提高', 130)])[2]).toEqual([]);
    });
    it('a hint only overrides the categories it names', () => {
      // 金价 may override general but not food
      expect(run([card('葛根固体饮料', 0), say('金价只涨不跌', 5)])[1]).toEqual([]);
      expect(run([card('黄金手镯', 0), say('金价只涨不跌', 5)])[1]).toHaveLength(1);
    });
  });

  describe('#parts', () => {
    it('the first matching part wins and keeps its own severity', () => {
      const [alert] = run([card('蓝帽鱼油', 0), say('保证有效，比吃药还管用', 5)])[1]!;
      expect(alert?.[0]).toBe('critical');
      expect(alert?.[1]).toBe('replace');
    });
    it("a part's own `when` sees the hinted category", () => {
      expect(run([say('保健品只涨不跌', 0)])[0]).toEqual([]);
    });
    it('records where the category came from', () => {
      expect(run([say('这个保健品保证有效', 0)])[0]![0]?.[2]).toBe('speech: 保健品');
    });
  });

  describe('#ordered', () => {
    const timed = (text: string) => run([card('蓝帽钙片', 0), say(text, 5)])[1]!.filter((a) => a[1] === 'timed');
    it('needs the groups in order', () => {
      expect(timed('七天白')).toHaveLength(1);
      expect(timed('很显白不拔干一天')).toEqual([]);
    });
    it('needs them in one clause', () => {
      expect(timed('七天，白')).toEqual([]);
    });
    it('tries another combination when the first is out of order', () => {
      expect(timed('丰胸霜七天升两个杯')).toHaveLength(1);
    });
  });

  describe('#unlessSaid', () => {
    it('a disclaimer anywhere in the utterance voids the claim', () => {
      expect(run([card('黄金手镯', 0), say('金价只涨不跌，但大家理性投资', 5)])[1]).toEqual([]);
    });
  });
});

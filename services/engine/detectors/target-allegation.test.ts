/**
 * target-allegation through the production path: the real COMP.COMMERCIAL_DEFAMATION rule file,
 * the brand registry, loadRuleset, decodeEvent and evaluate.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSources } from '../../shared/rules-fs.js';
import { decodeEvent } from '../decode.js';
import { evaluate } from '../evaluate.js';
import { loadRuleset, type Ruleset } from '../ruleset/load.js';
import type { RoomState } from '../state/room.js';

const PATH = 'rules/violation/COMP.COMMERCIAL_DEFAMATION.yaml';

function load(): Ruleset {
  const { seeds } = readSources();
  const text = readFileSync(new URL(`../../../${PATH}`, import.meta.url), 'utf8');
  const r = loadRuleset({ rules: [{ path: PATH, text }], seeds });
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.file}:${p.line} ${p.message}`).join('\n'));
  return r.ruleset;
}
const ruleset = load();
const T0 = Date.parse('2026-11-26T20:00:00+08:00');
const iso = (at: number): string => new Date(at + 8 * 3600_000).toISOString().replace('Z', '+08:00');

type Wire = Record<string, unknown>;
const say = (text: string, s: number): Wire => ({ type: 'transcript', roomId: 'r1', sessionId: 's1', ts: iso(T0 + s * 1000), text });
const roomEv = (auths: string[]): Wire => ({
  type: 'room',
  roomId: 'r1',
  sessionId: 's1',
  ts: iso(T0),
  platform: 'douyin',
  streamerId: 'st',
  anchorType: 'human',
  sellerAuthorizations: auths,
});

/** Runs a feed; returns the target of each new alert, per event. */
function run(feed: Wire[]): Array<unknown[]> {
  let room: RoomState | undefined;
  return feed.map((w, i) => {
    const d = decodeEvent({ value: JSON.stringify(w), coords: { topic: 't', partition: 0, offset: i } });
    if (!d.ok) throw new Error(d.message);
    const out = evaluate(d.value, room, ruleset);
    room = out.room;
    return out.alerts.map((a) => (a.data.evidence as { values?: { target?: unknown } } | undefined)?.values?.target);
  });
}

describe('target-allegation', () => {
  it('finds pointer, pattern and brand targets', () => {
    expect(run([say('那家店卖的都是过期货', 0)])[0]).toHaveLength(1);
    expect(run([say('隔壁老王家的牛肉全是合成肉', 0)])[0]).toHaveLength(1);
    expect(run([say('欧莱雅的面霜用了烂脸', 0)])[0]).toEqual(['欧莱雅']);
  });
  it('ignores generic and own subjects', () => {
    expect(run([say('其他家的都是假货', 0)])).toEqual([[]]);
    expect(run([say('我们家的货都是正品，不是假货', 0)])).toEqual([[]]);
    expect(run([say('有些牌子的奶粉检测不合格，大家注意', 0)])).toEqual([[]]);
    expect(run([say('买个杂牌的就是交智商税', 0)])).toEqual([[]]);
  });
  it('leaves a brand the room is authorised for alone', () => {
    expect(run([roomEv(['欧莱雅']), say('欧莱雅的面霜用了烂脸', 5)])[1]).toEqual([]);
  });
  it('makes a sentence citing an official source advisory', () => {
    expect(run([say('据市场监管局通报，他们家的奶粉抽检不合格', 0)])).toEqual([[]]);
  });
});

import { describe, expect, it } from 'vitest';
import { groupByKey, mergeByTime } from './merge.js';

type Item = { lane: number; seq: number; at: number };
const at = (x: Item) => x.at;
const lane = (k: number, times: number[]): Item[] => times.map((t, seq) => ({ lane: k, seq, at: t }));
const ids = (xs: Item[]) => xs.map((x) => `${x.lane}.${x.seq}`);

/** A small seeded generator (xorshift32): the same cases on every run. */
function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return (n: number) => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) % n;
  };
}

describe('mergeByTime', () => {
  it('orders records of several lanes by time; a tie goes to the lane listed first', () => {
    const orders = lane(0, [100, 200]);
    const price = lane(1, [150]);
    const transcript = lane(2, [90, 150, 300]);
    expect(ids(mergeByTime([orders, price, transcript], at))).toEqual(['2.0', '0.0', '1.0', '2.1', '0.1', '2.2']);
  });

  it('keeps each lane in its own order even when its times go backwards', () => {
    const skewed = lane(0, [500, 100, 600]);            // a late record behind a newer one
    const other = lane(1, [200, 550]);
    expect(ids(mergeByTime([skewed, other], at))).toEqual(['1.0', '0.0', '0.1', '1.1', '0.2']);
  });

  it('one lane (the usual case) or none: the records as they are', () => {
    const only = lane(3, [5, 1, 9]);
    expect(mergeByTime([[], only, []], at)).toEqual(only);
    expect(mergeByTime<Item>([[], []], at)).toEqual([]);
  });

  it('on random lanes: a permutation that keeps every lane in order; sorted lanes give a stable sort by (time, lane)', () => {
    const next = rng(20261127);
    for (let c = 0; c < 500; c++) {
      const sorted = c % 2 === 0;
      const lanes = Array.from({ length: 1 + next(5) }, (_, k) => {
        const times = Array.from({ length: next(8) }, () => next(20));
        return lane(k, sorted ? times.sort((a, b) => a - b) : times);
      });
      const out = mergeByTime(lanes, at);
      expect(out.length).toBe(lanes.reduce((n, l) => n + l.length, 0));
      for (const l of lanes) expect(out.filter((x) => x.lane === l[0]?.lane)).toEqual(l);
      if (sorted) expect(out).toEqual(lanes.flat().sort((a, b) => a.at - b.at || a.lane - b.lane || a.seq - b.seq));
    }
  });
});

describe('groupByKey', () => {
  type Ev = { room: string; seq: number };
  const ev = (room: string, seq: number): Ev => ({ room, seq });
  const key = (e: Ev) => e.room;

  it("puts each key's items together, keys in order of first appearance, each key's items in order", () => {
    const items = [ev('a', 1), ev('b', 1), ev('a', 2), ev('c', 1), ev('b', 2), ev('a', 3)];
    expect(groupByKey(items, key).map((e) => `${e.room}${e.seq}`)).toEqual(['a1', 'a2', 'a3', 'b1', 'b2', 'c1']);
  });

  it('gives the items themselves when no key repeats, and nothing for nothing', () => {
    const items = [ev('a', 1), ev('b', 1), ev('c', 1)];
    expect(groupByKey(items, key)).toBe(items);
    expect(groupByKey<Ev>([], key)).toEqual([]);
  });

  it('on random items: a permutation in which every key keeps its own sequence and keys are contiguous', () => {
    const next = rng(20261127);
    for (let c = 0; c < 300; c++) {
      const items = Array.from({ length: next(40) }, (_, i) => ev(String.fromCharCode(97 + next(6)), i));
      const out = groupByKey(items, key);
      expect([...out].sort((x, y) => x.seq - y.seq)).toEqual(items);
      for (const k of new Set(items.map(key))) expect(out.filter((e) => e.room === k)).toEqual(items.filter((e) => e.room === k));
      const runs = out.map(key).filter((k, i, ks) => i === 0 || ks[i - 1] !== k);
      expect(new Set(runs).size).toBe(runs.length);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { mergeByTime } from './merge.js';

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

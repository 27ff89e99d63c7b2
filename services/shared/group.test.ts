import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupByKey } from './group.js';

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
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { maxLength: 40 }), (rooms) => {
        const items = rooms.map((room, i) => ev(room, i));
        const out = groupByKey(items, key);
        expect([...out].sort((x, y) => x.seq - y.seq)).toEqual(items);
        for (const k of new Set(rooms)) expect(out.filter((e) => e.room === k)).toEqual(items.filter((e) => e.room === k));
        const runs = out.map(key).filter((k, i, ks) => i === 0 || ks[i - 1] !== k);
        expect(new Set(runs).size).toBe(runs.length);
      }),
      { seed: 20261127, numRuns: 300 },
    );
  });
});

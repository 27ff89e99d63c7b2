import { describe, expect, it } from 'vitest';
import { assignCoPartitioned } from './copartition.js';

const owners = (a: ReturnType<typeof assignCoPartitioned>, topic: string, p: number): string[] =>
  Object.entries(a).filter(([, topics]) => topics[topic]?.includes(p)).map(([m]) => m);

describe('assignCoPartitioned', () => {
  it('gives partition p of every topic to member[p % n], members sorted by id', () => {
    const a = assignCoPartitioned(['m-b', 'm-a'], { 't1': 4, 't2': 4, 't3': 4 });
    expect(a).toEqual({
      'm-a': { t1: [0, 2], t2: [0, 2], t3: [0, 2] },
      'm-b': { t1: [1, 3], t2: [1, 3], t3: [1, 3] },
    });
  });

  it('keeps partitions together for member counts where round-robin over all topic-partitions would not', () => {
    const counts = { 'live.room': 6, 'live.transcript': 6, 'live.price': 6, 'live.order': 6 };
    for (const n of [1, 2, 3, 4, 5, 6, 7]) {
      const members = Array.from({ length: n }, (_, i) => `member-${(i * 7919) % 101}`);
      const a = assignCoPartitioned(members, counts);
      for (let p = 0; p < 6; p++) {
        const perTopic = Object.keys(counts).map((t) => owners(a, t, p));
        for (const o of perTopic) expect(o).toHaveLength(1);           // exactly one owner
        expect(new Set(perTopic.map((o) => o[0])).size).toBe(1);       // the same one for every topic
      }
    }
  });

  it('does not depend on the order member ids arrive in', () => {
    const counts = { a: 5, b: 5 };
    expect(assignCoPartitioned(['z', 'y', 'x'], counts)).toEqual(assignCoPartitioned(['x', 'z', 'y'], counts));
  });

  it('lists every member, with an empty map when there are more members than partitions', () => {
    const a = assignCoPartitioned(['c', 'a', 'b'], { t: 2 });
    expect(a).toEqual({ a: { t: [0] }, b: { t: [1] }, c: {} });
  });

  it('assigns each partition once even when partition counts differ', () => {
    const a = assignCoPartitioned(['a', 'b'], { t: 3, u: 1, empty: 0 });
    expect(a).toEqual({ a: { t: [0, 2], u: [0] }, b: { t: [1] } });
  });

  it('returns an empty assignment for no members and ignores duplicate ids', () => {
    expect(assignCoPartitioned([], { t: 3 })).toEqual({});
    expect(assignCoPartitioned(['a', 'a'], { t: 2 })).toEqual({ a: { t: [0, 1] } });
  });
});

import { describe, expect, it } from 'vitest';
import { dependentLoadNs, pointerCycle } from '../bench/memory-latency.js';

// The dependent-load chase of `npm run bench` (bench/memory-latency.ts): its figure means "one
// miss per step" only if the chase is one cycle through every 64-byte line.
describe('bench memory latency', () => {
  it('builds one cycle through every line, one load per line', () => {
    for (const lines of [2, 3, 17, 1000]) {
      const a = pointerCycle(lines, 7);
      expect(a.length).toBe(lines * 16);
      const seen = new Set<number>();
      let p = 0;
      for (let i = 0; i < lines; i++) {
        expect(p % 16).toBe(0);
        expect(seen.has(p)).toBe(false);
        seen.add(p);
        p = a[p]!;
      }
      expect(p).toBe(0);
      expect(seen.size).toBe(lines);
    }
  });

  it('is seeded: the same seed gives the same cycle, another seed another one', () => {
    expect(pointerCycle(500, 1)).toEqual(pointerCycle(500, 1));
    expect(pointerCycle(500, 1)).not.toEqual(pointerCycle(500, 2));
  });

  it('refuses a chase with fewer than two lines', () => {
    expect(() => pointerCycle(1, 1)).toThrow(/at least 2 lines/);
    expect(() => pointerCycle(2.5, 1)).toThrow(RangeError);
  });

  it('reports a positive time per load', () => {
    expect(dependentLoadNs(0.25, { steps: 10_000, runs: 1 })).toBeGreaterThan(0);
  });
});

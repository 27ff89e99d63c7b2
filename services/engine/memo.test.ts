import { describe, expect, it } from 'vitest';
import { BoundedMemo } from './memo.js';

describe('BoundedMemo', () => {
  it('returns what was stored; a miss is undefined; null is a value', () => {
    const m = new BoundedMemo<string, string | null>(4);
    expect(m.get('a')).toBeUndefined();
    m.set('a', 'A');
    m.set('n', null);
    expect(m.get('a')).toBe('A');
    expect(m.get('n')).toBeNull();
  });

  it('keeps entries in use across rotations and drops the ones not asked for in two generations', () => {
    const m = new BoundedMemo<number, number>(3);
    for (let k = 0; k < 3; k++) m.set(k, k * 10);
    for (let k = 3; k < 6; k++) {
      m.set(k, k * 10); // rotates once the young generation is full
      expect(m.get(0)).toBe(0); // in use: moved back to the young generation
    }
    for (let k = 6; k < 12; k++) m.set(k, k * 10);
    expect(m.get(1)).toBeUndefined(); // not asked for since two rotations
    expect(m.get(11)).toBe(110);
  });

  it('never holds more than two generations', () => {
    const m = new BoundedMemo<number, number>(100);
    for (let k = 0; k < 10_000; k++) {
      m.set(k, k);
      expect(m.size).toBeLessThanOrEqual(200);
    }
  });

  it('rejects a generation below 1', () => {
    expect(() => new BoundedMemo(0)).toThrow(/≥ 1/);
  });
});

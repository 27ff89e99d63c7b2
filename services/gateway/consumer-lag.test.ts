import { describe, expect, it } from 'vitest';
import { lagOf } from './consumer-lag.js';

const p = (low: number, high: number, committed: number | null) => ({ topic: 't', partition: 0, low, high, committed });

describe('lagOf', () => {
  it('is the high watermark minus the committed offset', () => {
    expect(lagOf(p(0, 120, 100))).toBe(20);
    expect(lagOf(p(0, 120, 120))).toBe(0);
  });
  it('counts from the log start when the group has committed nothing (fromBeginning)', () => {
    expect(lagOf(p(0, 50, null))).toBe(50);
    expect(lagOf(p(30, 50, null))).toBe(20);
  });
  it('counts from the log start when retention removed the committed position', () => {
    expect(lagOf(p(500, 600, 100))).toBe(100);
  });
  it('is never negative (a commit seen before the watermark moved)', () => {
    expect(lagOf(p(0, 10, 12))).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { afterAttempt, backoffMs, DEFAULT_RETRY_POLICY, scheduleSpanMs } from './retry.js';

const p = DEFAULT_RETRY_POLICY;
const fail = { status: 503, error: null, ms: 5 };

describe('afterAttempt', () => {
  it('delivers on 2xx', () => expect(afterAttempt({ status: 204, error: null, ms: 1 }, 1, 0, p, 0.5)).toEqual({ state: 'delivered' }));
  it('disables the subscription on 410', () => expect(afterAttempt({ status: 410, error: null, ms: 1 }, 1, 0, p, 0.5)).toMatchObject({ state: 'dead', disableWebhook: expect.stringContaining('410') }));
  it('retries 5xx, 4xx and network errors', () => {
    for (const a of [fail, { status: 400, error: null, ms: 1 }, { status: null, error: 'ECONNREFUSED', ms: 1 }]) expect(afterAttempt(a, 1, 1000, p, 0.5).state).toBe('retry');
  });
  it('is dead after the last attempt', () => expect(afterAttempt(fail, p.maxAttempts, 0, p, 0.5)).toEqual({ state: 'dead' }));
  it('backs off exponentially, capped, with jitter in [80 %, 100 %]', () => {
    expect(backoffMs(1, p, 1)).toBe(5_000);
    expect(backoffMs(2, p, 1)).toBe(10_000);
    expect(backoffMs(1, p, 0)).toBe(4_000);
    expect(backoffMs(40, p, 1)).toBe(p.maxMs);
    const d = afterAttempt(fail, 3, 1_000, p, 0.5);
    expect(d).toEqual({ state: 'retry', nextAtMs: 1_000 + 18_000 });
  });
  it('spans about a day with the defaults', () => {
    const hours = scheduleSpanMs(p) / 3_600_000;
    expect(hours).toBeGreaterThan(20);
    expect(hours).toBeLessThan(30);
  });
});

import { describe, expect, it } from 'vitest';
import { auditHash, GENESIS_HASH, verifyChain, type AuditFields } from './audit-chain.js';

function chain(n: number) {
  const out: Array<AuditFields & { prev: string; hash: string }> = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const e = { seq, at: `2026-01-01T00:00:0${seq}Z`, actor: 'a', action: 'alert.ack', alertId: `x${seq}`, detail: '{}' };
    const hash = auditHash(prev, e);
    out.push({ ...e, prev, hash });
    prev = hash;
  }
  return out;
}

describe('verifyChain', () => {
  it('accepts an intact chain', () => expect(verifyChain(chain(5))).toMatchObject({ ok: true, entries: 5 }));
  it('finds an edited entry', () => {
    const c = chain(5);
    c[2] = { ...c[2]!, actor: 'mallory' };
    expect(verifyChain(c)).toMatchObject({ ok: false, brokenAt: 3 });
  });
  it('finds a removed entry', () => {
    const c = chain(5);
    c.splice(1, 1);
    expect(verifyChain(c)).toMatchObject({ ok: false, brokenAt: 3 });
  });
});

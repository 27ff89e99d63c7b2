/**
 * The audit log's hash chain, pure: each entry's hash covers the previous hash and the entry's
 * own fields, so editing, removing or reordering any entry breaks every hash after it.
 */
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export type AuditFields = { seq: number; at: string; actor: string; action: string; alertId: string | null; detail: string };

export function auditHash(prev: string, e: AuditFields): string {
  return createHash('sha256').update(prev).update('\n').update(JSON.stringify([e.seq, e.at, e.actor, e.action, e.alertId, e.detail])).digest('hex');
}

/** Walks entries in seq order; returns the first seq whose link or hash does not hold. */
export function verifyChain(entries: Iterable<AuditFields & { prev: string; hash: string }>): { ok: true; entries: number; head: string } | { ok: false; entries: number; brokenAt: number; message: string } {
  let prev = GENESIS_HASH;
  let n = 0;
  let expectedSeq = 1;
  for (const e of entries) {
    n++;
    if (e.seq !== expectedSeq) return { ok: false, entries: n, brokenAt: e.seq, message: `entry ${expectedSeq} is missing (next is ${e.seq})` };
    if (e.prev !== prev) return { ok: false, entries: n, brokenAt: e.seq, message: `entry ${e.seq} does not link to the previous hash` };
    if (auditHash(prev, e) !== e.hash) return { ok: false, entries: n, brokenAt: e.seq, message: `entry ${e.seq} was altered (hash mismatch)` };
    prev = e.hash;
    expectedSeq++;
  }
  return { ok: true, entries: n, head: prev };
}

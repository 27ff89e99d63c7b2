import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { fakeAlert } from '../../tests/harness/fake-alert.js';
import { toFrame } from '../gateway/hub/hub.js';
import { MIGRATIONS } from './migrations.js';
import { DB_FILE, openSqliteStore } from './sqlite.js';

let clock = Date.parse('2026-11-26T12:00:00Z');
const now = () => clock;

const store = () => openSqliteStore({ dataDir: ':memory:', now });
const inspector = { tokenId: 'tok-i', role: 'inspector' as const };

describe('ingest', () => {
  it('stores new alerts with increasing change seqs and merges redeliveries', async () => {
    const s = store();
    const r1 = await s.ingest([{ alert: fakeAlert('a1'), kind: 'new' }, { alert: fakeAlert('a2'), kind: 'new' }]);
    expect(r1.changes.map((c) => [c.seq, c.kind])).toEqual([[1, 'alert'], [2, 'alert']]);
    const again = await s.ingest([{ alert: fakeAlert('a1'), kind: 'new' }]);
    expect(again).toMatchObject({ changes: [], duplicates: 1 });
    const repeat = await s.ingest([{ alert: fakeAlert('a1', { occurrences: 3 }), kind: 'update' }]);
    expect(repeat.changes).toMatchObject([{ seq: 3, kind: 'alert.update', alert: { data: { occurrences: 3 } } }]);
    expect((await s.getAlert('a1'))!.alert.data.occurrences).toBe(3);
    expect((await s.changesSince(1, 10)).map((c) => c.seq)).toEqual([2, 3]);
    expect(await s.headSeq()).toBe(3);
  });

  it('writes one outbox row per matching subscription of the alert platform, in the same transaction', async () => {
    const s = store();
    const w1 = await s.createWebhook({ platform: 'douyin', url: 'http://x/1' }, 'admin');
    await s.createWebhook({ platform: 'douyin', url: 'http://x/2', filter: { categories: ['price-fraud'] } }, 'admin');
    await s.createWebhook({ platform: 'kuaishou', url: 'http://x/3' }, 'admin');
    const r = await s.ingest([{ alert: fakeAlert('a1'), kind: 'new' }, { alert: fakeAlert('a2', { platform: null }), kind: 'new' }]);
    expect(r.outboxed).toBe(1);
    const due = await s.dueDeliveries(clock, 10, new Set());
    expect(due).toHaveLength(1);
    expect(due[0]).toMatchObject({ webhookId: w1.id, messageId: 'a1' });
    expect(JSON.parse(due[0]!.body).id).toBe('a1');
  });

  it('chains one audit entry per new alert and outboxes each to its subscriptions, many alerts in one batch', async () => {
    const s = store();
    await s.createWebhook({ platform: 'douyin', url: 'http://x/1' }, 'admin');
    await s.createWebhook({ platform: 'douyin', url: 'http://x/2', filter: { categories: ['price-fraud'] } }, 'admin');
    const r = await s.ingest([
      { alert: fakeAlert('a1'), kind: 'new' },
      { alert: fakeAlert('a2', { category: 'price-fraud' }), kind: 'new' },
      { alert: fakeAlert('a3', { platform: 'kuaishou' }), kind: 'new' },
      { alert: fakeAlert('a1', { occurrences: 2 }), kind: 'update' },
    ]);
    expect(r.outboxed).toBe(3); // a1 → hook 1; a2 → hooks 1 and 2; a3: no kuaishou hook
    const log = await s.auditLog({ limit: 10 });
    expect(log.filter((e) => e.action === 'alert.raised').map((e) => e.alertId)).toEqual(['a1', 'a2', 'a3']);
    expect(await s.verifyAudit()).toMatchObject({ ok: true, entries: 5 });
  });

  it('lists by filter, newest first, with pages', async () => {
    const s = store();
    for (let i = 0; i < 5; i++) await s.ingest([{ alert: fakeAlert(`a${i}`, { platform: i % 2 ? 'kuaishou' : 'douyin' }), kind: 'new' }]);
    const p1 = await s.listAlerts({ limit: 2 });
    expect(p1.items.map((a) => a.alert.id)).toEqual(['a4', 'a3']);
    const p2 = await s.listAlerts({ limit: 2, after: p1.next! });
    expect(p2.items.map((a) => a.alert.id)).toEqual(['a2', 'a1']);
    expect((await s.listAlerts({ limit: 10, platform: 'kuaishou' })).items.map((a) => a.alert.id)).toEqual(['a3', 'a1']);
  });
});

describe('one copy of each envelope', () => {
  it('reads an alert with the envelope of its latest change: new, repeated, acted on', async () => {
    const s = store();
    await s.ingest([{ alert: fakeAlert('a1'), kind: 'new' }, { alert: fakeAlert('a2'), kind: 'new' }]);
    await s.ingest([{ alert: fakeAlert('a1', { occurrences: 4 }), kind: 'update' }]);
    await s.act('a1', { type: 'ack' }, inspector);
    expect(await s.getAlert('a1')).toMatchObject({ status: 'acknowledged', seq: 4, alert: { id: 'a1', data: { occurrences: 4 } } });
    expect(await s.getAlert('a2')).toMatchObject({ status: 'open', seq: 2, alert: { id: 'a2', data: { occurrences: 1 } } });
    const listed = await s.listAlerts({ limit: 10, status: 'acknowledged' });
    expect(listed.items.map((a) => [a.alert.id, a.alert.data.occurrences])).toEqual([['a1', 4]]);
  });

  it('frames splice the stored text: the same frame as serialising the change', async () => {
    const s = store();
    const { changes } = await s.ingest([{ alert: fakeAlert('a1'), kind: 'new' }]);
    const acted = await s.act('a1', { type: 'ack' }, inspector);
    const replayed = await s.changesSince(0, 10);
    for (const c of [...changes, acted.ok ? acted.change : null!, ...replayed]) {
      expect(c.envelope).toBeDefined();
      const { envelope: _, ...plain } = c;
      expect(toFrame(c)).toBe(toFrame(plain));
      expect(JSON.parse(toFrame(c))).toMatchObject({ type: c.kind, cursor: String(c.seq), status: c.status, alert: { id: 'a1' } });
    }
  });

  it('migrates a store whose alert rows kept their own envelope copy', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'store-migrate-'));
    try {
      // The first schema, written as the code before migration 2 wrote it.
      const old = new Database(join(dir, DB_FILE));
      old.exec(MIGRATIONS[0]!);
      old.pragma('user_version = 1');
      const env = (occurrences: number) => JSON.stringify(fakeAlert('a1', { occurrences }));
      const change = old.prepare('INSERT INTO changes (alert_id, kind, status, envelope, action_id, at) VALUES (?, ?, ?, ?, NULL, ?)');
      change.run('a1', 'alert', 'open', env(1), 't0');
      old
        .prepare(
          `INSERT INTO alerts (id, seq, room_id, session_id, platform, category, severity, rule_id, status, time_ms, occurrences, envelope, stored_at, updated_at)
           VALUES ('a1', 1, 'r1', 's1', 'douyin', 'violation', 'medium', 'AD.ABSOLUTE_TERMS', 'open', 0, 1, ?, 't0', 't0')`,
        )
        .run(env(1));
      change.run('a1', 'alert.update', 'open', env(3), 't1');
      old.prepare("UPDATE alerts SET seq = 2, occurrences = 3, envelope = ?, updated_at = 't1' WHERE id = 'a1'").run(env(3));
      old.close();

      const s = openSqliteStore({ dataDir: dir, now });
      expect(await s.getAlert('a1')).toMatchObject({ seq: 2, status: 'open', alert: { data: { occurrences: 3 } } });
      const again = await s.ingest([{ alert: fakeAlert('a1', { occurrences: 5 }), kind: 'update' }]);
      expect(again.changes).toMatchObject([{ seq: 3, alert: { data: { occurrences: 5 } } }]);
      expect((await s.listAlerts({ limit: 10 })).items.map((a) => a.alert.data.occurrences)).toEqual([5]);
      await s.close();
      const check = new Database(join(dir, DB_FILE), { readonly: true });
      expect((check.prepare('PRAGMA table_info(alerts)').all() as Array<{ name: string }>).map((c) => c.name)).not.toContain('envelope');
      expect(check.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      check.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('actions and audit', () => {
  it('records who did what, moves the status, and chains the audit log', async () => {
    const s = store();
    await s.ingest([{ alert: fakeAlert('a1'), kind: 'new' }]);
    const ack = await s.act('a1', { type: 'ack' }, inspector);
    expect(ack).toMatchObject({ ok: true, change: { kind: 'alert.update', status: 'acknowledged', action: { type: 'ack', actor: 'tok-i' } } });
    expect(await s.act('a1', { type: 'ack' }, inspector)).toMatchObject({ ok: false, code: 'ALERT_BAD_TRANSITION' });
    expect(await s.act('a1', { type: 'dismiss', reason: 'false-positive' }, inspector)).toMatchObject({ ok: true });
    expect(await s.act('a1', { type: 'escalate' }, inspector)).toMatchObject({ ok: false });
    expect(await s.act('nope', { type: 'ack' }, inspector)).toMatchObject({ ok: false, code: 'ALERT_NOT_FOUND' });
    expect((await s.actions('a1')).map((a) => a.type)).toEqual(['ack', 'dismiss']);
    const log = await s.auditLog({ limit: 10 });
    expect(log.map((e) => e.action)).toEqual(['alert.raised', 'alert.ack', 'alert.dismiss']);
    expect(await s.verifyAudit()).toMatchObject({ ok: true, entries: 3 });
  });
});

describe('tokens', () => {
  it('finds a token by its value only while it is neither expired nor revoked', async () => {
    const s = store();
    const { token, record } = await s.createToken({ role: 'platform', platform: 'douyin', expiresAt: new Date(clock + 60_000) }, 'admin');
    expect(await s.lookupToken(token, clock)).toMatchObject({ ok: true, token: { role: 'platform', platform: 'douyin' } });
    expect(await s.lookupToken(`${token}x`, clock)).toEqual({ ok: false, code: 'TOKEN_UNKNOWN' });
    expect(await s.lookupToken(token, clock + 60_000)).toEqual({ ok: false, code: 'TOKEN_EXPIRED' });
    expect(await s.revokeToken(record.id, 'admin')).toBe(true);
    expect(await s.lookupToken(token, clock)).toEqual({ ok: false, code: 'TOKEN_REVOKED' });
    expect(JSON.stringify(await s.listTokens())).not.toContain(token);
  });
});

describe('deliveries', () => {
  it('retries, dies, disables on 410 and can be retried by hand', async () => {
    const s = store();
    const w = await s.createWebhook({ platform: 'douyin', url: 'http://x/1' }, 'admin');
    await s.ingest([{ alert: fakeAlert('a1'), kind: 'new' }, { alert: fakeAlert('a2'), kind: 'new' }]);
    const [d1, d2] = await s.dueDeliveries(clock, 10, new Set());
    await s.recordAttempt(d1!.id, { state: 'retry', nextAtMs: clock + 1000, status: 503, error: null, ms: 3 });
    expect(await s.dueDeliveries(clock, 10, new Set([d2!.id]))).toHaveLength(0);
    expect(await s.nextDueInMs(clock)).toBe(0); // d2 still due
    await s.recordAttempt(d2!.id, { state: 'delivered', status: 200, ms: 2 });
    expect(await s.nextDueInMs(clock)).toBe(1000);
    await s.recordAttempt(d1!.id, { state: 'dead', status: 410, error: null, ms: 1, disableWebhook: '410' });
    expect(await s.getWebhook(w.id)).toMatchObject({ enabled: false, disabledReason: '410' });
    const detail = await s.getDelivery(w.id, d1!.id);
    expect(detail!.attempts.map((a) => a.status)).toEqual([503, 410]);
    expect(detail!.delivery).toMatchObject({ state: 'dead', attempts: 2, messageId: 'a1' });
    await s.updateWebhook(w.id, { enabled: true }, 'admin');
    expect(await s.retryDelivery(w.id, d1!.id, 'admin')).toMatchObject({ state: 'pending' });
    expect((await s.dueDeliveries(clock, 10, new Set())).map((d) => d.id)).toEqual([d1!.id]);
    expect(await s.deliveryCounts()).toEqual({ pending: 1, delivered: 1, dead: 0 });
  });

  it('keeps the previous secret during a rotation overlap only', async () => {
    const s = store();
    const w = await s.createWebhook({ platform: 'douyin', url: 'http://x/1' }, 'admin');
    const rotated = await s.rotateWebhookSecret(w.id, 60_000, 'admin');
    expect(rotated!.secret).not.toBe(w.secret);
    await s.ingest([{ alert: fakeAlert('a1'), kind: 'new' }]);
    const [d] = await s.dueDeliveries(clock, 1, new Set());
    expect(d!.secrets).toEqual({ current: rotated!.secret, previous: w.secret, previousExpiresMs: clock + 60_000 });
    const [later] = await s.dueDeliveries(clock + 60_001, 1, new Set());
    expect(later!.secrets.previous).toBeNull();
  });
});

/**
 * AlertStore on SQLite (better-sqlite3, 12.x: 13 needs Node 22). One file in the data dir, WAL
 * journal, synchronous=NORMAL: a killed process (kill -9) loses nothing it committed; only a
 * power loss may lose the last transactions. better-sqlite3 is synchronous, so each transaction
 * runs to completion without interleaving; the async signatures are for the interface's sake.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { AlertEnvelope } from '../engine/contracts/alert.js';
import { auditHash, GENESIS_HASH, verifyChain } from './audit-chain.js';
import { MIGRATIONS } from './migrations.js';
import { hashToken, newId, newToken, newWebhookSecret } from './secrets.js';
import { nextStatus } from './transitions.js';
import { startWalCheckpointer, type WalCheckpointer } from './wal-checkpointer.js';
import type {
  ActionRecord,
  AlertStatus,
  AlertStore,
  AttemptRecord,
  AuditEntry,
  Change,
  ChangeKind,
  DeliveryRecord,
  DeliveryState,
  DueDelivery,
  Role,
  StoredAlert,
  TokenRecord,
  WebhookFilter,
  WebhookRecord,
} from './types.js';

export const DB_FILE = 'supervisor.sqlite';
/** An alert row with its current envelope: that of its latest change, `alerts.seq` (migration 2). */
const ALERT_COLUMNS = 'a.id, a.seq, a.status, c.envelope, a.stored_at, a.updated_at, a.occurrences, a.platform';

type AlertRow = { id: string; seq: number; status: string; envelope: string; stored_at: string; updated_at: string; occurrences: number; platform: string | null };
type ChangeRow = { seq: number; kind: string; status: string; envelope: string; action_id: number | null };
type ActionRow = { id: number; alert_id: string; type: string; reason: string | null; comment: string | null; actor: string; role: string; at: string };
type TokenRow = { id: string; role: string; platform: string | null; label: string | null; created_at: string; expires_at: string | null; expires_ms: number | null; revoked_at: string | null };
type WebhookRow = {
  id: string;
  platform: string;
  url: string;
  filter: string;
  secret: string;
  previous_secret: string | null;
  previous_expires_ms: number | null;
  enabled: number;
  disabled_reason: string | null;
  created_at: string;
};
type DeliveryRow = {
  id: number;
  webhook_id: string;
  alert_id: string;
  message_id: string;
  state: string;
  attempts: number;
  next_ms: number | null;
  last_status: number | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
};

export type SqliteStoreOptions = {
  /** Directory of the database file; created if missing. ':memory:' for an in-memory store (tests). */
  dataDir: string;
  /** Wall clock, injectable for tests. */
  now?: () => number;
  /**
   * Checkpoint the WAL every this many ms on a thread of its own instead of inside commits
   * (wal-checkpointer.ts). Unset: SQLite's automatic checkpoints (short-lived processes).
   */
  walCheckpointMs?: number;
  /** Told when the checkpoint thread fails (the store then checkpoints automatically again). */
  onWalCheckpointFailure?: (err: Error) => void;
};

const iso = (ms: number) => new Date(ms).toISOString();

function toActionRecord(r: ActionRow): ActionRecord {
  return { id: r.id, alertId: r.alert_id, type: r.type as ActionRecord['type'], reason: r.reason, comment: r.comment, actor: r.actor, role: r.role as Role, at: r.at };
}
function toTokenRecord(r: TokenRow): TokenRecord {
  return { id: r.id, role: r.role as Role, platform: r.platform, label: r.label, createdAt: r.created_at, expiresAt: r.expires_at, revokedAt: r.revoked_at };
}
function toWebhookRecord(r: WebhookRow, withSecret = false): WebhookRecord {
  return {
    id: r.id,
    platform: r.platform,
    url: r.url,
    filter: JSON.parse(r.filter) as WebhookFilter,
    enabled: r.enabled === 1,
    disabledReason: r.disabled_reason,
    createdAt: r.created_at,
    previousSecretExpiresAt: r.previous_expires_ms === null ? null : iso(r.previous_expires_ms),
    ...(withSecret ? { secret: r.secret } : {}),
  };
}
function toDeliveryRecord(r: DeliveryRow): DeliveryRecord {
  return {
    id: r.id,
    webhookId: r.webhook_id,
    alertId: r.alert_id,
    messageId: r.message_id,
    state: r.state as DeliveryState,
    attempts: r.attempts,
    nextAt: r.next_ms === null ? null : iso(r.next_ms),
    lastStatus: r.last_status,
    lastError: r.last_error,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Does a subscription's filter let this alert through? (Platform is matched by the caller.) */
export function matchesFilter(f: WebhookFilter, a: AlertEnvelope): boolean {
  if (f.categories && f.categories.length > 0 && !f.categories.includes(a.data.category)) return false;
  if (f.severities && f.severities.length > 0 && !f.severities.includes(a.data.severity)) return false;
  return true;
}

export function openSqliteStore(opts: SqliteStoreOptions): AlertStore {
  const now = opts.now ?? Date.now;
  let file = ':memory:';
  if (opts.dataDir !== ':memory:') {
    mkdirSync(opts.dataDir, { recursive: true });
    file = join(opts.dataDir, DB_FILE);
  }
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  const version = db.pragma('user_version', { simple: true }) as number;
  for (let i = version; i < MIGRATIONS.length; i++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[i]!);
      db.pragma(`user_version = ${i + 1}`);
    }).immediate();
  }
  let walCheckpointer: WalCheckpointer | null = null;
  if (opts.walCheckpointMs !== undefined && file !== ':memory:') {
    db.pragma('wal_autocheckpoint = 0');
    walCheckpointer = startWalCheckpointer({
      file,
      intervalMs: opts.walCheckpointMs,
      onFailure(err) {
        if (db.open) db.pragma('wal_autocheckpoint = 1000');
        opts.onWalCheckpointFailure?.(err);
      },
    });
  }

  const q = {
    getAlert: db.prepare<[string], AlertRow>(`SELECT ${ALERT_COLUMNS} FROM alerts a JOIN changes c ON c.seq = a.seq WHERE a.id = ?`),
    insertAlert: db.prepare(
      `INSERT INTO alerts (id, seq, room_id, session_id, platform, category, severity, rule_id, status, time_ms, occurrences, stored_at, updated_at)
       VALUES (@id, @seq, @room_id, @session_id, @platform, @category, @severity, @rule_id, 'open', @time_ms, @occurrences, @at, @at)`,
    ),
    updateAlertOccurrences: db.prepare('UPDATE alerts SET seq = ?, occurrences = ?, updated_at = ? WHERE id = ?'),
    updateAlertStatus: db.prepare('UPDATE alerts SET seq = ?, status = ?, updated_at = ? WHERE id = ?'),
    insertChange: db.prepare<[string, string, string, string, number | null, string]>('INSERT INTO changes (alert_id, kind, status, envelope, action_id, at) VALUES (?, ?, ?, ?, ?, ?)'),
    changesSince: db.prepare<[number, number], ChangeRow>('SELECT seq, kind, status, envelope, action_id FROM changes WHERE seq > ? ORDER BY seq LIMIT ?'),
    headSeq: db.prepare<[], { seq: number | null }>('SELECT MAX(seq) AS seq FROM changes'),
    insertAction: db.prepare('INSERT INTO actions (alert_id, type, reason, comment, actor, role, at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    getAction: db.prepare<[number], ActionRow>('SELECT * FROM actions WHERE id = ?'),
    actionsOf: db.prepare<[string], ActionRow>('SELECT * FROM actions WHERE alert_id = ? ORDER BY id'),
    auditHead: db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1'),
    insertAudit: db.prepare('INSERT INTO audit (seq, at, actor, action, alert_id, detail, prev, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
    auditPage: db.prepare<[number, number], { seq: number; at: string; actor: string; action: string; alert_id: string | null; detail: string; prev: string; hash: string }>(
      'SELECT * FROM audit WHERE seq > ? ORDER BY seq LIMIT ?',
    ),
    enabledWebhooksOf: db.prepare<[string], { id: string; filter: string }>('SELECT id, filter FROM webhooks WHERE platform = ? AND enabled = 1 AND deleted = 0'),
    insertDelivery: db.prepare(
      `INSERT OR IGNORE INTO deliveries (webhook_id, alert_id, message_id, body, state, attempts, next_ms, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'pending', 0, ?, ?, ?)`,
    ),
    insertToken: db.prepare('INSERT INTO tokens (id, hash, role, platform, label, created_at, expires_at, expires_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
    tokenByHash: db.prepare<[string], TokenRow>('SELECT * FROM tokens WHERE hash = ?'),
    listTokens: db.prepare<[], TokenRow>('SELECT * FROM tokens ORDER BY created_at'),
    revokeToken: db.prepare('UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
    insertWebhook: db.prepare('INSERT INTO webhooks (id, platform, url, filter, secret, created_at) VALUES (?, ?, ?, ?, ?, ?)'),
    getWebhook: db.prepare<[string], WebhookRow>('SELECT * FROM webhooks WHERE id = ? AND deleted = 0'),
    listWebhooks: db.prepare<[], WebhookRow>('SELECT * FROM webhooks WHERE deleted = 0 ORDER BY created_at'),
    listWebhooksOf: db.prepare<[string], WebhookRow>('SELECT * FROM webhooks WHERE deleted = 0 AND platform = ? ORDER BY created_at'),
    deliveriesOf: db.prepare<[string, number, number], DeliveryRow>('SELECT * FROM deliveries WHERE webhook_id = ? AND id > ? ORDER BY id LIMIT ?'),
    deliveriesOfInState: db.prepare<[string, number, string, number], DeliveryRow>('SELECT * FROM deliveries WHERE webhook_id = ? AND id > ? AND state = ? ORDER BY id LIMIT ?'),
    getDelivery: db.prepare<[number, string], DeliveryRow>('SELECT * FROM deliveries WHERE id = ? AND webhook_id = ?'),
    attemptsOf: db.prepare<[number], { delivery_id: number; attempt: number; at: string; status: number | null; error: string | null; ms: number }>(
      'SELECT * FROM attempts WHERE delivery_id = ? ORDER BY attempt',
    ),
    due: db.prepare<[number, number], DeliveryRow & { url: string; body: string; secret: string; previous_secret: string | null; previous_expires_ms: number | null }>(
      `SELECT d.*, w.url, w.secret, w.previous_secret, w.previous_expires_ms FROM deliveries d JOIN webhooks w ON w.id = d.webhook_id
       WHERE d.state = 'pending' AND d.next_ms <= ? AND w.enabled = 1 AND w.deleted = 0 ORDER BY d.next_ms, d.id LIMIT ?`,
    ),
    nextDue: db.prepare<[], { next: number | null }>(
      `SELECT MIN(d.next_ms) AS next FROM deliveries d JOIN webhooks w ON w.id = d.webhook_id WHERE d.state = 'pending' AND w.enabled = 1 AND w.deleted = 0`,
    ),
    deliveryById: db.prepare<[number], DeliveryRow>('SELECT * FROM deliveries WHERE id = ?'),
    insertAttempt: db.prepare('INSERT OR REPLACE INTO attempts (delivery_id, attempt, at, status, error, ms) VALUES (?, ?, ?, ?, ?, ?)'),
    deliveryCounts: db.prepare<[], { state: string; n: number }>('SELECT state, COUNT(*) AS n FROM deliveries GROUP BY state'),
  };

  type AuditHead = { seq: number; hash: string } | undefined;

  /** Appends one entry after `head` (the chain's last entry, read in this transaction); the new head. */
  function appendAudit(head: AuditHead, actor: string, action: string, alertId: string | null, detail: unknown): { seq: number; hash: string } {
    const seq = (head?.seq ?? 0) + 1;
    const prev = head?.hash ?? GENESIS_HASH;
    const at = iso(now());
    const detailText = JSON.stringify(detail ?? null);
    const hash = auditHash(prev, { seq, at, actor, action, alertId, detail: detailText });
    q.insertAudit.run(seq, at, actor, action, alertId, detailText, prev, hash);
    return { seq, hash };
  }

  function audit(actor: string, action: string, alertId: string | null, detail: unknown): void {
    appendAudit(q.auditHead.get(), actor, action, alertId, detail);
  }

  function change(alertId: string, kind: ChangeKind, status: string, envelope: string, actionId: number | null): number {
    return Number(q.insertChange.run(alertId, kind, status, envelope, actionId, iso(now())).lastInsertRowid);
  }

  function toChange(r: ChangeRow): Change {
    const c: Change = { seq: r.seq, kind: r.kind as ChangeKind, status: r.status as AlertStatus, alert: JSON.parse(r.envelope) as AlertEnvelope, envelope: r.envelope };
    if (r.action_id !== null) {
      const a = q.getAction.get(r.action_id);
      if (a) c.action = toActionRecord(a);
    }
    return c;
  }

  function toStored(r: AlertRow): StoredAlert {
    return { alert: JSON.parse(r.envelope) as AlertEnvelope, status: r.status as AlertStatus, seq: r.seq, storedAt: r.stored_at, updatedAt: r.updated_at };
  }

  const ingestTx = db.transaction((items: readonly { alert: AlertEnvelope; kind: 'new' | 'update' }[]) => {
    const changes: Change[] = [];
    let duplicates = 0;
    let outboxed = 0;
    const at = iso(now());
    // Read once per batch: nothing else writes the chain or the subscriptions inside this transaction.
    let head: AuditHead | null = null;
    const hooksOf = new Map<string, Array<{ id: string; filter: WebhookFilter }>>();
    for (const { alert } of items) {
      const existing = q.getAlert.get(alert.id);
      const envelope = JSON.stringify(alert);
      if (existing === undefined) {
        const timeMs = Date.parse(alert.time);
        // The change row first: its seq goes into the alert row, written once.
        const seq = change(alert.id, 'alert', 'open', envelope, null);
        q.insertAlert.run({
          id: alert.id,
          seq,
          room_id: alert.data.room.roomId,
          session_id: alert.data.room.sessionId,
          platform: alert.data.room.platform,
          category: alert.data.category,
          severity: alert.data.severity,
          rule_id: alert.data.ruleId,
          time_ms: Number.isFinite(timeMs) ? timeMs : 0,
          occurrences: alert.data.occurrences,
          at,
        });
        head = appendAudit(head ?? q.auditHead.get(), 'system', 'alert.raised', alert.id, { ruleId: alert.data.ruleId, platform: alert.data.room.platform, digest: hashToken(envelope) });
        changes.push({ seq, kind: 'alert', status: 'open', alert, envelope });
        const platform = alert.data.room.platform;
        if (platform !== null) {
          let hooks = hooksOf.get(platform);
          if (hooks === undefined) hooksOf.set(platform, (hooks = q.enabledWebhooksOf.all(platform).map((w) => ({ id: w.id, filter: JSON.parse(w.filter) as WebhookFilter }))));
          for (const w of hooks) {
            if (!matchesFilter(w.filter, alert)) continue;
            outboxed += q.insertDelivery.run(w.id, alert.id, alert.id, envelope, now(), at, at).changes;
          }
        }
        continue;
      }
      // Same id again: a redelivery (nothing new) or a repeat of the finding (more occurrences).
      if (alert.data.occurrences <= existing.occurrences) {
        duplicates++;
        continue;
      }
      const merged: AlertEnvelope = JSON.parse(existing.envelope) as AlertEnvelope;
      merged.data = { ...merged.data, occurrences: alert.data.occurrences, lastSeen: alert.data.lastSeen, evidence: alert.data.evidence, ...(alert.data.detectedAt ? { detectedAt: alert.data.detectedAt } : {}) };
      const mergedText = JSON.stringify(merged);
      const seq = change(alert.id, 'alert.update', existing.status, mergedText, null);
      q.updateAlertOccurrences.run(seq, alert.data.occurrences, at, alert.id);
      changes.push({ seq, kind: 'alert.update', status: existing.status as AlertStatus, alert: merged, envelope: mergedText });
    }
    return { changes, duplicates, outboxed };
  });

  const actTx = db.transaction((alertId: string, input: { type: string; reason?: string | undefined; comment?: string | undefined }, actor: { tokenId: string; role: Role; platform?: string | null }) => {
    const row = q.getAlert.get(alertId);
    if (row === undefined) return { ok: false as const, code: 'ALERT_NOT_FOUND' as const, message: `no alert ${alertId}` };
    if (actor.role === 'platform' && row.platform !== actor.platform) return { ok: false as const, code: 'ALERT_NOT_FOUND' as const, message: `no alert ${alertId}` };
    const next = nextStatus(row.status as AlertStatus, input.type as ActionRecord['type']);
    if (!next.ok) return { ok: false as const, code: 'ALERT_BAD_TRANSITION' as const, message: next.message };
    const at = iso(now());
    const actionId = Number(q.insertAction.run(alertId, input.type, input.reason ?? null, input.comment ?? null, actor.tokenId, actor.role, at).lastInsertRowid);
    const seq = change(alertId, 'alert.update', next.status, row.envelope, actionId);
    q.updateAlertStatus.run(seq, next.status, at, alertId);
    audit(actor.tokenId, `alert.${input.type}`, alertId, { role: actor.role, reason: input.reason ?? null, comment: input.comment ?? null, from: row.status, to: next.status });
    const action = toActionRecord(q.getAction.get(actionId)!);
    return { ok: true as const, change: { seq, kind: 'alert.update' as const, status: next.status, alert: JSON.parse(row.envelope) as AlertEnvelope, envelope: row.envelope, action } };
  });

  const recordAttemptTx = db.transaction((deliveryId: number, outcome: Parameters<AlertStore['recordAttempt']>[1]) => {
    const d = q.deliveryById.get(deliveryId);
    if (d === undefined) return;
    const attempt = d.attempts + 1;
    const at = iso(now());
    const error = 'error' in outcome ? outcome.error : null;
    q.insertAttempt.run(deliveryId, attempt, at, outcome.status, error, Math.round(outcome.ms));
    const nextMs = outcome.state === 'retry' ? outcome.nextAtMs : null;
    db.prepare('UPDATE deliveries SET state = ?, attempts = ?, next_ms = ?, last_status = ?, last_error = ?, updated_at = ? WHERE id = ?').run(
      outcome.state === 'retry' ? 'pending' : outcome.state,
      attempt,
      nextMs,
      outcome.status,
      error,
      at,
      deliveryId,
    );
    if (outcome.state === 'dead' && outcome.disableWebhook) {
      db.prepare('UPDATE webhooks SET enabled = 0, disabled_reason = ? WHERE id = ?').run(outcome.disableWebhook, d.webhook_id);
      audit('system', 'webhook.disabled', null, { webhookId: d.webhook_id, reason: outcome.disableWebhook });
    }
  });

  return {
    async ingest(items) {
      return ingestTx(items);
    },
    async getAlert(id) {
      const r = q.getAlert.get(id);
      return r === undefined ? null : toStored(r);
    },
    async listAlerts(query) {
      const where: string[] = [];
      const args: Array<string | number> = [];
      const eq = (col: string, v: string | undefined) => {
        if (v !== undefined) {
          where.push(`${col} = ?`);
          args.push(v);
        }
      };
      eq('a.room_id', query.roomId);
      eq('a.session_id', query.sessionId);
      eq('a.platform', query.platform);
      eq('a.category', query.category);
      eq('a.severity', query.severity);
      eq('a.status', query.status);
      eq('a.rule_id', query.ruleId);
      if (query.fromMs !== undefined) (where.push('a.time_ms >= ?'), args.push(query.fromMs));
      if (query.toMs !== undefined) (where.push('a.time_ms < ?'), args.push(query.toMs));
      // Newest first by storage order; the page cursor is the rowid of the last item.
      if (query.after !== undefined) (where.push('a.rowid < ?'), args.push(Number(query.after)));
      const sql = `SELECT a.rowid AS rid, ${ALERT_COLUMNS} FROM alerts a JOIN changes c ON c.seq = a.seq ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY a.rowid DESC LIMIT ?`;
      const rows = db.prepare<Array<string | number>, AlertRow & { rid: number }>(sql).all(...args, query.limit + 1);
      const page = rows.slice(0, query.limit);
      return { items: page.map(toStored), next: rows.length > query.limit ? String(page[page.length - 1]!.rid) : null };
    },
    async actions(alertId) {
      return q.actionsOf.all(alertId).map(toActionRecord);
    },
    async act(alertId, input, actor) {
      return actTx(alertId, input, actor);
    },
    async changesSince(since, limit) {
      return q.changesSince.all(since, limit).map(toChange);
    },
    async headSeq() {
      return q.headSeq.get()?.seq ?? 0;
    },

    async createToken(input, actor) {
      const t = newToken();
      const at = iso(now());
      const expiresMs = input.expiresAt ? input.expiresAt.getTime() : null;
      db.transaction(() => {
        q.insertToken.run(t.id, t.hash, input.role, input.platform ?? null, input.label ?? null, at, expiresMs === null ? null : iso(expiresMs), expiresMs);
        audit(actor, 'token.created', null, { tokenId: t.id, role: input.role, platform: input.platform ?? null, expiresAt: expiresMs === null ? null : iso(expiresMs) });
      })();
      const record: TokenRecord = { id: t.id, role: input.role, platform: input.platform ?? null, label: input.label ?? null, createdAt: at, expiresAt: expiresMs === null ? null : iso(expiresMs), revokedAt: null };
      return { token: t.token, record };
    },
    async lookupToken(token, nowMs) {
      const r = q.tokenByHash.get(hashToken(token));
      if (r === undefined) return { ok: false, code: 'TOKEN_UNKNOWN' };
      if (r.revoked_at !== null) return { ok: false, code: 'TOKEN_REVOKED' };
      if (r.expires_ms !== null && r.expires_ms <= nowMs) return { ok: false, code: 'TOKEN_EXPIRED' };
      return { ok: true, token: toTokenRecord(r) };
    },
    async listTokens() {
      return q.listTokens.all().map(toTokenRecord);
    },
    async revokeToken(id, actor) {
      return db.transaction(() => {
        const n = q.revokeToken.run(iso(now()), id).changes;
        if (n > 0) audit(actor, 'token.revoked', null, { tokenId: id });
        return n > 0;
      })();
    },

    async createWebhook(input, actor) {
      const id = newId('wh');
      const at = iso(now());
      db.transaction(() => {
        q.insertWebhook.run(id, input.platform, input.url, JSON.stringify(input.filter ?? {}), newWebhookSecret(), at);
        audit(actor, 'webhook.created', null, { webhookId: id, platform: input.platform, url: input.url });
      })();
      return toWebhookRecord(q.getWebhook.get(id)!, true);
    },
    async getWebhook(id) {
      const r = q.getWebhook.get(id);
      return r === undefined ? null : toWebhookRecord(r);
    },
    async listWebhooks(platform) {
      return (platform === undefined ? q.listWebhooks.all() : q.listWebhooksOf.all(platform)).map((r) => toWebhookRecord(r));
    },
    async updateWebhook(id, patch, actor) {
      return db.transaction(() => {
        const r = q.getWebhook.get(id);
        if (r === undefined) return null;
        const sets: string[] = [];
        const args: Array<string | number | null> = [];
        if (patch.url !== undefined) (sets.push('url = ?'), args.push(patch.url));
        if (patch.filter !== undefined) (sets.push('filter = ?'), args.push(JSON.stringify(patch.filter)));
        if (patch.enabled !== undefined) (sets.push('enabled = ?', 'disabled_reason = ?'), args.push(patch.enabled ? 1 : 0, patch.enabled ? null : 'disabled by request'));
        if (sets.length > 0) db.prepare(`UPDATE webhooks SET ${sets.join(', ')} WHERE id = ?`).run(...args, id);
        audit(actor, 'webhook.updated', null, { webhookId: id, ...patch });
        return toWebhookRecord(q.getWebhook.get(id)!);
      })();
    },
    async deleteWebhook(id, actor) {
      return db.transaction(() => {
        const n = db.prepare('UPDATE webhooks SET deleted = 1, enabled = 0 WHERE id = ? AND deleted = 0').run(id).changes;
        if (n > 0) audit(actor, 'webhook.deleted', null, { webhookId: id });
        return n > 0;
      })();
    },
    async rotateWebhookSecret(id, overlapMs, actor) {
      return db.transaction(() => {
        const r = q.getWebhook.get(id);
        if (r === undefined) return null;
        db.prepare('UPDATE webhooks SET previous_secret = secret, previous_expires_ms = ?, secret = ? WHERE id = ?').run(now() + overlapMs, newWebhookSecret(), id);
        audit(actor, 'webhook.secret-rotated', null, { webhookId: id, overlapMs });
        return toWebhookRecord(q.getWebhook.get(id)!, true);
      })();
    },
    async listDeliveries(webhookId, query) {
      const after = query.after ?? 0;
      const rows = query.state ? q.deliveriesOfInState.all(webhookId, after, query.state, query.limit + 1) : q.deliveriesOf.all(webhookId, after, query.limit + 1);
      const page = rows.slice(0, query.limit);
      return { items: page.map(toDeliveryRecord), next: rows.length > query.limit ? String(page[page.length - 1]!.id) : null };
    },
    async getDelivery(webhookId, deliveryId) {
      const d = q.getDelivery.get(deliveryId, webhookId);
      if (d === undefined) return null;
      const attempts: AttemptRecord[] = q.attemptsOf.all(deliveryId).map((a) => ({ deliveryId: a.delivery_id, attempt: a.attempt, at: a.at, status: a.status, error: a.error, ms: a.ms }));
      return { delivery: toDeliveryRecord(d), attempts };
    },
    async retryDelivery(webhookId, deliveryId, actor) {
      return db.transaction(() => {
        const d = q.getDelivery.get(deliveryId, webhookId);
        if (d === undefined) return null;
        db.prepare("UPDATE deliveries SET state = 'pending', next_ms = ?, updated_at = ? WHERE id = ?").run(now(), iso(now()), deliveryId);
        audit(actor, 'webhook.delivery-retried', d.alert_id, { webhookId, deliveryId });
        return toDeliveryRecord(q.getDelivery.get(deliveryId, webhookId)!);
      })();
    },
    async dueDeliveries(nowMs, limit, exclude) {
      const out: DueDelivery[] = [];
      for (const r of q.due.all(nowMs, limit + exclude.size)) {
        if (exclude.has(r.id)) continue;
        const overlap = r.previous_secret !== null && r.previous_expires_ms !== null && r.previous_expires_ms > nowMs;
        out.push({
          id: r.id,
          webhookId: r.webhook_id,
          url: r.url,
          messageId: r.message_id,
          body: r.body,
          attempts: r.attempts,
          secrets: { current: r.secret, previous: overlap ? r.previous_secret : null, previousExpiresMs: overlap ? r.previous_expires_ms : null },
        });
        if (out.length >= limit) break;
      }
      return out;
    },
    async nextDueInMs(nowMs) {
      const n = q.nextDue.get()?.next;
      return n === null || n === undefined ? null : Math.max(0, n - nowMs);
    },
    async recordAttempt(deliveryId, outcome) {
      recordAttemptTx(deliveryId, outcome);
    },
    async deliveryCounts() {
      const out: Record<DeliveryState, number> = { pending: 0, delivered: 0, dead: 0 };
      for (const r of q.deliveryCounts.all()) out[r.state as DeliveryState] = r.n;
      return out;
    },

    async auditLog(query) {
      return q.auditPage.all(query.after ?? 0, query.limit).map(
        (r): AuditEntry => ({ seq: r.seq, at: r.at, actor: r.actor, action: r.action, alertId: r.alert_id, detail: JSON.parse(r.detail) as unknown, prev: r.prev, hash: r.hash }),
      );
    },
    async verifyAudit() {
      const it = db.prepare<[], { seq: number; at: string; actor: string; action: string; alert_id: string | null; detail: string; prev: string; hash: string }>('SELECT * FROM audit ORDER BY seq').iterate();
      function* fields() {
        for (const r of it) yield { seq: r.seq, at: r.at, actor: r.actor, action: r.action, alertId: r.alert_id, detail: r.detail, prev: r.prev, hash: r.hash };
      }
      return verifyChain(fields());
    },
    async ping() {
      return db.prepare('SELECT 1 AS one').get() !== undefined;
    },
    async close() {
      await walCheckpointer?.stop();
      if (db.open) db.close();
    },
  };
}

/**
 * Schema migrations, applied in order inside one transaction each; `PRAGMA user_version` records
 * how many ran. Append new ones at the end; never edit one that shipped.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE alerts (
    id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    room_id TEXT NOT NULL,
    session_id TEXT NOT NULL,
    platform TEXT,
    category TEXT NOT NULL,
    severity TEXT NOT NULL,
    rule_id TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open',
    time_ms INTEGER NOT NULL,
    occurrences INTEGER NOT NULL,
    envelope TEXT NOT NULL,
    stored_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX alerts_room ON alerts (room_id, time_ms);
  CREATE INDEX alerts_session ON alerts (session_id, time_ms);
  CREATE INDEX alerts_platform ON alerts (platform, time_ms);
  CREATE INDEX alerts_time ON alerts (time_ms);
  CREATE INDEX alerts_status ON alerts (status, time_ms);

  -- The stream log: one row per alert or alert update, in commit order; seq is the WebSocket cursor.
  CREATE TABLE changes (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    alert_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    envelope TEXT NOT NULL,
    action_id INTEGER,
    at TEXT NOT NULL
  );

  CREATE TABLE actions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    alert_id TEXT NOT NULL REFERENCES alerts (id),
    type TEXT NOT NULL,
    reason TEXT,
    comment TEXT,
    actor TEXT NOT NULL,
    role TEXT NOT NULL,
    at TEXT NOT NULL
  );
  CREATE INDEX actions_alert ON actions (alert_id, id);

  -- Append-only, hash-chained; triggers below refuse UPDATE and DELETE.
  CREATE TABLE audit (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    alert_id TEXT,
    detail TEXT NOT NULL,
    prev TEXT NOT NULL,
    hash TEXT NOT NULL
  );
  CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
  CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;

  CREATE TABLE tokens (
    id TEXT PRIMARY KEY,
    hash TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL,
    platform TEXT,
    label TEXT,
    created_at TEXT NOT NULL,
    expires_at TEXT,
    expires_ms INTEGER,
    revoked_at TEXT
  );

  CREATE TABLE webhooks (
    id TEXT PRIMARY KEY,
    platform TEXT NOT NULL,
    url TEXT NOT NULL,
    filter TEXT NOT NULL,
    secret TEXT NOT NULL,
    previous_secret TEXT,
    previous_expires_ms INTEGER,
    enabled INTEGER NOT NULL DEFAULT 1,
    disabled_reason TEXT,
    created_at TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX webhooks_platform ON webhooks (platform);

  -- The outbox: written in the same transaction as the alert; the dispatcher drains it.
  CREATE TABLE deliveries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    webhook_id TEXT NOT NULL REFERENCES webhooks (id),
    alert_id TEXT NOT NULL,
    message_id TEXT NOT NULL,
    body TEXT NOT NULL,
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_ms INTEGER,
    last_status INTEGER,
    last_error TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (webhook_id, message_id)
  );
  CREATE INDEX deliveries_due ON deliveries (state, next_ms);
  CREATE INDEX deliveries_webhook ON deliveries (webhook_id, id);

  CREATE TABLE attempts (
    delivery_id INTEGER NOT NULL REFERENCES deliveries (id),
    attempt INTEGER NOT NULL,
    at TEXT NOT NULL,
    status INTEGER,
    error TEXT,
    ms INTEGER NOT NULL,
    PRIMARY KEY (delivery_id, attempt)
  );
  `,
  // An alert's current envelope is the one of its latest change (alerts.seq): every write of
  // an alert already writes that change row, so the alert row no longer keeps a second copy.
  `
  ALTER TABLE alerts DROP COLUMN envelope;
  `,
];

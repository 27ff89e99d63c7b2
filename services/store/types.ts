/**
 * The gateway's repository contract. SQLite (sqlite.ts) implements it today; a PostgreSQL
 * implementation can follow behind the same interface when more than one gateway writes
 * (DESIGN.md "Scale beyond one machine"). Every method is async for that reason, even though
 * better-sqlite3 is synchronous.
 *
 * Invariants every implementation keeps:
 * - `ingest` is one transaction: the alert rows, their change rows (the stream's log), their
 *   audit entries and one webhook outbox row per matching subscription commit together or not
 *   at all. A redelivered alert (same id, no more occurrences) changes nothing.
 * - Change `seq` is strictly increasing in commit order; it is the WebSocket cursor.
 * - The audit log is append-only and hash-chained; nothing updates or deletes its rows.
 */
import type { AlertEnvelope, Category, Severity } from '../engine/contracts/alert.js';

export const ALERT_STATUSES = ['open', 'acknowledged', 'dismissed', 'escalated'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

export const ACTION_TYPES = ['ack', 'dismiss', 'escalate', 'note'] as const;
export type ActionType = (typeof ACTION_TYPES)[number];
export const DISMISS_REASONS = ['false-positive', 'duplicate', 'not-actionable', 'other'] as const;
export type DismissReason = (typeof DISMISS_REASONS)[number];

export const ROLES = ['admin', 'inspector', 'auditor', 'platform'] as const;
export type Role = (typeof ROLES)[number];

/** Who did something: the token that authenticated the request. */
export type Actor = { tokenId: string; role: Role; platform?: string | null };

export type ActionInput = { type: ActionType; reason?: DismissReason | undefined; comment?: string | undefined };
export type ActionRecord = { id: number; alertId: string; type: ActionType; reason: string | null; comment: string | null; actor: string; role: Role; at: string };

export type StoredAlert = {
  alert: AlertEnvelope;
  status: AlertStatus;
  /** Seq of the last change of this alert. */
  seq: number;
  storedAt: string;
  updatedAt: string;
};

export type ChangeKind = 'alert' | 'alert.update';
/** One entry of the stream log: what the WebSocket sends, and replays on `since`. */
export type Change = {
  seq: number;
  kind: ChangeKind;
  alert: AlertEnvelope;
  status: AlertStatus;
  /** Set when a human action caused the change. */
  action?: ActionRecord;
  /** `alert` as the store keeps it (JSON text), when it has it: frames splice it in instead of serialising the alert again. */
  envelope?: string;
};

export type IngestInput = { alert: AlertEnvelope; kind: 'new' | 'update' };
export type IngestResult = { changes: Change[]; duplicates: number; outboxed: number };

export type AlertQuery = {
  roomId?: string;
  sessionId?: string;
  platform?: string;
  category?: Category;
  severity?: Severity;
  status?: AlertStatus;
  ruleId?: string;
  /** Event time bounds (inclusive from, exclusive to), epoch ms. */
  fromMs?: number;
  toMs?: number;
  limit: number;
  /** Opaque page cursor from a previous page's `next`. */
  after?: string;
};
export type Page<T> = { items: T[]; next: string | null };

export type ActResult =
  | { ok: true; change: Change }
  | { ok: false; code: 'ALERT_NOT_FOUND' | 'ALERT_BAD_TRANSITION' | 'ALERT_FORBIDDEN'; message: string };

export type TokenRecord = {
  id: string;
  role: Role;
  platform: string | null;
  label: string | null;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
};
export type TokenLookup =
  | { ok: true; token: TokenRecord }
  | { ok: false; code: 'TOKEN_UNKNOWN' | 'TOKEN_EXPIRED' | 'TOKEN_REVOKED' };

export type WebhookFilter = { categories?: Category[]; severities?: Severity[] };
export type WebhookRecord = {
  id: string;
  platform: string;
  url: string;
  filter: WebhookFilter;
  enabled: boolean;
  disabledReason: string | null;
  createdAt: string;
  /** Present only where the caller may see it (create, rotate). */
  secret?: string;
  /** The previous secret stays valid (signed with too) until this time, after a rotation. */
  previousSecretExpiresAt: string | null;
};
/** The signing material of a subscription: current secret, and the previous one during overlap. */
export type WebhookSecrets = { current: string; previous: string | null; previousExpiresMs: number | null };

export type DeliveryState = 'pending' | 'delivered' | 'dead';
export type DeliveryRecord = {
  id: number;
  webhookId: string;
  alertId: string;
  /** The Standard Webhooks `webhook-id`: the same on every attempt of this delivery. */
  messageId: string;
  state: DeliveryState;
  attempts: number;
  nextAt: string | null;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
};
export type AttemptRecord = { deliveryId: number; attempt: number; at: string; status: number | null; error: string | null; ms: number };
/** A delivery claimed by the dispatcher, with what it needs to send it. */
export type DueDelivery = { id: number; webhookId: string; url: string; messageId: string; body: string; attempts: number; secrets: WebhookSecrets };
export type AttemptOutcome =
  | { state: 'delivered'; status: number; ms: number }
  | { state: 'retry'; nextAtMs: number; status: number | null; error: string | null; ms: number }
  | { state: 'dead'; status: number | null; error: string | null; ms: number; disableWebhook?: string };

export type AuditEntry = { seq: number; at: string; actor: string; action: string; alertId: string | null; detail: unknown; prev: string; hash: string };
export type AuditVerdict = { ok: true; entries: number; head: string } | { ok: false; entries: number; brokenAt: number; message: string };

export type AlertStore = {
  /** Upserts alerts by id, logs their changes, audits them and fills the webhook outbox: one transaction. */
  ingest(items: readonly IngestInput[]): Promise<IngestResult>;
  getAlert(id: string): Promise<StoredAlert | null>;
  listAlerts(q: AlertQuery): Promise<Page<StoredAlert>>;
  actions(alertId: string): Promise<ActionRecord[]>;
  act(alertId: string, input: ActionInput, actor: Actor): Promise<ActResult>;
  /** Changes with seq > since, in seq order, at most `limit`. */
  changesSince(since: number, limit: number): Promise<Change[]>;
  /** Highest seq committed so far (0 when empty). */
  headSeq(): Promise<number>;

  createToken(input: { role: Role; platform?: string | null; label?: string | null; expiresAt?: Date | null }, actor: string): Promise<{ token: string; record: TokenRecord }>;
  lookupToken(token: string, nowMs: number): Promise<TokenLookup>;
  listTokens(): Promise<TokenRecord[]>;
  revokeToken(id: string, actor: string): Promise<boolean>;

  createWebhook(input: { platform: string; url: string; filter?: WebhookFilter }, actor: string): Promise<WebhookRecord>;
  getWebhook(id: string): Promise<WebhookRecord | null>;
  listWebhooks(platform?: string): Promise<WebhookRecord[]>;
  updateWebhook(id: string, patch: { enabled?: boolean; url?: string; filter?: WebhookFilter }, actor: string): Promise<WebhookRecord | null>;
  deleteWebhook(id: string, actor: string): Promise<boolean>;
  /** New secret now; the old one stays valid for `overlapMs` (both signatures are sent meanwhile). */
  rotateWebhookSecret(id: string, overlapMs: number, actor: string): Promise<WebhookRecord | null>;
  listDeliveries(webhookId: string, q: { state?: DeliveryState; limit: number; after?: number }): Promise<Page<DeliveryRecord>>;
  getDelivery(webhookId: string, deliveryId: number): Promise<{ delivery: DeliveryRecord; attempts: AttemptRecord[] } | null>;
  /** Manual redelivery: back to pending, due now (keeps its webhook-id). */
  retryDelivery(webhookId: string, deliveryId: number, actor: string): Promise<DeliveryRecord | null>;
  /** Pending deliveries due at `nowMs` of enabled subscriptions, oldest first, skipping `exclude`. */
  dueDeliveries(nowMs: number, limit: number, exclude: ReadonlySet<number>): Promise<DueDelivery[]>;
  /** Ms until the next pending delivery is due (null when none). */
  nextDueInMs(nowMs: number): Promise<number | null>;
  recordAttempt(deliveryId: number, outcome: AttemptOutcome): Promise<void>;
  deliveryCounts(): Promise<Record<DeliveryState, number>>;

  auditLog(q: { after?: number; limit: number }): Promise<AuditEntry[]>;
  verifyAudit(): Promise<AuditVerdict>;
  /** A cheap query that proves the database answers (readyz). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
};

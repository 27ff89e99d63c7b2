/**
 * The gateway role: supervisor.alerts → store → WebSocket hub + webhook outbox, and the HTTP API.
 *
 * Store first, then fan out (STYLE §12): a batch's alerts, their change rows, audit entries and
 * outbox rows commit in one transaction; only then are the changes broadcast, and only after the
 * handler resolves does the Kafka adapter commit the offsets. A failed store write rejects the
 * handler, so nothing is committed and the batch comes again. Alerts read back from Kafka are
 * validated (another role, maybe another version, wrote them); an unreadable one is counted
 * and skipped, never fatal. Every commit that produces changes (Kafka ingest, HTTP actions)
 * runs through one serial queue, so frames leave in cursor order.
 *
 * Group commit: the consumer hands out the partitions of a fetch together, and the batches
 * handed out in one turn of the event loop are written in one transaction, fanned out together,
 * and their handlers resolve (or reject) with it. A transaction's fixed cost is most of an
 * alert's when it holds a few (BENCHMARKS.md, Gateway store); when the gateway is behind, a
 * fetch holds many alerts on every partition, and they now share one.
 */
import type { AddressInfo } from 'node:net';
import { setImmediate as onNextTurn } from 'node:timers';
import Fastify, { type FastifyInstance } from 'fastify';
import { AlertEnvelopeSchema, DEFAULT_PARTITIONS, isAlertEnvelope, TOPICS, type AlertEnvelope } from '../engine/index.js';
import type { KafkaPort, RawRecord } from '../shared/kafka/port.js';
import type { Logger } from '../shared/log.js';
import type { Step } from '../shared/steps.js';
import { openSqliteStore } from '../store/sqlite.js';
import type { AlertStore, Change, IngestInput } from '../store/types.js';
import { createAuthenticator } from './auth.js';
import { tokenRoutes } from './http/admin.js';
import { alertRoutes } from './http/alerts.js';
import type { HttpDeps } from './http/deps.js';
import { toOpenApi } from './http/openapi.js';
import { registerRoutes, type AnyRoute } from './http/route.js';
import { systemRoutes } from './http/system.js';
import { webhookRoutes } from './http/webhooks.js';
import { createHub } from './hub/hub.js';
import { createLagProbe, DEFAULT_LAG_INTERVAL_MS, kafkajsOffsetsSource, type OffsetsSource } from './consumer-lag.js';
import { createMetrics, type WorkerCountersView } from './metrics.js';
import { createAddressGuard } from './webhooks/address-guard.js';
import { createDispatcher } from './webhooks/dispatcher.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './webhooks/retry.js';
import { checkTarget, createSender } from './webhooks/send.js';

export const DEFAULT_PORT = 8080;
/** How often the gateway commits its alert consumer's offsets (the store is durable per batch already). */
export const GATEWAY_COMMIT_MS = 1_000;
/** An alert store write this slow is logged: every alert on the WebSocket waits for it. */
const SLOW_STORE_MS = 50;
/** The alert store's WAL is checkpointed this often, off the event loop (wal-checkpointer.ts). */
const WAL_CHECKPOINT_MS = 1_000;
export const DEFAULT_GATEWAY_GROUP = 'supervisor-gateway';
/**
 * Group commit: this many partitions of supervisor.alerts are handed out at once (every
 * partition of a default deployment), in calls of at most GATEWAY_MAX_BATCH records, and stored
 * together. A transaction, and the WebSocket burst after it, then holds at most their product
 * (600 alerts, ≈ 1 MB of frames), about what one call of 500 records held before.
 */
export const GATEWAY_PARTITIONS_CONCURRENTLY = DEFAULT_PARTITIONS;
export const GATEWAY_MAX_BATCH = 100;
export const DEFAULT_ROTATION_OVERLAP_MS = 24 * 3_600_000;
/** Largest HTTP request body accepted (JSON). */
export const MAX_BODY_BYTES = 64 * 1024;

export type GatewayOptions = {
  kafka: KafkaPort;
  log: Logger;
  port: number;
  host?: string;
  /** The store to use; when absent the gateway opens SQLite in `dataDir` and closes it on stop. */
  store?: AlertStore;
  dataDir?: string;
  /** Admin token for local runs (SUPERVISOR_DEV_TOKEN). */
  devToken?: string | null;
  groupId?: string;
  heartbeatMs?: number;
  maxBufferedBytes?: number;
  cutGraceMs?: number;
  /** IPs/CIDRs that webhook targets may resolve to although private or loopback. */
  webhookAllow?: readonly string[];
  retry?: Partial<RetryPolicy>;
  webhookConcurrency?: number;
  webhookPollMs?: number;
  rotationOverlapMs?: number;
  /** How often /metrics' consumer lag is read from the broker (default 5 s). */
  lagIntervalMs?: number;
  /** Where consumer lag is read; default: a small kafkajs admin on `kafka.brokers`. */
  offsetsSource?: OffsetsSource;
  /** Other consumer groups whose lag /metrics shows (the worker's, wherever it runs). */
  lagGroups?: ReadonlyArray<{ groupId: string; topics: readonly string[] }>;
  /** Worker counters when the worker runs in this process (for /metrics). */
  worker?: () => WorkerCountersView | null;
};

export type Gateway = Step & {
  url(): string;
  httpUrl(): string;
  hub: ReturnType<typeof createHub>;
  store(): AlertStore;
  /** `storeWrites`: transactions that stored alerts (each holds the calls of one turn). */
  counters: { alerts: number; updates: number; duplicates: number; invalid: number; storeWrites: number };
};

/** Decodes one supervisor.alerts record: the alert, or why it is not a valid alert envelope. */
export function decodeAlertRecord(rec: RawRecord): { ok: true; item: IngestInput } | { ok: false; reason: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(rec.value?.toString('utf8') ?? '');
  } catch (err) {
    return { ok: false, reason: `not JSON: ${(err as Error).message}` };
  }
  const kind = rec.headers['alert-kind'] === 'update' ? 'update' : 'new';
  // The hand-written guard first; the schema only for what it turns down (it has the last word).
  if (isAlertEnvelope(parsed)) return { ok: true, item: { alert: parsed, kind } };
  const alert = AlertEnvelopeSchema.safeParse(parsed);
  if (!alert.success) {
    const issues = alert.error.issues;
    const shown = issues.slice(0, 3).map((i) => `${i.path.length > 0 ? i.path.join('.') : '(envelope)'}: ${i.message}`);
    return { ok: false, reason: `not an alert envelope: ${shown.join('; ')}${issues.length > 3 ? `; and ${issues.length - 3} more` : ''}` };
  }
  return { ok: true, item: { alert: alert.data as AlertEnvelope, kind } };
}

export function createGateway(opts: GatewayOptions): Gateway {
  const log = opts.log.child({ component: 'gateway' });
  const ownsStore = opts.store === undefined;
  let store: AlertStore | null = opts.store ?? null;
  const s = () => {
    if (store === null) throw new Error('gateway store is not open (start() first)');
    return store;
  };
  const lazyStore: AlertStore = new Proxy({} as AlertStore, { get: (_t, k) => (s() as Record<string | symbol, unknown>)[k] });
  const auth = createAuthenticator({ store: lazyStore, devToken: opts.devToken ?? null });
  const hub = createHub({
    auth,
    store: lazyStore,
    log: opts.log,
    ...(opts.heartbeatMs ? { heartbeatMs: opts.heartbeatMs } : {}),
    ...(opts.maxBufferedBytes ? { maxBufferedBytes: opts.maxBufferedBytes } : {}),
    ...(opts.cutGraceMs !== undefined ? { cutGraceMs: opts.cutGraceMs } : {}),
  });
  const metrics = createMetrics({ hub, store: lazyStore, ...(opts.worker ? { worker: opts.worker } : {}) });
  const guard = createAddressGuard(opts.webhookAllow ?? []);
  const sender = createSender(guard);
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...opts.retry };
  const dispatcher = createDispatcher({
    store: lazyStore,
    sender,
    policy,
    log: opts.log,
    ...(opts.webhookConcurrency ? { concurrency: opts.webhookConcurrency } : {}),
    ...(opts.webhookPollMs ? { pollMs: opts.webhookPollMs } : {}),
    onOutcome: (outcome, ms) => {
      metrics.deliveries.inc({ outcome });
      metrics.deliveryMs.observe(ms / 1000);
    },
  });
  const counters = { alerts: 0, updates: 0, duplicates: 0, invalid: 0, storeWrites: 0 };
  let consuming = false;
  let app: FastifyInstance | null = null;
  let boundPort = opts.port;
  const host = opts.host ?? '0.0.0.0';

  // One queue for every commit that yields changes, so broadcasts leave in seq order.
  let queue: Promise<unknown> = Promise.resolve();
  function serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = queue.then(fn);
    queue = run.catch(() => undefined);
    return run;
  }

  function fanOut(changes: readonly Change[]): void {
    hub.broadcast(changes);
    const nowMs = Date.now();
    for (const c of changes) {
      if (c.kind === 'alert') {
        metrics.alerts.inc({ rule: c.alert.data.ruleId, severity: c.alert.data.severity });
        const detected = Date.parse(c.alert.data.detectedAt ?? '');
        if (Number.isFinite(detected)) metrics.latency.observe(Math.max(0, nowMs - detected) / 1000);
      } else metrics.updates.inc({ cause: c.action ? c.action.type : 'repeat' });
    }
  }

  const groupId = opts.groupId ?? DEFAULT_GATEWAY_GROUP;
  // The store holds a batch once onBatch resolved, so commits need no flush; one a second
  // (and soon after the alerts stop) spares the broker a commit per batch.
  const consumer = opts.kafka.consumer({
    groupId,
    topics: [TOPICS.alerts],
    fromBeginning: true,
    maxBatch: GATEWAY_MAX_BATCH,
    partitionsConcurrently: GATEWAY_PARTITIONS_CONCURRENTLY,
    checkpoint: { intervalMs: GATEWAY_COMMIT_MS },
  });
  const lagProbe = createLagProbe({
    source: opts.offsetsSource ?? kafkajsOffsetsSource(opts.kafka.brokers),
    groups: [{ groupId, topics: [TOPICS.alerts] }, ...(opts.lagGroups ?? [])],
    gauge: metrics.consumerLag,
    failures: metrics.consumerLagFailures,
    refreshed: metrics.consumerLagRefreshed,
    log: opts.log,
    intervalMs: opts.lagIntervalMs ?? DEFAULT_LAG_INTERVAL_MS,
  });

  async function onBatch(batch: readonly RawRecord[]): Promise<void> {
    const items: IngestInput[] = [];
    let newest = 0;
    for (const rec of batch) {
      newest = Math.max(newest, rec.timestamp);
      const decoded = decodeAlertRecord(rec);
      if (!decoded.ok) {
        counters.invalid++;
        metrics.invalid.inc();
        log.warn({ partition: rec.partition, offset: rec.offset, reason: decoded.reason }, 'invalid alert skipped');
        continue;
      }
      items.push(decoded.item);
    }
    if (batch.length > 0 && newest > 0) metrics.recordAge.set({ partition: String(batch[0]!.partition) }, Math.max(0, Date.now() - newest) / 1000);
    if (items.length === 0) return;
    await storeInTurn(items);
  }

  // The batches waiting for this turn's store write (the first one schedules it).
  type Group = { items: IngestInput[]; calls: Array<{ resolve: () => void; reject: (err: unknown) => void }> };
  let waiting: Group | null = null;

  function storeInTurn(items: readonly IngestInput[]): Promise<void> {
    return new Promise((resolve, reject) => {
      let group = waiting;
      if (group === null) {
        const mine: Group = (group = waiting = { items: [], calls: [] });
        onNextTurn(() => {
          waiting = null;
          serial(() => storeGroup(mine.items)).then(
            () => mine.calls.forEach((c) => c.resolve()),
            (err: unknown) => mine.calls.forEach((c) => c.reject(err)), // nothing committed: every batch comes again
          );
        });
      }
      for (const item of items) group.items.push(item);
      group.calls.push({ resolve, reject });
    });
  }

  async function storeGroup(items: readonly IngestInput[]): Promise<void> {
    const started = performance.now();
    const r = await s().ingest(items); // throws → the handlers reject → nothing committed
    counters.storeWrites++;
    const ms = performance.now() - started;
    if (ms >= SLOW_STORE_MS) log.warn({ alerts: items.length, ms: Math.round(ms) }, 'slow alert store write');
    fanOut(r.changes);
    for (const c of r.changes) {
      if (c.kind === 'alert') counters.alerts++;
      else counters.updates++;
    }
    counters.duplicates += r.duplicates;
    if (r.duplicates > 0) metrics.duplicates.inc(r.duplicates);
    if (r.outboxed > 0) dispatcher.kick();
  }

  let routes: AnyRoute[] = [];
  const httpDeps: HttpDeps = {
    store: lazyStore,
    act: (alertId, input, actor) =>
      serial(async () => {
        const r = await s().act(alertId, input, actor);
        if (r.ok) fanOut([r.change]);
        return r;
      }),
    kickWebhooks: () => dispatcher.kick(),
    guard,
    checkTarget: (url) => checkTarget(url, guard),
    rotationOverlapMs: opts.rotationOverlapMs ?? DEFAULT_ROTATION_OVERLAP_MS,
    async readiness() {
      const storeOk = await s().ping().catch(() => false);
      return { ready: consuming && storeOk, checks: { broker: consuming, store: storeOk } };
    },
    metrics: async () => ({ contentType: metrics.registry.contentType, body: await metrics.registry.metrics() }),
    openapi: () => toOpenApi(routes, { title: 'Live-room supervisor gateway', version: '1' }),
  };
  routes = [...systemRoutes(httpDeps), ...alertRoutes(httpDeps), ...tokenRoutes(httpDeps), ...webhookRoutes(httpDeps)];

  const publicHost = () => (host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host);

  return {
    name: 'gateway',
    hub,
    counters,
    store: s,
    url: () => `ws://${publicHost()}:${boundPort}/v1/stream`,
    httpUrl: () => `http://${publicHost()}:${boundPort}`,
    async start() {
      if (store === null) {
        store = openSqliteStore({
          dataDir: opts.dataDir ?? './data',
          walCheckpointMs: WAL_CHECKPOINT_MS,
          onWalCheckpointFailure: (err) => log.warn({ err }, 'WAL checkpoint thread failed; SQLite checkpoints inside commits again'),
        });
      }
      app = Fastify({ logger: false, bodyLimit: MAX_BODY_BYTES, forceCloseConnections: true });
      app.setErrorHandler((error: { statusCode?: number; code?: string; message: string }, _req, reply) => {
        const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
        if (status === 500) log.error({ err: error }, 'http handler failed');
        void reply.code(status).send({ error: status === 500 ? 'INTERNAL' : (error.code ?? 'BAD_REQUEST'), message: status === 500 ? 'internal error' : error.message });
      });
      app.setNotFoundHandler((req, reply) => void reply.code(404).send({ error: 'NOT_FOUND', message: `no route ${req.method} ${req.url.split('?')[0]}` }));
      registerRoutes(app, routes, auth);
      hub.attach(app.server);
      await app.listen({ port: opts.port, host });
      boundPort = (app.server.address() as AddressInfo).port;
      await consumer.run(onBatch);
      consuming = true;
      dispatcher.start();
      lagProbe.start();
      log.info({ port: boundPort }, 'gateway listening');
    },
    async stop() {
      consuming = false;
      await lagProbe.stop();
      await consumer.stop();
      await dispatcher.stop();
      sender.close();
      await hub.close();
      if (app) await app.close();
      await queue;
      if (ownsStore && store) {
        await store.close();
        store = null;
      }
    },
  };
}

/**
 * Prometheus metrics of the process (one registry per gateway, so tests can run several).
 * Worker counters are read at scrape time when the worker runs in the same process
 * (shared/worker-metrics.ts; a worker running alone serves them itself, worker/http.ts).
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { registerWorkerMetrics, type WorkerCountersView } from '../shared/worker-metrics.js';
import type { AlertStore } from '../store/types.js';
import type { HubStats } from './hub/hub.js';

export type { WorkerCountersView };

export type GatewayMetrics = ReturnType<typeof createMetrics>;

export function createMetrics(deps: { hub: { clients(): number; stats: HubStats }; store: Pick<AlertStore, 'deliveryCounts'>; worker?: () => WorkerCountersView | null; defaults?: boolean }) {
  const registry = new Registry();
  if (deps.defaults !== false) collectDefaultMetrics({ register: registry, prefix: 'supervisor_' });
  const alerts = new Counter({ name: 'supervisor_alerts_total', help: 'New alerts stored by the gateway, by rule and severity', labelNames: ['rule', 'severity'], registers: [registry] });
  const updates = new Counter({ name: 'supervisor_alert_updates_total', help: 'Alert updates (repeats, inspector actions) stored', labelNames: ['cause'], registers: [registry] });
  const duplicates = new Counter({ name: 'supervisor_alert_duplicates_total', help: 'Redelivered alerts merged away (at-least-once)', registers: [registry] });
  const invalid = new Counter({ name: 'supervisor_alerts_invalid_total', help: 'Unreadable records on supervisor.alerts, skipped', registers: [registry] });
  // Real consumer lag, refreshed by consumer-lag.ts from the broker (high watermark − committed offset).
  const consumerLag = new Gauge({
    name: 'supervisor_consumer_lag_messages',
    help: 'Records not yet consumed and committed by the consumer group: high watermark minus committed offset (log start when none), per topic-partition; refreshed every few seconds',
    labelNames: ['group', 'topic', 'partition'],
    registers: [registry],
  });
  const consumerLagFailures = new Counter({ name: 'supervisor_consumer_lag_refresh_failures_total', help: 'Consumer lag refreshes that failed (broker unreachable, timeout); the lag gauge then keeps its last values', labelNames: ['group'], registers: [registry] });
  const consumerLagRefreshed = new Gauge({ name: 'supervisor_consumer_lag_refreshed_timestamp_seconds', help: 'Unix time of the last successful consumer lag refresh', labelNames: ['group'], registers: [registry] });
  // Not lag: how old the newest record of a batch was when the gateway took it (stays at its last value when idle).
  const recordAge = new Gauge({
    name: 'supervisor_gateway_batch_record_age_seconds',
    help: 'At the last batch handled per partition: handling time minus the broker timestamp of its newest supervisor.alerts record (not updated while idle; for lag see supervisor_consumer_lag_messages)',
    labelNames: ['partition'],
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'supervisor_alert_latency_seconds',
    help: 'Worker detection (detectedAt) to gateway fan-out, per new alert',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const deliveries = new Counter({ name: 'supervisor_webhook_deliveries_total', help: 'Webhook delivery attempts by outcome', labelNames: ['outcome'], registers: [registry] });
  const deliveryMs = new Histogram({ name: 'supervisor_webhook_attempt_seconds', help: 'Webhook attempt duration', buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 10], registers: [registry] });
  new Gauge({
    name: 'supervisor_webhook_outbox',
    help: 'Outbox rows by state',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      const c = await deps.store.deliveryCounts();
      for (const [state, n] of Object.entries(c)) this.set({ state }, n);
    },
  });
  new Gauge({ name: 'supervisor_ws_clients', help: 'Connected WebSocket clients', registers: [registry], collect() { this.set(deps.hub.clients()); } });
  new Gauge({ name: 'supervisor_ws_cut_total', help: 'Slow WebSocket clients cut (counter semantics)', registers: [registry], collect() { this.set(deps.hub.stats.cut); } });
  new Gauge({ name: 'supervisor_ws_heartbeat_timeouts_total', help: 'WebSocket clients terminated for a missed pong (counter semantics)', registers: [registry], collect() { this.set(deps.hub.stats.timedOut); } });
  new Gauge({ name: 'supervisor_ws_refused_total', help: 'Refused WebSocket upgrades (counter semantics)', registers: [registry], collect() { this.set(deps.hub.stats.refused); } });
  new Gauge({ name: 'supervisor_ws_frames_sent_total', help: 'Frames sent to WebSocket clients (counter semantics)', registers: [registry], collect() { this.set(deps.hub.stats.sent); } });
  if (deps.worker) registerWorkerMetrics(registry, deps.worker);
  return { registry, alerts, updates, duplicates, invalid, consumerLag, consumerLagFailures, consumerLagRefreshed, recordAge, latency, deliveries, deliveryMs };
}

import { describe, expect, it } from 'vitest';
import { createMetrics, type WorkerCountersView } from './metrics.js';

const hub = { clients: () => 2, stats: { connected: 2, refused: 0, cut: 1, timedOut: 0, sent: 10, replayed: 0 } };
const store = { deliveryCounts: async () => ({ pending: 1, delivered: 3, dead: 0 }) };

/** One sample's value from a Prometheus text exposition. */
function sample(text: string, name: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('metrics: the worker in the same process', () => {
  it('exposes its counters as they are at scrape time, the hot path busy seconds among them', async () => {
    const counters: WorkerCountersView = { events: { transcript: 5 }, dlq: { DECODE_NOT_JSON: 1 }, snapshots: 3, busySeconds: 0.25 };
    const { registry } = createMetrics({ hub, store, worker: () => counters, defaults: false });
    let text = await registry.metrics();
    expect(sample(text, 'supervisor_worker_busy_seconds_total')).toBe(0.25);
    expect(text).toContain('supervisor_events_in_total{type="transcript"} 5');
    expect(text).toContain('supervisor_dlq_total{reason="DECODE_NOT_JSON"} 1');
    expect(sample(text, 'supervisor_state_snapshots_total')).toBe(3);
    counters.busySeconds = 1.5;
    text = await registry.metrics();
    expect(sample(text, 'supervisor_worker_busy_seconds_total')).toBe(1.5);
  });

  it('has no worker metrics when no worker runs in the process', async () => {
    const { registry } = createMetrics({ hub, store, defaults: false });
    const text = await registry.metrics();
    expect(text).not.toContain('supervisor_worker_busy_seconds_total');
    expect(sample(text, 'supervisor_ws_clients')).toBe(2);
  });
});

/**
 * The worker's Prometheus metrics, read from its counters at scrape time. Registered by the
 * gateway's registry when the worker shares its process, and by the worker's own small HTTP
 * server (worker/http.ts) when it runs alone (`supervisor start --roles worker`).
 */
import { Gauge, type Registry } from 'prom-client';

export type WorkerCountersView = { events: Record<string, number>; dlq: Record<string, number>; snapshots: number; busySeconds: number };

/** What a worker running alone adds: its partitions, its rooms, the ruleset it evaluates. */
export type WorkerProcessView = { partitions(): number; rooms(): number; rulesetVersion(): string };

export function registerWorkerMetrics(registry: Registry, worker: () => WorkerCountersView | null): void {
  new Gauge({
    name: 'supervisor_events_in_total',
    help: 'Input events decoded by the worker in this process, by type (counter semantics)',
    labelNames: ['type'],
    registers: [registry],
    collect() {
      for (const [type, n] of Object.entries(worker()?.events ?? {})) this.set({ type }, n);
    },
  });
  new Gauge({
    name: 'supervisor_dlq_total',
    help: 'Input events parked on supervisor.dlq by the worker in this process, by reason (counter semantics)',
    labelNames: ['reason'],
    registers: [registry],
    collect() {
      for (const [reason, n] of Object.entries(worker()?.dlq ?? {})) this.set({ reason }, n);
    },
  });
  new Gauge({
    name: 'supervisor_worker_busy_seconds_total',
    help: 'Seconds the worker in this process spent decoding and evaluating events and building alert records (counter semantics; its rate is the share of a core the hot path takes, 1 = saturated)',
    registers: [registry],
    collect() {
      this.set(worker()?.busySeconds ?? 0);
    },
  });
  new Gauge({
    name: 'supervisor_state_snapshots_total',
    help: 'Room snapshots the worker in this process wrote to supervisor.state at its checkpoints (counter semantics)',
    registers: [registry],
    collect() {
      this.set(worker()?.snapshots ?? 0);
    },
  });
}

export function registerWorkerProcessMetrics(registry: Registry, view: WorkerProcessView): void {
  new Gauge({ name: 'supervisor_worker_partitions', help: 'Input partitions assigned to the worker in this process', registers: [registry], collect() { this.set(view.partitions()); } });
  new Gauge({ name: 'supervisor_worker_rooms', help: 'Live rooms whose state the worker in this process holds', registers: [registry], collect() { this.set(view.rooms()); } });
  new Gauge({
    name: 'supervisor_ruleset_info',
    help: 'The ruleset version the worker in this process evaluates (value 1; the label names it)',
    labelNames: ['version'],
    registers: [registry],
    collect() {
      this.reset();
      this.set({ version: view.rulesetVersion() }, 1);
    },
  });
}

/**
 * Consumer lag for /metrics: per topic-partition, the high watermark minus the group's committed
 * offset, in messages. Refreshed on a timer (default every 5 s) by two cheap admin requests per
 * topic (ListOffsets + OffsetFetch), never from the consume loop: a refresh that fails is logged
 * and counted, the gauge keeps its last values, and the next tick tries again.
 *
 * Where the group has committed nothing yet (or its offset fell below the log start after
 * retention) the consumer starts at the log start (fromBeginning), so the lag is high − low.
 *
 * The offsets come from an OffsetsSource (services/shared/kafka/offsets.ts).
 */
import type { OffsetsSource, PartitionOffsets } from '../shared/kafka/offsets.js';
import type { Counter, Gauge } from 'prom-client';
import type { Logger } from '../shared/log.js';

export type { OffsetsSource, PartitionOffsets };
export { kafkajsOffsetsSource } from '../shared/kafka/offsets.js';

export const DEFAULT_LAG_INTERVAL_MS = 5_000;

/** Messages a consumer starting at its committed offset (or the log start) still has to read. */
export function lagOf(p: PartitionOffsets): number {
  const from = p.committed === null || p.committed < p.low ? p.low : p.committed;
  return Math.max(0, p.high - from);
}

export type LagProbe = {
  start(): void;
  /** Stops the timer, waits for a refresh in flight, closes the source. */
  stop(): Promise<void>;
  /** One refresh now (also what the timer runs); resolves false when it failed. */
  refresh(): Promise<boolean>;
};

export function createLagProbe(opts: {
  source: OffsetsSource;
  groups: ReadonlyArray<{ groupId: string; topics: readonly string[] }>;
  gauge: Gauge<'group' | 'topic' | 'partition'>;
  failures: Counter<'group'>;
  refreshed: Gauge<'group'>;
  log: Logger;
  intervalMs?: number;
  /** A refresh slower than this counts as failed (the source's own timeouts should fire first). */
  timeoutMs?: number;
}): LagProbe {
  const log = opts.log.child({ component: 'consumer-lag' });
  const intervalMs = opts.intervalMs ?? DEFAULT_LAG_INTERVAL_MS;
  const timeoutMs = opts.timeoutMs ?? Math.max(intervalMs, 10_000);
  let timer: NodeJS.Timeout | null = null;
  let inFlight: Promise<boolean> | null = null;
  let failing = new Set<string>();
  const series = new Map<string, Map<string, { group: string; topic: string; partition: string }>>();

  async function refreshGroup(groupId: string, topics: readonly string[]): Promise<boolean> {
    let timeout: NodeJS.Timeout | undefined;
    try {
      const offsets = await Promise.race([
        opts.source.read(groupId, topics),
        new Promise<never>((_, reject) => {
          timeout = setTimeout(() => reject(new Error(`offsets not read within ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
      const now = new Map<string, { group: string; topic: string; partition: string }>();
      for (const p of offsets) {
        const labels = { group: groupId, topic: p.topic, partition: String(p.partition) };
        opts.gauge.set(labels, lagOf(p));
        now.set(`${p.topic}/${p.partition}`, labels);
      }
      // Partitions that disappeared (topic recreated smaller) do not linger.
      for (const [key, labels] of series.get(groupId) ?? []) if (!now.has(key)) opts.gauge.remove(labels);
      series.set(groupId, now);
      opts.refreshed.set({ group: groupId }, Date.now() / 1000);
      if (failing.delete(groupId)) log.info({ groupId }, 'consumer lag readable again');
      return true;
    } catch (err) {
      opts.failures.inc({ group: groupId });
      // Warn once per failure streak, then quietly: the broker being down is reported elsewhere too.
      if (!failing.has(groupId)) log.warn({ err, groupId }, 'consumer lag not refreshed (keeping the last values)');
      else log.debug({ err, groupId }, 'consumer lag still not refreshed');
      failing.add(groupId);
      return false;
    } finally {
      clearTimeout(timeout);
    }
  }

  function refresh(): Promise<boolean> {
    if (inFlight) return inFlight; // never two at once: a slow broker gets one request, not a queue
    inFlight = (async () => {
      let ok = true;
      for (const g of opts.groups) ok = (await refreshGroup(g.groupId, g.topics)) && ok;
      return ok;
    })().finally(() => {
      inFlight = null;
    });
    return inFlight;
  }

  return {
    start() {
      if (timer) return;
      void refresh();
      timer = setInterval(() => void refresh(), intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await inFlight?.catch(() => undefined);
      failing = new Set();
      await opts.source.close().catch((err: unknown) => log.debug({ err }, 'lag source not closed cleanly'));
    },
    refresh,
  };
}

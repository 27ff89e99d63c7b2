/**
 * The worker role: live.* (co-partitioned consumer group) → engine → supervisor.alerts and
 * supervisor.dlq per batch, and at each checkpoint the snapshots of the rooms changed since the
 * last one → supervisor.state, then the offsets. On every assignment change it drops the rooms
 * of partitions it lost; before the first batch of a partition it gained, it restores that
 * partition's rooms from the compacted supervisor.state.
 */
import { hostname } from 'node:os';
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import { INPUT_TOPICS, TOPICS, type Ruleset } from '../engine/index.js';
import type { FlushHow, KafkaPort, Producer } from '../shared/kafka/port.js';
import type { Logger } from '../shared/log.js';
import type { Step } from '../shared/steps.js';
import { createBatchHandler, newCounters, type WorkerCounters } from './handle-batch.js';
import { createRoomStore, DEFAULT_MAX_ROOMS } from './room-store.js';

export const DEFAULT_WORKER_GROUP = 'supervisor-worker';
/**
 * Records per handler call, an upper bound: when the worker keeps up, calls are as small as
 * what arrived. When it is behind, a bigger call holds more events of each room, and the
 * handler applies a room's events one after the other (handle-batch.ts), so the room's state
 * stays in cache between them: with the rdkafka fetch of up to 40,000 records this took a warm
 * worker from ≈ 21,000 to ≈ 25,000 events/s (docs/benchmarks-history.md, sixteenth session).
 * It also bounds how long one call holds the event loop (≈ 0.4 s at 10,000 records).
 */
export const DEFAULT_WORKER_MAX_BATCH = 10_000;
/**
 * How often the worker writes the snapshots of the rooms it changed and commits (and soon
 * after the input stops). A busy room costs one snapshot per interval instead of one per
 * batch; a crashed worker's successor reads up to this much input again.
 */
export const DEFAULT_CHECKPOINT_MS = 5_000;
/** Snapshots serialised and sent at once while a checkpoint writes them (about 4 ms of work). */
const SNAPSHOTS_PER_SLICE = 100;
const MAX_SLICE_PAUSE_MS = 100;
/**
 * Header of a room snapshot: JSON { input topic: offset } of the checkpoint that wrote it, for
 * the room's partition (room-store.ts, covers). Snapshots without it cover nothing.
 */
export const COVERS_HEADER = 'covers';

/** A snapshot's covers header, or undefined when absent or unreadable. */
function coversOf(headers: Readonly<Record<string, string>>): Record<string, number> | undefined {
  const raw = headers[COVERS_HEADER];
  if (raw === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
    const out: Record<string, number> = {};
    for (const [topic, offset] of Object.entries(parsed)) if (Number.isSafeInteger(offset) && (offset as number) >= 0) out[topic] = offset as number;
    return out;
  } catch {
    return undefined;
  }
}
/**
 * Partitions in the handler at once. The handler evaluates a batch synchronously and then
 * waits for the producer's acks: overlapping those waits is what lets one worker keep its core
 * busy. Records of one partition never overlap.
 */
export const DEFAULT_WORKER_CONCURRENCY = 32;

export type WorkerOptions = {
  kafka: KafkaPort;
  ruleset(): Ruleset;
  log: Logger;
  groupId?: string;
  maxRooms?: number;
  maxBatch?: number;
  /** Checkpoint interval (default DEFAULT_CHECKPOINT_MS; 0 = after every batch). */
  checkpointMs?: number;
  /** How soon after the input stops a checkpoint runs (default 100 ms). */
  checkpointIdleMs?: number;
  /** Partitions handled at once (default DEFAULT_WORKER_CONCURRENCY; 1 = one at a time). */
  concurrency?: number;
  /** The consumer's session timeout (port.ts; default 30 s). */
  sessionTimeoutMs?: number;
  workerId?: string;
};

export type Worker = Step & { counters: WorkerCounters; rooms: ReturnType<typeof createRoomStore>; assigned(): number[] };

export function createWorker(opts: WorkerOptions): Worker {
  const log = opts.log.child({ component: 'worker' });
  const rooms = createRoomStore({ maxRooms: opts.maxRooms ?? DEFAULT_MAX_ROOMS });
  const counters = newCounters();
  const checkpointMs = opts.checkpointMs ?? DEFAULT_CHECKPOINT_MS;
  let producer: Producer | null = null;
  // Snapshots have a producer (and broker connection) of their own: a checkpoint writes
  // megabytes at once, and alerts must not queue behind them.
  let stateProducer: Producer | null = null;
  let assigned = new Set<number>();
  const restored = new Set<number>();
  // Partitions whose restore is running: the batches of live.transcript/p and live.price/p may
  // be in the handler at once, and both must wait for the one restore of p.
  const restoring = new Map<number, Promise<void>>();

  function ensureRestored(partition: number): Promise<void> {
    if (restored.has(partition)) return Promise.resolve();
    let running = restoring.get(partition);
    if (running === undefined) {
      running = restore(partition).finally(() => restoring.delete(partition));
      restoring.set(partition, running);
    }
    return running;
  }

  async function restore(partition: number): Promise<void> {
    const started = performance.now();
    let n = 0;
    await opts.kafka.readToEnd(TOPICS.state, [partition], (rec) => {
      const roomId = rec.key?.toString('utf8');
      if (roomId === undefined) return;
      let value: unknown = null;
      if (rec.value !== null && rec.value.length > 0) {
        try {
          value = JSON.parse(rec.value.toString('utf8'));
        } catch {
          log.warn({ partition, offset: rec.offset }, 'unreadable state snapshot skipped');
          return;
        }
      }
      if (rooms.restore(roomId, value, partition, coversOf(rec.headers))) n++;
    });
    restored.add(partition);
    log.info({ partition, snapshots: n, ms: Math.round(performance.now() - started) }, 'partition state restored');
  }

  /**
   * The checkpoint's flush: the rooms changed since the last one, as they are now (states are
   * immutable), a slice at a time. While input keeps coming (`spread`) the slices are spread
   * over about half the interval: written at once, a few thousand snapshots (megabytes for
   * the broker) hold up every event behind them; otherwise one slice per event-loop turn.
   * A spread flush stops pausing once the input has stopped (`flowing`): then nothing waits
   * behind its writes, and the commit that follows them should not wait for the pacing.
   */
  async function flushSnapshots({ spread, positions, flowing }: FlushHow): Promise<void> {
    const p = stateProducer;
    if (p === null) throw new Error('worker state producer not started');
    const started = performance.now();
    const dirty = rooms.takeDirty();
    if (dirty.length === 0) return;
    const covers = new Map<number, Record<string, number>>();
    for (const pos of positions) {
      if (!(INPUT_TOPICS as readonly string[]).includes(pos.topic)) continue;
      let c = covers.get(pos.partition);
      if (c === undefined) covers.set(pos.partition, (c = {}));
      c[pos.topic] = pos.offset;
    }
    const headerOf = new Map([...covers].map(([partition, c]) => [partition, { [COVERS_HEADER]: JSON.stringify(c) }]));
    const slices = Math.ceil(dirty.length / SNAPSHOTS_PER_SLICE);
    const pauseMs = spread ? Math.min(MAX_SLICE_PAUSE_MS, checkpointMs / 2 / slices) : 0;
    const sends: Array<Promise<void>> = [];
    for (let i = 0; i < dirty.length; i += SNAPSHOTS_PER_SLICE) {
      if (i > 0) await (pauseMs >= 1 && flowing() ? sleep(pauseMs) : nextTurn());
      const slice = dirty.slice(i, i + SNAPSHOTS_PER_SLICE);
      sends.push(
        p.send(slice.map((s) => ({ topic: TOPICS.state, key: s.roomId, value: JSON.stringify(s.state), partition: s.partition, headers: headerOf.get(s.partition) ?? {} }))),
      );
    }
    const results = await Promise.allSettled(sends);
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed !== undefined) {
      rooms.markDirty(dirty.map((d) => d.roomId));
      throw failed.reason;
    }
    counters.snapshots += dirty.length;
    log.debug({ snapshots: dirty.length, ms: Math.round(performance.now() - started) }, 'checkpoint snapshots written');
  }

  const consumer = opts.kafka.consumer({
    groupId: opts.groupId ?? DEFAULT_WORKER_GROUP,
    topics: INPUT_TOPICS,
    coPartitioned: true,
    fromBeginning: true,
    maxBatch: opts.maxBatch ?? DEFAULT_WORKER_MAX_BATCH,
    partitionsConcurrently: opts.concurrency ?? DEFAULT_WORKER_CONCURRENCY,
    ...(opts.sessionTimeoutMs !== undefined && { sessionTimeoutMs: opts.sessionTimeoutMs }),
    checkpoint: { intervalMs: checkpointMs, ...(opts.checkpointIdleMs !== undefined && { idleMs: opts.checkpointIdleMs }), flush: flushSnapshots },
    onAssignment(tps, { lost }) {
      const next = new Set(tps.filter((tp) => tp.topic === INPUT_TOPICS[0] || INPUT_TOPICS.includes(tp.topic as never)).map((tp) => tp.partition));
      // After a possible expulsion every room kept may miss what another member handled: all
      // partitions are restored again from their snapshots before their next batch.
      const keep = lost ? new Set<number>() : next;
      for (const p of restored) if (!keep.has(p)) restored.delete(p);
      const dropped = rooms.dropPartitions(keep);
      assigned = next;
      log.info({ partitions: [...next].sort((a, b) => a - b), droppedRooms: dropped, lost }, 'assignment changed');
    },
  });

  return {
    name: 'worker',
    counters,
    rooms,
    assigned: () => [...assigned].sort((a, b) => a - b),
    async start() {
      producer = await opts.kafka.producer();
      stateProducer = await opts.kafka.producer();
      const p = producer;
      const handler = createBatchHandler({
        ruleset: opts.ruleset,
        rooms,
        send: (records) => p.send(records),
        ensureRestored,
        counters,
        log: opts.log,
        workerId: opts.workerId ?? `${hostname()}-${process.pid}`,
        now: () => new Date(),
      });
      await consumer.run(handler);
      log.info({ group: opts.groupId ?? DEFAULT_WORKER_GROUP, client: opts.kafka.kind }, 'worker consuming');
    },
    async stop() {
      await consumer.stop();
      await Promise.all([producer?.close(), stateProducer?.close()]);
      producer = stateProducer = null;
    },
  };
}

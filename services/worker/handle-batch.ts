/**
 * The worker's batch handler: decode → room state → engine → alerts, in record order. Alerts
 * and DLQ records go out in one producer call; it resolves once the broker acknowledged all of
 * them. The rooms the batch changed are marked dirty in the store; the worker's checkpoint
 * writes their snapshots before the adapter commits the batch's offsets (at least once; alert
 * ids are deterministic, so a redelivery repeats ids).
 * Bad input never throws: it is parked on supervisor.dlq with its bytes and reason.
 */
import { decodeEvent, evaluate, TOPICS, type AlertEnvelope, type EventType, type Ruleset } from '../engine/index.js';
import type { OutRecord, RawRecord } from '../shared/kafka/port.js';
import type { Logger } from '../shared/log.js';
import { toDlqRecord } from './dlq.js';
import type { RoomStore } from './room-store.js';

const TOPIC_TYPE: Readonly<Record<string, EventType>> = {
  [TOPICS.room]: 'room',
  [TOPICS.transcript]: 'transcript',
  [TOPICS.price]: 'price',
  [TOPICS.order]: 'order',
};

export type WorkerCounters = {
  events: Record<string, number>;
  dlq: Record<string, number>;
  alerts: number;
  updates: number;
  batches: number;
  /** Room snapshots written to supervisor.state by checkpoints. */
  snapshots: number;
};

export const newCounters = (): WorkerCounters => ({ events: {}, dlq: {}, alerts: 0, updates: 0, batches: 0, snapshots: 0 });

export type BatchDeps = {
  ruleset(): Ruleset;
  rooms: RoomStore;
  send(records: readonly OutRecord[]): Promise<void>;
  /** Called before the first batch of a partition this worker has not restored yet. */
  ensureRestored(partition: number): Promise<void>;
  counters: WorkerCounters;
  log: Logger;
  /** Names this worker in a header of every alert record (which instance handled a room). */
  workerId: string;
  /** Wall clock for `detectedAt` (informational only; the engine never sees it). */
  now(): Date;
};

export function createBatchHandler(deps: BatchDeps) {
  const log = deps.log.child({ component: 'worker.batch' });
  return async (batch: readonly RawRecord[]): Promise<void> => {
    if (batch.length === 0) return;
    await deps.ensureRestored(batch[0]!.partition);
    const ruleset = deps.ruleset(); // one ruleset version per batch
    const out: OutRecord[] = [];
    const { counters } = deps;
    const detectedAt = deps.now().toISOString();
    const toAlertRecord = (a: AlertEnvelope, kind: 'new' | 'update'): OutRecord => ({
      topic: TOPICS.alerts,
      key: a.subject,
      value: JSON.stringify({ ...a, data: { ...a.data, detectedAt } }),
      headers: { 'alert-kind': kind, 'worker-id': deps.workerId },
    });
    for (const rec of batch) {
      const expected = TOPIC_TYPE[rec.topic];
      const decoded = decodeEvent({ value: rec.value, coords: { topic: rec.topic, partition: rec.partition, offset: Number(rec.offset) }, expectedTopicType: expected });
      if (!decoded.ok) {
        counters.dlq[decoded.code] = (counters.dlq[decoded.code] ?? 0) + 1;
        log.warn({ topic: rec.topic, partition: rec.partition, offset: rec.offset, code: decoded.code }, 'event rejected');
        out.push(toDlqRecord(rec, decoded.code, decoded.message));
        continue;
      }
      const ev = decoded.value;
      counters.events[ev.type] = (counters.events[ev.type] ?? 0) + 1;
      const result = evaluate(ev, deps.rooms.get(ev.roomId), ruleset);
      deps.rooms.set(ev.roomId, result.room, rec.partition);
      for (const a of result.alerts) out.push(toAlertRecord(a, 'new'));
      for (const a of result.updates) out.push(toAlertRecord(a, 'update'));
      counters.alerts += result.alerts.length;
      counters.updates += result.updates.length;
    }
    counters.batches++;
    await deps.send(out); // throws on a failed ack: nothing is committed and the batch comes again
  };
}

/**
 * The worker's batch handler: decode → room state → engine → alerts. Alerts and DLQ records
 * go out in one producer call; it resolves once the broker acknowledged all of them. The rooms
 * the records changed are marked dirty in the store; the worker's checkpoint writes their
 * snapshots before the adapter commits the offsets (at least once; alert ids are
 * deterministic, so a redelivery repeats ids).
 *
 * Calls for several topics of one partition (the adapters hand them out together, one per
 * topic-partition, from the same fetch) are taken together on the next turn of the event loop
 * and their records applied in event-time order (merge.ts): a price card fetched with orders
 * placed before it sees them, whichever topic came first. Each topic-partition keeps its own
 * order. Within a turn each room's events are applied one after the other (groupByKey: a room's
 * state stays in cache; the rooms are independent, so every room sees the same sequence).
 * Turns of one partition run one after the other. When the broker does not acknowledge
 * a turn's alerts, the rooms it changed are put back as they were and its calls reject: the
 * adapters hand the same records out again, and they apply once.
 * Bad input never throws: it is parked on supervisor.dlq with its bytes and reason.
 */
import { setImmediate as onNextTurn } from 'node:timers';
import { decodeEvent, evaluate, INPUT_TOPICS, TOPICS, type AlertEnvelope, type EngineEvent, type EventType, type Ruleset } from '../engine/index.js';
import type { BatchHandler, OutRecord, RawRecord } from '../shared/kafka/port.js';
import type { Logger } from '../shared/log.js';
import { toDlqRecord } from './dlq.js';
import { groupByKey } from '../shared/group.js';
import { mergeByTime } from './merge.js';
import type { RoomStore, SavedRoom } from './room-store.js';

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
  /** Records read again that the restored rooms already held (room-store.ts, covers). */
  skipped: number;
  /**
   * Wall seconds in the hot path (decode → engine → alert records), turns that were not
   * acknowledged included: the work was done. Its rate is the share of a core the engine takes.
   */
  busySeconds: number;
};

export const newCounters = (): WorkerCounters => ({ events: {}, dlq: {}, alerts: 0, updates: 0, batches: 0, snapshots: 0, skipped: 0, busySeconds: 0 });

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

type Call = { records: readonly RawRecord[]; resolve(): void; reject(err: unknown): void };
type Decoded = { event: EngineEvent; partition: number };

/** Ties in event time go by topic, in INPUT_TOPICS order (room metadata first). */
const topicRank = (topic: string): number => {
  const i = (INPUT_TOPICS as readonly string[]).indexOf(topic);
  return i === -1 ? INPUT_TOPICS.length : i;
};

export function createBatchHandler(deps: BatchDeps): BatchHandler {
  const log = deps.log.child({ component: 'worker.batch' });
  const { counters } = deps;
  // Per partition: the calls that wait for the next turn (the first one schedules it), and
  // the turn in progress (the next one starts after it has settled).
  const waiting = new Map<number, Call[]>();
  const running = new Map<number, Promise<void>>();

  /** The records of one call, decoded; rejects go to `out` as DLQ records, counted in `dlq`. */
  function decodeAll(records: readonly RawRecord[], out: OutRecord[], dlq: Record<string, number>): Decoded[] {
    const lane: Decoded[] = [];
    for (const rec of records) {
      const expected = TOPIC_TYPE[rec.topic];
      const decoded = decodeEvent({ value: rec.value, coords: { topic: rec.topic, partition: rec.partition, offset: Number(rec.offset) }, expectedTopicType: expected });
      if (!decoded.ok) {
        dlq[decoded.code] = (dlq[decoded.code] ?? 0) + 1;
        log.warn({ topic: rec.topic, partition: rec.partition, offset: rec.offset, code: decoded.code }, 'event rejected');
        out.push(toDlqRecord(rec, decoded.code, decoded.message));
        continue;
      }
      lane.push({ event: decoded.value, partition: rec.partition });
    }
    return lane;
  }

  async function handle(partition: number, calls: readonly Call[]): Promise<void> {
    await deps.ensureRestored(partition);
    const ruleset = deps.ruleset(); // one ruleset version per turn
    const out: OutRecord[] = [];
    const detectedAt = deps.now().toISOString();
    const toAlertRecord = (a: AlertEnvelope, kind: 'new' | 'update'): OutRecord => ({
      topic: TOPICS.alerts,
      key: a.subject,
      value: JSON.stringify({ ...a, data: { ...a.data, detectedAt } }),
      headers: { 'alert-kind': kind, 'worker-id': deps.workerId },
    });
    const ordered = calls.length === 1 ? calls : [...calls].sort((a, b) => topicRank(a.records[0]!.topic) - topicRank(b.records[0]!.topic));
    // This turn's counts: they join the worker's once the broker acknowledged the turn.
    const turn = newCounters();
    const started = performance.now();
    const lanes = ordered.map((c) => decodeAll(c.records, out, turn.dlq));
    const merged = lanes.length === 1 ? lanes[0]! : mergeByTime(lanes, (d) => d.event.at);
    // Each room's events one after the other, in the merged order (rooms are independent): its
    // state stays in cache between them. Alerts of different rooms leave in that order too.
    const events = groupByKey(merged, (d) => d.event.roomId);
    const saved = new Map<string, SavedRoom>();
    for (const { event: ev, partition: p } of events) {
      if (!saved.has(ev.roomId)) saved.set(ev.roomId, deps.rooms.save(ev.roomId));
      // Already in the room's restored state: its checkpoint's commit failed, so it came again.
      if (deps.rooms.covers(ev.roomId, ev.coords.topic, ev.coords.offset)) {
        turn.skipped++;
        continue;
      }
      turn.events[ev.type] = (turn.events[ev.type] ?? 0) + 1;
      const result = evaluate(ev, deps.rooms.get(ev.roomId), ruleset);
      deps.rooms.set(ev.roomId, result.room, p);
      for (const a of result.alerts) out.push(toAlertRecord(a, 'new'));
      for (const a of result.updates) out.push(toAlertRecord(a, 'update'));
      turn.alerts += result.alerts.length;
      turn.updates += result.updates.length;
    }
    counters.busySeconds += (performance.now() - started) / 1000;
    try {
      await deps.send(out);
    } catch (err) {
      // Not acknowledged: nothing is committed and the records come again, to rooms as they were.
      for (const room of saved.values()) deps.rooms.undo(room);
      throw err;
    }
    for (const [type, n] of Object.entries(turn.events)) counters.events[type] = (counters.events[type] ?? 0) + n;
    for (const [code, n] of Object.entries(turn.dlq)) counters.dlq[code] = (counters.dlq[code] ?? 0) + n;
    counters.alerts += turn.alerts;
    counters.updates += turn.updates;
    counters.skipped += turn.skipped;
    counters.batches += calls.length;
    if (turn.skipped > 0) log.info({ partition, skipped: turn.skipped }, 'records already in the restored rooms skipped');
  }

  return (records) => {
    if (records.length === 0) return Promise.resolve();
    const partition = records[0]!.partition;
    return new Promise<void>((resolve, reject) => {
      let calls = waiting.get(partition);
      if (calls === undefined) {
        const mine: Call[] = (calls = []);
        waiting.set(partition, mine);
        onNextTurn(() => {
          waiting.delete(partition);
          const before = running.get(partition) ?? Promise.resolve();
          const turn = before.then(() => handle(partition, mine));
          const settled = turn.then(
            () => mine.forEach((c) => c.resolve()),
            (err: unknown) => mine.forEach((c) => c.reject(err)),
          );
          running.set(partition, settled);
          void settled.then(() => {
            if (running.get(partition) === settled) running.delete(partition);
          });
        });
      }
      calls.push({ records, resolve, reject });
    });
  };
}

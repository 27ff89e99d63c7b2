/**
 * The gateway's cost per alert message, in process: the engine's own alerts and repeats (one
 * pass over the bench stream, in the order the worker would send them) go through what the
 * gateway does with each supervisor.alerts record — decode (JSON + schema), the SQLite store
 * (a fresh file in a temp dir, with the WAL checkpoint thread, as the gateway opens it) and the
 * WebSocket frame — in store transactions of 1 record (a live rate: a fetch holds about one
 * alert) and of 100 (a backlog, or the partitions of a fetch written together). µs per message,
 * median of `runs` runs (a fresh store each) with min and max.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeEvent, evaluate, type EventType, type RoomState, type Ruleset } from '../services/engine/index.js';
import { decodeAlertRecord } from '../services/gateway/gateway.js';
import { toFrame } from '../services/gateway/hub/hub.js';
import type { RawRecord } from '../services/shared/kafka/port.js';
import { openSqliteStore } from '../services/store/sqlite.js';
import type { IngestInput } from '../services/store/types.js';
import { roundSpread, spread, type Spread } from './stats.js';

export type StoreMsg = { value: Buffer; topic: string; partition: number; offset: number; expected: EventType };
export type StoreBatchResult = { decodeUs: Spread; ingestUs: Spread; frameUs: Spread; totalUs: Spread };
export type StoreBenchResult = { messages: number; updates: number; avgBytes: number; batches: Record<string, StoreBatchResult> };

const BATCHES = [1, 100] as const;

/** The alert records one engine pass over `msgs` sends to supervisor.alerts, in order. */
function alertRecords(msgs: readonly StoreMsg[], ruleset: Ruleset): RawRecord[] {
  const rooms = new Map<string, RoomState>();
  const out: RawRecord[] = [];
  const add = (a: unknown, kind: string) =>
    out.push({ topic: 'supervisor.alerts', partition: 0, offset: String(out.length), key: null, value: Buffer.from(JSON.stringify(a)), headers: { 'alert-kind': kind }, timestamp: 0 });
  for (const m of msgs) {
    const d = decodeEvent({ value: m.value, coords: { topic: m.topic, partition: m.partition, offset: m.offset }, expectedTopicType: m.expected });
    if (!d.ok) continue;
    const r = evaluate(d.value, rooms.get(d.value.roomId), ruleset);
    rooms.set(d.value.roomId, r.room);
    for (const a of r.alerts) add(a, 'new');
    for (const a of r.updates) add(a, 'update');
  }
  return out;
}

async function storeRun(records: readonly RawRecord[], batch: number): Promise<{ decode: number; ingest: number; frame: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'supervisor-bench-store-'));
  const store = openSqliteStore({ dataDir: dir, walCheckpointMs: 1_000 });
  let decode = 0;
  let ingest = 0;
  let frame = 0;
  let bytes = 0;
  try {
    for (let b = 0; b < records.length; b += batch) {
      const t0 = performance.now();
      const items: IngestInput[] = [];
      for (let k = b; k < Math.min(records.length, b + batch); k++) {
        const decoded = decodeAlertRecord(records[k]!);
        if (!decoded.ok) throw new Error(`bench: the engine produced an alert the gateway rejects (${decoded.reason})`);
        items.push(decoded.item);
      }
      const t1 = performance.now();
      const r = await store.ingest(items);
      const t2 = performance.now();
      for (const c of r.changes) bytes += Buffer.byteLength(toFrame(c));
      frame += performance.now() - t2;
      decode += t1 - t0;
      ingest += t2 - t1;
    }
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
  if (bytes === 0 && records.length > 0) throw new Error('bench: no frames');
  const us = (ms: number) => (1000 * ms) / records.length;
  return { decode: us(decode), ingest: us(ingest), frame: us(frame) };
}

export async function storeBench(msgs: readonly StoreMsg[], ruleset: Ruleset, opts: { runs: number; log: (s: string) => void }): Promise<StoreBenchResult> {
  // The store's WAL thread is unref'd (a gateway's server keeps the process up): so does this.
  const keepAlive = setInterval(() => undefined, 60_000);
  try {
    return await measure(msgs, ruleset, opts);
  } finally {
    clearInterval(keepAlive);
  }
}

async function measure(msgs: readonly StoreMsg[], ruleset: Ruleset, opts: { runs: number; log: (s: string) => void }): Promise<StoreBenchResult> {
  const records = alertRecords(msgs, ruleset);
  opts.log(`bench: gateway store, ${records.length.toLocaleString('en-US')} alert messages in transactions of ${BATCHES.join(' and ')}…`);
  const batches: Record<string, StoreBatchResult> = {};
  for (const batch of BATCHES) {
    await storeRun(records.slice(0, 2_000), batch); // warm-up
    const runs = [];
    for (let r = 0; r < opts.runs; r++) runs.push(await storeRun(records, batch));
    batches[String(batch)] = {
      decodeUs: roundSpread(spread(runs.map((r) => r.decode)), 1),
      ingestUs: roundSpread(spread(runs.map((r) => r.ingest)), 1),
      frameUs: roundSpread(spread(runs.map((r) => r.frame)), 1),
      totalUs: roundSpread(spread(runs.map((r) => r.decode + r.ingest + r.frame)), 1),
    };
  }
  return {
    messages: records.length,
    updates: records.filter((r) => r.headers['alert-kind'] === 'update').length,
    avgBytes: Math.round(records.reduce((a, r) => a + (r.value?.length ?? 0), 0) / Math.max(1, records.length)),
    batches,
  };
}

export function storeRows(s: StoreBenchResult): Array<[string, string]> {
  return [
    [`gateway store, µs per alert message (${s.messages.toLocaleString('en-US')} messages, ${s.updates.toLocaleString('en-US')} repeats, ${s.avgBytes} B avg)`, 'total = decode + store + frame  (min … max of total)'],
    ...Object.entries(s.batches).map(([batch, b]): [string, string] => [
      `  ${batch} per transaction`,
      `${b.totalUs.median.toFixed(1)} = ${b.decodeUs.median.toFixed(1)} + ${b.ingestUs.median.toFixed(1)} + ${b.frameUs.median.toFixed(1)}  (${b.totalUs.min.toFixed(1)} … ${b.totalUs.max.toFixed(1)})`,
    ]),
  ];
}

/**
 * memory.bytesPerRoom: the heap retained per live room, as the worker keeps it (a Map of
 * roomId → RoomState). 100,000 rooms each get the first few events of a generated room
 * (bench/generate.ts: the room event, price cards, transcript segments, orders, in that room's
 * order), with the room id made unique, through decodeEvent + evaluate. The heap is measured
 * after a full GC before and after, with the inputs already built, so the difference is the
 * room states, their Map entries and ids.
 *
 * Needs global.gc: `memoryBench()` runs this file in a child `node --expose-gc` when the current
 * process has no gc (npm run bench does not pass the flag). Env: BENCH_ROOMS, BENCH_ROOM_EVENTS.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { decodeEvent, evaluate, type RoomState, type Ruleset } from '../services/engine/index.js';
import { loadRulesFromDisk } from '../services/shared/rules-fs.js';
import { generateEvents } from './generate.js';

export type MemoryResults = {
  bytesPerRoom: number;
  rooms: number;
  eventsPerRoom: number;
  eventMix: Record<string, number>;
  retainedMiB: number;
  decodeFailures: number;
  how: string;
};

const SELF = fileURLToPath(import.meta.url);

export function measureMemory(ruleset: Ruleset, rooms: number, eventsPerRoom: number, seed: number): MemoryResults {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('measureMemory needs node --expose-gc');
  // Templates: the first events of each generated room, in that room's order.
  const byRoom = new Map<string, string[]>();
  for (const e of generateEvents(40_000, seed)) {
    const id = (JSON.parse(e) as { roomId: string }).roomId;
    let xs = byRoom.get(id);
    if (xs === undefined) byRoom.set(id, (xs = []));
    if (xs.length < eventsPerRoom) xs.push(e);
  }
  const templates = [...byRoom.entries()].filter(([, xs]) => xs.length === eventsPerRoom);
  const eventMix: Record<string, number> = {};
  let decodeFailures = 0;
  const feed = (state: Map<string, RoomState>, from: number, to: number): void => {
    for (let i = from; i < to; i++) {
      const [orig, events] = templates[i % templates.length]!;
      const roomId = `${orig}-r${i}`;
      for (let k = 0; k < events.length; k++) {
        const d = decodeEvent({ value: events[k]!.split(`"roomId":"${orig}"`).join(`"roomId":"${roomId}"`), coords: { topic: 'bench', partition: 0, offset: i * eventsPerRoom + k } });
        if (!d.ok) {
          decodeFailures++;
          continue;
        }
        if (from === 0) eventMix[d.value.type] = (eventMix[d.value.type] ?? 0) + 1;
        state.set(roomId, evaluate(d.value, state.get(roomId), ruleset).room);
      }
    }
  };
  // Warm: lazily built caches of the ruleset and the code paths are not room state.
  feed(new Map(), rooms, rooms + 2_000);
  gc();
  gc();
  const before = process.memoryUsage().heapUsed;
  const state = new Map<string, RoomState>();
  feed(state, 0, rooms);
  gc();
  gc();
  const after = process.memoryUsage().heapUsed;
  if (state.size !== rooms) throw new Error(`memory bench: ${state.size} rooms in state, expected ${rooms}`);
  return {
    bytesPerRoom: Math.round((after - before) / rooms),
    rooms,
    eventsPerRoom,
    eventMix,
    retainedMiB: Math.round(((after - before) / 2 ** 20) * 10) / 10,
    decodeFailures,
    how: 'heapUsed after gc, before and after feeding every room its events through decodeEvent + evaluate, kept in a Map<roomId, RoomState>',
  };
}

/** Runs the measurement in a child process with --expose-gc; returns its results. */
export function memoryBench(opts: { rooms?: number; eventsPerRoom?: number; seed: number }): MemoryResults {
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', SELF], {
    env: { ...process.env, BENCH_ROOMS: String(opts.rooms ?? 100_000), BENCH_ROOM_EVENTS: String(opts.eventsPerRoom ?? 6), BENCH_SEED: String(opts.seed) },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out) as MemoryResults;
}

if (process.argv[1] === SELF) {
  const loaded = loadRulesFromDisk();
  if (!loaded.ok) {
    for (const p of loaded.problems) process.stderr.write(`${p.file}:${p.line}: ${p.message}\n`);
    process.exit(2);
  }
  const num = (k: string, d: number): number => Number(process.env[k] ?? d);
  process.stdout.write(`${JSON.stringify(measureMemory(loaded.ruleset, num('BENCH_ROOMS', 100_000), num('BENCH_ROOM_EVENTS', 6), num('BENCH_SEED', 20261126)))}\n`);
}

/**
 * memory.bytesPerRoom: the heap retained per live room, as the worker keeps it (a Map of
 * roomId → RoomState). 100,000 rooms each get the first few events of a generated room
 * (bench/generate.ts: the room event, price cards, transcript segments, orders, in that room's
 * order), with the room id made unique, through decodeEvent + evaluate. The heap is measured
 * after a full GC before and after, with the inputs already built, so the difference is the
 * room states, their Map entries and ids.
 *
 * That is a young room. `aged` measures rooms that have gone on: the first BENCH_AGED_EVENTS events
 * of the bench stream (its 5,000 rooms, over several sessions each) through the same path, then
 * the heap the rooms retain and the size of their snapshots (the JSON a checkpoint writes).
 * Per-product rule states, the transcript window, cards, orders and open alerts fill up as a
 * session goes on, within the rules' windows and caps.
 *
 * `venue` measures what a busy venue's order history costs: rooms whose skus each hold as many
 * orders as a room keeps (MAX_ORDERS_PER_SKU), fed as order events through the same path.
 *
 * Needs global.gc: `memoryBench()` runs this file in a child `node --expose-gc` when the current
 * process has no gc (npm run bench does not pass the flag). Env: BENCH_ROOMS, BENCH_ROOM_EVENTS,
 * BENCH_AGED_EVENTS (0 = no aged measurement), BENCH_VENUE_ROOMS (0 = no venue measurement).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { decodeEvent, evaluate, type RoomState, type Ruleset } from '../services/engine/index.js';
import { MAX_ORDERS_PER_SKU } from '../services/engine/state/room.js';
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
  /** Rooms that have gone on for a while (absent when BENCH_AGED_EVENTS=0). */
  aged?: AgedMemory;
  /** Rooms of a busy venue, every sku's order history full (absent when BENCH_VENUE_ROOMS=0). */
  venue?: VenueMemory;
};

export type VenueMemory = {
  rooms: number;
  skusPerRoom: number;
  ordersPerSku: number;
  bytesPerRoom: number;
  /** bytesPerRoom ÷ the orders a room holds. */
  bytesPerOrder: number;
  how: string;
};

export type AgedMemory = {
  events: number;
  rooms: number;
  eventsPerRoom: number;
  /** Median over the rooms of the events (orders aside) in the room's current session so far. */
  medianSessionEvents: number;
  bytesPerRoom: number;
  /** JSON characters of a room's snapshot (what a checkpoint writes to supervisor.state). */
  snapshotCharsPerRoom: number;
  how: string;
};

const SELF = fileURLToPath(import.meta.url);

/** Fills `state` with rooms number `from` to `to` - 1. */
type Feed = (state: Map<string, RoomState>, from: number, to: number) => void;

/** global.gc, or a clear error naming the measurement that needs it. */
function gcFor(what: string): () => void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error(`${what} needs node --expose-gc`);
  return gc;
}

/**
 * Heap bytes that rooms 0 … rooms - 1 retain once fed, after a full GC before and after. `warm`
 * other rooms are fed first: lazily built caches of the ruleset and the code paths are not room state.
 */
function retainedBy(what: string, feed: Feed, rooms: number, warm: number): number {
  const gc = gcFor(what);
  feed(new Map(), rooms, rooms + warm);
  gc();
  gc();
  const before = process.memoryUsage().heapUsed;
  const state = new Map<string, RoomState>();
  feed(state, 0, rooms);
  gc();
  gc();
  const after = process.memoryUsage().heapUsed;
  if (state.size !== rooms) throw new Error(`${what}: ${state.size} rooms in state, expected ${rooms}`);
  return after - before;
}

export function measureMemory(ruleset: Ruleset, rooms: number, eventsPerRoom: number, seed: number): MemoryResults {
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
  const feed: Feed = (state, from, to) => {
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
  const retained = retainedBy('memory bench', feed, rooms, 2_000);
  return {
    bytesPerRoom: Math.round(retained / rooms),
    rooms,
    eventsPerRoom,
    eventMix,
    retainedMiB: Math.round((retained / 2 ** 20) * 10) / 10,
    decodeFailures,
    how: 'heapUsed after gc, before and after feeding every room its events through decodeEvent + evaluate, kept in a Map<roomId, RoomState>',
  };
}

export function measureAgedMemory(ruleset: Ruleset, events: number, seed: number): AgedMemory {
  const gc = gcFor('measureAgedMemory');
  // The rooms live only inside build(): once it returned, nothing can hold them.
  const build = () => {
    const lines = generateEvents(events, seed);
    const state = new Map<string, RoomState>();
    const session = new Map<string, { id: string; events: number }>();
    for (let i = 0; i < lines.length; i++) {
      const d = decodeEvent({ value: lines[i]!, coords: { topic: 'bench', partition: 0, offset: i } });
      if (!d.ok) continue;
      const e = d.value;
      state.set(e.roomId, evaluate(e, state.get(e.roomId), ruleset).room);
      if (e.type === 'order') continue; // orders carry the session they were placed in
      const s = session.get(e.roomId);
      if (s === undefined || s.id !== e.sessionId) session.set(e.roomId, { id: e.sessionId, events: 1 });
      else s.events++;
    }
    lines.length = 0;
    let chars = 0;
    for (const r of state.values()) chars += JSON.stringify(r).length;
    const inSession = [...session.values()].map((s) => s.events).sort((a, b) => a - b);
    gc();
    gc();
    return { rooms: state.size, chars, withRooms: process.memoryUsage().heapUsed, sessionEvents: inSession[inSession.length >> 1]! };
  };
  const b = build();
  gc();
  gc();
  const without = process.memoryUsage().heapUsed;
  return {
    events,
    rooms: b.rooms,
    eventsPerRoom: Math.round(events / b.rooms),
    medianSessionEvents: b.sessionEvents,
    bytesPerRoom: Math.round((b.withRooms - without) / b.rooms),
    snapshotCharsPerRoom: Math.round(b.chars / b.rooms),
    how: 'heapUsed after gc with the rooms kept in a Map<roomId, RoomState>, less heapUsed after gc once they are gone; the first events of the bench stream',
  };
}

export function measureVenueMemory(ruleset: Ruleset, rooms: number, skus: number): VenueMemory {
  const perSku = MAX_ORDERS_PER_SKU;
  const t0 = Date.parse('2026-11-01T00:00:00+08:00');
  const feed: Feed = (state, from, to) => {
    let offset = 0;
    for (let r = from; r < to; r++) {
      const roomId = `room-venue-${r}`;
      // One order a minute, the skus in turn: prices move a little, as paid prices do.
      for (let k = 0; k < skus * perSku; k++) {
        const ts = new Date(t0 + k * 60_000).toISOString();
        const value = JSON.stringify({ type: 'order', roomId, sessionId: 'sess-venue', ts, sku: `V${r}-SKU-${k % skus}`, paidPrice: 99 + ((k * 7) % 13) / 10 });
        const d = decodeEvent({ value, coords: { topic: 'bench', partition: 0, offset: offset++ } });
        if (!d.ok) throw new Error(`venue bench: ${d.message}`);
        state.set(roomId, evaluate(d.value, state.get(roomId), ruleset).room);
      }
    }
  };
  const bytesPerRoom = Math.round(retainedBy('venue memory bench', feed, rooms, 2) / rooms);
  return {
    rooms,
    skusPerRoom: skus,
    ordersPerSku: perSku,
    bytesPerRoom,
    bytesPerOrder: Math.round((bytesPerRoom / (skus * perSku)) * 10) / 10,
    how: 'heapUsed after gc, before and after feeding each room skusPerRoom × ordersPerSku order events (one a minute) through decodeEvent + evaluate',
  };
}

/** Runs the measurement in a child process with --expose-gc; returns its results. */
export function memoryBench(opts: { rooms?: number; eventsPerRoom?: number; agedEvents?: number; venueRooms?: number; seed: number }): MemoryResults {
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', SELF], {
    env: { ...process.env, BENCH_ROOMS: String(opts.rooms ?? 100_000), BENCH_ROOM_EVENTS: String(opts.eventsPerRoom ?? 6), BENCH_AGED_EVENTS: String(opts.agedEvents ?? 0), BENCH_VENUE_ROOMS: String(opts.venueRooms ?? 0), BENCH_SEED: String(opts.seed) },
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
  const young = measureMemory(loaded.ruleset, num('BENCH_ROOMS', 100_000), num('BENCH_ROOM_EVENTS', 6), num('BENCH_SEED', 20261126));
  const agedEvents = num('BENCH_AGED_EVENTS', 0);
  const venueRooms = num('BENCH_VENUE_ROOMS', 0);
  const out: MemoryResults = {
    ...young,
    ...(agedEvents > 0 && { aged: measureAgedMemory(loaded.ruleset, agedEvents, num('BENCH_SEED', 20261126)) }),
    ...(venueRooms > 0 && { venue: measureVenueMemory(loaded.ruleset, venueRooms, 10) }),
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

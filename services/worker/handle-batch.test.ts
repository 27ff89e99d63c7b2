import { pino } from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRuleset, TOPICS, type Ruleset } from '../engine/index.js';
import type { OutRecord, RawRecord } from '../shared/kafka/port.js';
import { readSources } from '../shared/rules-fs.js';
import { createBatchHandler, newCounters } from './handle-batch.js';
import { createRoomStore } from './room-store.js';

const ROOM = 'r-merge';
const at = (minutes: number) => new Date(Date.parse('2026-11-26T20:00:00+08:00') + minutes * 60_000).toISOString();
let offset = 0;
const rec = (topic: string, event: object): RawRecord => ({
  topic,
  partition: 3,
  offset: String(offset++),
  key: Buffer.from(ROOM),
  value: Buffer.from(JSON.stringify(event)),
  timestamp: 0,
  headers: {},
});
const order = (minutes: number, paidPrice: number) => rec(TOPICS.order, { type: 'order', roomId: ROOM, sessionId: 'old', ts: at(minutes), sku: 'S9', paidPrice });
const card = (minutes: number) =>
  rec(TOPICS.price, { type: 'price', roomId: ROOM, sessionId: 's1', ts: at(minutes), sku: 'S9', productName: '保湿精华液', listedPrice: 149, originalPrice: 269, livePrice: 149, currency: 'CNY' });
const claim = (minutes: number) => rec(TOPICS.transcript, { type: 'transcript', roomId: ROOM, sessionId: 's1', ts: at(minutes), text: '全网最低价，没有比这更低的了', speaker: 'anchor' });

let ruleset: Ruleset;
beforeAll(() => {
  const sources = readSources();
  const loaded = loadRuleset({ rules: sources.rules, seeds: sources.seeds });
  if (!loaded.ok) throw new Error('the ruleset does not load');
  ruleset = loaded.ruleset;
});

/** A handler over a real room store and ruleset; `send` is the test's. */
function setup(send: (records: readonly OutRecord[]) => Promise<void>) {
  const rooms = createRoomStore({ maxRooms: 100 });
  const counters = newCounters();
  const handler = createBatchHandler({
    ruleset: () => ruleset,
    rooms,
    send,
    ensureRestored: async () => {},
    counters,
    log: pino({ level: 'silent' }),
    workerId: 'test',
    now: () => new Date('2026-11-26T12:00:00Z'),
  });
  return { handler, rooms, counters };
}

const alertsOf = (sent: OutRecord[], ruleId: string) =>
  sent.filter((r) => r.topic === TOPICS.alerts).map((r) => ({ kind: r.headers?.['alert-kind'], alert: JSON.parse(String(r.value)) })).filter((a) => a.alert.data.ruleId === ruleId);

describe('the worker batch handler', () => {
  it('applies the calls of one partition handed out in the same turn in event-time order: the card sees the older orders', async () => {
    const sent: OutRecord[] = [];
    const { handler } = setup(async (records) => void sent.push(...records));
    // The card's topic first, as a fetch may hand it out: the orders were placed days before it.
    await Promise.all([handler([card(1)]), handler([order(-5 * 24 * 60, 109), order(-4 * 24 * 60, 139)])]);
    const [found] = alertsOf(sent, 'PRICE.ORIGINAL_PRICE_ABOVE_7DAY_MIN');
    expect(found?.alert.data.evidence.values.basis).toBe(109);

    // The same records in two turns, the card first: its check runs before the orders are in.
    const late: OutRecord[] = [];
    const other = setup(async (records) => void late.push(...records));
    await other.handler([card(1)]);
    await other.handler([order(-5 * 24 * 60, 109), order(-4 * 24 * 60, 139)]);
    expect(alertsOf(late, 'PRICE.ORIGINAL_PRICE_ABOVE_7DAY_MIN')).toEqual([]);
  });

  it('a turn the broker did not acknowledge leaves the rooms as they were: the records handed out again apply once', async () => {
    let fail = false;
    const sent: OutRecord[] = [];
    const { handler, rooms, counters } = setup(async (records) => {
      if (fail) throw new Error('not acknowledged');
      sent.push(...records);
    });
    await handler([order(-4 * 24 * 60, 139)]);
    const before = rooms.get(ROOM);
    const batch = [claim(0), card(1)];
    fail = true;
    await expect(handler([batch[0]!])).rejects.toThrow('not acknowledged');
    expect(rooms.get(ROOM)).toBe(before);                 // the very same state object
    fail = false;
    await handler([batch[0]!]);                            // the adapter hands the records out again
    await handler([batch[1]!]);
    const absolute = alertsOf(sent, 'AD.ABSOLUTE_TERMS');
    expect(absolute.map((a) => [a.kind, a.alert.data.occurrences])).toEqual([['new', 1]]);
    expect(counters.events).toEqual({ order: 1, transcript: 1, price: 1 });   // the failed turn is not counted

    // The rooms are what one delivery of each record gives.
    const once = setup(async () => {});
    await once.handler([order(-4 * 24 * 60, 139)]);
    await once.handler([batch[0]!]);
    await once.handler([batch[1]!]);
    expect(rooms.get(ROOM)).toEqual(once.rooms.get(ROOM));
  });

  it('undoes a room the failed turn created, and keeps its dirty mark as it was', async () => {
    const { handler, rooms } = setup(async () => {
      throw new Error('not acknowledged');
    });
    await expect(handler([claim(0)])).rejects.toThrow();
    expect(rooms.get(ROOM)).toBeUndefined();
    expect(rooms.takeDirty()).toEqual([]);
  });

  it('skips the records a restored room already holds (its checkpoint\'s commit failed) and applies the rest once', async () => {
    // The first worker: an order and a claim, then a checkpoint wrote the room; its commit failed.
    const first = setup(async () => {});
    const o = order(-4 * 24 * 60, 139);
    const c = claim(0);
    await first.handler([o]);
    await first.handler([c]);
    const snapshot = JSON.parse(JSON.stringify(first.rooms.get(ROOM)));
    const covers = { [TOPICS.order]: Number(o.offset) + 1, [TOPICS.transcript]: Number(c.offset) + 1 };

    // Its successor restores the snapshot and reads both records again from the old commit, then a card.
    const sent: OutRecord[] = [];
    const next = setup(async (records) => void sent.push(...records));
    next.rooms.restore(ROOM, snapshot, 3, covers);
    await Promise.all([next.handler([o]), next.handler([c])]);
    expect(next.counters.skipped).toBe(2);
    expect(sent).toEqual([]);                              // their alerts went out the first time
    const k = card(1);
    await next.handler([k]);
    const again = setup(async () => {});                   // one delivery of each record
    for (const r of [o, c, k]) await again.handler([r]);
    expect(next.rooms.get(ROOM)).toEqual(again.rooms.get(ROOM));
  });

  it('runs the turns of one partition one after the other: the next waits until the broker answered the last', async () => {
    let release!: () => void;
    const acks: number[] = [];
    const { handler, rooms, counters } = setup(async (records) => {
      if (acks.length === 0) await new Promise<void>((r) => (release = r));
      acks.push(records.length);
    });
    const first = handler([order(-4 * 24 * 60, 139)]);
    await new Promise((r) => setTimeout(r, 10));
    const second = handler([claim(0)]);
    await new Promise((r) => setTimeout(r, 10));
    expect(rooms.get(ROOM)?.orders['S9']).toBeDefined(); // the first turn was applied…
    expect(rooms.get(ROOM)?.recent).toEqual([]);          // …and the claim waits for its answer
    expect(counters.events).toEqual({});                  // counted once acknowledged
    release();
    await Promise.all([first, second]);
    expect(rooms.get(ROOM)?.recent).toHaveLength(1);
    expect(counters.events).toEqual({ order: 1, transcript: 1 });
  });

  it('counts the wall time of its hot path, for turns the broker refused too', async () => {
    let refuse = false;
    const { handler, counters } = setup(async () => {
      if (refuse) throw new Error('not acknowledged');
    });
    expect(counters.busySeconds).toBe(0);
    await handler([card(1), claim(2), claim(3)]);
    const first = counters.busySeconds;
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(5); // seconds, not milliseconds
    refuse = true;
    await expect(handler([claim(4)])).rejects.toThrow('not acknowledged');
    expect(counters.busySeconds).toBeGreaterThan(first);
    expect(counters.events).toEqual({ price: 1, transcript: 2 }); // the refused turn's event is not counted as handled
  });
  it("applies a turn's events room by room: each room ends as one record per turn leaves it, and its alerts come in its own order", async () => {
    // Two rooms' transcripts and cards interleaved in one call (a backlog), against the same
    // records handed out one per turn (arrival order).
    const mine = (room: string, minutes: number, event: object, topic: string): RawRecord => ({ ...rec(topic, { ...event, roomId: room, ts: at(minutes) }), key: Buffer.from(room) });
    const records: RawRecord[] = [];
    for (let m = 0; m < 6; m++) {
      for (const room of ['r-a', 'r-b']) {
        records.push(mine(room, m, { type: 'transcript', sessionId: 's1', text: m % 2 === 0 ? '全网最低价，没有比这更低的了' : '家人们这款精华液到手价一百零九', speaker: 'anchor' }, TOPICS.transcript));
      }
    }
    const together: OutRecord[] = [];
    const a = setup(async (r) => void together.push(...r));
    await a.handler(records);
    const oneByOne: OutRecord[] = [];
    const b = setup(async (r) => void oneByOne.push(...r));
    for (const r of records) await b.handler([r]);
    for (const room of ['r-a', 'r-b']) expect(a.rooms.get(room)).toEqual(b.rooms.get(room));
    const byRoom = (sent: OutRecord[], room: string) => sent.filter((r) => r.topic === TOPICS.alerts && String(r.key) === room).map((r) => String(r.value));
    expect(byRoom(together, 'r-a').length).toBeGreaterThan(0);
    for (const room of ['r-a', 'r-b']) expect(byRoom(together, room)).toEqual(byRoom(oneByOne, room));
    // Room by room: every alert of r-a (the first room seen) before any of r-b.
    const keys = together.filter((r) => r.topic === TOPICS.alerts).map((r) => String(r.key));
    expect(keys).toEqual([...keys].sort());
  });
});

import { describe, expect, it } from 'vitest';
import { decodeEvent } from '../engine/index.js';
import { toRecord } from './feed.js';

type Line = Parameters<typeof toRecord>[0];
const HOUR = 3600_000;

/** A file line as feed.ts reads it: parsed when it is JSON, with its ts in epoch ms. */
function lineOf(text: string): Line {
  try {
    const raw = JSON.parse(text) as Record<string, unknown>;
    return { raw, text, at: typeof raw?.ts === 'string' ? Date.parse(raw.ts) : Number.NaN };
  } catch {
    return { raw: null, text, at: Number.NaN };
  }
}

const TS = '2026-11-26T20:00:00+08:00';
const AT = Date.parse(TS);
const events = {
  transcript: { type: 'transcript', roomId: 'room-dy-1001', sessionId: 'sess-1', ts: TS, text: '全网最低价' },
  price: { type: 'price', roomId: 'room-dy-1001', sessionId: 'sess-1', ts: TS, sku: 'S1', productName: '锅', listedPrice: 119, currency: 'CNY' },
  order: { type: 'order', roomId: 'room-dy-1001', sessionId: 'old-1', ts: TS, sku: 'S1', paidPrice: 99 },
  room: { type: 'room', roomId: 'room-dy-1001', sessionId: 'sess-1', ts: TS, platform: 'douyin', streamerId: 'x', anchorType: 'human' },
};

describe('toRecord: round 0 is the file as written', () => {
  it.each([
    ['transcript', 'live.transcript'],
    ['price', 'live.price'],
    ['order', 'live.order'],
    ['room', 'live.room'],
  ] as const)('a %s line goes to %s, keyed by roomId, byte for byte', (type, topic) => {
    // Odd spacing and key order must survive: round 0 sends the line itself, not a re-serialisation.
    const text = JSON.stringify(events[type], null, 1).replace(/\n/g, ' ');
    expect(toRecord(lineOf(text), 0, HOUR)).toEqual({ topic, key: 'room-dy-1001', value: text });
  });

  it('an unknown type goes to live.transcript (the worker parks it on the DLQ)', () => {
    const text = JSON.stringify({ ...events.transcript, type: 'chat' });
    expect(toRecord(lineOf(text), 0, HOUR)).toEqual({ topic: 'live.transcript', key: 'room-dy-1001', value: text });
  });

  it('no string roomId: no key', () => {
    const text = JSON.stringify({ ...events.order, roomId: 7 });
    expect(toRecord(lineOf(text), 0, HOUR)).toMatchObject({ topic: 'live.order', key: null, value: text });
  });

  // Regression (found by these tests, fixed): the topic is looked up with `type in EVENT_TYPE_TOPIC`, which also finds inherited Object.prototype keys. A line with "type":"toString" (or "constructor", "__proto__") gets topic = Object.prototype.toString (a function), not a topic name, and producer.send fails for the whole batch.
  it.each(['toString', 'constructor', '__proto__'])('an Object.prototype key (%s) as the type is not a topic', (type) => {
    const text = `{"type":${JSON.stringify(type)},"roomId":"room-dy-1001"}`;
    expect(toRecord(lineOf(text), 0, HOUR).topic).toBe('live.transcript');
  });
});

describe('toRecord: round N is a fresh session later in time', () => {
  it.each([1, 2, 5])('round %i shifts ts by N × shift and suffixes the sessionId', (round) => {
    const shift = 2 * HOUR;
    const rec = toRecord(lineOf(JSON.stringify(events.transcript)), round, shift);
    expect(rec.topic).toBe('live.transcript');
    expect(rec.key).toBe('room-dy-1001');
    const out = JSON.parse(String(rec.value)) as Record<string, unknown>;
    expect(out.sessionId).toBe(`sess-1~r${round}`);
    expect(Date.parse(String(out.ts))).toBe(AT + round * shift);
    expect(String(out.ts)).toMatch(/\+08:00$/);
    expect(out).toMatchObject({ type: 'transcript', roomId: 'room-dy-1001', text: '全网最低价' });
  });

  it('the suffix is added to the original id, not stacked across rounds', () => {
    const line = lineOf(JSON.stringify(events.price));
    const r3 = JSON.parse(String(toRecord(line, 3, HOUR).value)) as { sessionId: string };
    expect(r3.sessionId).toBe('sess-1~r3');
  });

  it('the shifted event still decodes, at the shifted time', () => {
    for (const [type, ev] of Object.entries(events)) {
      const rec = toRecord(lineOf(JSON.stringify(ev)), 1, 3 * HOUR);
      const d = decodeEvent({ value: String(rec.value), coords: { topic: rec.topic, partition: 0, offset: 0 } });
      expect(d.ok, type).toBe(true);
      if (d.ok) expect(d.value.at, type).toBe(AT + 3 * HOUR);
    }
  });

  it('shifts a ts written in another offset and keeps the instant right', () => {
    const ev = { ...events.order, ts: '2026-11-26T12:00:00Z' };
    const out = JSON.parse(String(toRecord(lineOf(JSON.stringify(ev)), 1, HOUR).value)) as { ts: string };
    expect(out.ts).toBe('2026-11-26T21:00:00.000+08:00');
  });

  it('leaves a line without ts or sessionId as it is in those fields', () => {
    const ev = { type: 'transcript', roomId: 'r', text: 'x' };
    const out = JSON.parse(String(toRecord(lineOf(JSON.stringify(ev)), 2, HOUR).value)) as Record<string, unknown>;
    expect(out).toEqual(ev);
  });

  it('a ts that does not parse is kept unchanged', () => {
    const ev = { ...events.transcript, ts: 'yesterday' };
    const out = JSON.parse(String(toRecord(lineOf(JSON.stringify(ev)), 1, HOUR).value)) as Record<string, unknown>;
    expect(out.ts).toBe('yesterday');
    expect(out.sessionId).toBe('sess-1~r1');
  });
});

describe('toRecord: lines that are not events go out as they are', () => {
  it.each(['not json at all', '{"type":"transcript",', ''])('non-JSON %j → live.transcript, no key, the text itself, in every round', (text) => {
    for (const round of [0, 1, 4]) expect(toRecord(lineOf(text), round, HOUR)).toEqual({ topic: 'live.transcript', key: null, value: text });
  });

  it('JSON null goes out as is', () => {
    expect(toRecord(lineOf('null'), 2, HOUR)).toEqual({ topic: 'live.transcript', key: null, value: 'null' });
  });

  // Regression (found by these tests, fixed): JSON that is not an object (42, "text", [1,2]) is spread into an object from round 1 on: '42' goes out as '{}' and '[1,2]' as '{"0":1,"1":2}'. A feed's deliberate bad input changes meaning in looped rounds (DECODE_NOT_OBJECT becomes DECODE_UNKNOWN_TYPE).
  it.each(['42', '"全网最低价"', '[1,2]'])('non-object JSON %s goes out unchanged in later rounds', (text) => {
    expect(toRecord(lineOf(text), 0, HOUR).value).toBe(text);
    expect(toRecord(lineOf(text), 1, HOUR).value).toBe(text);
  });
});

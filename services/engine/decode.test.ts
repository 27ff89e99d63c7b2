import { describe, expect, it } from 'vitest';
import type { Coordinates } from './contracts/events.js';
import { decodeEvent, MAX_EVENT_BYTES, parseIsoTime, type DecodeError, type DecodeInput } from './decode.js';

const coords: Coordinates = { topic: 'live.transcript', partition: 3, offset: 1234 };
const TS = '2026-11-26T20:00:00+08:00';
const AT = Date.UTC(2026, 10, 26, 12, 0, 0); // 20:00 in UTC+8

const base = { roomId: 'room-1', sessionId: 'sess-1', ts: TS };
const transcript = { type: 'transcript', ...base, text: '全网最低价' };
const price = { type: 'price', ...base, sku: 'S1', productName: '玻尿酸精华液', listedPrice: 159, currency: 'CNY' };
const order = { type: 'order', ...base, sku: 'S1', paidPrice: 129 };
const room = { type: 'room', ...base, platform: 'douyin', streamerId: 'st-1', anchorType: 'digital-human' };

const decode = (value: DecodeInput['value'], extra: Partial<DecodeInput> = {}) => decodeEvent({ value, coords, ...extra });
const decodeObj = (obj: unknown, extra: Partial<DecodeInput> = {}) => decode(Buffer.from(JSON.stringify(obj)), extra);

function codeOf(r: ReturnType<typeof decodeEvent>): DecodeError | 'ok' {
  return r.ok ? 'ok' : r.code;
}

function value<T>(r: ReturnType<typeof decodeEvent>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.code}: ${r.message}`);
  return r.value as T;
}

describe('decodeEvent: rejections', () => {
  it.each([
    ['null', null],
    ['an empty string', ''],
    ['an empty buffer', Buffer.alloc(0)],
  ])('DECODE_EMPTY for %s', (_name, v) => {
    expect(codeOf(decode(v))).toBe('DECODE_EMPTY');
  });

  it('DECODE_SIZE over the byte cap, and exactly at the cap is accepted', () => {
    const json = JSON.stringify(transcript);
    const atCap = Buffer.from(json + ' '.repeat(MAX_EVENT_BYTES - Buffer.byteLength(json)));
    expect(atCap.length).toBe(MAX_EVENT_BYTES);
    expect(codeOf(decode(atCap))).toBe('ok');
    const over = Buffer.concat([atCap, Buffer.from(' ')]);
    const r = decode(over);
    expect(codeOf(r)).toBe('DECODE_SIZE');
    expect(r.ok ? '' : r.message).toContain(String(MAX_EVENT_BYTES));
  });

  // Regression (found by these tests, fixed): for a string value the cap counts UTF-16 code units, not bytes. `supervisor scan` passes each line as a string while the worker passes Buffers, so a line of 30,000 CJK characters (90,000 UTF-8 bytes) is DECODE_SIZE in the worker but accepted by scan: scan no longer reproduces the worker.
  it('DECODE_SIZE counts UTF-8 bytes for a string value too (scan and worker agree)', () => {
    const json = JSON.stringify({ ...transcript, note: '价'.repeat(30_000) });
    expect(json.length).toBeLessThan(MAX_EVENT_BYTES);
    expect(Buffer.byteLength(json)).toBeGreaterThan(MAX_EVENT_BYTES);
    expect(codeOf(decode(Buffer.from(json)))).toBe('DECODE_SIZE');
    expect(codeOf(decode(json))).toBe('DECODE_SIZE');
  });

  it.each(['{', '{"type":"transcript",}', 'not json', "{'type':'order'}", '\u00ff\u00fe'])('DECODE_NOT_JSON for %j', (v) => {
    expect(codeOf(decode(v))).toBe('DECODE_NOT_JSON');
  });

  it.each(['null', '[]', '[{"type":"order"}]', '42', '"transcript"', 'true'])('DECODE_NOT_OBJECT for %s', (v) => {
    expect(codeOf(decode(v))).toBe('DECODE_NOT_OBJECT');
  });

  it.each([
    ['no type', { ...base, text: 'x' }],
    ['an unknown type', { ...transcript, type: 'chat' }],
    ['a numeric type', { ...transcript, type: 1 }],
    ['a type that is an Object.prototype key', { ...transcript, type: 'constructor' }],
    ['a type in another case', { ...transcript, type: 'Transcript' }],
  ])('DECODE_UNKNOWN_TYPE for %s', (_name, obj) => {
    expect(codeOf(decodeObj(obj))).toBe('DECODE_UNKNOWN_TYPE');
  });

  it.each([
    ['transcript without text', (({ text: _t, ...rest }) => rest)(transcript)],
    ['transcript without roomId', (({ roomId: _r, ...rest }) => rest)(transcript)],
    ['transcript without ts', (({ ts: _t, ...rest }) => rest)(transcript)],
    ['order without paidPrice', (({ paidPrice: _p, ...rest }) => rest)(order)],
    ['price without currency', (({ currency: _c, ...rest }) => rest)(price)],
    ['room without anchorType', (({ anchorType: _a, ...rest }) => rest)(room)],
  ])('DECODE_SHAPE for a missing field: %s', (_name, obj) => {
    expect(codeOf(decodeObj(obj))).toBe('DECODE_SHAPE');
  });

  it.each([
    ['a price as a string', { ...price, listedPrice: '159' }],
    ['a negative price', { ...order, paidPrice: -1 }],
    ['a currency other than CNY', { ...price, currency: 'USD' }],
    ['an empty roomId', { ...transcript, roomId: '' }],
    ['a numeric sessionId', { ...transcript, sessionId: 7 }],
    ['an unknown anchorType', { ...room, anchorType: 'robot' }],
    ['a fractional stock', { ...price, stock: 1.5 }],
    ['text over 4000 characters', { ...transcript, text: 'a'.repeat(4001) }],
    ['a ts too short to be a time', { ...transcript, ts: '2026' }],
  ])('DECODE_SHAPE for an invalid field: %s', (_name, obj) => {
    const r = decodeObj(obj);
    expect(codeOf(r)).toBe('DECODE_SHAPE');
    expect(r.ok ? '' : r.message.length).toBeGreaterThan(0);
  });

  it('DECODE_SHAPE names the offending field', () => {
    const r = decodeObj({ ...price, listedPrice: 'cheap' });
    expect(r.ok ? '' : r.message).toContain('listedPrice');
  });

  it.each([
    ['no offset', '2026-11-26T20:00:00'],
    ['not a date', 'the evening of the 26th'],
    ['month 13', '2026-13-01T20:00:00+08:00'],
    ['hour 25', '2026-11-26T25:00:00+08:00'],
  ])('DECODE_BAD_TIME for %s', (_name, ts) => {
    expect(codeOf(decodeObj({ ...transcript, ts }))).toBe('DECODE_BAD_TIME');
  });

  // Regression (found by these tests, fixed): the check is Date.parse plus "ends in an offset", and V8's Date.parse is lenient: it rolls 30 February over to 2 March and accepts non-ISO forms (RFC 2822, slashes). contracts/events.ts and the error text say ts must be ISO-8601.
  it.each([
    ['a day that does not exist', '2026-02-30T20:00:00+08:00'],
    ['an RFC 2822 date', 'Thu, 26 Nov 2026 20:00:00 +0800'],
    ['a date with slashes', '2026/11/26 20:00:00 +08:00'],
  ])('DECODE_BAD_TIME for %s (not ISO-8601)', (_name, ts) => {
    expect(codeOf(decodeObj({ ...transcript, ts }))).toBe('DECODE_BAD_TIME');
  });

  it('DECODE_WRONG_TOPIC when the type does not belong on the topic', () => {
    expect(codeOf(decodeObj(transcript, { expectedTopicType: 'price' }))).toBe('DECODE_WRONG_TOPIC');
    expect(codeOf(decodeObj(order, { expectedTopicType: 'room' }))).toBe('DECODE_WRONG_TOPIC');
    expect(codeOf(decodeObj(order, { expectedTopicType: 'order' }))).toBe('ok');
    expect(codeOf(decodeObj(order, { expectedTopicType: undefined }))).toBe('ok');
  });

  it('every failure carries a message', () => {
    for (const v of [null, 'x'.repeat(MAX_EVENT_BYTES + 1), '{', '[]', '{"type":"x"}', JSON.stringify({ ...order, paidPrice: 'x' })]) {
      const r = decode(v);
      expect(r.ok).toBe(false);
      expect(r.ok ? '' : r.message).not.toBe('');
    }
  });
});

describe('decodeEvent: yuan → fen', () => {
  it.each([
    [19.9, 1990],
    [0.1 + 0.2, 30], // 0.30000000000000004 on the wire
    [0.29, 29], // 0.29 * 100 = 28.999999999999996
    [1.15, 115], // 114.99999999999999
    [4.35, 435], // 434.99999999999994
    [1.13, 113],
    [159, 15_900],
    [0, 0],
    [99_999_999.99, 9_999_999_999],
  ])('paidPrice %s yuan → %s fen', (yuan, fen) => {
    const ev = value<{ paidFen: number }>(decodeObj({ ...order, paidPrice: yuan }));
    expect(ev.paidFen).toBe(fen);
    expect(Number.isInteger(ev.paidFen)).toBe(true);
  });

  it('converts every price field once; absent optional prices become null', () => {
    const full = value<Record<string, unknown>>(decodeObj({ ...price, listedPrice: 159.9, originalPrice: 299, livePrice: 19.9, checkoutPrice: 0.3, stock: 12, brand: 'X' }));
    expect(full).toMatchObject({ listedFen: 15_990, originalFen: 29_900, liveFen: 1990, checkoutFen: 30, stock: 12, brand: 'X' });
    const bare = value<Record<string, unknown>>(decodeObj(price));
    expect(bare).toMatchObject({ listedFen: 15_900, originalFen: null, liveFen: null, checkoutFen: null, stock: null, brand: null });
    expect(bare).not.toHaveProperty('listedPrice');
  });
});

describe('decodeEvent: ISO time → epoch ms', () => {
  it.each([
    ['+08:00', TS, AT],
    ['Z', '2026-11-26T12:00:00Z', AT],
    ['+0800', '2026-11-26T20:00:00+0800', AT],
    ['+08:00 with milliseconds', '2026-11-26T20:00:00.250+08:00', AT + 250],
    ['-05:00', '2026-11-26T07:00:00-05:00', AT],
    ['+08:00 just after midnight (previous day in UTC)', '2026-11-27T00:30:00+08:00', Date.UTC(2026, 10, 26, 16, 30)],
  ])('%s', (_name, ts, at) => {
    const ev = value<{ at: number; ts: string }>(decodeObj({ ...transcript, ts }));
    expect(ev.at).toBe(at);
    expect(ev.ts).toBe(ts); // the wire form is kept for evidence
  });
});

describe('decodeEvent: what the engine event carries', () => {
  it('a transcript: coordinates, ids, text; missing optionals are null', () => {
    expect(value(decodeObj(transcript))).toEqual({ type: 'transcript', ...base, at: AT, coords, text: '全网最低价', speaker: null, seq: null });
    expect(value(decodeObj({ ...transcript, speaker: 'anchor', seq: 4 }))).toMatchObject({ speaker: 'anchor', seq: 4 });
  });

  it('a room event', () => {
    expect(value(decodeObj({ ...room, aiLabelShown: false, sellerAuthorizations: ['LV'], status: 'live' }))).toEqual({
      type: 'room',
      ...base,
      at: AT,
      coords,
      platform: 'douyin',
      streamerId: 'st-1',
      anchorType: 'digital-human',
      aiLabelShown: false,
      sellerAuthorizations: ['LV'],
      status: 'live',
    });
    expect(value(decodeObj(room))).toMatchObject({ aiLabelShown: null, sellerAuthorizations: null, status: null });
  });

  it('an order', () => {
    expect(value(decodeObj(order))).toEqual({ type: 'order', ...base, at: AT, coords, sku: 'S1', paidFen: 12_900 });
  });

  it('carries the coordinates it was given, unchanged', () => {
    const c = { topic: 'sessions.jsonl', partition: 0, offset: 0 };
    const ev = value<{ coords: Coordinates }>(decodeEvent({ value: JSON.stringify(order), coords: c }));
    expect(ev.coords).toEqual(c);
  });

  it('accepts unknown extra fields and ignores them: they cannot override engine fields', () => {
    const withExtras = {
      ...order,
      platformOrderId: 'abc',
      nested: { a: [1, 2] },
      at: 0,
      paidFen: 1,
      coords: { topic: 'forged', partition: 9, offset: 9 },
    };
    const plain = value(decodeObj(order));
    expect(value(decodeObj(withExtras))).toEqual(plain);
  });

  it('a Buffer and a string of the same JSON decode alike', () => {
    const json = JSON.stringify({ ...transcript, text: '這款是全網銷量第一' });
    expect(decode(json)).toEqual(decode(Buffer.from(json)));
  });
});

describe('parseIsoTime', () => {
  // The reference: the ISO-8601 pattern, calendar and clock ranges, then V8's Date.parse (which
  // also rejects offsets past ±23:59). parseIsoTime reads code units instead; both must agree.
  const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/;
  const reference = (ts: string): number | null => {
    const m = ISO.exec(ts);
    if (m === null) return null;
    const [, y, mo, d, h, mi, s] = m;
    const day = new Date(0);
    day.setUTCFullYear(Number(y), Number(mo) - 1, Number(d));
    if (day.getUTCMonth() !== Number(mo) - 1 || day.getUTCDate() !== Number(d)) return null;
    if (Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59) return null;
    const at = Date.parse(ts);
    return Number.isNaN(at) ? null : at;
  };

  it.each([
    ['2026-11-26T20:00:00+08:00', Date.UTC(2026, 10, 26, 12)],
    ['2026-11-26T20:00+08:00', Date.UTC(2026, 10, 26, 12)],
    ['2026-11-26T12:00:00.5Z', Date.UTC(2026, 10, 26, 12, 0, 0, 500)],
    ['2026-11-26T12:00:00.123456789Z', Date.UTC(2026, 10, 26, 12, 0, 0, 123)],
    ['2026-11-26T12:00:00-0530', Date.UTC(2026, 10, 26, 17, 30)],
    ['2024-02-29T00:00:00Z', Date.UTC(2024, 1, 29)],
    ['0001-01-01T00:00:00Z', -62135596800000],
  ])('%s', (ts, at) => {
    expect(parseIsoTime(ts)).toBe(at);
    expect(reference(ts)).toBe(at);
  });

  it.each([
    '2100-02-29T00:00:00Z', '2026-04-31T00:00:00Z', '2026-00-10T00:00:00Z', '2026-11-26T24:00:00Z', '2026-11-26T12:60:00Z',
    '2026-11-26T12:00:60Z', '2026-11-26T12:00:00+24:00', '2026-11-26T12:00:00+08:60', '2026-11-26T12:00:00.Z',
    '2026-11-26T12:00:00.1234567890Z', '2026-11-26T12:00.5Z', '2026-11-26t12:00:00z', '2026-11-26T12:00:00', '2026-11-26T12:00:00+8:00',
    '2026-11-26T12:00:00Z ', '+2026-11-26T12:00:00Z', '２０２６-11-26T12:00:00Z',
  ])('null for %s', (ts) => {
    expect(parseIsoTime(ts)).toBeNull();
    expect(reference(ts)).toBeNull();
  });

  it('agrees with the reference on 200,000 mutated time stamps', () => {
    let seed = 20261127;
    const rand = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const bases = ['2026-11-26T20:00:00+08:00', '2024-02-29T23:59:59.999Z', '0400-03-01T00:00-0000', '1999-12-31T23:59:59.123456789+23:59', '2026-01-31T08:05:07.5-0130'];
    const alphabet = '0123456789-:T.Z+ 9';
    let valid = 0;
    for (let k = 0; k < 200_000; k++) {
      const chars = [...bases[rand(bases.length)]!];
      for (let e = rand(3) + 1; e > 0; e--) {
        const at = rand(chars.length + 1);
        const op = rand(3);
        if (op === 0) chars[Math.min(at, chars.length - 1)] = alphabet[rand(alphabet.length)]!;
        else if (op === 1) chars.splice(at, 1);
        else chars.splice(at, 0, alphabet[rand(alphabet.length)]!);
      }
      const ts = chars.join('');
      const want = reference(ts);
      if (want !== null) valid++;
      if (parseIsoTime(ts) !== want) expect({ ts, got: parseIsoTime(ts) }).toEqual({ ts, got: want });
    }
    expect(valid).toBeGreaterThan(10_000); // the mutations keep a good share of valid stamps
  });
});

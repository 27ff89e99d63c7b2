import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES, EventWireGuards, EventWireSchemas, type EventType } from './events.js';

/** Lengths at and around every bound the schemas set on a string. */
const BOUND_LENGTHS = [0, 1, 2, 9, 10, 11, 39, 40, 41, 49, 50, 51, 99, 100, 101, 199, 200, 201, 499, 500, 501, 3999, 4000, 4001];

const strings = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom(...BOUND_LENGTHS).chain((n) => fc.constantFrom('x'.repeat(n), '价'.repeat(n), '😀'.repeat(Math.ceil(n / 2)), ' '.repeat(n))),
  fc.constantFrom('room', 'transcript', 'price', 'order', 'human', 'digital-human', 'live', 'ended', 'CNY', 'cny', '2026-11-26T20:00:00+08:00'),
);
const numbers = fc.oneof(
  fc.constantFrom(0, -0, 1, -1, 0.5, 99.9, 100_000_000, 100_000_000.01, 100_000_001, -0.01, 2 ** 53 - 1, 2 ** 53, 2 ** 60, -(2 ** 53), 1e300, Number.MIN_VALUE),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);
/** Anything JSON.parse can give a field (a missing key is tried by the record below). */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: strings },
  { weight: 3, arbitrary: numbers },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.array(fc.oneof(strings, numbers, fc.constant(null)), { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.constantFrom(499, 500, 501).map((n) => Array.from({ length: n }, (_, i) => `s${i}`)) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 }) },
);

const FIELDS: Record<EventType, string[]> = {
  room: ['roomId', 'sessionId', 'ts', 'platform', 'streamerId', 'anchorType', 'aiLabelShown', 'sellerAuthorizations', 'status'],
  transcript: ['roomId', 'sessionId', 'ts', 'text', 'speaker', 'seq'],
  price: ['roomId', 'sessionId', 'ts', 'sku', 'productName', 'brand', 'listedPrice', 'originalPrice', 'livePrice', 'checkoutPrice', 'currency', 'stock'],
  order: ['roomId', 'sessionId', 'ts', 'sku', 'paidPrice'],
};

/** A valid event of each type, optional fields included. */
const VALID: Record<EventType, Record<string, unknown>> = {
  room: { type: 'room', roomId: 'r1', sessionId: 's1', ts: '2026-11-26T20:00:00+08:00', platform: 'douyin', streamerId: 'u1', anchorType: 'digital-human', aiLabelShown: false, sellerAuthorizations: ['品牌甲'], status: 'live' },
  transcript: { type: 'transcript', roomId: 'r1', sessionId: 's1', ts: '2026-11-26T20:00:00+08:00', text: '全网最低价', speaker: 'host', seq: 3 },
  price: { type: 'price', roomId: 'r1', sessionId: 's1', ts: '2026-11-26T20:00:00+08:00', sku: 'S1', productName: '面霜 50ml', brand: '甲', listedPrice: 299, originalPrice: 399, livePrice: 159, checkoutPrice: 169, currency: 'CNY', stock: 20 },
  order: { type: 'order', roomId: 'r1', sessionId: 's1', ts: '2026-11-26T20:00:00+08:00', sku: 'S1', paidPrice: 159.5 },
};

const MISSING = Symbol('missing');
/** Events of one type: each field mostly valid, else any value or missing; extra keys now and then. */
const eventOf = (type: EventType) => {
  const field = (f: string) => fc.oneof({ weight: 12, arbitrary: fc.constant(VALID[type][f]) }, { weight: 1, arbitrary: anyValue }, { weight: 1, arbitrary: fc.constant(MISSING) });
  return fc
    .tuple(
      fc.tuple(...FIELDS[type].map(field)),
      fc.oneof({ weight: 12, arbitrary: fc.constant(type) }, { weight: 1, arbitrary: anyValue }),
      fc.option(fc.dictionary(fc.constantFrom('extra', 'note', 'shopId'), anyValue, { maxKeys: 2 }), { nil: undefined }),
    )
    .map(([values, t, extra]) => {
      const event: Record<string, unknown> = { ...extra, type: t };
      FIELDS[type].forEach((f, i) => {
        if (values[i] !== MISSING) event[f] = values[i];
      });
      return event;
    });
};

/** Values at and around every bound, for the one-field-at-a-time sweep. */
const ZOO: unknown[] = [
  undefined,
  null,
  true,
  false,
  ...[0, -0, 1, -1, 0.5, -0.01, 99.9, 100_000_000, 100_000_000.01, 100_000_001, 2 ** 53 - 1, 2 ** 53, -(2 ** 53), 1e300],
  ...BOUND_LENGTHS.flatMap((n) => ['x'.repeat(n), '😀'.repeat(Math.floor(n / 2)), `x${'😀'.repeat(Math.floor(n / 2))}`]),
  'room', 'transcript', 'price', 'order', 'human', 'digital-human', 'Human', 'live', 'ended', 'CNY', 'cny', '2026-11-26T20:00:00+08:00',
  [],
  ['a'],
  ['x'.repeat(201)],
  [1],
  [null],
  Array.from({ length: 500 }, (_, i) => `s${i}`),
  Array.from({ length: 501 }, (_, i) => `s${i}`),
  {},
];

describe('hot-path guards agree with the zod schemas', () => {
  it.each(EVENT_TYPES)('%s: one field at a time over values at every bound, the guard accepts nothing the schema rejects', (type) => {
    let checked = 0;
    for (const field of ['type', ...FIELDS[type]]) {
      for (const value of ZOO) {
        const event: Record<string, unknown> = { ...VALID[type], [field]: value };
        if (value === undefined) delete event[field];
        if (EventWireGuards[type](event)) expect({ field, value, valid: EventWireSchemas[type].safeParse(event).success }).toEqual({ field, value, valid: true });
        checked++;
      }
    }
    expect(checked).toBe((FIELDS[type].length + 1) * ZOO.length);
  });

  it.each(EVENT_TYPES)('%s: the guard accepts nothing the schema rejects, and most of what it accepts', (type) => {
    const guard = EventWireGuards[type];
    const schema = EventWireSchemas[type];
    let schemaAccepted = 0;
    let guardAccepted = 0;
    fc.assert(
      fc.property(eventOf(type), (event) => {
        const valid = schema.safeParse(event).success;
        if (valid) schemaAccepted++;
        if (guard(event)) {
          guardAccepted++;
          expect(valid).toBe(true);
        }
      }),
      { numRuns: 20_000 },
    );
    // The generator must reach both sides, or the property says little; the guard may leave
    // to the schema only strings near a bound that hold characters outside the BMP.
    expect(schemaAccepted).toBeGreaterThan(100);
    expect(guardAccepted / schemaAccepted).toBeGreaterThan(0.8);
  });

  it.each(EVENT_TYPES)('%s: the valid event with every optional field, and with none, passes both', (type) => {
    const full = VALID[type];
    expect(EventWireGuards[type](full)).toBe(true);
    expect(EventWireSchemas[type].safeParse(full).success).toBe(true);
    const shape = EventWireSchemas[type].shape as Record<string, { safeParse(v: unknown): { success: boolean } }>;
    const required = Object.fromEntries(Object.entries(full).filter(([k]) => !shape[k]!.safeParse(undefined).success));
    expect(Object.keys(required).length).toBe(type === 'order' ? Object.keys(full).length : Object.keys(full).length - (type === 'price' ? 5 : type === 'room' ? 3 : 2));
    expect(EventWireGuards[type](required)).toBe(true);
    expect(EventWireSchemas[type].safeParse(required).success).toBe(true);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderBasis, ordersBetween } from './order-basis.js';
import { addOrder, MAX_ORDERS_PER_SKU, newRoom, ORDER_RETENTION_MS, roomFromSnapshot, type SkuOrders } from './room.js';

const DAY = 86_400_000;
const T = Date.parse('2026-11-20T12:00:00+08:00');

const ordersOf = (pairs: Array<[number, number]>): SkuOrders | undefined => {
  let o: SkuOrders | undefined;
  for (const [at, fen] of pairs) o = addOrder(o, at, fen);
  return o;
};

describe('addOrder', () => {
  it('keeps the orders ascending by time, each order its time and price, and never changes the one it was given', () => {
    const a = ordersOf([
      [T, 100],
      [T - DAY, 90],
      [T + DAY, 110],
      [T, 105],
    ])!;
    expect(a).toEqual({ at: [T - DAY, T, T, T + DAY], fen: [90, 100, 105, 110], dropped: null });
    const b = addOrder(a, T - 2 * DAY, 80);
    expect(b.at[0]).toBe(T - 2 * DAY);
    expect(a.at).toHaveLength(4);
    expect(a.fen).toEqual([90, 100, 105, 110]);
  });

  it('keeps at most MAX_ORDERS_PER_SKU, the newest pruned one as `dropped`', () => {
    let o: SkuOrders | undefined;
    for (let i = 0; i < MAX_ORDERS_PER_SKU + 3; i++) o = addOrder(o, T + i * 1000, 1000 + i);
    expect(o!.at).toHaveLength(MAX_ORDERS_PER_SKU);
    expect(o!.fen).toHaveLength(MAX_ORDERS_PER_SKU);
    expect(o!.at[0]).toBe(T + 3000);
    expect(o!.dropped).toEqual([T + 2000, 1002]);
  });

  it('prunes orders older than the retention but keeps the newest one', () => {
    const o = ordersOf([
      [T - ORDER_RETENTION_MS - DAY, 50],
      [T - ORDER_RETENTION_MS - 2 * DAY, 40],
      [T, 60],
    ])!;
    expect(o).toEqual({ at: [T], fen: [60], dropped: [T - ORDER_RETENTION_MS - DAY, 50] });
    expect(ordersOf([[T - 10 * ORDER_RETENTION_MS, 5]])).toEqual({ at: [T - 10 * ORDER_RETENTION_MS], fen: [5], dropped: null });
  });
});

describe('orderBasis and ordersBetween', () => {
  const o = ordersOf([
    [T - 9 * DAY, 70],
    [T - 5 * DAY, 95],
    [T - 3 * DAY, 89],
    [T - 2 * DAY, 89],
    [T, 60],
  ]);

  it('the lowest price paid in the days before T0 (the first of equal ones), never an order at or after T0', () => {
    expect(orderBasis(o, T, 7)).toEqual({
      fen: 89,
      at: T - 3 * DAY,
      kind: 'window-min',
      window: [T - 7 * DAY, T],
      ordersInWindow: 3,
    });
  });

  it('with no trade in the window, the last trade before it, within the look-back', () => {
    expect(orderBasis(o, T - 6 * DAY, 1)).toMatchObject({ fen: 70, at: T - 9 * DAY, kind: 'last-before-window', ordersInWindow: 0 });
    expect(orderBasis(o, T - 6 * DAY, 1, 2)).toBeNull();
    expect(orderBasis(o, T - 9 * DAY, 7)).toBeNull();
    expect(orderBasis(undefined, T)).toBeNull();
  });

  it('falls back on the pruned order when none is left before T0', () => {
    expect(orderBasis({ at: [T], fen: [60], dropped: [T - 20 * DAY, 55] }, T - DAY, 7)).toMatchObject({ fen: 55, kind: 'last-before-window' });
  });

  it('ordersBetween: [from, to)', () => {
    expect(ordersBetween(o, T - 5 * DAY, T - 2 * DAY)).toEqual([
      [T - 5 * DAY, 95],
      [T - 3 * DAY, 89],
    ]);
    expect(ordersBetween(o, T + 1, T + DAY)).toEqual([]);
    expect(ordersBetween(undefined, 0, T)).toEqual([]);
  });

  // The same answers as filtering a list of [at, fen] pairs, as the orders were kept before version 3.
  it('agrees with filtering the orders as pairs, for any orders and any T0', () => {
    const pair = fc.tuple(fc.integer({ min: -30, max: 30 }), fc.integer({ min: 1, max: 50 }));
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 40 }), fc.integer({ min: -30, max: 30 }), fc.integer({ min: 1, max: 10 }), (raw, t0Day, days) => {
        const pairs = raw.map(([d, fen]): [number, number] => [T + d * DAY, fen]);
        const history = ordersOf(pairs);
        const sorted = [...pairs].sort((a, b) => a[0] - b[0]);
        const t0 = T + t0Day * DAY;
        const before = sorted.filter(([at]) => at < t0);
        const inWindow = before.filter(([at]) => at >= t0 - days * DAY);
        const basis = orderBasis(history, t0, days, 20);
        if (inWindow.length > 0) {
          const min = Math.min(...inWindow.map(([, f]) => f));
          expect(basis).toMatchObject({ kind: 'window-min', fen: min, at: inWindow.find(([, f]) => f === min)![0], ordersInWindow: inWindow.length });
        } else if (before.length > 0 && before[before.length - 1]![0] >= t0 - 20 * DAY) {
          expect(basis).toMatchObject({ kind: 'last-before-window', fen: before[before.length - 1]![1], at: before[before.length - 1]![0] });
        } else expect(basis).toBeNull();
        expect(ordersBetween(history, t0 - days * DAY, t0)).toEqual(inWindow);
      }),
    );
  });
});

describe('roomFromSnapshot', () => {
  const v2 = (orders: unknown) => ({ ...JSON.parse(JSON.stringify(newRoom('r1'))), v: 2, tail: null, orders });

  it('takes a snapshot of this version as it is', () => {
    const room = { ...newRoom('r1'), orders: { S1: addOrder(undefined, T, 100) } };
    const snap = JSON.parse(JSON.stringify(room)) as unknown;
    expect(roomFromSnapshot(snap)).toBe(snap);
  });

  it('upgrades a version 2 snapshot: each sku’s [at, fen] pairs become the two arrays, the pruned order kept', () => {
    const room = roomFromSnapshot(
      v2({
        S1: { orders: [[T - DAY, 90], [T, 100]], dropped: [T - 30 * DAY, 80] },
        S2: { orders: [], dropped: null },
      }),
    );
    expect(room?.v).toBe(3);
    expect(room).not.toHaveProperty('tail');
    expect(room?.orders).toEqual({ S1: { at: [T - DAY, T], fen: [90, 100], dropped: [T - 30 * DAY, 80] }, S2: { at: [], fen: [], dropped: null } });
    expect(orderBasis(room!.orders['S1'], T + DAY)).toMatchObject({ fen: 90, kind: 'window-min' });
  });

  it.each([
    ['orders that are not pairs', { S1: { orders: [[T, '100']], dropped: null } }],
    ['no orders list', { S1: { dropped: null } }],
    ['a dropped order that is not a pair', { S1: { orders: [], dropped: 5 } }],
  ])('turns down a version 2 snapshot with %s', (_name, orders) => {
    expect(roomFromSnapshot(v2(orders))).toBeNull();
  });

  it('turns down other versions and garbage', () => {
    expect(roomFromSnapshot({ ...newRoom('r1'), v: 1 })).toBeNull();
    expect(roomFromSnapshot({ ...v2({}), rules: null })).toBeNull();
    expect(roomFromSnapshot(null)).toBeNull();
    expect(roomFromSnapshot([])).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { memoryBench } from '../bench/memory.js';
import { MAX_ORDERS_PER_SKU } from '../services/engine/state/room.js';

// `npm run bench`'s memory figures (bench/memory.ts), in its child process with --expose-gc.
describe('bench memory', () => {
  it('measures young rooms and busy venues; an order costs its two numbers, not an object of its own', () => {
    const m = memoryBench({ rooms: 3_000, venueRooms: 20, seed: 7 });
    expect(m.rooms).toBe(3_000);
    expect(m.decodeFailures).toBe(0);
    expect(m.bytesPerRoom).toBeGreaterThan(0);
    expect(m.aged).toBeUndefined();
    expect(m.venue).toMatchObject({ rooms: 20, skusPerRoom: 10, ordersPerSku: MAX_ORDERS_PER_SKU });
    // Two 8-byte numbers per order and the rooms' own state: ≈ 15–17 B per order. As [at, fen]
    // pairs (the state's version 2) an order took ≈ 75 B.
    expect(m.venue!.bytesPerOrder).toBeGreaterThan(10);
    expect(m.venue!.bytesPerOrder).toBeLessThan(30);
  }, 120_000);
});

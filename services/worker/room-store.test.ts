import { describe, expect, it } from 'vitest';
import { newRoom, type RoomState } from '../engine/index.js';
import { createRoomStore } from './room-store.js';

/** A room state that differs by `lastAt`, so snapshots can be told apart. */
const stateOf = (roomId: string, lastAt = 0): RoomState => ({ ...newRoom(roomId), sessionId: 's1', lastAt });

const dirtyIds = (store: ReturnType<typeof createRoomStore>) =>
  store
    .takeDirty()
    .map((d) => d.roomId)
    .sort();

describe('createRoomStore: get and set', () => {
  it('returns what was set; unknown rooms are undefined', () => {
    const store = createRoomStore({ maxRooms: 10 });
    const s = stateOf('a', 5);
    store.set('a', s, 2);
    expect(store.get('a')).toBe(s);
    expect(store.get('b')).toBeUndefined();
    expect(store.size()).toBe(1);
  });

  it('replacing a room keeps one entry', () => {
    const store = createRoomStore({ maxRooms: 10 });
    store.set('a', stateOf('a', 1), 0);
    store.set('a', stateOf('a', 2), 0);
    expect(store.size()).toBe(1);
    expect(store.get('a')!.lastAt).toBe(2);
  });
});

describe('createRoomStore: bounded', () => {
  it('never holds more than maxRooms; evicts the least recently updated room', () => {
    const store = createRoomStore({ maxRooms: 3 });
    store.set('a', stateOf('a'), 0);
    store.set('b', stateOf('b'), 0);
    store.set('c', stateOf('c'), 0);
    store.set('a', stateOf('a', 1), 0); // a is now the most recently updated; b the least
    store.set('d', stateOf('d'), 0);
    expect(store.size()).toBe(3);
    expect(store.get('b')).toBeUndefined();
    expect(store.get('a')).toBeDefined();
    expect(store.get('c')).toBeDefined();
    expect(store.get('d')).toBeDefined();
    expect(store.evicted()).toBe(1);
    store.set('e', stateOf('e'), 0); // now c is the oldest
    expect(store.get('c')).toBeUndefined();
    expect(store.evicted()).toBe(2);
  });

  it('updating a room that is already held evicts nothing', () => {
    const store = createRoomStore({ maxRooms: 2 });
    store.set('a', stateOf('a'), 0);
    store.set('b', stateOf('b'), 0);
    store.set('a', stateOf('a', 1), 0);
    store.set('b', stateOf('b', 1), 0);
    expect(store.size()).toBe(2);
    expect(store.evicted()).toBe(0);
  });

  it('reading a room does not count as an update', () => {
    const store = createRoomStore({ maxRooms: 2 });
    store.set('a', stateOf('a'), 0);
    store.set('b', stateOf('b'), 0);
    store.get('a');
    store.set('c', stateOf('c'), 0);
    expect(store.get('a')).toBeUndefined();
    expect(store.get('b')).toBeDefined();
  });

  it('stays bounded over many rooms', () => {
    const store = createRoomStore({ maxRooms: 50 });
    for (let i = 0; i < 1000; i++) store.set(`r${i}`, stateOf(`r${i}`), i % 6);
    expect(store.size()).toBe(50);
    expect(store.evicted()).toBe(950);
    expect(store.get('r949')).toBeUndefined();
    expect(store.get('r950')).toBeDefined();
  });

  // Regression (found by these tests, fixed): restore() bypasses the bound: it never evicts, so restoring a partition with more rooms than maxRooms (or restoring into a full store) grows the map without limit, against STYLE §8 "every collection has a limit".
  it('restore respects maxRooms too', () => {
    const store = createRoomStore({ maxRooms: 2 });
    for (const id of ['a', 'b', 'c', 'd', 'e']) store.restore(id, stateOf(id), 0);
    expect(store.size()).toBeLessThanOrEqual(2);
  });
});

describe('createRoomStore: takeDirty', () => {
  it('returns each changed room once, with its latest state and partition, then nothing', () => {
    const store = createRoomStore({ maxRooms: 10 });
    store.set('a', stateOf('a', 1), 4);
    store.set('b', stateOf('b', 1), 1);
    store.set('a', stateOf('a', 2), 4);
    const out = store.takeDirty();
    expect(out).toHaveLength(2);
    expect(out.find((d) => d.roomId === 'a')).toEqual({ roomId: 'a', state: stateOf('a', 2), partition: 4 });
    expect(out.find((d) => d.roomId === 'b')).toEqual({ roomId: 'b', state: stateOf('b', 1), partition: 1 });
    expect(store.takeDirty()).toEqual([]);
  });

  it('only rooms changed since the last call', () => {
    const store = createRoomStore({ maxRooms: 10 });
    store.set('a', stateOf('a'), 0);
    store.set('b', stateOf('b'), 0);
    store.takeDirty();
    store.set('b', stateOf('b', 9), 0);
    expect(dirtyIds(store)).toEqual(['b']);
  });

  it('a room keeps the partition of its latest update', () => {
    const store = createRoomStore({ maxRooms: 10 });
    store.set('a', stateOf('a'), 1);
    store.set('a', stateOf('a', 1), 5);
    expect(store.takeDirty()).toEqual([{ roomId: 'a', state: stateOf('a', 1), partition: 5 }]);
  });

  it('restored rooms are not dirty (they came from supervisor.state)', () => {
    const store = createRoomStore({ maxRooms: 10 });
    expect(store.restore('a', stateOf('a'), 0)).toBe(true);
    expect(store.takeDirty()).toEqual([]);
  });
});

describe('createRoomStore: dirty rooms between checkpoints', () => {
  it('a room evicted before the checkpoint took it is still taken, once', () => {
    const store = createRoomStore({ maxRooms: 2 });
    store.set('a', stateOf('a', 1), 0);
    store.set('b', stateOf('b', 1), 0);
    store.set('c', stateOf('c', 1), 0); // evicts a
    expect(store.get('a')).toBeUndefined();
    expect(dirtyIds(store)).toEqual(['a', 'b', 'c']);
    expect(store.takeDirty()).toEqual([]);
  });

  it('an evicted room of a partition given up is not taken', () => {
    const store = createRoomStore({ maxRooms: 1 });
    store.set('a', stateOf('a'), 4);
    store.set('b', stateOf('b'), 1); // evicts a
    store.dropPartitions(new Set([1]));
    expect(dirtyIds(store)).toEqual(['b']);
  });

  it('markDirty: rooms whose snapshots were not written are taken again, unless gone', () => {
    const store = createRoomStore({ maxRooms: 10 });
    store.set('a', stateOf('a', 1), 0);
    store.set('b', stateOf('b', 1), 1);
    const taken = store.takeDirty().map((d) => d.roomId);
    store.dropPartitions(new Set([0]));
    store.markDirty(taken);
    expect(store.takeDirty()).toEqual([{ roomId: 'a', state: stateOf('a', 1), partition: 0 }]);
  });
});

describe('createRoomStore: save and undo (a batch the broker did not acknowledge)', () => {
  it('puts back the state, the dirty mark and an unwritten evicted state; a room the batch created goes', () => {
    const store = createRoomStore({ maxRooms: 2 });
    store.set('a', stateOf('a', 1), 0);
    store.set('b', stateOf('b', 1), 0);
    store.takeDirty();                                    // a checkpoint wrote both
    store.set('b', stateOf('b', 2), 0);                   // b changed since, a did not
    const saved = ['a', 'b', 'c'].map((id) => store.save(id));
    store.set('a', stateOf('a', 9), 0);                   // the batch: a and b change, c is new
    store.set('b', stateOf('b', 9), 0);
    store.set('c', stateOf('c', 9), 0);                   // evicts a with the batch's change
    for (const room of saved) store.undo(room);
    expect(store.get('a')).toEqual(stateOf('a', 1));
    expect(store.get('b')).toEqual(stateOf('b', 2));
    expect(store.get('c')).toBeUndefined();
    expect(store.takeDirty()).toEqual([{ roomId: 'b', state: stateOf('b', 2), partition: 0 }]);
  });

  it('an evicted room with an unwritten change stays to be written', () => {
    const store = createRoomStore({ maxRooms: 1 });
    store.set('a', stateOf('a', 1), 0);
    store.set('b', stateOf('b', 1), 0);                   // evicts a before any checkpoint
    const saved = store.save('a');
    store.set('a', stateOf('a', 2), 0);                   // the batch brings a back (evicting b)
    store.undo(saved);
    expect(store.get('a')).toBeUndefined();
    expect(dirtyIds(store)).toEqual(['a', 'b']);
  });
});

describe('createRoomStore: what a restored snapshot covers', () => {
  it('records below the cover are in the state; the first one past it forgets that topic', () => {
    const store = createRoomStore({ maxRooms: 10 });
    store.restore('a', stateOf('a', 1), 2, { 'live.transcript': 10, 'live.order': 4 });
    expect(store.covers('a', 'live.transcript', 9)).toBe(true);
    expect(store.covers('a', 'live.price', 0)).toBe(false);          // a topic the checkpoint had not handled
    expect(store.covers('a', 'live.transcript', 10)).toBe(false);
    expect(store.covers('a', 'live.transcript', 3)).toBe(false);     // forgotten: offsets only grow from there
    expect(store.covers('a', 'live.order', 3)).toBe(true);
    expect(store.covers('b', 'live.order', 0)).toBe(false);
  });

  it('a tombstone, an eviction or a partition given up forgets the cover; a snapshot without one has none', () => {
    const store = createRoomStore({ maxRooms: 2 });
    const cover = { 'live.transcript': 10 };
    store.restore('a', stateOf('a'), 0, cover);
    store.restore('a', null, 0);
    store.restore('b', stateOf('b'), 1, cover);
    store.set('c', stateOf('c'), 0);
    store.set('d', stateOf('d'), 0);                               // evicts b
    store.restore('e', stateOf('e'), 1, cover);                    // evicts c
    store.dropPartitions(new Set([0]));
    store.restore('f', stateOf('f'), 0, cover);
    store.restore('f', stateOf('f', 2), 0);
    expect(['a', 'b', 'e', 'f'].map((id) => store.covers(id, 'live.transcript', 1))).toEqual([false, false, false, false]);
  });

  it('undo puts a cover back that the failed batch used up', () => {
    const store = createRoomStore({ maxRooms: 10 });
    store.restore('a', stateOf('a'), 0, { 'live.transcript': 10 });
    const saved = store.save('a');
    expect(store.covers('a', 'live.transcript', 12)).toBe(false);   // the batch went past it
    store.undo(saved);
    expect(store.covers('a', 'live.transcript', 9)).toBe(true);     // the records come again from 8 or so
  });
});

describe('createRoomStore: restore', () => {
  it('accepts a valid snapshot, including one that went through JSON', () => {
    const store = createRoomStore({ maxRooms: 10 });
    const snap = JSON.parse(JSON.stringify(stateOf('a', 42))) as unknown;
    expect(store.restore('a', snap, 3)).toBe(true);
    expect(store.get('a')).toEqual(stateOf('a', 42));
    store.set('a', store.get('a')!, 3);
    expect(store.takeDirty()[0]!.partition).toBe(3);
  });

  it('restores a snapshot an older worker wrote (version 2), its orders upgraded', () => {
    const store = createRoomStore({ maxRooms: 10 });
    const { orders: _o, ...room } = stateOf('a', 42);
    const v2 = { ...room, v: 2, tail: null, orders: { S9: { orders: [[1_000, 4900]], dropped: null } } };
    expect(store.restore('a', JSON.parse(JSON.stringify(v2)) as unknown, 0)).toBe(true);
    expect(store.get('a')).toEqual({ ...stateOf('a', 42), orders: { S9: { at: [1_000], fen: [4900], dropped: null } } });
  });

  it('replaces a room already held', () => {
    const store = createRoomStore({ maxRooms: 10 });
    store.set('a', stateOf('a', 1), 0);
    expect(store.restore('a', stateOf('a', 7), 0)).toBe(true);
    expect(store.get('a')!.lastAt).toBe(7);
    expect(store.size()).toBe(1);
  });

  it.each([
    ['a string', 'hello'],
    ['a number', 42],
    ['an array', []],
    ['an empty object', {}],
    ['another version', { ...stateOf('a'), v: 1 }],
    ['no roomId', (({ roomId: _r, ...rest }) => rest)(stateOf('a'))],
    ['a numeric roomId', { ...stateOf('a'), roomId: 1 }],
    ['no rules', (({ rules: _r, ...rest }) => rest)(stateOf('a'))],
    ['no alerts', (({ alerts: _a, ...rest }) => rest)(stateOf('a'))],
  ])('rejects garbage: %s', (_name, value) => {
    const store = createRoomStore({ maxRooms: 10 });
    expect(store.restore('a', value, 0)).toBe(false);
    expect(store.get('a')).toBeUndefined();
    expect(store.size()).toBe(0);
  });

  // Regression (found by these tests, fixed): the snapshot check (then isRoomState) tested `typeof rules === 'object'`, which is true for null, so a snapshot with rules: null / alerts: null is accepted. The next event for that room then throws in evaluate (room.rules[id] on null: "Cannot read properties of null"), out of the Kafka batch handler, so the batch is redelivered and fails forever.
  it('rejects garbage: rules and alerts that are null', () => {
    const store = createRoomStore({ maxRooms: 10 });
    expect(store.restore('a', { ...stateOf('a'), rules: null, alerts: null }, 0)).toBe(false);
  });

  it('rejects a snapshot of another room, and keeps the room it has', () => {
    const store = createRoomStore({ maxRooms: 10 });
    store.set('a', stateOf('a', 1), 0);
    expect(store.restore('a', stateOf('b', 9), 0)).toBe(false);
    expect(store.restore('b', stateOf('a', 9), 0)).toBe(false);
    expect(store.get('a')!.lastAt).toBe(1);
    expect(store.get('b')).toBeUndefined();
  });

  it('a null value (tombstone) deletes the room', () => {
    const store = createRoomStore({ maxRooms: 10 });
    store.set('a', stateOf('a'), 0);
    store.takeDirty();
    expect(store.restore('a', null, 0)).toBe(true);
    expect(store.get('a')).toBeUndefined();
    expect(store.size()).toBe(0);
    expect(store.restore('never-seen', null, 0)).toBe(true);
  });

  it('a tombstone for a dirty room: takeDirty does not resurrect it', () => {
    const store = createRoomStore({ maxRooms: 10 });
    store.set('a', stateOf('a'), 0);
    store.restore('a', null, 0);
    expect(store.takeDirty()).toEqual([]);
  });
});

describe('createRoomStore: dropPartitions', () => {
  it('keeps only the rooms of the given partitions and says how many went', () => {
    const store = createRoomStore({ maxRooms: 10 });
    store.set('a', stateOf('a'), 0);
    store.set('b', stateOf('b'), 1);
    store.restore('c', stateOf('c'), 2);
    store.set('d', stateOf('d'), 1);
    expect(store.dropPartitions(new Set([1]))).toBe(2);
    expect(store.get('a')).toBeUndefined();
    expect(store.get('c')).toBeUndefined();
    expect(store.get('b')).toBeDefined();
    expect(store.get('d')).toBeDefined();
    expect(store.size()).toBe(2);
  });

  it('dropped rooms are no longer dirty', () => {
    const store = createRoomStore({ maxRooms: 10 });
    store.set('a', stateOf('a'), 0);
    store.set('b', stateOf('b'), 1);
    store.dropPartitions(new Set([1]));
    expect(store.takeDirty()).toEqual([{ roomId: 'b', state: stateOf('b'), partition: 1 }]);
  });

  it('an empty set drops everything; keeping every partition drops nothing', () => {
    const store = createRoomStore({ maxRooms: 10 });
    store.set('a', stateOf('a'), 0);
    store.set('b', stateOf('b'), 3);
    expect(store.dropPartitions(new Set([0, 3, 5]))).toBe(0);
    expect(store.dropPartitions(new Set())).toBe(2);
    expect(store.size()).toBe(0);
  });
});

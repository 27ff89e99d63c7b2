/**
 * The worker's rooms: one writer per room (co-partitioned topics), bounded, with a dirty set
 * that each checkpoint snapshots to supervisor.state, and restore from those snapshots when
 * the worker takes over a partition. Each room remembers its input partition: its snapshot
 * goes to the same partition of supervisor.state, so a new owner reads only that one.
 *
 * A restored room also remembers what its snapshot covers: per input topic, the offset below
 * which every record of its partition is already in the state (the checkpoint's positions).
 * If that checkpoint's commit failed, the records between the commit and those offsets come
 * again; the worker skips them for this room instead of applying them twice.
 */
import { roomFromSnapshot, type RoomState } from '../engine/index.js';

export const DEFAULT_MAX_ROOMS = 200_000;

type Entry = { state: RoomState; partition: number };

/** Per input topic: the offset below which the room's records are in its restored state. */
export type Covers = Readonly<Record<string, number>>;

/** A room as it was before a batch changed it (RoomStore.save, undo). */
export type SavedRoom = {
  readonly roomId: string;
  readonly entry: Entry | undefined;
  readonly evictedEntry: Entry | undefined;
  readonly dirty: boolean;
  readonly covers: Covers | undefined;
};

export type RoomStore = ReturnType<typeof createRoomStore>;

export function createRoomStore(limits: { maxRooms: number } = { maxRooms: DEFAULT_MAX_ROOMS }) {
  const rooms = new Map<string, Entry>();
  const dirty = new Set<string>();
  // Rooms evicted with changes no checkpoint wrote yet: the next one still writes them.
  const evictedDirty = new Map<string, Entry>();
  const covered = new Map<string, Covers>();
  let evicted = 0;
  function put(roomId: string, state: RoomState, partition: number): void {
    if (!rooms.has(roomId) && rooms.size >= limits.maxRooms) {
      // Evict the least recently updated room (Map keeps insertion order; put() re-inserts).
      const oldest = rooms.keys().next().value!;
      if (dirty.delete(oldest)) evictedDirty.set(oldest, rooms.get(oldest)!);
      rooms.delete(oldest);
      covered.delete(oldest);                                // its next event starts a new state
      evicted++;
    }
    evictedDirty.delete(roomId);
    rooms.delete(roomId);
    rooms.set(roomId, { state, partition });
  }
  return {
    get: (roomId: string): RoomState | undefined => rooms.get(roomId)?.state,
    set(roomId: string, state: RoomState, partition: number): void {
      put(roomId, state, partition);
      dirty.add(roomId);
    },
    /**
     * The rooms changed since the last call, with their partitions (states are immutable: the
     * caller may serialise them later and still write what they were at this call).
     */
    takeDirty(): Array<{ roomId: string; state: RoomState; partition: number }> {
      const out: Array<{ roomId: string; state: RoomState; partition: number }> = [];
      for (const [roomId, e] of evictedDirty) out.push({ roomId, state: e.state, partition: e.partition });
      for (const roomId of dirty) {
        const e = rooms.get(roomId);
        if (e) out.push({ roomId, state: e.state, partition: e.partition });
      }
      dirty.clear();
      evictedDirty.clear();
      return out;
    },
    /** What `undo` needs to put a room back as it is now, before a change that may not be acknowledged. */
    save(roomId: string): SavedRoom {
      return { roomId, entry: rooms.get(roomId), evictedEntry: evictedDirty.get(roomId), dirty: dirty.has(roomId), covers: covered.get(roomId) };
    },
    /**
     * Puts a room back as `save` found it: a change whose alerts the broker did not acknowledge
     * is undone, so the records that come again apply once. Between the two no checkpoint can
     * take the room (checkpoints wait for the handler calls in progress).
     */
    undo(saved: SavedRoom): void {
      const { roomId } = saved;
      if (saved.entry === undefined) rooms.delete(roomId);
      else put(roomId, saved.entry.state, saved.entry.partition);
      if (saved.evictedEntry === undefined) evictedDirty.delete(roomId);
      else evictedDirty.set(roomId, saved.evictedEntry);
      if (saved.dirty) dirty.add(roomId);
      else dirty.delete(roomId);
      if (saved.covers === undefined) covered.delete(roomId);
      else covered.set(roomId, saved.covers);
    },
    /**
     * Whether a record at `offset` of `topic` is already in the room's restored state. The
     * first record past the cover forgets it for that topic (offsets only grow from there).
     */
    covers(roomId: string, topic: string, offset: number): boolean {
      const c = covered.get(roomId);
      const below = c?.[topic];
      if (below === undefined) return false;
      if (offset < below) return true;
      const { [topic]: _, ...rest } = c!;
      if (Object.keys(rest).length === 0) covered.delete(roomId);
      else covered.set(roomId, rest);
      return false;
    },
    /** Marks rooms dirty again (their snapshots were not written), unless they are gone. */
    markDirty(roomIds: Iterable<string>): void {
      for (const roomId of roomIds) if (rooms.has(roomId)) dirty.add(roomId);
    },
    /** Restores one snapshot from supervisor.state (null value = tombstone), with what it covers. */
    restore(roomId: string, value: unknown, partition: number, covers?: Covers): boolean {
      if (value === null) {
        rooms.delete(roomId);
        evictedDirty.delete(roomId);
        covered.delete(roomId);
        return true;
      }
      const room = roomFromSnapshot(value);
      if (room === null || room.roomId !== roomId) return false;
      put(roomId, room, partition);
      if (covers === undefined || Object.keys(covers).length === 0) covered.delete(roomId);
      else covered.set(roomId, covers);
      return true;
    },
    /** Drops the rooms of partitions this worker no longer owns. */
    dropPartitions(keep: ReadonlySet<number>): number {
      let n = 0;
      for (const [roomId, e] of evictedDirty) if (!keep.has(e.partition)) evictedDirty.delete(roomId);
      for (const [roomId, e] of rooms) {
        if (!keep.has(e.partition)) {
          rooms.delete(roomId);
          dirty.delete(roomId);
          covered.delete(roomId);
          n++;
        }
      }
      return n;
    },
    size: () => rooms.size,
    evicted: () => evicted,
  };
}

/**
 * The worker's rooms: one writer per room (co-partitioned topics), bounded, with a dirty set
 * that is snapshotted to supervisor.state with each batch, and restore from those snapshots
 * when the worker takes over a partition. Each room remembers its input partition: its
 * snapshot goes to the same partition of supervisor.state, so a new owner reads only that one.
 */
import { isRoomState, type RoomState } from '../engine/index.js';

export const DEFAULT_MAX_ROOMS = 200_000;

type Entry = { state: RoomState; partition: number };

export type RoomStore = ReturnType<typeof createRoomStore>;

export function createRoomStore(limits: { maxRooms: number } = { maxRooms: DEFAULT_MAX_ROOMS }) {
  const rooms = new Map<string, Entry>();
  const dirty = new Set<string>();
  let evicted = 0;
  function put(roomId: string, state: RoomState, partition: number): void {
    if (!rooms.has(roomId) && rooms.size >= limits.maxRooms) {
      // Evict the least recently updated room (Map keeps insertion order; put() re-inserts).
      const oldest = rooms.keys().next().value!;
      rooms.delete(oldest);
      dirty.delete(oldest);
      evicted++;
    }
    rooms.delete(roomId);
    rooms.set(roomId, { state, partition });
  }
  return {
    get: (roomId: string): RoomState | undefined => rooms.get(roomId)?.state,
    set(roomId: string, state: RoomState, partition: number): void {
      put(roomId, state, partition);
      dirty.add(roomId);
    },
    /** Snapshots of the rooms changed since the last call, with their partitions. */
    takeDirty(): Array<{ roomId: string; state: RoomState; partition: number }> {
      const out = [...dirty].flatMap((roomId) => {
        const e = rooms.get(roomId);
        return e ? [{ roomId, state: e.state, partition: e.partition }] : [];
      });
      dirty.clear();
      return out;
    },
    /** Restores one snapshot from supervisor.state (null value = tombstone). */
    restore(roomId: string, value: unknown, partition: number): boolean {
      if (value === null) {
        rooms.delete(roomId);
        return true;
      }
      if (!isRoomState(value) || value.roomId !== roomId) return false;
      put(roomId, value, partition);
      return true;
    },
    /** Drops the rooms of partitions this worker no longer owns. */
    dropPartitions(keep: ReadonlySet<number>): number {
      let n = 0;
      for (const [roomId, e] of rooms) {
        if (!keep.has(e.partition)) {
          rooms.delete(roomId);
          dirty.delete(roomId);
          n++;
        }
      }
      return n;
    },
    size: () => rooms.size,
    evicted: () => evicted,
  };
}

/**
 * A bounded memo for pure functions of a string (product names, segment texts): the engine's
 * answers per product name are asked for on every event of every room that sells it.
 *
 * Two generations instead of "clear when full": lookups hit the young map, then the old one (and
 * move the entry to the young one); when the young map is full it becomes the old one. Entries in
 * use survive a rotation, so a working set below `generation` entries is never recomputed, and
 * memory stays under two generations. A memo holds no observable state: it returns what the
 * function would.
 *
 * Values must not be `undefined` (that is the miss marker); `null` is a value.
 */
export class BoundedMemo<K, V> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();

  constructor(private readonly generation: number) {
    if (!(generation >= 1)) throw new Error(`memo generation must be ≥ 1, got ${generation}`);
  }

  get(key: K): V | undefined {
    const hit = this.young.get(key);
    if (hit !== undefined) return hit;
    const old = this.old.get(key);
    if (old !== undefined) this.set(key, old);
    return old;
  }

  set(key: K, value: V): void {
    if (this.young.size >= this.generation) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
  }

  get size(): number {
    return this.young.size + this.old.size;
  }
}

/**
 * Entries per generation for memos keyed by product name: about 16,000 names, e.g. 5,000 live
 * rooms with three products each, are answered from memory.
 */
export const NAME_MEMO_GENERATION = 16_384;

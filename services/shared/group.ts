/**
 * The items with each key's items together, keys in order of their first item, each key's items
 * in their order: `groupByKey([a1, b1, a2], k)` is `[a1, a2, b1]`. The items themselves if no key
 * repeats (a turn at a live rate: one event per room).
 *
 * Why: a room's events depend only on each other, so the worker's turns (handle-batch.ts) and
 * `supervisor scan`'s chunks apply one room's events one after the other. Its state is then
 * still in cache from the first to the last of them: on the bench stream the engine runs 1.36×
 * faster with every room's events consecutive than in arrival order (BENCHMARKS.md, locality),
 * 1.09× with turns of 2,000 records a partition; a worker that is behind now takes turns of
 * ≈ 6 events per room (worker.ts, DEFAULT_WORKER_MAX_BATCH).
 */
export function groupByKey<T>(items: readonly T[], key: (item: T) => string): readonly T[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const g = groups.get(k);
    if (g === undefined) groups.set(k, [item]);
    else g.push(item);
  }
  if (groups.size === items.length) return items;
  const out: T[] = [];
  for (const g of groups.values()) for (const item of g) out.push(item);
  return out;
}

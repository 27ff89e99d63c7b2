/**
 * The order in which the worker applies records of several topics of one partition that it
 * holds at the same time: by event time, like Kafka Streams' choice among a task's partitions.
 * Each topic-partition stays in offset order (its records are a queue, not a set), so this is
 * a merge by the time of each queue's next record; a tie goes to the lane listed first.
 *
 * Why: the topics are read independently, so a price card can arrive in the same fetch as
 * orders placed before it, and the 7-day check on the card must see those orders. Without the
 * merge the topic whose batch happened to be handed over first won, which also made a
 * successor that reads the same records again after a crash apply them in another order.
 */

/** Merges lanes (each in its own order) by `at` of their next item; ties go to the lower lane index. */
export function mergeByTime<T>(lanes: ReadonlyArray<readonly T[]>, at: (item: T) => number): T[] {
  const live = lanes.filter((lane) => lane.length > 0);
  if (live.length <= 1) return live.length === 0 ? [] : [...live[0]!];
  const out: T[] = [];
  const next = new Array<number>(live.length).fill(0);
  const total = live.reduce((n, lane) => n + lane.length, 0);
  while (out.length < total) {
    let best = -1;
    let bestAt = Infinity;
    for (let k = 0; k < live.length; k++) {
      const i = next[k]!;
      if (i === live[k]!.length) continue;
      const t = at(live[k]![i]!);
      if (best === -1 || t < bestAt) {
        best = k;
        bestAt = t;
      }
    }
    out.push(live[best]![next[best]!++]!);
  }
  return out;
}

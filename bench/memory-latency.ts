/**
 * What one cache miss costs on this machine: the time of a load whose address depends on the
 * load before it, over working sets from L2 size to far beyond the last-level cache. The
 * engine's own path is mostly such loads (each event follows pointers from its room to the
 * room's cards, rule states and recent segments, cold in arrival order), so this figure,
 * measured in the same run, says how much of an event's cost the memory can explain.
 *
 * Method: an Int32Array of the given size holds one cycle through all its 64-byte lines in a
 * random order (seeded shuffle, each line linked to the next), and a loop follows it: `p = a[p]`.
 */
import { mulberry32 } from './generate.js';

const LINE_INTS = 16; // 64-byte cache lines of 4-byte entries

/**
 * The chase array: entry `line * 16` holds the index of the next line's first entry; following
 * it from 0 visits every line once before coming back to 0 (a single cycle).
 */
export function pointerCycle(lines: number, seed: number): Int32Array {
  if (!Number.isInteger(lines) || lines < 2) throw new RangeError(`pointerCycle: need at least 2 lines, got ${lines}`);
  const order = new Int32Array(lines);
  for (let i = 0; i < lines; i++) order[i] = i;
  const rnd = mulberry32(seed);
  // Fisher–Yates: a random order of the lines; linking each to the next closes one cycle.
  for (let i = lines - 1; i > 0; i--) {
    const j = rnd.int(0, i);
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  const a = new Int32Array(lines * LINE_INTS);
  for (let i = 0; i < lines; i++) a[order[i]! * LINE_INTS] = order[(i + 1) % lines]! * LINE_INTS;
  return a;
}

/** Nanoseconds per dependent load over a working set of `mib` MiB (median of `runs` chases of `steps` loads). */
export function dependentLoadNs(mib: number, opts: { steps?: number; runs?: number; seed?: number } = {}): number {
  const steps = opts.steps ?? 2_000_000;
  const runs = opts.runs ?? 3;
  const a = pointerCycle(Math.max(2, Math.floor((mib * 2 ** 20) / (LINE_INTS * 4))), opts.seed ?? 1);
  let p = 0;
  for (let i = 0; i < steps; i++) p = a[p]!; // warm: page-in and TLB
  const ns: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < steps; i++) p = a[p]!;
    ns.push(Number(process.hrtime.bigint() - t0) / steps);
  }
  if (p < 0) throw new Error('unreachable'); // keeps the chase observable
  return ns.sort((x, y) => x - y)[ns.length >> 1]!;
}

/** The working sets reported: within L2, within a typical last-level cache, at and well beyond it. */
export const LATENCY_SIZES_MIB = [0.5, 4, 32, 256] as const;

export function memoryLatency(): Record<string, number> {
  return Object.fromEntries(LATENCY_SIZES_MIB.map((mib) => [`${mib}MiB`, Math.round(dependentLoadNs(mib) * 10) / 10]));
}

/** Median with min and max of a bench's runs: what every figure of the benchmarks reports. */
export type Spread = { median: number; min: number; max: number };

/** The runs' median (the mean of the middle two for an even count), min and max. */
export function spread(xs: readonly number[]): Spread {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return { median, min: s[0]!, max: s[s.length - 1]! };
}

export const round = (x: number, d = 0): number => Math.round(x * 10 ** d) / 10 ** d;
export const roundSpread = (s: Spread, d = 0): Spread => ({ median: round(s.median, d), min: round(s.min, d), max: round(s.max, d) });

/**
 * Scoring for labelled case files (rules catalogue §6). Pure: plain objects in, plain objects out.
 *
 * - Primary metric: an alert matches an expected item on (ruleCategory, atEventIndex) with a
 *   ±tolerance event window (default 1). Each expected item and each alert is used at most once.
 *   Matching is greedy over candidate pairs ordered by: exact index first (smaller |Δ|), then same
 *   rule id, then file order. Unmatched alerts are false positives; unmatched expected items are
 *   misses. In a negative case every alert is a false positive.
 * - Secondary metric: the same matching keyed on the exact rule id (ruleHint) instead of the category.
 *
 * Alerts at `info` severity are not alerts: callers drop them before scoring (see `isCounted`).
 */

export const CATEGORIES = ['price-fraud', 'infringement', 'violation'] as const;
export type Category = (typeof CATEGORIES)[number];

export type ExpectedItem = { ruleCategory: string; ruleHint: string; atEventIndex: number };
export type PredictedItem = { ruleCategory: string; ruleId: string; atEventIndex: number; severity?: string };

export type MatchKey = 'category' | 'rule';
export type Pair = { expected: number; predicted: number; delta: number; sameRule: boolean };
export type CaseMatch = { pairs: Pair[]; missed: number[]; falsePositives: number[] };

/** Severity `info` is advisory only and never counted (catalogue severity scale, §6). */
export function isCounted(severity: string | undefined): boolean {
  return severity !== 'info';
}

/** Greedy one-to-one matching of one case's alerts against its expected items. */
export function matchCase(
  expected: readonly ExpectedItem[],
  predicted: readonly PredictedItem[],
  key: MatchKey = 'category',
  tolerance = 1,
): CaseMatch {
  const candidates: Pair[] = [];
  expected.forEach((e, ei) => {
    predicted.forEach((p, pi) => {
      const sameKey = key === 'category' ? e.ruleCategory === p.ruleCategory : e.ruleHint === p.ruleId;
      const delta = Math.abs(e.atEventIndex - p.atEventIndex);
      if (sameKey && delta <= tolerance) candidates.push({ expected: ei, predicted: pi, delta, sameRule: e.ruleHint === p.ruleId });
    });
  });
  candidates.sort(
    (a, b) => a.delta - b.delta || Number(b.sameRule) - Number(a.sameRule) || a.expected - b.expected || a.predicted - b.predicted,
  );
  const usedE = new Set<number>();
  const usedP = new Set<number>();
  const pairs: Pair[] = [];
  for (const c of candidates) {
    if (usedE.has(c.expected) || usedP.has(c.predicted)) continue;
    usedE.add(c.expected);
    usedP.add(c.predicted);
    pairs.push(c);
  }
  pairs.sort((a, b) => a.expected - b.expected);
  return {
    pairs,
    missed: expected.map((_, i) => i).filter((i) => !usedE.has(i)),
    falsePositives: predicted.map((_, i) => i).filter((i) => !usedP.has(i)),
  };
}

export type Tally = { tp: number; fp: number; fn: number };
export type Rates = Tally & { precision: number | null; recall: number | null; f1: number | null };

export function rates(t: Tally): Rates {
  const precision = t.tp + t.fp === 0 ? null : t.tp / (t.tp + t.fp);
  const recall = t.tp + t.fn === 0 ? null : t.tp / (t.tp + t.fn);
  // 2TP / (2TP + FP + FN): the harmonic mean where P and R exist, 0 when nothing was matched.
  const f1 = t.tp + t.fp + t.fn === 0 ? null : (2 * t.tp) / (2 * t.tp + t.fp + t.fn);
  return { ...t, precision, recall, f1 };
}

export type ScoredCaseInput = { id: string; negative: boolean; expected: readonly ExpectedItem[]; predicted: readonly PredictedItem[] };
export type ScoredCase = { id: string; negative: boolean; primary: CaseMatch; secondary: CaseMatch };

export type Report = {
  cases: ScoredCase[];
  primary: { overall: Rates; byCategory: Record<string, Rates> };
  secondary: { overall: Rates; byRule: Record<string, Rates> };
  /** Primary matches whose alert carries a different rule id than the label's ruleHint. */
  primaryWrongRule: number;
  negatives: { cases: number; withAlerts: number; alerts: number };
};

const bump = (m: Map<string, Tally>, k: string, f: keyof Tally) => {
  const t = m.get(k) ?? { tp: 0, fp: 0, fn: 0 };
  t[f] += 1;
  m.set(k, t);
};
const sum = (ts: Iterable<Tally>): Tally => {
  const out = { tp: 0, fp: 0, fn: 0 };
  for (const t of ts) {
    out.tp += t.tp;
    out.fp += t.fp;
    out.fn += t.fn;
  }
  return out;
};
const toRates = (m: Map<string, Tally>): Record<string, Rates> =>
  Object.fromEntries([...m.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, t]) => [k, rates(t)]));

/** Scores every case (predictions already filtered of `info` alerts) and aggregates the tables. */
export function scoreCases(input: readonly ScoredCaseInput[], tolerance = 1): Report {
  const byCat = new Map<string, Tally>(CATEGORIES.map((c) => [c, { tp: 0, fp: 0, fn: 0 }]));
  const byRule = new Map<string, Tally>();
  const cases: ScoredCase[] = [];
  let primaryWrongRule = 0;
  const negatives = { cases: 0, withAlerts: 0, alerts: 0 };
  for (const c of input) {
    const primary = matchCase(c.expected, c.predicted, 'category', tolerance);
    const secondary = matchCase(c.expected, c.predicted, 'rule', tolerance);
    for (const pr of primary.pairs) {
      bump(byCat, c.expected[pr.expected]!.ruleCategory, 'tp');
      if (!pr.sameRule) primaryWrongRule++;
    }
    for (const i of primary.missed) bump(byCat, c.expected[i]!.ruleCategory, 'fn');
    for (const i of primary.falsePositives) bump(byCat, c.predicted[i]!.ruleCategory, 'fp');
    for (const pr of secondary.pairs) bump(byRule, c.expected[pr.expected]!.ruleHint, 'tp');
    for (const i of secondary.missed) bump(byRule, c.expected[i]!.ruleHint, 'fn');
    for (const i of secondary.falsePositives) bump(byRule, c.predicted[i]!.ruleId, 'fp');
    if (c.negative) {
      negatives.cases++;
      if (c.predicted.length > 0) negatives.withAlerts++;
      negatives.alerts += c.predicted.length;
    }
    cases.push({ id: c.id, negative: c.negative, primary, secondary });
  }
  return {
    cases,
    primary: { overall: rates(sum(byCat.values())), byCategory: toRates(byCat) },
    secondary: { overall: rates(sum(byRule.values())), byRule: toRates(byRule) },
    primaryWrongRule,
    negatives,
  };
}

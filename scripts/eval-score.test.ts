import { describe, expect, it } from 'vitest';
import { isCounted, matchCase, rates, scoreCases, type ExpectedItem, type PredictedItem } from './eval-score.js';

const exp = (ruleHint: string, atEventIndex: number, ruleCategory = 'violation'): ExpectedItem => ({ ruleCategory, ruleHint, atEventIndex });
const pred = (ruleId: string, atEventIndex: number, ruleCategory = 'violation', severity = 'high'): PredictedItem => ({
  ruleCategory,
  ruleId,
  atEventIndex,
  severity,
});

describe('matchCase (primary: category + index)', () => {
  it('matches the exact index', () => {
    const m = matchCase([exp('AD.ABSOLUTE_TERMS', 4)], [pred('AD.ABSOLUTE_TERMS', 4)]);
    expect(m.pairs).toEqual([{ expected: 0, predicted: 0, delta: 0, sameRule: true }]);
    expect(m.missed).toEqual([]);
    expect(m.falsePositives).toEqual([]);
  });

  it.each([3, 5])('tolerates ±1 event (alert at %i, expected at 4)', (at) => {
    const m = matchCase([exp('AD.ABSOLUTE_TERMS', 4)], [pred('AD.ABSOLUTE_TERMS', at)]);
    expect(m.pairs).toHaveLength(1);
    expect(m.pairs[0]!.delta).toBe(1);
  });

  it.each([2, 6])('does not match two events away (alert at %i, expected at 4): one miss and one false positive', (at) => {
    const m = matchCase([exp('AD.ABSOLUTE_TERMS', 4)], [pred('AD.ABSOLUTE_TERMS', at)]);
    expect(m.pairs).toEqual([]);
    expect(m.missed).toEqual([0]);
    expect(m.falsePositives).toEqual([0]);
  });

  it('honours a custom tolerance', () => {
    expect(matchCase([exp('R', 4)], [pred('R', 5)], 'category', 0).pairs).toEqual([]);
    expect(matchCase([exp('R', 4)], [pred('R', 6)], 'category', 2).pairs).toHaveLength(1);
  });

  it('matches each expected item at most once: a second alert for the same item is a false positive', () => {
    const m = matchCase([exp('LIVE.OFF_PLATFORM_DIVERSION', 7)], [pred('LIVE.OFF_PLATFORM_DIVERSION', 7), pred('LIVE.OFF_PLATFORM_DIVERSION', 8)]);
    expect(m.pairs).toEqual([{ expected: 0, predicted: 0, delta: 0, sameRule: true }]);
    expect(m.falsePositives).toEqual([1]);
    expect(m.missed).toEqual([]);
  });

  it('matches each alert at most once: two expected items, one alert → one miss', () => {
    const m = matchCase([exp('A', 3), exp('B', 4)], [pred('A', 3)]);
    expect(m.pairs).toHaveLength(1);
    expect(m.missed).toEqual([1]);
    expect(m.falsePositives).toEqual([]);
  });

  it('a wrong category is one false positive and one miss, even at the same index', () => {
    const m = matchCase([exp('PRICE.FAKE_SCARCITY_STOCK', 5, 'price-fraud')], [pred('AD.ABSOLUTE_TERMS', 5, 'violation')]);
    expect(m.pairs).toEqual([]);
    expect(m.missed).toEqual([0]);
    expect(m.falsePositives).toEqual([0]);
  });

  it('a different rule in the same category still counts for the primary metric (flagged sameRule=false)', () => {
    const m = matchCase([exp('LIVE.REVIEW_INDUCEMENT', 2)], [pred('LIVE.PRIZE_PROMOTION_VIOLATION', 2)]);
    expect(m.pairs).toEqual([{ expected: 0, predicted: 0, delta: 0, sameRule: false }]);
  });

  it('prefers the exact index over a neighbour when assigning greedily', () => {
    // Alert at 5 could serve either item; the exact one (expected at 5) must get it so both match.
    const m = matchCase([exp('A', 4), exp('B', 5)], [pred('B', 5), pred('A', 4)]);
    expect(m.pairs.map((p) => [p.expected, p.predicted, p.delta])).toEqual([
      [0, 1, 0],
      [1, 0, 0],
    ]);
  });

  it('prefers the same rule id when two items sit at the same index', () => {
    const m = matchCase(
      [exp('IP.COUNTERFEIT_SLANG', 9, 'infringement'), exp('IP.BRANDED_GOODS_PRIVATE_CHANNEL', 9, 'infringement')],
      [pred('IP.BRANDED_GOODS_PRIVATE_CHANNEL', 9, 'infringement'), pred('IP.COUNTERFEIT_SLANG', 9, 'infringement')],
    );
    expect(m.pairs.every((p) => p.sameRule)).toBe(true);
    expect(m.pairs.map((p) => [p.expected, p.predicted])).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });

  it('in a negative case every alert is a false positive', () => {
    const m = matchCase([], [pred('AD.ABSOLUTE_TERMS', 1), pred('LIVE.AI_ANCHOR_UNLABELED', 0)]);
    expect(m.pairs).toEqual([]);
    expect(m.falsePositives).toEqual([0, 1]);
    expect(m.missed).toEqual([]);
  });
});

describe('matchCase (secondary: exact rule id)', () => {
  it('a different rule in the same category is a miss and a false positive', () => {
    const m = matchCase([exp('LIVE.REVIEW_INDUCEMENT', 2)], [pred('LIVE.PRIZE_PROMOTION_VIOLATION', 2)], 'rule');
    expect(m.pairs).toEqual([]);
    expect(m.missed).toEqual([0]);
    expect(m.falsePositives).toEqual([0]);
  });

  it('keeps the ±1 tolerance', () => {
    expect(matchCase([exp('R', 2)], [pred('R', 3)], 'rule').pairs).toHaveLength(1);
  });
});

describe('scoreCases', () => {
  it('tallies per category, per rule and negatives', () => {
    const report = scoreCases([
      // positive, matched exactly
      { id: 'c1', negative: false, expected: [exp('AD.ABSOLUTE_TERMS', 3)], predicted: [pred('AD.ABSOLUTE_TERMS', 3)] },
      // positive, wrong category at the right place → FP (violation) + FN (price-fraud)
      { id: 'c2', negative: false, expected: [exp('PRICE.FAKE_COUNTDOWN', 6, 'price-fraud')], predicted: [pred('AD.ABSOLUTE_TERMS', 6)] },
      // positive, right category, other rule → primary TP, secondary FN + FP
      { id: 'c3', negative: false, expected: [exp('LIVE.REVIEW_INDUCEMENT', 2)], predicted: [pred('LIVE.PRIZE_PROMOTION_VIOLATION', 2)] },
      // negative with one alert
      { id: 'c4', negative: true, expected: [], predicted: [pred('IP.BRAND_CARD_PRICE_ANOMALY', 1, 'infringement', 'medium')] },
      // negative, clean
      { id: 'c5', negative: true, expected: [], predicted: [] },
    ]);
    expect(report.primary.byCategory.violation).toMatchObject({ tp: 2, fp: 1, fn: 0 });
    expect(report.primary.byCategory['price-fraud']).toMatchObject({ tp: 0, fp: 0, fn: 1 });
    expect(report.primary.byCategory.infringement).toMatchObject({ tp: 0, fp: 1, fn: 0 });
    expect(report.primary.overall).toMatchObject({ tp: 2, fp: 2, fn: 1 });
    expect(report.primary.overall.precision).toBeCloseTo(0.5);
    expect(report.primary.overall.recall).toBeCloseTo(2 / 3);
    expect(report.primaryWrongRule).toBe(1);
    expect(report.secondary.byRule['AD.ABSOLUTE_TERMS']).toMatchObject({ tp: 1, fp: 1, fn: 0 });
    expect(report.secondary.byRule['LIVE.REVIEW_INDUCEMENT']).toMatchObject({ tp: 0, fp: 0, fn: 1 });
    expect(report.secondary.byRule['LIVE.PRIZE_PROMOTION_VIOLATION']).toMatchObject({ tp: 0, fp: 1, fn: 0 });
    expect(report.negatives).toEqual({ cases: 2, withAlerts: 1, alerts: 1 });
  });
});

describe('rates and severity', () => {
  it('computes P, R, F1 and leaves undefined ratios null', () => {
    expect(rates({ tp: 3, fp: 1, fn: 1 })).toMatchObject({ precision: 0.75, recall: 0.75, f1: 0.75 });
    expect(rates({ tp: 0, fp: 0, fn: 2 })).toMatchObject({ precision: null, recall: 0, f1: 0 });
    expect(rates({ tp: 0, fp: 0, fn: 0 })).toMatchObject({ precision: null, recall: null, f1: null });
  });

  it('ignores info severity only', () => {
    expect(isCounted('info')).toBe(false);
    for (const s of ['low', 'medium', 'high', 'critical', undefined]) expect(isCounted(s)).toBe(true);
  });
});

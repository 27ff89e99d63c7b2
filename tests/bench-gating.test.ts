import { beforeAll, describe, expect, it } from 'vitest';
import { wrapDetectors } from '../bench/cost.js';
import { gatingBound, SPOKEN_PRICE_KINDS, type GatingBound, type GatingMsg } from '../bench/gating.js';
import type { Ruleset } from '../services/engine/index.js';
import { benchStream } from './harness/bench-stream.js';
import { runFeed, type Wire } from './harness/rule-under-test.js';

// The bench's gating bound (bench/gating.ts) on a small real stream and the real ruleset. No
// timing is asserted: the counts, the alerts of the skipping passes and the restored detectors.
describe('bench gating bound', () => {
  let ruleset: Ruleset;
  let wires: Wire[];
  let msgs: GatingMsg[];
  let bound: GatingBound;
  let detectorsBefore: unknown[];
  let alertsBefore: string[];

  /** Every alert and update of the stream, in order, through the engine as the tests run it. */
  const alertsOf = (): string[] => runFeed(ruleset, wires).flatMap((r) => [...r.alerts, ...r.updates].map((a) => `${a.id}:${a.data.occurrences}`));

  /** Calls per event of the rules whose detectors pass `member`, counted from the outside. */
  const callsPerEvent = (member: (kind: string) => boolean): number => {
    let calls = 0;
    const restore = wrapDetectors(ruleset, (inner) => (member(inner.kind) ? (input) => (calls++, inner.evaluate(input)) : inner.evaluate));
    try {
      alertsOf();
    } finally {
      restore();
    }
    return calls / msgs.length;
  };

  beforeAll(() => {
    ({ ruleset, wires, msgs } = benchStream(3000, 11));
    alertsBefore = alertsOf();
    expect(alertsBefore.length).toBeGreaterThan(20);
    detectorsBefore = ruleset.rules.map((r) => r.detector);
    bound = gatingBound(msgs, ruleset, 1);
  }, 120_000);

  it('skips only calls that change nothing: the same alerts and updates, in the same order', () => {
    expect(bound.families.map((f) => f.name)).toEqual(['every rule', 'the spoken-price rules']);
    for (const f of bound.families) expect(f.sameAlerts).toBe(true);
  });

  it('counts each family\'s calls and their no-op share', () => {
    const [all, spoken] = bound.families;
    expect(all!.rules).toBe(ruleset.rules.length);
    expect(spoken!.rules).toBe(ruleset.rules.filter((r) => SPOKEN_PRICE_KINDS.includes(r.detector.kind)).length);
    expect(spoken!.rules).toBeGreaterThanOrEqual(5);
    expect(all!.callsPerEvent).toBeCloseTo(callsPerEvent(() => true), 2);
    expect(spoken!.callsPerEvent).toBeCloseTo(callsPerEvent((k) => SPOKEN_PRICE_KINDS.includes(k)), 2);
    for (const f of bound.families) {
      // Some calls act (the stream raises alerts) and most do not.
      expect(f.noopShare).toBeGreaterThan(0.5);
      expect(f.noopShare).toBeLessThan(1);
      expect(f.everyCall.median).toBeGreaterThan(0);
      expect(f.noopsSkipped.median).toBeGreaterThan(0);
    }
  });

  it('puts the detectors back, so the engine afterwards is the engine before', () => {
    ruleset.rules.forEach((r, i) => expect(r.detector).toBe(detectorsBefore[i]));
    expect(alertsOf()).toEqual(alertsBefore);
  });
});

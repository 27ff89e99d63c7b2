import { beforeAll, describe, expect, it } from 'vitest';
import { COST_KINDS, costBreakdown, type CostMsg, type CostResults } from '../bench/cost.js';
import type { EventType, Ruleset } from '../services/engine/index.js';
import { benchStream } from './harness/bench-stream.js';
import { runFeed, type Wire } from './harness/rule-under-test.js';

// The bench's cost breakdown (bench/cost.ts) on a small real stream and the real ruleset.
describe('bench cost breakdown', () => {
  let ruleset: Ruleset;
  let wires: Wire[];
  let msgs: CostMsg[];
  let cost: CostResults;
  let detectorsBefore: unknown[];

  /** Every alert and update of the stream, in order, through the engine as the tests run it. */
  const alertsOf = (): string[] => runFeed(ruleset, wires).flatMap((r) => [...r.alerts, ...r.updates].map((a) => `${a.data.ruleId}:${a.id}:${a.data.occurrences}`));

  let alertsBefore: string[];
  beforeAll(() => {
    ({ ruleset, wires, msgs } = benchStream(3000, 11));
    alertsBefore = alertsOf();
    detectorsBefore = ruleset.rules.map((r) => r.detector);
    cost = costBreakdown(msgs, ruleset, 30);
  }, 60_000);

  it('counts every event once, in its kind', () => {
    const byType = (t: EventType) => msgs.filter((m) => m.type === t).length;
    const k = cost.byKind;
    expect(k['transcript with a numeral'].events + k['other transcript'].events).toBe(byType('transcript'));
    expect(k['transcript with a numeral'].events).toBeGreaterThan(0);
    expect(k['other transcript'].events).toBeGreaterThan(0);
    expect(k.price.events).toBe(byType('price'));
    expect(k.order.events).toBe(byType('order'));
    expect(k.room.events).toBe(byType('room'));
  });

  it('splits each kind into decode, rules and the engine path', () => {
    for (const kind of COST_KINDS) {
      const c = cost.byKind[kind];
      if (c.events === 0) continue;
      expect(c.totalUs).toBeGreaterThan(0);
      expect(c.decodeUs).toBeGreaterThan(0);
      expect(c.decodeUs + c.rulesUs + c.restUs).toBeCloseTo(c.totalUs, 1);
    }
    // Transcripts run the transcript rules; every transcript rule is called for a segment with a hit.
    expect(cost.byKind['transcript with a numeral'].ruleCallsPerEvent).toBeGreaterThan(1);
    expect(cost.byKind.price.ruleCallsPerEvent).toBeGreaterThan(1);
  });

  it('has one row per rule, costliest first, that add up to the rules part', () => {
    expect(cost.byRule.map((r) => r.rule).sort()).toEqual(ruleset.rules.map((r) => r.meta.id).sort());
    for (let i = 1; i < cost.byRule.length; i++) expect(cost.byRule[i - 1]!.usPerEvent).toBeGreaterThanOrEqual(cost.byRule[i]!.usPerEvent);
    const events = COST_KINDS.reduce((a, k) => a + cost.byKind[k].events, 0);
    const fromKinds = COST_KINDS.reduce((a, k) => a + cost.byKind[k].rulesUs * cost.byKind[k].events, 0) / events;
    const fromRules = cost.byRule.reduce((a, r) => a + r.usPerEvent, 0);
    expect(fromRules).toBeCloseTo(fromKinds, 0);
    // A price rule is never called for a room event, and a room rule never for a price event.
    const onlyOn = (t: EventType) => ruleset.rules.filter((r) => r.detector.on.length === 1 && r.detector.on[0] === t).map((r) => r.meta.id);
    for (const id of onlyOn('price')) expect(cost.byRule.find((r) => r.rule === id)!.byKind.room).toBe(0);
    for (const id of onlyOn('room')) expect(cost.byRule.find((r) => r.rule === id)!.byKind.price).toBe(0);
  });

  it('puts the detectors back, so the engine afterwards is the engine before', () => {
    expect(ruleset.rules.map((r) => r.detector)).toEqual(detectorsBefore);
    ruleset.rules.forEach((r, i) => expect(r.detector).toBe(detectorsBefore[i]));
    expect(alertsOf()).toEqual(alertsBefore);
  });
});

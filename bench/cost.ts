/**
 * Where the engine's time goes: one instrumented pass over the bench stream that times, per
 * event, `decodeEvent`, each rule's `evaluate` call and the whole event, grouped by event kind
 * (transcripts with a numeral, which the price rules parse, apart from the others).
 *
 * The rest (whole event − decode − rules) is the engine's own path: normalisation, the lexicon
 * scan, the product category, the rule loop, dedupe and the room-state copies. Every timer read
 * costs ≈ `timerOverheadNs`; that much is taken off each rule call and twice that per call off
 * the whole event, so the parts add up to the uninstrumented cost to within the timers' noise.
 * One pass (after a warm one), so the figures are for finding where to look, not for ratios.
 */
import { decodeEvent, evaluate, type EventType, type RoomState, type Ruleset } from '../services/engine/index.js';
import type { Detector } from '../services/engine/detectors/types.js';
import { hasNumeral } from '../services/engine/price/spoken-context.js';

export type CostMsg = { value: Buffer; topic: string; partition: number; offset: number; type: EventType; expected: EventType };

export const COST_KINDS = ['transcript with a numeral', 'other transcript', 'price', 'order', 'room'] as const;
type Kind = (typeof COST_KINDS)[number];

export type KindCost = {
  events: number;
  /** Microseconds per event of the kind. */
  totalUs: number;
  decodeUs: number;
  rulesUs: number;
  /** Engine path outside decode and the rules. */
  restUs: number;
  ruleCallsPerEvent: number;
};

export type RuleCost = {
  rule: string;
  /** Microseconds per event of the whole stream. */
  usPerEvent: number;
  /** Microseconds per event of each kind (0 where the rule was never called). */
  byKind: Record<Kind, number>;
};

export type CostResults = { how: string; byKind: Record<Kind, KindCost>; byRule: RuleCost[] };

const r2 = (x: number): number => Math.round(x * 100) / 100;

function kindOf(m: CostMsg): Kind {
  if (m.type !== 'transcript') return m.type;
  let text: unknown;
  try {
    text = (JSON.parse(m.value.toString('utf8')) as { text?: unknown } | null)?.text;
  } catch {
    text = undefined; // not JSON: it fails to decode, and counts with the other transcripts
  }
  return typeof text === 'string' && hasNumeral(text) ? 'transcript with a numeral' : 'other transcript';
}

/**
 * Wraps each rule's detector for a bench pass (detectors are shared by the rules of one kind,
 * so the wrapper is per rule): `wrap` gets the detector and the rule's index and returns the
 * `evaluate` to use. Returns the function that puts the detectors back.
 */
export function wrapDetectors(ruleset: Ruleset, wrap: (inner: Detector, ruleIndex: number) => Detector['evaluate']): () => void {
  const rules = ruleset.rules as unknown as Array<{ detector: Detector }>;
  const originals = rules.map((r) => r.detector);
  rules.forEach((r, ri) => (r.detector = { ...r.detector, evaluate: wrap(r.detector, ri) }));
  return () => rules.forEach((r, i) => (r.detector = originals[i]!));
}

export function costBreakdown(msgs: readonly CostMsg[], ruleset: Ruleset, timerOverheadNs: number): CostResults {
  const kinds = msgs.map((m) => COST_KINDS.indexOf(kindOf(m))); // before the timed pass: hasNumeral keeps a one-entry memo
  const K = COST_KINDS.length;
  const nRules = ruleset.rules.length;
  const ruleNs = new Float64Array(nRules * K);
  const ruleCalls = new Float64Array(nRules * K);
  const totalNs = new Float64Array(K);
  const decodeNs = new Float64Array(K);
  const events = new Float64Array(K);
  const now = process.hrtime.bigint;
  let current = 0;

  const restore = wrapDetectors(ruleset, (inner, ri) => (input) => {
    const t0 = now();
    const out = inner.evaluate(input);
    const at = ri * K + current;
    ruleNs[at] = ruleNs[at]! + Number(now() - t0) - timerOverheadNs;
    ruleCalls[at] = ruleCalls[at]! + 1;
    return out;
  });
  const pass = (record: boolean): void => {
    const rooms = new Map<string, RoomState>();
    for (let i = 0; i < msgs.length; i++) {
      const m = msgs[i]!;
      current = kinds[i]!;
      const t0 = now();
      const d = decodeEvent({ value: m.value, coords: { topic: m.topic, partition: m.partition, offset: m.offset }, expectedTopicType: m.expected });
      const t1 = now();
      if (!d.ok) continue;
      const out = evaluate(d.value, rooms.get(d.value.roomId), ruleset);
      rooms.set(d.value.roomId, out.room);
      const t2 = now();
      if (!record) continue;
      events[current] = events[current]! + 1;
      decodeNs[current] = decodeNs[current]! + Number(t1 - t0) - timerOverheadNs;
      totalNs[current] = totalNs[current]! + Number(t2 - t0) - timerOverheadNs;
    }
  };
  try {
    pass(false);
    ruleNs.fill(0);
    ruleCalls.fill(0);
    pass(true);
  } finally {
    restore();
  }

  const byKind = {} as Record<Kind, KindCost>;
  COST_KINDS.forEach((k, ki) => {
    const n = events[ki]!;
    let rulesNs = 0;
    let calls = 0;
    for (let ri = 0; ri < nRules; ri++) {
      rulesNs += ruleNs[ri * K + ki]!;
      calls += ruleCalls[ri * K + ki]!;
    }
    const total = totalNs[ki]! - 2 * timerOverheadNs * calls;
    const us = (ns: number): number => (n === 0 ? 0 : r2(ns / n / 1000));
    byKind[k] = { events: n, totalUs: us(total), decodeUs: us(decodeNs[ki]!), rulesUs: us(rulesNs), restUs: us(total - decodeNs[ki]! - rulesNs), ruleCallsPerEvent: n === 0 ? 0 : r2(calls / n) };
  });
  const all = events.reduce((a, b) => a + b, 0);
  const byRule: RuleCost[] = ruleset.rules.map((rule, ri) => {
    let ns = 0;
    const perKind = {} as Record<Kind, number>;
    COST_KINDS.forEach((k, ki) => {
      ns += ruleNs[ri * K + ki]!;
      perKind[k] = events[ki] === 0 ? 0 : r2(ruleNs[ri * K + ki]! / events[ki]! / 1000);
    });
    return { rule: rule.meta.id, usPerEvent: r2(ns / all / 1000), byKind: perKind };
  });
  byRule.sort((a, b) => b.usPerEvent - a.usPerEvent);
  return {
    how: 'one instrumented pass after a warm one: decodeEvent, each rule evaluate() and the whole event timed with hrtime, timer cost taken off; rest = whole − decode − rules',
    byKind,
    byRule,
  };
}

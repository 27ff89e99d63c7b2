/**
 * How much could the engine gain by not calling rules that have nothing to do? An upper bound,
 * measured: one pass records, for every event, which rule calls changed the rule's state or
 * found something; the others are no-ops. Then passes that skip the no-op calls by that record
 * (an oracle no real gate can beat: it knows the answer before the call) alternate with passes
 * that make every call, both through the same wrapper. The skipping passes must raise exactly
 * the same alerts and updates, which the bench checks.
 *
 * Per family of rules: every rule, and the rules whose detectors read the spoken-price parse
 * (a transcript's first such rule parses it; when every one of them would be a no-op, the
 * skipping pass never parses the segment at all).
 */
import { decodeEvent, evaluate, type EventType, type RoomState, type Ruleset } from '../services/engine/index.js';
import type { EvaluateOutput } from '../services/engine/detectors/types.js';
import { wrapDetectors } from './cost.js';
import { round, roundSpread, spread, type Spread } from './stats.js';

export type GatingMsg = { value: Buffer; topic: string; partition: number; offset: number; expected: EventType };

/** Detector kinds that parse what the anchor says about prices (services/engine/price/spoken-price.ts). */
export const SPOKEN_PRICE_KINDS = ['discount-claim-mismatch', 'spoken-price-not-honored', 'spoken-reference-price', 'undisclosed-price-condition', 'fake-countdown', 'historic-low-claim'];

export type GatingFamily = {
  name: string;
  rules: number;
  /** Calls of the family's rules per event, and the share of them that were no-ops. */
  callsPerEvent: number;
  noopShare: number;
  /** Engine events/s making every call, and skipping the family's no-op calls (same runs, alternated). */
  everyCall: Spread;
  noopsSkipped: Spread;
  /** Median of the per-run ratios (each skipping pass against the full pass next to it). */
  ratio: Spread;
  sameAlerts: boolean;
};

export type GatingBound = { how: string; families: GatingFamily[] };

type Mode = 'record' | 'every' | 'skip';
const NO_FINDINGS: EvaluateOutput<unknown>['findings'] = Object.freeze([]);

export function gatingBound(msgs: readonly GatingMsg[], ruleset: Ruleset, runs: number): GatingBound {
  const nRules = ruleset.rules.length;
  const needed = new Uint8Array(msgs.length * nRules);
  const calls = new Float64Array(nRules);
  const noops = new Float64Array(nRules);
  const inFamily = new Uint8Array(nRules);
  let mode: Mode = 'record';
  let current = 0;

  const restore = wrapDetectors(ruleset, (inner, ri) => (input) => {
    const at = current * nRules + ri;
    if (mode === 'skip' && inFamily[ri] === 1 && needed[at] === 0) return { state: input.state, findings: NO_FINDINGS };
    const out = inner.evaluate(input);
    if (mode === 'record') {
      calls[ri]!++;
      if (out.state !== input.state || out.findings.length > 0) needed[at] = 1;
      else noops[ri]!++;
    }
    return out;
  });

  /** One pass; its seconds and the ids of its alerts and updates, in order. */
  const pass = (): { seconds: number; ids: string[] } => {
    const rooms = new Map<string, RoomState>();
    const ids: string[] = [];
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < msgs.length; i++) {
      const m = msgs[i]!;
      current = i;
      const d = decodeEvent({ value: m.value, coords: { topic: m.topic, partition: m.partition, offset: m.offset }, expectedTopicType: m.expected });
      if (!d.ok) continue;
      const out = evaluate(d.value, rooms.get(d.value.roomId), ruleset);
      rooms.set(d.value.roomId, out.room);
      for (const a of out.alerts) ids.push(a.id);
      for (const a of out.updates) ids.push(`${a.id}+${a.data.occurrences}`);
    }
    return { seconds: Number(process.hrtime.bigint() - t0) / 1e9, ids };
  };

  const families: Array<{ name: string; member: (kind: string) => boolean }> = [
    { name: 'every rule', member: () => true },
    { name: 'the spoken-price rules', member: (kind) => SPOKEN_PRICE_KINDS.includes(kind) },
  ];
  try {
    mode = 'record';
    const reference = pass().ids;
    return {
      how:
        'one pass records which rule calls changed their state or found something; then passes that skip every other call of a family (an oracle: no gate can know more) alternate with passes that make every call, through the same wrapper',
      families: families.map(({ name, member }) => {
        let members = 0;
        let famCalls = 0;
        let famNoops = 0;
        ruleset.rules.forEach((rule, ri) => {
          const yes = member(rule.detector.kind);
          inFamily[ri] = yes ? 1 : 0;
          if (!yes) return;
          members++;
          famCalls += calls[ri]!;
          famNoops += noops[ri]!;
        });
        mode = 'skip';
        const warm = pass();
        let same = warm.ids.length === reference.length && warm.ids.every((id, i) => id === reference[i]);
        const every: number[] = [];
        const skipped: number[] = [];
        for (let r = 0; r < runs; r++) {
          // Alternate which goes first: the machine's drift falls on both.
          for (const m of r % 2 === 0 ? (['every', 'skip'] as const) : (['skip', 'every'] as const)) {
            mode = m;
            const x = pass();
            (m === 'every' ? every : skipped).push(msgs.length / x.seconds);
            if (m === 'skip') same &&= x.ids.length === reference.length && x.ids.every((id, i) => id === reference[i]);
          }
        }
        return {
          name,
          rules: members,
          callsPerEvent: round(famCalls / msgs.length, 2),
          noopShare: round(famCalls === 0 ? 0 : famNoops / famCalls, 4),
          everyCall: roundSpread(spread(every)),
          noopsSkipped: roundSpread(spread(skipped)),
          ratio: roundSpread(spread(skipped.map((s, i) => s / every[i]!)), 3),
          sameAlerts: same,
        };
      }),
    };
  } finally {
    restore();
  }
}

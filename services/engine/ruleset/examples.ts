/**
 * Rule examples run as tests (`supervisor rules test`, tests/rules.examples.test.ts): each
 * example's events go through the real decode and evaluate path, as JSON bytes, and the rule
 * must fire (or not) as the example says, anchored where it says.
 */
import { decodeEvent } from '../decode.js';
import { evaluate } from '../evaluate.js';
import type { RoomState } from '../state/room.js';
import type { CompiledRule, Ruleset } from './load.js';
import type { RuleExample } from './schema.js';

export const EXAMPLE_ROOM = 'room-example';
export const EXAMPLE_SESSION = 'sess-example';
const EXAMPLE_START = Date.parse('2026-11-26T20:00:00+08:00');
const EXAMPLE_STEP_MS = 5_000;

/** Fills roomId, sessionId and ts (5 s apart, +08:00) where an example leaves them out. */
export function exampleWireEvents(example: RuleExample): Array<Record<string, unknown>> {
  let at = EXAMPLE_START;
  return example.events.map((e) => {
    const ts = typeof e.ts === 'string' ? e.ts : new Date(at + 8 * 3600_000).toISOString().replace('Z', '+08:00');
    const parsed = Date.parse(ts);
    at = (Number.isNaN(parsed) ? at : parsed) + EXAMPLE_STEP_MS;
    return { roomId: EXAMPLE_ROOM, sessionId: EXAMPLE_SESSION, ts, ...e };
  });
}

export type ExampleOutcome = { rule: string; example: string; passed: boolean; detail: string };

export function runExample(ruleset: Ruleset, rule: CompiledRule, example: RuleExample): ExampleOutcome {
  const rooms = new Map<string, RoomState>();
  const firedAt: number[] = [];
  const events = exampleWireEvents(example);
  for (let i = 0; i < events.length; i++) {
    const decoded = decodeEvent({ value: Buffer.from(JSON.stringify(events[i])), coords: { topic: 'example', partition: 0, offset: i } });
    if (!decoded.ok) return { rule: rule.meta.id, example: example.name, passed: false, detail: `event ${i}: ${decoded.code} ${decoded.message}` };
    const ev = decoded.value;
    const out = evaluate(ev, rooms.get(ev.roomId), ruleset);
    rooms.set(ev.roomId, out.room);
    for (const a of out.alerts) if (a.data.ruleId === rule.meta.id) firedAt.push(i);
  }
  const fired = firedAt.length > 0;
  let passed = fired === example.fires;
  let detail = fired ? `fired at event ${firedAt.join(', ')}` : 'did not fire';
  if (passed && example.fires && example.at !== undefined && !firedAt.includes(example.at)) {
    passed = false;
    detail += `, expected at event ${example.at}`;
  }
  return { rule: rule.meta.id, example: example.name, passed, detail };
}

export function runAllExamples(ruleset: Ruleset): ExampleOutcome[] {
  return ruleset.rules.flatMap((rule) => rule.examples.map((ex) => runExample(ruleset, rule, ex)));
}

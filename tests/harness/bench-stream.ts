/**
 * The bench's generated stream for tests of the bench's own passes: the real ruleset, the
 * events as wire objects (for runFeed) and as the Kafka-like records the bench times.
 */
import { generateEvents } from '../../bench/generate.js';
import { EVENT_TYPE_TOPIC, type EventType, type Ruleset } from '../../services/engine/index.js';
import { loadRulesFromDisk } from '../../services/shared/rules-fs.js';
import type { Wire } from './rule-under-test.js';

export type BenchRecord = { value: Buffer; topic: string; partition: number; offset: number; type: EventType; expected: EventType };

export function benchStream(events: number, seed: number): { ruleset: Ruleset; wires: Wire[]; msgs: BenchRecord[] } {
  const loaded = loadRulesFromDisk();
  if (!loaded.ok) throw new Error('ruleset does not load');
  const lines = generateEvents(events, seed);
  const wires = lines.map((s) => JSON.parse(s) as Wire);
  const msgs = lines.map((s, i): BenchRecord => {
    const type = wires[i]!['type'] as EventType;
    return { value: Buffer.from(s), topic: EVENT_TYPE_TOPIC[type], partition: 0, offset: i, type, expected: type };
  });
  return { ruleset: loaded.ruleset, wires, msgs };
}

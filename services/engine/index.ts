/** The engine's public surface. Pure: no I/O, clock, env or logger anywhere below. */
export { decodeEvent, MAX_EVENT_BYTES, type DecodeError, type DecodeInput } from './decode.js';
export { evaluate, type EvaluateResult } from './evaluate.js';
export { loadRuleset, rulesetVersion, type LoadProblem, type LoadResult, type Ruleset, type SourceFile, type CompiledRule } from './ruleset/load.js';
export { RuleFileSchema } from './ruleset/schema.js';
export { newRoom, roomFromSnapshot, type RoomState } from './state/room.js';
export { AlertEnvelopeSchema, isAlertEnvelope, type AlertEnvelope } from './contracts/alert.js';
export * from './contracts/events.js';
export * from './contracts/topics.js';

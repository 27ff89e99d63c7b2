/**
 * Detector tests through the production path: a rule file (from rules/ or inline) with the
 * real seeds, loadRuleset, decodeEvent (from JSON) and evaluate, one room state per roomId.
 */
import { readFileSync } from 'node:fs';
import type { AlertEnvelope } from '../../services/engine/contracts/alert.js';
import { decodeEvent } from '../../services/engine/decode.js';
import { evaluate } from '../../services/engine/evaluate.js';
import { loadRuleset, type Ruleset } from '../../services/engine/ruleset/load.js';
import type { RoomState } from '../../services/engine/state/room.js';
import { readSources } from '../../services/shared/rules-fs.js';

export type Wire = Record<string, unknown>;

/** Loads rules given as (repo path) or (repo path, inline text) with the real seeds; throws on problems. */
export function loadRules(...files: Array<string | { path: string; text: string }>): Ruleset {
  const rules = files.map((f) => (typeof f === 'string' ? { path: f, text: readFileSync(new URL(`../../${f}`, import.meta.url), 'utf8') } : f));
  const r = loadRuleset({ rules, seeds: readSources().seeds, partial: true });
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.file}:${p.line} ${p.message}`).join('\n'));
  return r.ruleset;
}

/** Runs a feed of wire events; per event, its new alerts and its updates. */
export function runFeed(ruleset: Ruleset, feed: readonly Wire[]): Array<{ alerts: AlertEnvelope[]; updates: AlertEnvelope[] }> {
  const rooms = new Map<string, RoomState>();
  return feed.map((w, i) => {
    const d = decodeEvent({ value: JSON.stringify(w), coords: { topic: 't', partition: 0, offset: i } });
    if (!d.ok) throw new Error(`event ${i}: ${d.code} ${d.message}`);
    const out = evaluate(d.value, rooms.get(d.value.roomId), ruleset);
    rooms.set(d.value.roomId, out.room);
    return { alerts: out.alerts, updates: out.updates };
  });
}

const T0 = Date.parse('2026-11-26T20:00:00+08:00');
/** ISO time (+08:00) `s` seconds after 2026-11-26 20:00. */
export const isoAt = (s: number): string => new Date(T0 + s * 1000 + 8 * 3600_000).toISOString().replace('Z', '+08:00');

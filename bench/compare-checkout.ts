/**
 * The engine of whichever checkout this is run from (its services/engine and its rules/), on a
 * JSON Lines file of events: decode + evaluate, a 50,000-event warm-up, then RUNS passes (default
 * 5); prints one JSON line with the median, min and max events/s. Used to compare today's full
 * ruleset with an older engine (e.g. the foundation commit) on the same data:
 *
 *   node --import tsx bench/write-events.ts 200000 > /tmp/events.jsonl
 *   git worktree add /tmp/foundation 1921859 && ln -s "$PWD/node_modules" /tmp/foundation/
 *   node --max-semi-space-size=64 --import tsx bench/compare-checkout.ts /tmp/events.jsonl 3
 *   (cd /tmp/foundation && node --max-semi-space-size=64 --import tsx "$OLDPWD/bench/compare-checkout.ts" /tmp/events.jsonl 3)
 *
 * It loads the engine through its index and `loadRulesFromDisk`, which every commit since the
 * foundation has.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
const root = process.cwd();
const eng = await import(pathToFileURL(`${root}/services/engine/index.ts`).href);
const fs = await import(pathToFileURL(`${root}/services/shared/rules-fs.ts`).href);
const loaded = fs.loadRulesFromDisk();
if (!loaded.ok) throw new Error('ruleset');
const rs = loaded.ruleset;
const lines = readFileSync(process.argv[2]!, 'utf8').split('\n').filter((l) => l.length > 0);
const msgs = lines.map((s, i) => { const type = JSON.parse(s).type; return { value: Buffer.from(s), type, offset: i }; });
function pass(list: typeof msgs): number {
  const rooms = new Map<string, unknown>(); let alerts = 0;
  const t0 = process.hrtime.bigint();
  for (const m of list) {
    const d = eng.decodeEvent({ value: m.value, coords: { topic: eng.EVENT_TYPE_TOPIC[m.type], partition: 0, offset: m.offset }, expectedTopicType: m.type });
    if (!d.ok) continue;
    const out = eng.evaluate(d.value, rooms.get(d.value.roomId), rs);
    rooms.set(d.value.roomId, out.room); alerts += out.alerts.length;
  }
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  return list.length / s;
}
pass(msgs.slice(0, 50_000));
const runs = Number(process.argv[3] ?? 5); const eps: number[] = [];
for (let r = 0; r < runs; r++) eps.push(pass(msgs));
eps.sort((a, b) => a - b);
console.log(JSON.stringify({ root, rules: rs.rules.length, events: msgs.length, median: Math.round(eps[runs >> 1]!), min: Math.round(eps[0]!), max: Math.round(eps[runs - 1]!) }));

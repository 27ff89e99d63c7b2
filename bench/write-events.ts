/**
 * Writes the bench's generated mixed stream as JSON Lines, e.g. for `supervisor scan`:
 *   node --import tsx bench/write-events.ts 100000 > /tmp/events.jsonl
 * Arguments: event count (default 100000), seed (default 20261126).
 */
import { generateEvents } from './generate.js';

const n = Number(process.argv[2] ?? 100_000);
const seed = Number(process.argv[3] ?? 20261126);
if (!Number.isInteger(n) || n < 1 || !Number.isInteger(seed)) {
  process.stderr.write('usage: write-events.ts [COUNT] [SEED]\n');
  process.exit(2);
}
const events = generateEvents(n, seed);
for (let i = 0; i < events.length; i += 10_000) process.stdout.write(`${events.slice(i, i + 10_000).join('\n')}\n`);

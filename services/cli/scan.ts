/**
 * `supervisor scan --input FILE.jsonl`: the engine offline over a JSON Lines file, in file
 * order. One alert per line on stdout (the DESIGN.md envelope; trigger.topic = file name,
 * partition 0, offset = 0-based line). Bad lines go to stderr with line number and reason;
 * the scan goes on. Repeats folded into an open alert are printed only with --updates.
 */
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import { decodeEvent, evaluate, type RoomState, type Ruleset } from '../engine/index.js';

export type ScanStats = { lines: number; events: number; bad: number; alerts: number; updates: number };

export async function scanFile(
  file: string,
  ruleset: Ruleset,
  opts: { updates: boolean; out: NodeJS.WritableStream; err: NodeJS.WritableStream },
): Promise<ScanStats> {
  const topic = basename(file);
  const rooms = new Map<string, RoomState>();
  const stats: ScanStats = { lines: 0, events: 0, bad: 0, alerts: 0, updates: 0 };
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  let buffered = '';
  const flush = async () => {
    if (buffered.length === 0) return;
    const ok = opts.out.write(buffered);
    buffered = '';
    if (!ok) await new Promise((r) => opts.out.once('drain', r));
  };
  let offset = -1;
  for await (const line of lines) {
    offset++;
    stats.lines++;
    if (line.trim().length === 0) continue;
    const decoded = decodeEvent({ value: line, coords: { topic, partition: 0, offset } });
    if (!decoded.ok) {
      stats.bad++;
      opts.err.write(`${topic}:${offset + 1}: ${decoded.code}: ${decoded.message.replace(/\n/g, ' ')}\n`);
      continue;
    }
    stats.events++;
    const ev = decoded.value;
    const out = evaluate(ev, rooms.get(ev.roomId), ruleset);
    rooms.set(ev.roomId, out.room);
    for (const a of out.alerts) buffered += `${JSON.stringify(a)}\n`;
    stats.alerts += out.alerts.length;
    stats.updates += out.updates.length;
    if (opts.updates) for (const a of out.updates) buffered += `${JSON.stringify(a)}\n`;
    if (buffered.length > 65_536) await flush();
  }
  await flush();
  return stats;
}

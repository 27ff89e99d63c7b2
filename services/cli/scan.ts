/**
 * `supervisor scan --input FILE.jsonl`: the engine offline over a JSON Lines file, in file
 * order. One alert per line on stdout (the DESIGN.md envelope; trigger.topic = file name,
 * partition 0, offset = 0-based line). Bad lines go to stderr with line number and reason;
 * the scan goes on. Repeats folded into an open alert are printed only with --updates.
 */
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { decodeEvent, evaluate, type RoomState, type Ruleset } from '../engine/index.js';

export type ScanStats = { lines: number; events: number; bad: number; alerts: number; updates: number };

const READ_CHUNK = 1 << 20;
const FLUSH_AT = 1 << 16;
/** The line breaks node:readline splits on (crlfDelay Infinity): \r\n, \n, and a lone \r. */
const LINE_END = /\r\n|\n|\r(?!\n)/g;

/**
 * Calls onLine for every line of the file, in order, with the same lines node:readline would
 * give: read in 1 MiB chunks and split synchronously (no await per line).
 */
async function eachLine(file: string, onLine: (line: string) => void | Promise<void>): Promise<void> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(READ_CHUNK);
    const decoder = new StringDecoder('utf8'); // a chunk may end inside a character
    let carry = '';
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, READ_CHUNK, null);
      const eof = bytesRead === 0;
      const text = carry + (eof ? decoder.end() : decoder.write(buf.subarray(0, bytesRead)));
      let start = 0;
      LINE_END.lastIndex = 0;
      for (let m = LINE_END.exec(text); m !== null; m = LINE_END.exec(text)) {
        // A \r at the end of a chunk may be the first half of \r\n: decide with the next chunk.
        if (!eof && m[0] === '\r' && m.index === text.length - 1) break;
        const pending = onLine(text.slice(start, m.index));
        if (pending !== undefined) await pending;
        start = m.index + m[0].length;
      }
      carry = text.slice(start);
      if (eof) break;
    }
    if (carry.length > 0) {
      const pending = onLine(carry);
      if (pending !== undefined) await pending;
    }
  } finally {
    await fh.close();
  }
}

export async function scanFile(
  file: string,
  ruleset: Ruleset,
  opts: { updates: boolean; out: NodeJS.WritableStream; err: NodeJS.WritableStream },
): Promise<ScanStats> {
  const topic = basename(file);
  const rooms = new Map<string, RoomState>();
  const stats: ScanStats = { lines: 0, events: 0, bad: 0, alerts: 0, updates: 0 };
  let buffered = '';
  const flush = async () => {
    if (buffered.length === 0) return;
    const ok = opts.out.write(buffered);
    buffered = '';
    if (!ok) await new Promise((r) => opts.out.once('drain', r));
  };
  let offset = -1;
  await eachLine(file, (line) => {
    offset++;
    stats.lines++;
    if (line.trim().length === 0) return;
    const decoded = decodeEvent({ value: line, coords: { topic, partition: 0, offset } });
    if (!decoded.ok) {
      stats.bad++;
      opts.err.write(`${topic}:${offset + 1}: ${decoded.code}: ${decoded.message.replace(/\n/g, ' ')}\n`);
      return;
    }
    stats.events++;
    const ev = decoded.value;
    const out = evaluate(ev, rooms.get(ev.roomId), ruleset);
    rooms.set(ev.roomId, out.room);
    for (const a of out.alerts) buffered += `${JSON.stringify(a)}\n`;
    stats.alerts += out.alerts.length;
    stats.updates += out.updates.length;
    if (opts.updates) for (const a of out.updates) buffered += `${JSON.stringify(a)}\n`;
    if (buffered.length > FLUSH_AT) return flush(); // awaited only when the output is full
    return undefined;
  });
  await flush();
  return stats;
}

/**
 * `supervisor feed FILE... [--speed N|max] [--loop]`: produces JSON Lines sessions to the live.*
 * topics (key = roomId) with their relative timing: each event waits for the gap between its ts
 * and the newest ts seen so far in its file, divided by the speed. Order history before the
 * session goes live, and gaps over MAX_LIVE_GAP_MS, go at once. Files play side by side. With --loop, each round shifts event times forward and gives
 * sessions a new id, so a round is a fresh session rather than a replay of the same one.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { EVENT_TYPE_TOPIC } from '../engine/index.js';
import type { OutRecord, Producer } from '../shared/kafka/port.js';

export type FeedOptions = { speed: number | 'max'; loop: boolean; signal?: AbortSignal; onRound?: (file: string, round: number, sent: number) => void };

/** A gap in event time longer than this is a break (e.g. days of order history), not waited for. */
export const MAX_LIVE_GAP_MS = 10 * 60_000;

type Line = { raw: Record<string, unknown> | null; text: string; at: number };

function readLines(file: string): Line[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim().length > 0)
    .map((text) => {
      try {
        const raw = JSON.parse(text) as Record<string, unknown>;
        return { raw, text, at: typeof raw.ts === 'string' ? Date.parse(raw.ts) : Number.NaN };
      } catch {
        return { raw: null, text, at: Number.NaN }; // sent as is: a feed may carry bad input on purpose
      }
    });
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (ms <= 0 || signal?.aborted) return resolve();
    const onAbort = () => {
      clearTimeout(t);
      resolve();
    };
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

function toIso(at: number): string {
  return new Date(at + 8 * 3600_000).toISOString().replace('Z', '+08:00');
}

/** The record for one line in a given round (round 0 = the file as written). */
export function toRecord(line: Line, round: number, shiftMs: number): OutRecord {
  const raw = line.raw;
  const type = raw?.type;
  const topic = typeof type === 'string' && Object.hasOwn(EVENT_TYPE_TOPIC, type) ? EVENT_TYPE_TOPIC[type as keyof typeof EVENT_TYPE_TOPIC] : EVENT_TYPE_TOPIC.transcript;
  const isObject = typeof raw === 'object' && raw !== null && !Array.isArray(raw);
  if (!isObject || round === 0) return { topic, key: typeof raw?.roomId === 'string' ? raw.roomId : null, value: line.text };
  const shifted = { ...raw! };
  if (!Number.isNaN(line.at)) shifted.ts = toIso(line.at + round * shiftMs);
  if (typeof raw!.sessionId === 'string') shifted.sessionId = `${raw.sessionId}~r${round}`;
  return { topic, key: typeof raw!.roomId === 'string' ? raw!.roomId : null, value: JSON.stringify(shifted) };
}

async function feedFile(file: string, producer: Producer, opts: FeedOptions): Promise<number> {
  const lines = readLines(file);
  const times = lines.map((l) => l.at).filter((t) => !Number.isNaN(t));
  const span = times.length > 0 ? Math.max(...times) - Math.min(...times) : 0;
  const shiftMs = Math.ceil((span + 3600_000) / 3600_000) * 3600_000; // whole hours past the session
  // The session goes live at its first non-order event; orders before that are history and are
  // sent without waiting (a 7-day-rule basis arrives as a burst, as a backfill would).
  const liveTimes = lines.filter((l) => l.raw?.type !== 'order' && !Number.isNaN(l.at)).map((l) => l.at);
  const liveStart = liveTimes.length > 0 ? Math.min(...liveTimes) : Number.NEGATIVE_INFINITY;
  let total = 0;
  for (let round = 0; ; round++) {
    let newest = Number.NEGATIVE_INFINITY;
    let pending: OutRecord[] = [];
    for (const line of lines) {
      if (opts.signal?.aborted) break;
      if (opts.speed !== 'max' && !Number.isNaN(line.at) && line.at >= liveStart && line.at > newest) {
        if (newest !== Number.NEGATIVE_INFINITY) {
          if (pending.length > 0) await producer.send(pending);
          pending = [];
          const gap = line.at - newest;
          // A long pause inside a session (a break) is not waited for either.
          if (gap <= MAX_LIVE_GAP_MS) await sleep(gap / opts.speed, opts.signal);
        }
        newest = line.at;
      }
      pending.push(toRecord(line, round, shiftMs));
      if (pending.length >= 500) {
        await producer.send(pending);
        pending = [];
      }
    }
    if (pending.length > 0) await producer.send(pending);
    total += lines.length;
    opts.onRound?.(basename(file), round, lines.length);
    if (!opts.loop || opts.signal?.aborted) return total;
  }
}

export async function feed(files: readonly string[], producer: Producer, opts: FeedOptions): Promise<number> {
  const counts = await Promise.all(files.map((f) => feedFile(f, producer, opts)));
  return counts.reduce((a, b) => a + b, 0);
}

/**
 * `supervisor scan --input FILE.jsonl [--threads N]`: the engine offline over a JSON Lines
 * file, in file order. One alert per line on stdout (the DESIGN.md envelope; trigger.topic =
 * file name, partition 0, offset = 0-based line). Bad lines go to stderr with line number and
 * reason; the scan goes on. Repeats folded into an open alert are printed only with --updates.
 *
 * Rooms are independent (the engine's state is per room), so the lines are scanned in chunks,
 * each room's lines of a chunk one after the other (`scanChunk`), and a large file is scanned
 * by several engines, each owning the rooms whose id hashes to it: this thread and N − 1
 * worker threads (`scan-thread.ts`). This thread reads the lines, deals them out in chunks,
 * evaluates its own share while the threads do theirs, and writes each chunk's output in line
 * order once every engine has answered for it: the output is the same, byte for byte, as
 * evaluating the lines one by one in file order in one thread. (Taking a share itself, rather
 * than only dealing to N threads, saves a thread's start, ≈ 0.7 s of loading the ruleset, and
 * a copy of its lines: 1–7 % faster in alternating pairs on the bench's 500,000 events, two cores.)
 */
import { open, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { Worker } from 'node:worker_threads';
import { decodeEvent, evaluate, type RoomState, type Ruleset, type SourceFile } from '../engine/index.js';
import { groupByKey } from '../shared/group.js';

export type ScanStats = { lines: number; events: number; bad: number; alerts: number; updates: number };

export type ScanOptions = {
  updates: boolean;
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
  /** Engines: this thread and threads − 1 worker threads; 1 scans in this thread alone. Default: the cores, for a file of at least PARALLEL_MIN_BYTES. */
  threads?: number;
  /** Lines per chunk (default CHUNK_LINES); smaller only to test chunk edges. */
  chunkLines?: number;
};

const READ_CHUNK = 1 << 20;
const FLUSH_AT = 1 << 16;
/** Below this size a file is scanned in this thread: starting threads (each loads the ruleset, ≈ 0.5 s) would cost more. */
export const PARALLEL_MIN_BYTES = 4 << 20;
export const MAX_THREADS = 16;
/**
 * Lines scanned as one chunk, and how many chunks may be in the threads at once. A chunk holds
 * ≈ 15 MB of bench lines; the larger it is, the more of a room's events it groups (scanChunk).
 */
export const CHUNK_LINES = 65_536;
const CHUNKS_IN_FLIGHT = 2;
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

/**
 * Calls onChunk with every `chunkLines` non-blank lines of the file and their 0-based line
 * numbers, in order, then with the rest (if any); counts every line, blank ones too, in `stats`.
 */
async function eachChunk(
  file: string,
  chunkLines: number,
  stats: { lines: number },
  onChunk: (lines: string[], offsets: number[]) => void | Promise<void>,
): Promise<void> {
  let lines: string[] = [];
  let offsets: number[] = [];
  const emit = (): void | Promise<void> => {
    const [l, o] = [lines, offsets];
    lines = [];
    offsets = [];
    return onChunk(l, o);
  };
  let offset = -1;
  await eachLine(file, (line) => {
    offset++;
    stats.lines++;
    if (line.trim().length === 0) return undefined;
    lines.push(line);
    offsets.push(offset);
    return lines.length < chunkLines ? undefined : emit();
  });
  if (lines.length > 0) await emit();
}

/** Counts of one thread's lines (`lines` is the reader's). */
export type LineCounts = Omit<ScanStats, 'lines'>;

/**
 * The engine over one non-blank line at `offset`: the alert lines it prints (with updates if
 * asked) and its error line ('' for none). `rooms` holds the state of every room seen so far.
 */
export function scanLine(
  line: string,
  offset: number,
  topic: string,
  rooms: Map<string, RoomState>,
  ruleset: Ruleset,
  updates: boolean,
  counts: LineCounts,
): { out: string; err: string } {
  const decoded = decodeEvent({ value: line, coords: { topic, partition: 0, offset } });
  if (!decoded.ok) {
    counts.bad++;
    return { out: '', err: `${topic}:${offset + 1}: ${decoded.code}: ${decoded.message.replace(/\n/g, ' ')}\n` };
  }
  counts.events++;
  const ev = decoded.value;
  const result = evaluate(ev, rooms.get(ev.roomId), ruleset);
  rooms.set(ev.roomId, result.room);
  let out = '';
  for (const a of result.alerts) out += `${JSON.stringify(a)}\n`;
  counts.alerts += result.alerts.length;
  counts.updates += result.updates.length;
  if (updates) for (const a of result.updates) out += `${JSON.stringify(a)}\n`;
  return { out, err: '' };
}

/**
 * The engine over a chunk of non-blank lines (`offsets` their 0-based line numbers): each line's
 * alert and error text, in the chunk's order. The lines of one room are evaluated together, in
 * file order, room after room (lines without a room id first: they change no room), so a room's
 * state and the engine's memos for its product are still in the CPU caches for its next event.
 * On the bench's 500,000 events (5,000 rooms) the scan is 18 % faster than in file order with
 * one thread, 9 % with two (BENCHMARKS.md). Rooms are independent and every memo is of a pure
 * function, so each line's output is what file order gives.
 */
export function scanChunk(
  lines: readonly string[],
  offsets: readonly number[],
  topic: string,
  rooms: Map<string, RoomState>,
  ruleset: Ruleset,
  updates: boolean,
  counts: LineCounts,
): { outs: string[]; errs: string[] } {
  const outs = new Array<string>(lines.length);
  const errs = new Array<string>(lines.length);
  const run = (i: number): void => {
    const r = scanLine(lines[i]!, offsets[i]!, topic, rooms, ruleset, updates, counts);
    outs[i] = r.out;
    errs[i] = r.err;
  };
  // Each room's lines one after the other (a line with no room id changes no room: key '').
  const indices = Array.from(lines, (_, i) => i);
  for (const i of groupByKey(indices, (k) => roomIdOf(lines[k]!) ?? '')) run(i);
  return { outs, errs };
}

/** Output in order, written in blocks; awaits only when the stream asks to. */
function createWriter(stream: NodeJS.WritableStream) {
  let buffered = '';
  const flush = async (): Promise<void> => {
    if (buffered.length === 0) return;
    const ok = stream.write(buffered);
    buffered = '';
    if (!ok) await new Promise((r) => stream.once('drain', r));
  };
  return {
    add(text: string): void {
      buffered += text;
    },
    /** Writes once enough is buffered (a promise only if the stream is full). */
    maybeFlush: (): Promise<void> | undefined => (buffered.length > FLUSH_AT ? flush() : undefined),
    flush,
  };
}

export async function scanFile(file: string, ruleset: Ruleset, opts: ScanOptions): Promise<ScanStats> {
  const threads = opts.threads ?? ((await stat(file)).size >= PARALLEL_MIN_BYTES ? Math.min(availableParallelism(), MAX_THREADS) : 1);
  return threads > 1 ? scanInThreads(file, ruleset, opts, threads) : scanHere(file, ruleset, opts);
}

async function scanHere(file: string, ruleset: Ruleset, opts: ScanOptions): Promise<ScanStats> {
  const topic = basename(file);
  const rooms = new Map<string, RoomState>();
  const stats: ScanStats = { lines: 0, events: 0, bad: 0, alerts: 0, updates: 0 };
  const out = createWriter(opts.out);
  await eachChunk(file, opts.chunkLines ?? CHUNK_LINES, stats, async (lines, offsets) => {
    const { outs, errs } = scanChunk(lines, offsets, topic, rooms, ruleset, opts.updates, stats);
    const err = errs.join('');
    if (err !== '') opts.err.write(err);
    for (const o of outs) {
      out.add(o);
      const pending = out.maybeFlush();
      if (pending !== undefined) await pending;
    }
  });
  await out.flush();
  return stats;
}

/** What the main thread tells a scan thread at start (`workerData`). */
export type ThreadSetup = { topic: string; updates: boolean; version: string; rules: SourceFile[]; seeds: SourceFile[] };
/** One chunk's lines for a thread, and its answer: output and error text per line, in the same order. */
export type ThreadChunk = { lines: string[]; offsets: number[] };
export type ThreadAnswer = { outs: string[]; errs: string[]; counts: LineCounts };

const ROOM_KEY = '"roomId"';

/**
 * The room id of a line whose top-level `roomId` is a string (every line that decodes to an
 * event): read straight off the text when the line has one `"roomId"` followed by a colon
 * and a plain string (no escapes), else from JSON.parse. Outside a key, `"roomId"` cannot
 * occur unescaped except as a string value, which no colon follows. For any other line the
 * answer is only a routing hint: such a line changes no room.
 */
export function roomIdOf(line: string): string | undefined {
  const at = line.indexOf(ROOM_KEY);
  if (at !== -1 && line.indexOf(ROOM_KEY, at + ROOM_KEY.length) === -1) {
    let i = at + ROOM_KEY.length;
    while (line.charCodeAt(i) === 32) i++;
    if (line.charCodeAt(i) === 58 /* : */) {
      i++;
      while (line.charCodeAt(i) === 32) i++;
      if (line.charCodeAt(i) === 34 /* " */) {
        const end = line.indexOf('"', i + 1);
        const id = end === -1 ? '' : line.slice(i + 1, end);
        if (end !== -1 && !id.includes('\\')) return id;
      }
    }
  }
  try {
    const id = (JSON.parse(line) as { roomId?: unknown } | null)?.roomId;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}

/** The engine that owns a line's room: FNV-1a of its id. A line with no room id changes no room; engine 0 (the scan's own thread) reports it. */
export function threadOf(line: string, threads: number): number {
  const roomId = roomIdOf(line);
  if (roomId === undefined) return 0;
  let h = 0x811c9dc5;
  for (let i = 0; i < roomId.length; i++) h = Math.imul(h ^ roomId.charCodeAt(i), 0x01000193);
  return (h >>> 0) % threads;
}

type ScanThread = { worker: Worker; waiting: Array<{ resolve: (a: ThreadAnswer) => void; reject: (e: Error) => void }>; failed: Error | null };

function startThread(setup: ThreadSetup): ScanThread {
  const worker = new Worker(new URL('./scan-thread.mjs', import.meta.url), { workerData: setup });
  const t: ScanThread = { worker, waiting: [], failed: null };
  const fail = (err: Error): void => {
    t.failed ??= err;
    for (const w of t.waiting.splice(0)) w.reject(t.failed);
  };
  worker.on('message', (answer: ThreadAnswer) => t.waiting.shift()?.resolve(answer));
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`scan thread exited (code ${code})`)));
  return t;
}

function ask(t: ScanThread, chunk: ThreadChunk): Promise<ThreadAnswer> {
  if (t.failed !== null) return Promise.reject(t.failed);
  return new Promise((resolve, reject) => {
    t.waiting.push({ resolve, reject });
    t.worker.postMessage(chunk);
  });
}

async function scanInThreads(file: string, ruleset: Ruleset, opts: ScanOptions, n: number): Promise<ScanStats> {
  const ruleFiles = new Set(ruleset.rules.map((r) => r.file));
  const setup: ThreadSetup = {
    topic: basename(file),
    updates: opts.updates,
    version: ruleset.version,
    rules: ruleset.sources.filter((s) => ruleFiles.has(s.path)),
    seeds: ruleset.sources.filter((s) => !ruleFiles.has(s.path)),
  };
  // n engines: this thread (engine 0, which also reads, deals and writes) and n − 1 worker
  // threads. This thread starts on its share while the others load the ruleset.
  const threads = Array.from({ length: n - 1 }, () => startThread(setup));
  const rooms = new Map<string, RoomState>();
  const stats: ScanStats = { lines: 0, events: 0, bad: 0, alerts: 0, updates: 0 };
  const out = createWriter(opts.out);
  // Chunks dealt out and not yet written, oldest first: which thread has each line, and the answers.
  const inFlight: Array<{ owner: Uint8Array; answers: Promise<ThreadAnswer[]> }> = [];

  const deal = (lines: string[], offsets: number[]): void => {
    const owner = new Uint8Array(lines.length);
    const parts: ThreadChunk[] = Array.from({ length: n }, () => ({ lines: [], offsets: [] }));
    for (let i = 0; i < lines.length; i++) {
      const k = threadOf(lines[i]!, n);
      owner[i] = k;
      parts[k]!.lines.push(lines[i]!);
      parts[k]!.offsets.push(offsets[i]!);
    }
    const empty: ThreadAnswer = { outs: [], errs: [], counts: { events: 0, bad: 0, alerts: 0, updates: 0 } };
    // The threads' parts go out first, so they run while this thread does its own.
    const theirs = threads.map((t, k) => (parts[k + 1]!.lines.length > 0 ? ask(t, parts[k + 1]!) : empty));
    const counts: LineCounts = { events: 0, bad: 0, alerts: 0, updates: 0 };
    const own = parts[0]!;
    const mine: ThreadAnswer = own.lines.length > 0 ? { ...scanChunk(own.lines, own.offsets, setup.topic, rooms, ruleset, opts.updates, counts), counts } : empty;
    inFlight.push({ owner, answers: Promise.all([mine, ...theirs]) });
  };

  /** Writes the oldest chunk in line order once every thread has answered for it. */
  const writeOldest = async (): Promise<void> => {
    const { owner, answers } = inFlight.shift()!;
    const got = await answers;
    const next = new Array<number>(n).fill(0);
    let errs = '';
    for (let i = 0; i < owner.length; i++) {
      const k = owner[i]!;
      const j = next[k]!++;
      out.add(got[k]!.outs[j]!);
      errs += got[k]!.errs[j]!;
    }
    for (const a of got) {
      stats.events += a.counts.events;
      stats.bad += a.counts.bad;
      stats.alerts += a.counts.alerts;
      stats.updates += a.counts.updates;
    }
    if (errs !== '') opts.err.write(errs);
    await out.flush();
  };

  try {
    await eachChunk(file, opts.chunkLines ?? CHUNK_LINES, stats, (lines, offsets) => {
      deal(lines, offsets);
      return inFlight.length >= CHUNKS_IN_FLIGHT ? writeOldest() : undefined;
    });
    while (inFlight.length > 0) await writeOldest();
  } finally {
    // A failed chunk leaves the others' answers unawaited: nothing may reject unobserved.
    for (const c of inFlight) c.answers.catch(() => undefined);
    await Promise.all(threads.map((t) => t.worker.terminate()));
  }
  return stats;
}

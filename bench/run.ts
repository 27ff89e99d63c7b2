/**
 * `npm run bench`: the engine in process, on one core, over a generated realistic stream
 * (bench/generate.ts). Measures, each as the median of BENCH_RUNS runs with min and max:
 *   - engine.eventsPerSec        decodeEvent (from a Buffer, like Kafka delivers) + evaluate,
 *                                with a Map of room states, exactly as the worker's batch loop,
 *                                the full ruleset with its lexicons padded to 5,000 terms
 *                                (pad-lexicon.ts; the ruleset's own lexicons in the same runs
 *                                as engine.ownLexicon);
 *   - engine.nsPerEvent          per-event latency (p50/p90/p99/p99.9/max), every event timed
 *                                with process.hrtime.bigint in separate passes;
 *   - jsonParseOnly.eventsPerSec Buffer → toString → JSON.parse alone: the reference floor;
 *   - engine.vsJsonParse         engine / jsonParse throughput ratio;
 *   - decodeOnly, transcript-only and price-only throughput; alerts per rule (sanity);
 *   - engine.gatingBound         how much faster the engine runs when the rule calls that change
 *                                nothing are skipped by an oracle: no gate can gain more
 *                                (bench/gating.ts; BENCH_GATING_EVENTS, 100000);
 *   - gatewayStore               the gateway's µs per alert message (decode, SQLite store,
 *                                WebSocket frame) over the stream's alerts (bench/store.ts);
 *   - e2e                        copied from the last `npm run bench:e2e` (bench/e2e-summary.ts).
 * Prints a table and writes bench/results.json (BENCH_OUT overrides the path).
 *
 * Env: BENCH_EVENTS (200000), BENCH_RUNS (5), BENCH_SEED (20261126), BENCH_AGED_EVENTS (500000; 20000
 *      when BENCH_EVENTS < 200000; 0 = none: memory per room after that much of the stream),
 *      BENCH_VENUE_ROOMS (100; 5 when BENCH_EVENTS < 200000; 0 = none: rooms whose 10 skus each
 *      hold a full order history).
 * Smoke: BENCH_EVENTS=5000 BENCH_RUNS=1 npm run bench
 * Exit code 1 when a generated event fails to decode (the generator and the contract drifted).
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, totalmem, arch, platform, release } from 'node:os';
import { decodeEvent, evaluate, EVENT_TYPE_TOPIC, DEFAULT_PARTITIONS, type EventType, type RoomState, type Ruleset } from '../services/engine/index.js';
import { loadRuleset } from '../services/engine/index.js';
import { loadRulesFromDisk, PROJECT_ROOT, readSources } from '../services/shared/rules-fs.js';
import { generateEvents, roomCount, MIX } from './generate.js';
import { e2eSummary, ENGINE_RESULTS } from './e2e-summary.js';
import { lexiconBench, lexiconRows } from './lexicon.js';
import { memoryBench } from './memory.js';
import { costBreakdown, COST_KINDS } from './cost.js';
import { gatingBound } from './gating.js';
import { memoryLatency } from './memory-latency.js';
import { round, roundSpread, spread, type Spread } from './stats.js';
import { storeBench, storeRows } from './store.js';
import { groupByKey } from '../services/shared/group.js';
import { LEXICON_SCALE, padLexicon, roomTranscripts } from './pad-lexicon.js';

// ───────────────────────────── config ─────────────────────────────

function envInt(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const v = Number(raw.replace(/_/g, ''));
  if (!Number.isInteger(v) || v < min) {
    process.stderr.write(`bench: ${name}=${JSON.stringify(raw)} is not an integer ≥ ${min}\n`);
    process.exit(2);
  }
  return v;
}

const N = envInt('BENCH_EVENTS', 200_000, 1);
const RUNS = envInt('BENCH_RUNS', 5, 1);
const SEED = envInt('BENCH_SEED', 20261126, 0);
const OUT = process.env['BENCH_OUT'] ?? ENGINE_RESULTS;
/** Latency and subset passes: fewer than the throughput runs, to keep a default run under ~2 min. */
const LATENCY_RUNS = Math.min(RUNS, 3);
const SUBSET_RUNS = Math.min(RUNS, 3);
const WARMUP_EVENTS = Math.min(N, 50_000);
const BASELINE_RULES = ['AD.ABSOLUTE_TERMS', 'PRICE.ORIGINAL_PRICE_ABOVE_7DAY_MIN', 'LIVE.AI_ANCHOR_UNLABELED'];

// ───────────────────────────── input ─────────────────────────────

type Msg = { value: Buffer; topic: string; partition: number; offset: number; type: EventType; expected: EventType; roomId: string };
const TYPES: readonly EventType[] = ['transcript', 'price', 'order', 'room'];

/** Kafka-like records: the bytes, the topic of the event's type, partition by roomId, offsets per topic-partition. */
function toMessages(events: readonly string[]): Msg[] {
  const offsets = new Map<string, number>();
  return events.map((s) => {
    const o = JSON.parse(s) as { type: EventType; roomId: string };
    let h = 0;
    for (let i = 0; i < o.roomId.length; i++) h = (Math.imul(h, 31) + o.roomId.charCodeAt(i)) | 0;
    const partition = (h >>> 0) % DEFAULT_PARTITIONS;
    const topic = EVENT_TYPE_TOPIC[o.type];
    const k = `${topic}/${partition}`;
    const offset = offsets.get(k) ?? 0;
    offsets.set(k, offset + 1);
    return { value: Buffer.from(s, 'utf8'), topic, partition, offset, type: o.type, expected: o.type, roomId: o.roomId };
  });
}

const sortedCounts = (r: Record<string, number>): Array<[string, number]> => Object.entries(r).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

// ───────────────────────────── passes ─────────────────────────────

type PassResult = { seconds: number; alerts: Record<string, number>; updates: Record<string, number>; failed: number; rooms: number };

/** decode + evaluate over every message, fresh room states, in record order (the worker's loop). */
function enginePass(msgs: readonly Msg[], ruleset: Ruleset): PassResult {
  const rooms = new Map<string, RoomState>();
  const alerts: Record<string, number> = {};
  const updates: Record<string, number> = {};
  let failed = 0;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < msgs.length; i++) {
    const m = msgs[i]!;
    const d = decodeEvent({ value: m.value, coords: { topic: m.topic, partition: m.partition, offset: m.offset }, expectedTopicType: m.expected });
    if (!d.ok) {
      failed++;
      continue;
    }
    const ev = d.value;
    const out = evaluate(ev, rooms.get(ev.roomId), ruleset);
    rooms.set(ev.roomId, out.room);
    for (const a of out.alerts) alerts[a.data.ruleId] = (alerts[a.data.ruleId] ?? 0) + 1;
    for (const a of out.updates) updates[a.data.ruleId] = (updates[a.data.ruleId] ?? 0) + 1;
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return { seconds, alerts, updates, failed, rooms: rooms.size };
}

/** Every event timed on its own (timer overhead included; measured separately). */
function latencyPass(msgs: readonly Msg[], ruleset: Ruleset): Float64Array {
  const rooms = new Map<string, RoomState>();
  const ns = new Float64Array(msgs.length);
  const now = process.hrtime.bigint;
  for (let i = 0; i < msgs.length; i++) {
    const m = msgs[i]!;
    const t0 = now();
    const d = decodeEvent({ value: m.value, coords: { topic: m.topic, partition: m.partition, offset: m.offset }, expectedTopicType: m.expected });
    if (d.ok) {
      const out = evaluate(d.value, rooms.get(d.value.roomId), ruleset);
      rooms.set(d.value.roomId, out.room);
    }
    ns[i] = Number(now() - t0);
  }
  return ns;
}

let sink = 0; // keeps the parse results observable so nothing is optimised away

function jsonPass(msgs: readonly Msg[]): number {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < msgs.length; i++) {
    const o = JSON.parse(msgs[i]!.value.toString('utf8')) as { ts?: string };
    sink += o.ts?.length ?? 0;
  }
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

function decodePass(msgs: readonly Msg[]): number {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < msgs.length; i++) {
    const m = msgs[i]!;
    const d = decodeEvent({ value: m.value, coords: { topic: m.topic, partition: m.partition, offset: m.offset }, expectedTopicType: m.expected });
    if (d.ok) sink += d.value.at & 1;
  }
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

function timerOverheadNs(): number {
  const now = process.hrtime.bigint;
  const k = 200_000;
  const a = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const t0 = now();
    a[i] = Number(now() - t0);
  }
  return quantile(a.sort(), 0.5);
}

// ───────────────────────────── stats ─────────────────────────────

function quantile(sorted: Float64Array | number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i]!;
}

type LatencyStats = { p50: number; p90: number; p99: number; p999: number; max: number; mean: number };

function latencyStats(ns: Float64Array): LatencyStats {
  const s = Float64Array.from(ns).sort();
  let sum = 0;
  for (const x of s) sum += x;
  return { p50: quantile(s, 0.5), p90: quantile(s, 0.9), p99: quantile(s, 0.99), p999: quantile(s, 0.999), max: s[s.length - 1] ?? NaN, mean: sum / s.length };
}

// ───────────────────────────── machine ─────────────────────────────

function git(args: string[]): string | null {
  try {
    return execFileSync('git', args, { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'ignore'], encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

function machine() {
  const c = cpus();
  const dirty = git(['status', '--porcelain']);
  return {
    node: process.version,
    v8: process.versions.v8,
    platform: `${platform()} ${release()} ${arch()}`,
    cpuModel: c[0]?.model.trim() ?? 'unknown',
    cpuCount: c.length,
    totalMemGiB: round(totalmem() / 2 ** 30, 1),
    date: new Date().toISOString(),
    gitCommit: git(['rev-parse', '--short', 'HEAD']),
    gitDirty: dirty === null ? null : dirty.length > 0,
  };
}

// ───────────────────────────── output ─────────────────────────────

const fmt = (x: number): string => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : '–');
const fmtSpread = (s: Spread): string => `${fmt(s.median)}  (${fmt(s.min)} … ${fmt(s.max)})`;

function table(rows: Array<[string, string]>): string {
  const w = Math.max(...rows.filter(([, v]) => v !== '').map(([k]) => k.length));
  return rows.map(([k, v]) => (v === '' ? k : `  ${k.padEnd(w)}  ${v}`)).join('\n');
}

// ───────────────────────────── main ─────────────────────────────

async function main(): Promise<void> {
  const log = (s: string) => process.stderr.write(`${s}\n`);
  const started = process.hrtime.bigint();

  let t = process.hrtime.bigint();
  const loaded = loadRulesFromDisk();
  if (!loaded.ok) {
    for (const p of loaded.problems) log(`${p.file}:${p.line}: ${p.message}`);
    process.exit(2);
  }
  const own = loaded.ruleset;
  const loadMs = Number(process.hrtime.bigint() - t) / 1e6;

  log(`bench: generating ${N.toLocaleString('en-US')} events (seed ${SEED}, ${roomCount(N).toLocaleString('en-US')} rooms)…`);
  t = process.hrtime.bigint();
  const events = generateEvents(N, SEED);
  const msgs = toMessages(events);
  const generateMs = Number(process.hrtime.bigint() - t) / 1e6;

  // The issue's scale: lexicons of at least 5,000 terms, with terms the stream never says.
  const sources = readSources();
  const pad = padLexicon(sources, own, roomTranscripts(events), LEXICON_SCALE, SEED);
  const ruleset = pad.ruleset;
  log(`bench: lexicons padded from ${pad.ownTerms.toLocaleString('en-US')} to ${pad.totalTerms.toLocaleString('en-US')} terms (${pad.generatedTerms.toLocaleString('en-US')} generated, none said in the stream)`);
  // The three rules of the foundation engine, on the same code and seeds: the reference the
  // full catalogue's throughput is compared with.
  const baseLoaded = loadRuleset({ rules: sources.rules.filter((f) => BASELINE_RULES.some((id) => f.path.endsWith(`/${id}.yaml`))), seeds: pad.sources.seeds, partial: true });
  if (!baseLoaded.ok) {
    for (const p of baseLoaded.problems) log(`${p.file}:${p.line}: ${p.message}`);
    process.exit(2);
  }
  const baseline = baseLoaded.ruleset;
  const bytes = msgs.reduce((a, m) => a + m.value.length, 0);
  const mix = Object.fromEntries(TYPES.map((ty) => [ty, msgs.filter((m) => m.type === ty).length])) as Record<EventType, number>;
  // The same records with each room's events made consecutive (each room's own order kept): the
  // engine with its room's state warm in cache, as `supervisor scan` runs it. A worker does so
  // only within a turn: a few events per room when it is behind, one at a live rate.
  const grouped = [...groupByKey(msgs, (m) => m.roomId)];
  const transcriptOnly = msgs.filter((m) => m.type === 'transcript');
  const priceOnly = msgs.filter((m) => m.type === 'price');

  log(`bench: warming up on ${WARMUP_EVENTS.toLocaleString('en-US')} events…`);
  const warm = msgs.slice(0, WARMUP_EVENTS);
  enginePass(warm, ruleset);
  jsonPass(warm);
  decodePass(warm);
  latencyPass(warm.slice(0, 10_000), ruleset);

  enginePass(warm, baseline);
  enginePass(warm, own);
  enginePass(grouped.slice(0, WARMUP_EVENTS), ruleset);
  const engineRuns: PassResult[] = [];
  const ownRuns: PassResult[] = [];
  const baselineSecs: number[] = [];
  const jsonSecs: number[] = [];
  const decodeSecs: number[] = [];
  const groupedRuns: PassResult[] = [];
  for (let r = 0; r < RUNS; r++) {
    log(`bench: run ${r + 1}/${RUNS}…`);
    engineRuns.push(enginePass(msgs, ruleset));
    groupedRuns.push(enginePass(grouped, ruleset));
    ownRuns.push(enginePass(msgs, own));
    baselineSecs.push(enginePass(msgs, baseline).seconds);
    jsonSecs.push(jsonPass(msgs));
    decodeSecs.push(decodePass(msgs));
  }
  const latencies: LatencyStats[] = [];
  const byType: Record<EventType, LatencyStats[]> = { transcript: [], price: [], order: [], room: [] };
  for (let r = 0; r < LATENCY_RUNS; r++) {
    log(`bench: latency pass ${r + 1}/${LATENCY_RUNS}…`);
    const ns = latencyPass(msgs, ruleset);
    latencies.push(latencyStats(ns));
    for (const ty of TYPES) {
      const sel = ns.filter((_, i) => msgs[i]!.type === ty);
      if (sel.length > 0) byType[ty].push(latencyStats(sel));
    }
  }
  const subsetSecs = { transcript: [] as number[], price: [] as number[] };
  for (let r = 0; r < SUBSET_RUNS; r++) {
    log(`bench: subsets ${r + 1}/${SUBSET_RUNS}…`);
    if (transcriptOnly.length > 0) subsetSecs.transcript.push(enginePass(transcriptOnly, ruleset).seconds);
    if (priceOnly.length > 0) subsetSecs.price.push(enginePass(priceOnly, ruleset).seconds);
  }
  const overhead = timerOverheadNs();
  log('bench: cost by event kind and by rule (one instrumented pass)…');
  const cost = costBreakdown(msgs, ruleset, overhead);
  const gatingEvents = Math.min(N, envInt('BENCH_GATING_EVENTS', 100_000, 1));
  log(`bench: what skipping no-op rule calls could gain (an oracle, ${fmt(gatingEvents)} events)…`);
  const gating = gatingBound(msgs.slice(0, gatingEvents), ruleset, SUBSET_RUNS);
  const lexicon = lexiconBench(own, { segments: envInt('BENCH_SEGMENTS', Math.min(120_000, Math.max(20_000, N)), 1), runs: RUNS, seed: SEED, log });
  const agedEvents = envInt('BENCH_AGED_EVENTS', N >= 200_000 ? 500_000 : 20_000, 0);
  const venueRooms = envInt('BENCH_VENUE_ROOMS', N >= 200_000 ? 100 : 5, 0);
  log(`bench: memory (100,000 young rooms${agedEvents > 0 ? `, the stream's rooms after ${agedEvents} events` : ''}${venueRooms > 0 ? `, ${venueRooms} busy venues` : ''}, child node --expose-gc)…`);
  const memory = memoryBench({ rooms: envInt('BENCH_ROOMS', 100_000, 1), agedEvents, venueRooms, seed: SEED });
  log('bench: dependent-load latency (0.5–256 MiB)…');
  const loadNs = memoryLatency();
  const gatewayStore = await storeBench(msgs, ruleset, { runs: RUNS, log });

  // ── results
  const eps = (n: number, secs: number[]) => spread(secs.map((s) => n / s));
  const engineEps = eps(N, engineRuns.map((r) => r.seconds));
  const groupedEps = eps(N, groupedRuns.map((r) => r.seconds));
  const ownEps = eps(N, ownRuns.map((r) => r.seconds));
  const ownFirst = ownRuns[0]!;
  const jsonEps = eps(N, jsonSecs);
  const baselineEps = eps(N, baselineSecs);
  const decodeEps = eps(N, decodeSecs);
  const first = engineRuns[0]!;
  const deterministic = engineRuns.every((r) => JSON.stringify(r.alerts) === JSON.stringify(first.alerts) && JSON.stringify(r.updates) === JSON.stringify(first.updates));
  // The generated terms are never said: the padded and the own lexicons must raise the same alerts.
  // Rooms are independent: the grouped order must raise exactly the alerts of the arrival order.
  const groupedSame = JSON.stringify(sortedCounts(groupedRuns[0]!.alerts)) === JSON.stringify(sortedCounts(first.alerts)) && JSON.stringify(sortedCounts(groupedRuns[0]!.updates)) === JSON.stringify(sortedCounts(first.updates));
  const sameAlerts = JSON.stringify(ownFirst.alerts) === JSON.stringify(first.alerts) && JSON.stringify(ownFirst.updates) === JSON.stringify(first.updates);
  const ruleIds = ruleset.rules.map((r) => r.meta.id);
  const alertsByRule = Object.fromEntries(ruleIds.map((id) => [id, { alerts: first.alerts[id] ?? 0, updates: first.updates[id] ?? 0 }]));
  const silent = ruleIds.filter((id) => (first.alerts[id] ?? 0) === 0);
  const lat = (k: keyof LatencyStats) => roundSpread(spread(latencies.map((l) => l[k])));
  const heap = process.memoryUsage();

  const results = {
    benchmark: 'engine in-process (decode + evaluate), one core',
    machine: { ...machine(), dependentLoadNs: loadNs },
    config: { events: N, runs: RUNS, latencyRuns: LATENCY_RUNS, subsetRuns: SUBSET_RUNS, seed: SEED, rooms: roomCount(N), warmupEvents: WARMUP_EVENTS },
    input: {
      mixTarget: MIX,
      mix,
      bytes,
      avgBytesPerEvent: round(bytes / N, 1),
      generateMs: round(generateMs),
    },
    ruleset: {
      version: ruleset.version,
      rules: ruleIds,
      loadMs: round(loadMs),
      /** Lexicon terms (the automaton's distinct patterns): the ruleset's own, and generated ones (pad-lexicon.ts). */
      lexiconTerms: { own: pad.ownTerms, generated: pad.generatedTerms, total: pad.totalTerms, addedTo: pad.file },
      ownVersion: own.version,
    },
    engine: {
      eventsPerSec: roundSpread(engineEps),
      nsPerEvent: { p50: lat('p50'), p90: lat('p90'), p99: lat('p99'), p999: lat('p999'), max: lat('max'), mean: lat('mean') },
      nsPerEventByType: Object.fromEntries(
        TYPES.filter((ty) => byType[ty].length > 0).map((ty) => [
          ty,
          { p50: round(spread(byType[ty].map((l) => l.p50)).median), p99: round(spread(byType[ty].map((l) => l.p99)).median), mean: round(spread(byType[ty].map((l) => l.mean)).median) },
        ]),
      ),
      timerOverheadNs: round(overhead),
      vsJsonParse: round(engineEps.median / jsonEps.median, 4),
      /** The same passes with the ruleset's own lexicons (no generated terms), in the same runs. */
      ownLexicon: { terms: pad.ownTerms, eventsPerSec: roundSpread(ownEps), vsJsonParse: round(ownEps.median / jsonEps.median, 4), sameAlerts },
      baselineThreeRules: { rules: baseline.rules.map((r) => r.meta.id), eventsPerSec: roundSpread(baselineEps) },
      /** The same records with each room's events consecutive (room state warm in cache), in the same runs. */
      groupedByRoom: { eventsPerSec: roundSpread(groupedEps), vsArrivalOrder: round(groupedEps.median / engineEps.median, 4), perRun: roundSpread(spread(engineRuns.map((r, i) => r.seconds / groupedRuns[i]!.seconds)), 4), sameAlerts: groupedSame },
      vsThreeRules: round(engineEps.median / baselineEps.median, 4),
      /** The same ratio per run (each full pass against the 3-rule pass right after it): steadier on a shared machine. */
      vsThreeRulesPerRun: roundSpread(spread(engineRuns.map((r, i) => baselineSecs[i]! / r.seconds)), 4),
      mbPerSec: round((engineEps.median * bytes) / N / 1e6, 1),
      roomsInState: first.rooms,
      heapUsedMiB: round(heap.heapUsed / 2 ** 20, 1),
      /** Where the time goes: by event kind (decode, rules, the engine's own path) and by rule. */
      cost,
      /** The upper bound of gating: rule calls that change nothing, skipped by an oracle (bench/gating.ts). */
      gatingBound: { events: gatingEvents, runs: SUBSET_RUNS, ...gating },
    },
    jsonParseOnly: { eventsPerSec: roundSpread(jsonEps) },
    decodeOnly: { eventsPerSec: roundSpread(decodeEps), vsJsonParse: round(decodeEps.median / jsonEps.median, 4) },
    subsets: {
      transcriptOnly: subsetSecs.transcript.length > 0 ? { events: transcriptOnly.length, eventsPerSec: roundSpread(eps(transcriptOnly.length, subsetSecs.transcript)) } : null,
      priceOnly: subsetSecs.price.length > 0 ? { events: priceOnly.length, eventsPerSec: roundSpread(eps(priceOnly.length, subsetSecs.price)) } : null,
    },
    alerts: {
      byRule: alertsByRule,
      total: Object.values(first.alerts).reduce((a, b) => a + b, 0),
      updatesTotal: Object.values(first.updates).reduce((a, b) => a + b, 0),
      deterministicAcrossRuns: deterministic,
      rulesWithoutAlerts: silent,
    },
    lexicon,
    memory,
    /** The gateway's cost per alert message (decode, SQLite store, WebSocket frame), in process: bench/store.ts. */
    gatewayStore,
    decodeFailures: first.failed,
    /** Through the real broker: the last `npm run bench:e2e` (it needs a broker and minutes), null if never run. */
    e2e: e2eSummary(),
    wallSeconds: 0,
  };
  results.wallSeconds = round(Number(process.hrtime.bigint() - started) / 1e9, 1);

  writeFileSync(OUT, `${JSON.stringify(results, null, 2)}\n`);

  const pct = (n: number) => `${((100 * n) / N).toFixed(1)}%`;
  const e = results.engine;
  const rows: Array<[string, string]> = [
    [`live-room supervisor — engine benchmark (${results.machine.node}, ${results.machine.cpuModel} ×${results.machine.cpuCount}, commit ${results.machine.gitCommit ?? '?'}${results.machine.gitDirty ? '+dirty' : ''})`, ''],
    ['events', `${fmt(N)} in ${fmt(roomCount(N))} rooms, ${RUNS} runs, seed ${SEED}, ${round(bytes / N)} B/event avg`],
    ['mix', TYPES.map((ty) => `${ty} ${pct(mix[ty])}`).join(' · ')],
    ['ruleset', `${ruleset.version} (${ruleIds.length} rules; lexicons ${fmt(pad.totalTerms)} terms: ${fmt(pad.ownTerms)} own + ${fmt(pad.generatedTerms)} generated; own ruleset ${own.version} loaded in ${fmt(loadMs)} ms)`],
    ['', ''],
    ['throughput, events/s', 'median  (min … max)'],
    ['engine (decode+evaluate)', fmtSpread(engineEps)],
    [`engine, own lexicons (${fmt(pad.ownTerms)} terms)`, `${fmtSpread(ownEps)}  (${e.ownLexicon.vsJsonParse.toFixed(4)} of JSON.parse; ${sameAlerts ? 'same alerts' : 'ALERTS DIFFER'})`],
    [`engine, each room's events consecutive`, `${fmtSpread(groupedEps)}  (${e.groupedByRoom.vsArrivalOrder.toFixed(2)}× arrival order; per run ${e.groupedByRoom.perRun.median.toFixed(2)}, ${e.groupedByRoom.perRun.min.toFixed(2)}–${e.groupedByRoom.perRun.max.toFixed(2)}; ${groupedSame ? 'same alerts' : 'ALERTS DIFFER'})`],
    [`engine, 3 foundation rules`, `${fmtSpread(baselineEps)}  (full / 3 rules = ${e.vsThreeRules.toFixed(2)}; per run ${e.vsThreeRulesPerRun.median.toFixed(2)}, ${e.vsThreeRulesPerRun.min.toFixed(2)}–${e.vsThreeRulesPerRun.max.toFixed(2)})`],
    ['decode only', fmtSpread(decodeEps)],
    ['JSON.parse only', fmtSpread(jsonEps)],
    ['engine / JSON.parse', `${e.vsJsonParse.toFixed(4)}  (JSON.parse is ${(jsonEps.median / engineEps.median).toFixed(1)}× faster)`],
    ['transcript-only', results.subsets.transcriptOnly ? fmtSpread(eps(transcriptOnly.length, subsetSecs.transcript)) : '–'],
    ['price-only', results.subsets.priceOnly ? fmtSpread(eps(priceOnly.length, subsetSecs.price)) : '–'],
    ['', ''],
    [`latency per event, ns (median of ${LATENCY_RUNS} passes; timer ≈${fmt(overhead)} ns)`, ''],
    ['p50 / p90 / p99', `${fmt(e.nsPerEvent.p50.median)} / ${fmt(e.nsPerEvent.p90.median)} / ${fmt(e.nsPerEvent.p99.median)}`],
    ['p99.9 / max', `${fmt(e.nsPerEvent.p999.median)} / ${fmt(e.nsPerEvent.max.median)}`],
    ...TYPES.filter((ty) => e.nsPerEventByType[ty] !== undefined).map((ty): [string, string] => {
      const s = e.nsPerEventByType[ty]!;
      return [`  ${ty} p50 / p99`, `${fmt(s.p50)} / ${fmt(s.p99)}`];
    }),
    ['', ''],
    ['cost by event kind, µs per event (instrumented pass)', 'whole = decode + rules + engine path  (rule calls per event)'],
    ...COST_KINDS.map((k): [string, string] => {
      const c = cost.byKind[k];
      return [`${k} (${fmt(c.events)})`, `${c.totalUs.toFixed(1)} = ${c.decodeUs.toFixed(1)} + ${c.rulesUs.toFixed(1)} + ${c.restUs.toFixed(1)}  (${c.ruleCallsPerEvent.toFixed(1)})`];
    }),
    ['costliest rules, µs per event of the stream', ''],
    ...cost.byRule.slice(0, 8).map((r): [string, string] => [`  ${r.rule}`, r.usPerEvent.toFixed(2)]),
    [`no-op rule calls skipped by an oracle (${fmt(gatingEvents)} events), events/s`, 'every call → no-ops skipped  (per-run ratio; no-op share of calls)'],
    ...gating.families.map((f): [string, string] => [
      `  ${f.name} (${f.rules} rules, ${f.callsPerEvent.toFixed(1)} calls per event)`,
      `${fmt(f.everyCall.median)} → ${fmt(f.noopsSkipped.median)}  (${f.ratio.median.toFixed(2)}×, ${f.ratio.min.toFixed(2)}–${f.ratio.max.toFixed(2)}; ${(f.noopShare * 100).toFixed(1)} %; ${f.sameAlerts ? 'same alerts' : 'ALERTS DIFFER'})`,
    ]),
    ['', ''],
    [`alerts (new / folded repeats)${deterministic ? '' : '  NOT DETERMINISTIC ACROSS RUNS'}`, ''],
    ...ruleIds.map((id): [string, string] => [id, `${fmt(alertsByRule[id]!.alerts)} / ${fmt(alertsByRule[id]!.updates)}`]),
    ['', ''],
    ...lexiconRows(lexicon),
    ['memory per live room', `${fmt(memory.bytesPerRoom)} B  (${fmt(memory.rooms)} rooms × ${memory.eventsPerRoom} events, ${memory.retainedMiB} MiB retained)`],
    ...(memory.aged === undefined
      ? []
      : [['memory per aged room', `${fmt(memory.aged.bytesPerRoom)} B  (${fmt(memory.aged.rooms)} rooms × ${memory.aged.eventsPerRoom} events, median ${memory.aged.medianSessionEvents} in the current session; snapshot ${fmt(memory.aged.snapshotCharsPerRoom)} chars)`] as [string, string]]),
    ...(memory.venue === undefined
      ? []
      : [['memory per busy venue', `${fmt(memory.venue.bytesPerRoom)} B, ${memory.venue.bytesPerOrder} B per order  (${fmt(memory.venue.rooms)} rooms × ${memory.venue.skusPerRoom} skus × ${memory.venue.ordersPerSku} orders)`] as [string, string]]),
    ['', ''],
    ...storeRows(gatewayStore),
    ['', ''],
    ['dependent load (one cache miss), ns', Object.entries(loadNs).map(([k, v]) => `${k} ${v}`).join(' · ')],
    ['rooms in state / heap', `${fmt(first.rooms)} / ${e.heapUsedMiB} MiB`],
    ['wall time', `${results.wallSeconds} s → ${OUT}`],
  ];
  process.stdout.write(`${table(rows)}\n`);

  if (silent.length > 0) log(`bench: WARNING no alerts from ${silent.join(', ')} (too few events? BENCH_EVENTS=${N})`);
  if (!deterministic) log('bench: WARNING alert counts differ between runs');
  if (!groupedSame) log('bench: WARNING each room\'s events made consecutive raised other alerts than the arrival order');
  if (!sameAlerts) log('bench: WARNING the padded lexicons raised other alerts than the own ones (a generated term was said)');
  for (const f of gating.families) if (!f.sameAlerts) log(`bench: WARNING skipping the no-op calls of ${f.name} raised other alerts: the no-op record is wrong`);
  if (first.failed > 0) {
    log(`bench: ${first.failed} generated events failed to decode: bench/generate.ts and the event contract disagree`);
    process.exitCode = 1;
  }
  if (sink === -1) log(''); // never true; reads the sink
}

main().catch((err: unknown) => {
  process.stderr.write(`bench: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});

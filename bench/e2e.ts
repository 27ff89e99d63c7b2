/**
 * `npm run bench:e2e`: the product end to end through a real Kafka broker, per Kafka client
 * (KAFKA_CLIENT = kafkajs | rdkafka for the worker and the gateway):
 *
 *   local broker (infra/kafka, KAFKA_PORT, default 19492)
 *     → bench producer (kafkajs, the same for both clients) → live.* topics
 *     → `supervisor start --roles worker`  (real binary, own process)
 *     → supervisor.alerts
 *     → `supervisor start --roles gateway` (real binary, own process: SQLite store + WebSocket hub)
 *     → a WebSocket client on /v1/stream (in this process)
 *
 * (a) max sustained throughput of a warm worker: E2E_TP_WARMUP generated events (bench/generate.ts,
 *     the realistic mix) are loaded into the topics BEFORE the worker starts; the worker and
 *     gateway start and work through them (the cold phase). Then the worker is stopped (SIGSTOP),
 *     the N measured events (the same stream's next ones, so the rooms go on) are loaded, and the
 *     worker is continued (SIGCONT). Rate = N over the time from SIGCONT to the first poll of the
 *     worker group's committed offsets (every 100 ms) that finds everything committed. The worker
 *     commits only after the alerts were acknowledged and a checkpoint wrote the snapshots, so
 *     "committed" means "processed, alerts out, state durable". Why warm: a freshly started
 *     worker spends its first ≈ 5–9 s (100,000–180,000 events) with V8's background threads
 *     compiling the engine, 0.5–0.8 of a core on the same two cores (seen per thread in /proc);
 *     a worker in service did that long ago. The cold phase is kept as `coldStart` (its first
 *     batch → all its events committed, startup and group join excluded); E2E_TP_WARMUP=0
 *     measures only a cold worker over N events (the method before the fifteenth session). With
 *     E2E_WORKERS > 1 the default warm-up is 150,000 events per worker: each process warms up on
 *     its own half, and with 150,000 in all two workers still compiled in the measured window.
 *     Then the same runs again with E2E_SCALE_WORKERS (default 2) worker processes in the group,
 *     both cores running workers as a deployment on this machine would (`scaled` in the results).
 * (b) latency at a fixed offered rate (E2E_RATE, default 5,000 events/s, for E2E_SECONDS): the
 *     generated stream is produced on a 5 ms tick, and E2E_PROBES_PER_SEC of those events are
 *     probes: a planted absolute-term claim in a room of its own (so each makes a NEW alert).
 *     The produce call time of each probe is recorded; latency = WebSocket receipt of the probe's
 *     `alert` frame − produce call (one process, one clock). Probes of the first E2E_WARMUP
 *     seconds are excluded from the percentiles (reported separately).
 *
 * (c) before the first measured latency run, one run of (b) that is not counted (E2E_BROKER_WARMUP=1,
 *     0 = none): the broker JVM's compiler threads take up to 0.7 of a core for ≈ 12 s the first
 *     time the broker serves that workload (seen per thread in /proc), which a long-running
 *     broker did long ago; its figures are kept apart as `brokerWarmupRun`.
 * Every phase starts from recreated topics, fresh consumer groups and a fresh gateway data dir.
 * CPU seconds of each process over the measured window (from /proc) say what bounded a figure.
 * Writes bench/results-e2e.json (E2E_OUT) and prints a table.
 *
 * Env: E2E_CLIENTS (kafkajs,rdkafka), E2E_EVENTS (100000), E2E_TP_WARMUP (150000 per worker), E2E_RUNS (3 throughput runs),
 *      E2E_LATENCY_RUNS (3), E2E_RATE (5000), E2E_SECONDS (25), E2E_WARMUP (5),
 *      E2E_PROBES_PER_SEC (20), E2E_BROKER_WARMUP (1), E2E_WORKERS (1 worker process), E2E_SCALE_WORKERS
 *      (2; 0 = no second throughput series), E2E_SEED (20261126), KAFKA_PORT (19492), KAFKA_BROKERS (use that
 *      broker instead of starting one), SUPERVISOR_RULES_DIR (e.g. a lighter ruleset to isolate
 *      the Kafka path; the results are labelled with the ruleset's rule count and version),
 *      E2E_LEXICON_TERMS (5000: the project's rules with their lexicons padded to the issue's
 *      scale as in `npm run bench`, with terms neither stream nor probe says, written to a temp
 *      seeds dir the worker loads; 0 = the project's own lexicons; ignored with
 *      SUPERVISOR_RULES_DIR).
 * Smoke: E2E_EVENTS=5000 E2E_RUNS=1 E2E_SECONDS=4 E2E_WARMUP=1 E2E_SCALE_WORKERS=0 E2E_CLIENTS=kafkajs npm run bench:e2e
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { arch, cpus, platform, release, tmpdir, totalmem } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kafka, Message } from 'kafkajs';
import WebSocket from 'ws';
import { EVENT_TYPE_TOPIC, INPUT_TOPICS, type EventType } from '../services/engine/index.js';
import { startLocalBroker, type LocalBroker } from '../services/shared/kafka/local-broker.js';
import { resetTopics, testKafka } from '../tests/harness/kafka-tools.js';
import { spawnSupervisor, type SupervisorProcess } from '../tests/harness/supervisor-process.js';
import { refreshE2eSection } from './e2e-summary.js';
import { generateEvents } from './generate.js';
import { LEXICON_SCALE, roomTranscripts, writePaddedSeeds } from './pad-lexicon.js';

// ───────────────────────────── config ─────────────────────────────

function envInt(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const v = Number(raw.replace(/_/g, ''));
  if (!Number.isInteger(v) || v < min) {
    process.stderr.write(`bench:e2e: ${name}=${JSON.stringify(raw)} is not an integer ≥ ${min}\n`);
    process.exit(2);
  }
  return v;
}

const CLIENTS = (process.env.E2E_CLIENTS ?? 'kafkajs,rdkafka').split(',').map((s) => s.trim()).filter(Boolean) as Array<'kafkajs' | 'rdkafka'>;
const N = envInt('E2E_EVENTS', 100_000, 100);
const RUNS = envInt('E2E_RUNS', 3, 1);
const LATENCY_RUNS = envInt('E2E_LATENCY_RUNS', 3, 0);
const RATE = envInt('E2E_RATE', 5_000, 1);
const SECONDS = envInt('E2E_SECONDS', 25, 1);
const WARMUP = envInt('E2E_WARMUP', 5, 0);
const PROBES_PER_SEC = envInt('E2E_PROBES_PER_SEC', 20, 1);
/** One unmeasured latency run before the first measured ones (the broker JVM's warm-up); 0 = none. */
const BROKER_WARMUP = envInt('E2E_BROKER_WARMUP', 1, 0) > 0;
/** Worker processes of the throughput and latency runs (one consumer group: they share the partitions). */
const WORKERS = envInt('E2E_WORKERS', 1, 1);
/**
 * Worker processes of a second throughput series, the machine's two cores both running workers
 * (the deployment that uses this machine); 0, or no more than E2E_WORKERS, = no such series.
 */
const SCALE_WORKERS = envInt('E2E_SCALE_WORKERS', 2, 0);
/**
 * Events the workers process before the measured window opens (JIT warm-up); 0 = none. By
 * default 150,000 per worker process: each process compiles the engine on its own share of them.
 */
const warmupFor = (workers: number): number => envInt('E2E_TP_WARMUP', 150_000 * workers, 0);
const TP_WARMUP = warmupFor(WORKERS);
const SCALED = SCALE_WORKERS > WORKERS ? { workers: SCALE_WORKERS, warmup: warmupFor(SCALE_WORKERS) } : null;
const SEED = envInt('E2E_SEED', 20261126, 0);
const KAFKA_PORT = envInt('KAFKA_PORT', 19492, 1);
const OUT = process.env.E2E_OUT ?? fileURLToPath(new URL('./results-e2e.json', import.meta.url));
const RULES_DIR = process.env.SUPERVISOR_RULES_DIR;
const LEXICON_TERMS = envInt('E2E_LEXICON_TERMS', LEXICON_SCALE, 0);
/** The padded seeds the worker loads (SUPERVISOR_SEEDS_DIR), when E2E_LEXICON_TERMS asks for them. */
let seedsDir: string | null = null;
/** The padded ruleset's version: the worker must say it loaded that one. */
let expectedVersion: string | null = null;
const TOKEN = 'e2e-bench-token-0123456789abcdef';
const TICK_MS = 5;
const POLL_MS = 100;

for (const c of CLIENTS) {
  if (c !== 'kafkajs' && c !== 'rdkafka') {
    process.stderr.write(`bench:e2e: unknown client ${c} (kafkajs | rdkafka)\n`);
    process.exit(2);
  }
}

const say = (msg: string) => process.stderr.write(`[e2e] ${msg}\n`);
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

// ───────────────────────────── input ─────────────────────────────

type Ev = { topic: string; key: string; value: Buffer };

function toEvents(lines: readonly string[]): Ev[] {
  return lines.map((s) => {
    const o = JSON.parse(s) as { type: EventType; roomId: string };
    return { topic: EVENT_TYPE_TOPIC[o.type], key: o.roomId, value: Buffer.from(s, 'utf8') };
  });
}

const PROBE_TEXTS = ['全网最低价了家人们，别家都没有这个价', '这款是全网销量第一的，闭眼入', '绝对是全网最好用的，上班通勤都能用', '我们是行业第一品牌，品质有保障'];

function probeEvent(run: string, i: number): Ev {
  const roomId = `e2e-probe-${run}-${i}`;
  const value = JSON.stringify({
    type: 'transcript',
    roomId,
    sessionId: `sess-${roomId}`,
    ts: '2026-11-26T20:30:00+08:00',
    text: PROBE_TEXTS[i % PROBE_TEXTS.length],
    speaker: 'anchor',
    seq: 1,
  });
  return { topic: EVENT_TYPE_TOPIC.transcript, key: roomId, value: Buffer.from(value, 'utf8') };
}

function byTopic(evs: readonly Ev[]): Array<{ topic: string; messages: Message[] }> {
  const m = new Map<string, Message[]>();
  for (const e of evs) {
    let list = m.get(e.topic);
    if (list === undefined) m.set(e.topic, (list = []));
    list.push({ key: e.key, value: e.value });
  }
  return [...m].map(([topic, messages]) => ({ topic, messages }));
}

// ───────────────────────────── processes ─────────────────────────────

/** utime + stime of a process, seconds (Linux /proc). */
function cpuSeconds(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / 100; // fields 14, 15 (clock ticks; 100/s on Linux)
  } catch {
    return null;
  }
}

/** What the worker said it loaded (rule count and version), for the results' label. */
let rulesetSeen: { rules: number; version: string } | null = null;

type Stack = { workers: SupervisorProcess[]; gateway: SupervisorProcess; wsUrl: string; dataDir: string; pids: Record<string, Array<number | undefined>> };

async function startStack(client: string, brokers: string[], tag: string, brokerPid: number | undefined, workerCount = WORKERS): Promise<Stack> {
  const dataDir = mkdtempSync(join(tmpdir(), 'supervisor-e2e-'));
  const env: Record<string, string> = {
    KAFKA_BROKERS: brokers.join(','),
    KAFKA_CLIENT: client,
    SUPERVISOR_DATA_DIR: dataDir,
    SUPERVISOR_DEV_TOKEN: TOKEN,
    SUPERVISOR_WATCH_RULES: '0',
    SUPERVISOR_WORKER_GROUP: `e2e-worker-${tag}`,
    SUPERVISOR_GATEWAY_GROUP: `e2e-gateway-${tag}`,
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'info',
    ...(RULES_DIR ? { SUPERVISOR_RULES_DIR: RULES_DIR } : {}),
    ...(seedsDir !== null ? { SUPERVISOR_SEEDS_DIR: seedsDir } : {}),
  };
  const gateway = spawnSupervisor(['start', '--roles', 'gateway'], env);
  const workers = Array.from({ length: workerCount }, () => spawnSupervisor(['start', '--roles', 'worker'], env));
  let port: number;
  try {
    const listening = await gateway.waitFor(/gateway listening/, 90_000);
    port = (JSON.parse(listening) as { port: number }).port;
    await Promise.all(workers.map((w) => w.waitFor(/worker consuming/, 90_000)));
  } catch (err) {
    // One role failed to start: stop the others, or they outlive the bench (a worker left
    // running keeps consuming the live topics and writing room snapshots of its own).
    await Promise.all([...workers, gateway].map((p) => p.kill('SIGKILL')));
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  const loaded = workers[0]!.lines.find((l) => /ruleset loaded/.test(l));
  if (loaded !== undefined && rulesetSeen === null) {
    const o = JSON.parse(loaded) as { rules?: number; ruleset?: string };
    rulesetSeen = { rules: o.rules ?? NaN, version: o.ruleset ?? '?' };
    if (expectedVersion !== null && rulesetSeen.version !== expectedVersion) throw new Error(`the worker loaded ruleset ${rulesetSeen.version}, not the padded ${expectedVersion}`);
  }
  return {
    workers,
    gateway,
    wsUrl: `ws://127.0.0.1:${port}/v1/stream?token=${TOKEN}`,
    dataDir,
    pids: { worker: workers.map((w) => w.proc.pid), gateway: [gateway.proc.pid], broker: [brokerPid], bench: [process.pid] },
  };
}

async function stopStack(s: Stack): Promise<void> {
  await Promise.all([...s.workers.map((w) => w.kill('SIGTERM')), s.gateway.kill('SIGTERM')]);
  rmSync(s.dataDir, { recursive: true, force: true });
}

/** CPU seconds per role (summed over its processes; null if one cannot be read). */
function cpuSnapshot(pids: Record<string, Array<number | undefined>>): Record<string, number | null> {
  return Object.fromEntries(
    Object.entries(pids).map(([k, list]) => {
      const each = list.map(cpuSeconds);
      return [k, each.some((x) => x === null) ? null : each.reduce((a, b) => a! + b!, 0)];
    }),
  );
}

/** Share of one core each process used between two snapshots. */
function cpuShare(a: Record<string, number | null>, b: Record<string, number | null>, seconds: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of Object.keys(a)) {
    const x = a[k];
    const y = b[k];
    if (x !== null && x !== undefined && y !== null && y !== undefined) out[k] = round((y - x) / seconds, 2);
  }
  return out;
}

/** A probe's alert on the socket: when it came (performance.now()) and the worker's `detectedAt` (epoch ms). */
type ProbeSeen = (roomId: string, at: number, detectedAtMs: number) => void;
type WsWatch = { ws: WebSocket; alerts: () => number; onProbe(prefix: string, cb: ProbeSeen): void; close(): void };

async function connectWs(url: string): Promise<WsWatch> {
  const ws = new WebSocket(url);
  let alerts = 0;
  let probe: { prefix: string; cb: ProbeSeen } | null = null;
  await new Promise<void>((resolve, reject) => {
    ws.once('error', reject);
    ws.on('message', (data: Buffer) => {
      const at = performance.now();
      const frame = JSON.parse(data.toString('utf8')) as { type: string; alert?: { subject?: string; data?: { detectedAt?: string } } };
      if (frame.type === 'hello') resolve();
      if (frame.type !== 'alert') return;
      alerts++;
      const subject = frame.alert?.subject;
      if (probe && subject?.startsWith(probe.prefix)) probe.cb(subject, at, Date.parse(frame.alert?.data?.detectedAt ?? ''));
    });
  });
  return {
    ws,
    alerts: () => alerts,
    onProbe: (prefix, cb) => (probe = { prefix, cb }),
    close: () => ws.close(),
  };
}


async function committedWith(admin: ReturnType<Kafka['admin']>, groupId: string): Promise<number> {
  const res = await admin.fetchOffsets({ groupId, topics: [...INPUT_TOPICS] });
  let sum = 0;
  for (const t of res) for (const p of t.partitions) sum += Math.max(0, Number(p.offset));
  return sum;
}

// ───────────────────────────── phases ─────────────────────────────

type Window = { eventsPerSec: number; eventsPerWorkerCpuSec: number; events: number; seconds: number; cpuCores: Record<string, number> };
type ThroughputRun = Window & {
  /** Events committed when the measured window opened (every warm-up event), or 0 for a cold run. */
  windowFrom: number;
  /** The cold phase: the worker's first batch → every warm-up event committed (every event when there is no warm-up). */
  coldStart: Window;
  loadEventsPerSec: number;
  alertsOnWs: number;
};

/** Produces `evs` as fast as the broker takes them (4 batches of 4,000 in flight); the rate. */
async function produceAll(kafka: Kafka, evs: readonly Ev[]): Promise<number> {
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  try {
    const t0 = performance.now();
    const CHUNK = 4_000;
    const inFlight: Promise<unknown>[] = [];
    for (let i = 0; i < evs.length; i += CHUNK) {
      inFlight.push(producer.sendBatch({ acks: -1, topicMessages: byTopic(evs.slice(i, i + CHUNK)) }));
      if (inFlight.length >= 4) await inFlight.shift();
    }
    await Promise.all(inFlight);
    return evs.length / ((performance.now() - t0) / 1000);
  } finally {
    await producer.disconnect();
  }
}

type Sample = { t: number; n: number; cpu: Record<string, number | null> };

/** Polls the worker group's committed offsets until they reach `target`; the sample of that poll. */
async function committedAt(admin: ReturnType<Kafka['admin']>, groupId: string, target: number, stack: Stack): Promise<Sample> {
  const deadline = performance.now() + Math.max(120_000, target);
  for (;;) {
    const n = await committedWith(admin, groupId);
    const t = performance.now();
    if (n >= target) return { t, n, cpu: cpuSnapshot(stack.pids) };
    if (t > deadline) throw new Error(`worker committed ${n} of ${target} events before the deadline`);
    const dead = stack.workers.find((w) => !w.alive());
    if (dead) throw new Error(`worker exited:\n${dead.lines.slice(-20).join('\n')}`);
    await sleep(POLL_MS);
  }
}

function windowOf(from: Sample, to: Sample): Window {
  const seconds = (to.t - from.t) / 1000;
  const events = to.n - from.n;
  const cpuCores = cpuShare(from.cpu, to.cpu, seconds);
  return {
    eventsPerSec: Math.round(events / seconds),
    // Throughput per second of worker CPU: what one core would do if the worker had it alone.
    eventsPerWorkerCpuSec: cpuCores.worker ? Math.round(events / seconds / cpuCores.worker) : NaN,
    events,
    seconds: round(seconds, 2),
    cpuCores,
  };
}

/**
 * One throughput run: `warmup` events, then the measured ones (`evs` holds both, in that order).
 * Cold phase: the warm-up events are loaded, the worker and gateway start, and the worker works
 * through them (window: its first batch → all committed; `coldStart`). Measured phase: the worker
 * is stopped (SIGSTOP) while the measured events are loaded, so the load does not share the
 * cores with it, then continued (SIGCONT); window: SIGCONT → all committed. With `warmup` 0 the
 * run is the cold phase over every event (the method before the fifteenth session).
 */
async function throughputRun(client: string, kafka: Kafka, brokers: string[], evs: readonly Ev[], warmup: number, run: number, brokerPid: number | undefined, workers = WORKERS): Promise<ThroughputRun> {
  await resetTopics(kafka);
  const coldEvents = warmup > 0 ? evs.slice(0, warmup) : evs;
  const coldLoadRate = await produceAll(kafka, coldEvents);
  say(`${client} throughput run ${run + 1}${workers > 1 ? ` (${workers} workers)` : ''}: ${coldEvents.length} events loaded (${Math.round(coldLoadRate)}/s); starting ${workers > 1 ? 'workers' : 'worker'} + gateway`);

  const tag = `${client}-tp${workers}-${run}-${Date.now()}`;
  const stack = await startStack(client, brokers, tag, brokerPid, workers);
  const ws = await connectWs(stack.wsUrl);
  const admin = kafka.admin();
  await admin.connect();
  const groupId = `e2e-worker-${tag}`;
  // The cold window opens at the worker's first batch: its first "partition state restored" line
  // (logged before a partition's first batch; the state topic is empty, so it costs ~nothing)
  // and closes at the first poll that finds every event committed. The CPU sample is taken when
  // the bench sees that line (the log pipe adds a few ms).
  const firstBatch = Promise.race(stack.workers.map((w) => w.waitFor(/partition state restored/, 120_000))).then((line): Sample => {
    const time = (JSON.parse(line) as { time?: number }).time;
    return { t: typeof time === 'number' ? time - performance.timeOrigin : performance.now(), n: 0, cpu: cpuSnapshot(stack.pids) };
  });
  firstBatch.catch(() => undefined); // awaited below; a worker that never starts fails there
  const workerPids = stack.workers.map((w) => w.proc.pid!);
  let stopped = false;
  try {
    const coldEnd = await committedAt(admin, groupId, coldEvents.length, stack);
    const coldStart = windowOf(await firstBatch, coldEnd);
    if (warmup === 0) {
      await sleep(500); // the gateway's last alerts
      return { ...coldStart, windowFrom: 0, coldStart, loadEventsPerSec: Math.round(coldLoadRate), alertsOnWs: ws.alerts() };
    }
    // Measured phase: a warm worker, idle and caught up, finds the measured events waiting.
    for (const pid of workerPids) process.kill(pid, 'SIGSTOP');
    stopped = true;
    const loadRate = await produceAll(kafka, evs.slice(warmup));
    const from: Sample = { t: performance.now(), n: coldEnd.n, cpu: cpuSnapshot(stack.pids) };
    for (const pid of workerPids) process.kill(pid, 'SIGCONT');
    stopped = false;
    const to = await committedAt(admin, groupId, evs.length, stack);
    await sleep(500); // the gateway's last alerts
    return { ...windowOf(from, to), windowFrom: coldEnd.n, coldStart, loadEventsPerSec: Math.round(loadRate), alertsOnWs: ws.alerts() };
  } finally {
    if (stopped) for (const pid of workerPids) process.kill(pid, 'SIGCONT');
    await admin.disconnect();
    ws.close();
    await stopStack(stack);
  }
}

type LatencyRun = {
  offeredPerSec: number;
  achievedPerSec: number;
  seconds: number;
  probes: number;
  measured: number;
  lost: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  /**
   * produce → the worker's batch start (`detectedAt`), and from there → WebSocket receipt;
   * `produceAck`: produce → the broker's ack of the probe's batch (acks = all), which is the
   * load generator's and the broker's share of `toWorker` (and then some: the ack's way back).
   */
  splitMs: { toWorker: { p50: number; p99: number }; fromWorker: { p50: number; p99: number }; produceAck: { p50: number; p99: number } };
  /** The slowest measured probes: when they were produced (wall clock, ISO) and their split. */
  slowest: Array<{ sentAt: string; ms: number; toWorker: number; fromWorker: number; produceAck: number }>;
  /**
   * This process's own event-loop delay while producing (it produces, times and receives):
   * a hold-up here delays probes after their send time was taken, and is not the service's.
   */
  benchLoopDelayMs: { p99: number; max: number };
  warmupLatencyMs: { p50: number; p99: number; max: number } | null;
  lagAtEndEvents: number;
  alertsOnWs: number;
  cpuCores: Record<string, number>;
};

/** `run`: 0, 1, … for measured runs; 'warmup' for the broker's warm-up run (E2E_BROKER_WARMUP). */
async function latencyRun(client: string, kafka: Kafka, brokers: string[], background: readonly Ev[], run: number | 'warmup', brokerPid: number | undefined): Promise<LatencyRun> {
  const label = run === 'warmup' ? 'broker warm-up run' : `latency run ${run + 1}`;
  await resetTopics(kafka);
  const tag = `${client}-lat-${run}-${Date.now()}`;
  const stack = await startStack(client, brokers, tag, brokerPid);
  const ws = await connectWs(stack.wsUrl);
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  const probeTag = `${run}${Date.now().toString(36)}`;
  const prefix = `e2e-probe-${probeTag}-`;
  const sentAt = new Map<string, number>();
  const sentAtSec = new Map<string, number>();
  const latency = new Map<string, number>();
  // Each probe's latency split at the worker: produce call → the worker's batch start
  // (`detectedAt`, wall clock) and from there → WebSocket receipt.
  const split = new Map<string, { toWorker: number; fromWorker: number }>();
  const acked = new Map<string, number>(); // probe → produce-to-ack ms
  ws.onProbe(prefix, (roomId, at, detectedAtMs) => {
    const t = sentAt.get(roomId);
    if (t === undefined || latency.has(roomId)) return;
    latency.set(roomId, at - t);
    const toWorker = detectedAtMs - (t + performance.timeOrigin);
    if (Number.isFinite(toWorker)) split.set(roomId, { toWorker, fromWorker: at - t - toWorker });
  });
  // Warm the path (connections, JIT) with a few events before the clock starts.
  await producer.sendBatch({ acks: -1, topicMessages: byTopic(background.slice(0, 200)) });
  await sleep(1_000);
  say(`${client} ${label}: producing ${RATE}/s for ${SECONDS} s (${PROBES_PER_SEC} probes/s)`);

  const total = RATE * SECONDS;
  const probeEvery = Math.max(1, Math.round(RATE / PROBES_PER_SEC));
  let sent = 0;
  let bg = 200;
  let probes = 0;
  let sendErrors = 0;
  const pending = new Set<Promise<unknown>>();
  const t0 = performance.now();
  const cpu0 = cpuSnapshot(stack.pids);
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  while (sent < total) {
    const now = performance.now();
    const due = Math.min(total, Math.floor(((now - t0) / 1000) * RATE));
    if (due > sent) {
      const batch: Ev[] = [];
      const inBatch: string[] = [];
      const at = performance.now();
      for (; sent < due; sent++) {
        if (sent % probeEvery === 0) {
          const p = probeEvent(probeTag, probes++);
          sentAt.set(p.key, at);
          sentAtSec.set(p.key, (at - t0) / 1000);
          batch.push(p);
          inBatch.push(p.key);
        } else {
          batch.push(background[bg++ % background.length]!);
        }
      }
      const pr = producer
        .sendBatch({ acks: -1, topicMessages: byTopic(batch) })
        .then(() => {
          const ms = performance.now() - at;
          for (const key of inBatch) acked.set(key, ms);
        })
        .catch(() => void sendErrors++);
      pending.add(pr);
      void pr.finally(() => pending.delete(pr));
    }
    await sleep(TICK_MS);
  }
  await Promise.all(pending);
  loopDelay.disable();
  const producedSeconds = (performance.now() - t0) / 1000;
  const lagAdmin = kafka.admin();
  await lagAdmin.connect();
  const groupId = `e2e-worker-${tag}`;
  const committedAtEnd = await committedWith(lagAdmin, groupId);
  const cpu1 = cpuSnapshot(stack.pids);
  // Wait for the remaining probes (bounded).
  const waitUntil = performance.now() + 15_000;
  while (latency.size < probes && performance.now() < waitUntil) await sleep(100);
  await lagAdmin.disconnect();
  await producer.disconnect();
  ws.close();
  const alertsOnWs = ws.alerts();
  await stopStack(stack);
  if (sendErrors > 0) say(`${sendErrors} produce batches failed`);

  const steady: number[] = [];
  const warm: number[] = [];
  // Probes sent after the warm-up are the measured ones.
  const measuredProbe = ([room]: [string, unknown]): boolean => sentAtSec.get(room)! >= WARMUP;
  for (const entry of latency) (measuredProbe(entry) ? steady : warm).push(entry[1]);
  steady.sort((a, b) => a - b);
  warm.sort((a, b) => a - b);
  const steadySplit = [...split].filter(measuredProbe).map(([, x]) => x);
  const toWorker = steadySplit.map((x) => x.toWorker).sort((a, b) => a - b);
  const fromWorker = steadySplit.map((x) => x.fromWorker).sort((a, b) => a - b);
  const produceAck = [...acked].filter(measuredProbe).map(([, ms]) => ms).sort((a, b) => a - b);
  const slowest = [...latency]
    .filter(measuredProbe)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 10)
    .map(([room, ms]) => ({
      sentAt: new Date(sentAt.get(room)! + performance.timeOrigin).toISOString(),
      ms: round(ms, 1),
      toWorker: round(split.get(room)?.toWorker ?? NaN, 1),
      fromWorker: round(split.get(room)?.fromWorker ?? NaN, 1),
      produceAck: round(acked.get(room) ?? NaN, 1),
    }));
  const mean = steady.reduce((a, b) => a + b, 0) / Math.max(1, steady.length);
  return {
    offeredPerSec: RATE,
    achievedPerSec: Math.round(total / producedSeconds),
    seconds: round(producedSeconds, 2),
    probes,
    measured: steady.length,
    lost: probes - latency.size,
    latencyMs: { p50: round(q(steady, 0.5), 1), p90: round(q(steady, 0.9), 1), p99: round(q(steady, 0.99), 1), max: round(steady.at(-1) ?? NaN, 1), mean: round(mean, 1) },
    splitMs: {
      toWorker: { p50: round(q(toWorker, 0.5), 1), p99: round(q(toWorker, 0.99), 1) },
      fromWorker: { p50: round(q(fromWorker, 0.5), 1), p99: round(q(fromWorker, 0.99), 1) },
      produceAck: { p50: round(q(produceAck, 0.5), 1), p99: round(q(produceAck, 0.99), 1) },
    },
    // The histogram is in ns and counts the 10 ms resolution timer's own period.
    benchLoopDelayMs: { p99: round(loopDelay.percentile(99) / 1e6, 1), max: round(loopDelay.max / 1e6, 1) },
    slowest,
    warmupLatencyMs: warm.length ? { p50: round(q(warm, 0.5), 1), p99: round(q(warm, 0.99), 1), max: round(warm.at(-1)!, 1) } : null,
    lagAtEndEvents: total + 200 - committedAtEnd,
    alertsOnWs,
    cpuCores: cpuShare(cpu0, cpu1, producedSeconds),
  };
}

// ───────────────────────────── stats ─────────────────────────────

function q(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}
const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
const median = (xs: readonly number[]) => q([...xs].sort((a, b) => a - b), 0.5);

/** Median events/s of a series of throughput runs, with their range. */
function throughputSummary(tp: readonly ThroughputRun[]) {
  const rates = tp.map((x) => x.eventsPerSec);
  return {
    maxEventsPerSec: median(rates),
    maxEventsPerSecMin: Math.min(...rates),
    maxEventsPerSecMax: Math.max(...rates),
    eventsPerWorkerCpuSec: median(tp.map((x) => x.eventsPerWorkerCpuSec)),
    coldStartEventsPerSec: median(tp.map((x) => x.coldStart.eventsPerSec)),
  };
}

// ───────────────────────────── main ─────────────────────────────

async function main(): Promise<void> {
  const started = Date.now();
  let broker: LocalBroker | null = null;
  let brokers: string[];
  if (process.env.KAFKA_BROKERS?.trim()) brokers = process.env.KAFKA_BROKERS.split(',').map((s) => s.trim());
  else {
    broker = await startLocalBroker({ port: KAFKA_PORT, log: say });
    brokers = broker.brokers;
  }
  let brokerPid: number | undefined;
  try {
    brokerPid = Number(readFileSync(join(fileURLToPath(new URL('../infra/kafka/run/', import.meta.url)), String(KAFKA_PORT), 'broker.pid'), 'utf8').trim()) || undefined;
  } catch {
    brokerPid = undefined;
  }
  const kafka = testKafka(brokers);
  let rulesetLabel = 'rules/ (full ruleset)';
  if (RULES_DIR) rulesetLabel = `SUPERVISOR_RULES_DIR=${RULES_DIR}`;

  const maxWarmup = Math.max(TP_WARMUP, SCALED?.warmup ?? 0);
  say(`generating ${maxWarmup > 0 ? `${maxWarmup} (warm-up) + ` : ''}${N} + ${RATE * SECONDS} events (seed ${SEED})`);
  const tpLines = generateEvents(maxWarmup + N, SEED);
  const latLines = LATENCY_RUNS > 0 ? generateEvents(RATE * SECONDS, SEED + 1) : [];
  const tpEvents = toEvents(tpLines);
  const latEvents = toEvents(latLines);
  let lexicon: { own: number; generated: number; total: number; version: string } | null = null;
  const seedsRoot = !RULES_DIR && LEXICON_TERMS > 0 ? mkdtempSync(join(tmpdir(), 'supervisor-e2e-seeds-')) : null;
  if (seedsRoot !== null) {
    // Both streams' rooms, and the probe texts as rooms of their own: no added term is said.
    const texts = [...roomTranscripts([...tpLines, ...latLines]), ...PROBE_TEXTS.map((t) => [t])];
    const { seedsDir: dir, pad } = writePaddedSeeds(texts, LEXICON_TERMS, SEED, seedsRoot);
    seedsDir = dir;
    expectedVersion = pad.ruleset.version;
    lexicon = { own: pad.ownTerms, generated: pad.generatedTerms, total: pad.totalTerms, version: pad.ruleset.version };
    rulesetLabel = `rules/ (full ruleset), lexicons padded to ${pad.totalTerms} terms`;
    say(`lexicons padded from ${pad.ownTerms} to ${pad.totalTerms} terms (${pad.generatedTerms} generated, none said in either stream or by a probe); ruleset ${pad.ruleset.version}`);
  }

  const results: Record<string, unknown> = {};
  let brokerWarmup: { client: string; latencyMs: LatencyRun['latencyMs']; cpuCores: LatencyRun['cpuCores'] } | null = null;
  try {
    for (const client of CLIENTS) {
      const tp: ThroughputRun[] = [];
      for (let r = 0; r < RUNS; r++) {
        const x = await throughputRun(client, kafka, brokers, tpEvents.slice(0, TP_WARMUP + N), TP_WARMUP, r, brokerPid);
        const cold = x.windowFrom > 0 ? `; the cold worker's first ${x.coldStart.events}: ${x.coldStart.eventsPerSec}/s over ${x.coldStart.seconds} s, cpu ${JSON.stringify(x.coldStart.cpuCores)}` : '';
        say(`${client} throughput run ${r + 1}: ${x.eventsPerSec}/s, ${x.events} events over ${x.seconds} s; cpu ${JSON.stringify(x.cpuCores)}${cold}`);
        tp.push(x);
      }
      const scaled: ThroughputRun[] = [];
      for (let r = 0; SCALED !== null && r < RUNS; r++) {
        const x = await throughputRun(client, kafka, brokers, tpEvents.slice(0, SCALED.warmup + N), SCALED.warmup, r, brokerPid, SCALED.workers);
        say(`${client} throughput run ${r + 1} (${SCALED.workers} workers): ${x.eventsPerSec}/s, ${x.events} events over ${x.seconds} s; cpu ${JSON.stringify(x.cpuCores)}`);
        scaled.push(x);
      }
      const lat: LatencyRun[] = [];
      if (LATENCY_RUNS > 0 && BROKER_WARMUP && brokerWarmup === null) {
        const x = await latencyRun(client, kafka, brokers, latEvents, 'warmup', brokerPid);
        say(`${client} broker warm-up run (not counted): p50 ${x.latencyMs.p50} ms, p99 ${x.latencyMs.p99} ms; cpu ${JSON.stringify(x.cpuCores)}`);
        brokerWarmup = { client, latencyMs: x.latencyMs, cpuCores: x.cpuCores };
      }
      for (let r = 0; r < LATENCY_RUNS; r++) {
        const x = await latencyRun(client, kafka, brokers, latEvents, r, brokerPid);
        say(`${client} latency run ${r + 1}: p50 ${x.latencyMs.p50} ms, p99 ${x.latencyMs.p99} ms (${x.measured} probes, ${x.lost} lost); split ${JSON.stringify(x.splitMs)}; bench loop delay ${JSON.stringify(x.benchLoopDelayMs)}; cpu ${JSON.stringify(x.cpuCores)}`);
        lat.push(x);
      }
      results[client] = {
        ...throughputSummary(tp),
        throughputRuns: tp,
        ...(SCALED !== null && { scaled: { workers: SCALED.workers, throughputWarmupEvents: SCALED.warmup, ...throughputSummary(scaled), throughputRuns: scaled } }),
        ...(lat.length > 0 && {
          // Median of the runs' percentiles, with their range: one run's p99 rests on its four
          // slowest probes, so a single hold-up of the shared machine decides it.
          latencyMs: {
            p50: median(lat.map((x) => x.latencyMs.p50)),
            p99: median(lat.map((x) => x.latencyMs.p99)),
            p50Range: [Math.min(...lat.map((x) => x.latencyMs.p50)), Math.max(...lat.map((x) => x.latencyMs.p50))],
            p99Range: [Math.min(...lat.map((x) => x.latencyMs.p99)), Math.max(...lat.map((x) => x.latencyMs.p99))],
            atEventsPerSec: RATE,
          },
          latencyRuns: lat,
        }),
      };
    }
  } finally {
    await broker?.stop();
    if (seedsRoot !== null) rmSync(seedsRoot, { recursive: true, force: true });
  }

  const out = {
    generatedAt: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '?', memGiB: Math.round(totalmem() / 2 ** 30), node: process.version, os: `${platform()} ${release()} ${arch()}` },
    config: { events: N, throughputWarmupEvents: TP_WARMUP, runs: RUNS, latencyRuns: LATENCY_RUNS, brokerWarmupRuns: BROKER_WARMUP ? 1 : 0, rate: RATE, seconds: SECONDS, warmupSeconds: WARMUP, probesPerSec: PROBES_PER_SEC, seed: SEED, workers: WORKERS, scaledWorkers: SCALED?.workers ?? null, scaledWarmupEvents: SCALED?.warmup ?? null, lexiconTerms: lexicon, checkpointMs: process.env.SUPERVISOR_CHECKPOINT_MS ?? 'default (5000)', ruleset: rulesetLabel, rulesLoaded: rulesetSeen, topology: `broker (JVM), ${WORKERS === 1 ? 'worker' : `${WORKERS} workers (one group)`} and gateway (one process each), bench producer + WebSocket client (this process); 127.0.0.1` },
    e2e: results,
    ...(brokerWarmup !== null && { brokerWarmupRun: { ...brokerWarmup, why: 'one unmeasured latency run before the first measured ones: the broker JVM compiles the code of that workload (C2 compiler threads up to 0.7 of a core for ≈ 12 s), which a long-running broker has done long before' } }),
    totalSeconds: Math.round((Date.now() - started) / 1000),
  };
  writeFileSync(OUT, `${JSON.stringify(out, null, 2)}\n`);
  // The default output also answers bench/results.json's `e2e` section (a custom E2E_OUT is an experiment).
  if (process.env.E2E_OUT === undefined && refreshE2eSection()) say('updated the e2e section of bench/results.json');

  const rows: string[][] = [['client', 'max events/s (median; min–max)', 'runs', `p50 ms @${RATE}/s (median; min–max)`, 'p99 ms (median; min–max)', 'probes (lost)', 'worker CPU (cores) tp / lat', 'events per worker CPU-s', 'cold phase (warm-up, or all events when none): events/s']];
  type Series = { eventsPerWorkerCpuSec: number; maxEventsPerSec: number; maxEventsPerSecMin: number; maxEventsPerSecMax: number; throughputRuns: ThroughputRun[] };
  for (const c of CLIENTS) {
    const r = results[c] as Series & { latencyRuns?: LatencyRun[]; latencyMs?: { p50: number; p99: number; p50Range: number[]; p99Range: number[] }; scaled?: Series & { workers: number } };
    const l = r.latencyRuns?.[0];
    rows.push([
      c,
      `${r.maxEventsPerSec} (${r.maxEventsPerSecMin}–${r.maxEventsPerSecMax})`,
      r.throughputRuns.map((x) => x.eventsPerSec).join(', '),
      r.latencyMs ? `${r.latencyMs.p50} (${r.latencyMs.p50Range.join('–')})` : '-',
      r.latencyMs ? `${r.latencyMs.p99} (${r.latencyMs.p99Range.join('–')})` : '-',
      l ? `${r.latencyRuns!.map((x) => x.measured).join('/')} (${r.latencyRuns!.map((x) => x.lost).join('/')})` : '-',
      `${median(r.throughputRuns.map((x) => x.cpuCores.worker ?? NaN))} / ${l ? median(r.latencyRuns!.map((x) => x.cpuCores.worker ?? NaN)) : '-'}`,
      String(median(r.throughputRuns.map((x) => x.eventsPerWorkerCpuSec))),
      r.throughputRuns.map((x) => x.coldStart.eventsPerSec).join(', '),
    ]);
    if (r.scaled !== undefined) {
      const sc = r.scaled;
      rows.push([
        `${c}, ${sc.workers} workers`,
        `${sc.maxEventsPerSec} (${sc.maxEventsPerSecMin}–${sc.maxEventsPerSecMax})`,
        sc.throughputRuns.map((x) => x.eventsPerSec).join(', '),
        '-',
        '-',
        '-',
        `${median(sc.throughputRuns.map((x) => x.cpuCores.worker ?? NaN))} / -`,
        String(sc.eventsPerWorkerCpuSec),
        sc.throughputRuns.map((x) => x.coldStart.eventsPerSec).join(', '),
      ]);
    }
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  process.stdout.write(`\nend to end through the broker (${rulesetLabel}: ${rulesetSeen?.rules ?? '?'} rules, ${rulesetSeen?.version ?? '?'}; ${N} events per throughput run${TP_WARMUP > 0 ? ` after ${TP_WARMUP} warm-up events` : ' (cold worker)'}${SCALED !== null ? ` (${SCALED.workers} workers: after ${SCALED.warmup})` : ''}, ${RUNS} runs; latency at ${RATE}/s for ${SECONDS} s, first ${WARMUP} s excluded)\n`);
  for (const r of rows) process.stdout.write(`${r.map((c, i) => c.padEnd(widths[i]!)).join('  ')}\n`);
  if (brokerWarmup !== null) process.stdout.write(`broker warm-up run (${brokerWarmup.client}, not counted): p50 ${brokerWarmup.latencyMs.p50} ms, p99 ${brokerWarmup.latencyMs.p99} ms; broker ${brokerWarmup.cpuCores.broker ?? '?'} of a core\n`);
  process.stdout.write(`\nwrote ${OUT} (${out.totalSeconds} s)\n`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`bench:e2e failed: ${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  },
);

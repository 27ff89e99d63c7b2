/**
 * `npm run bench:scan`: `supervisor scan` (the real CLI, a subprocess) over a generated JSON
 * Lines file against bench/read-parse.mjs (a subprocess that only reads the same lines and
 * JSON.parses each). Wall-clock seconds of each, median of SCAN_RUNS runs, and the ratio
 * (issue 5 goal: ≤ 2.5×). Both write to a file in the temp dir (scan: its alerts). Scan runs
 * as a user runs it (one worker thread per core for a file this size) and, for comparison, with
 * `--threads 1`; both must print the same alerts.
 *
 * The file comes from bench/write-events.ts (the realistic mix of bench/generate.ts) and is
 * cached in the temp dir by (count, seed, a hash of bench/generate.ts: a changed generator writes a new file).
 * Env: SCAN_EVENTS (500000), SCAN_RUNS (3), SCAN_SEED (20261126), SCAN_OUT
 *      (bench/results-scan.json), SUPERVISOR_RULES_DIR (passed to scan; labelled),
 *      SCAN_LEXICON_TERMS (5000: the project's rules with their lexicons padded to the issue's
 *      scale as in `npm run bench`, with terms the file never says, from a temp seeds dir;
 *      0 = the project's own lexicons; ignored with SUPERVISOR_RULES_DIR).
 * Smoke: SCAN_EVENTS=2000 SCAN_RUNS=1 npm run bench:scan
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAX_THREADS, PARALLEL_MIN_BYTES } from '../services/cli/scan.js';
import { SUPERVISOR_NODE_FLAGS } from '../tests/harness/supervisor-process.js';
import { LEXICON_SCALE, roomTranscripts, writePaddedSeeds } from './pad-lexicon.js';

function envInt(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const v = Number(raw.replace(/_/g, ''));
  if (!Number.isInteger(v) || v < min) {
    process.stderr.write(`bench:scan: ${name}=${JSON.stringify(raw)} is not an integer ≥ ${min}\n`);
    process.exit(2);
  }
  return v;
}

const N = envInt('SCAN_EVENTS', 500_000, 1);
const LEXICON_TERMS = envInt('SCAN_LEXICON_TERMS', LEXICON_SCALE, 0);
const RUNS = envInt('SCAN_RUNS', 3, 1);
const SEED = envInt('SCAN_SEED', 20261126, 0);
const OUT = process.env.SCAN_OUT ?? fileURLToPath(new URL('./results-scan.json', import.meta.url));
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = join(ROOT, 'bin', 'supervisor.js');
const say = (m: string) => process.stderr.write(`[scan] ${m}\n`);

/** Runs a command with stdout to `outFile`; resolves to wall seconds and stderr. */
function timed(args: string[], outFile: string, env: NodeJS.ProcessEnv = process.env): Promise<{ seconds: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const fd = openSync(outFile, 'w');
    const t0 = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', fd, 'pipe'], env });
    closeSync(fd);
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code) => {
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      if (code !== 0) reject(new Error(`${args.join(' ')} exited ${code}: ${stderr.slice(-2000)}`));
      else resolve({ seconds, stderr });
    });
  });
}

async function eventsFile(): Promise<string> {
  const generator = createHash('sha256').update(readFileSync(join(ROOT, 'bench', 'generate.ts'))).digest('hex').slice(0, 12);
  const file = join(tmpdir(), `supervisor-bench-${N}-${SEED}-${generator}.jsonl`);
  if (existsSync(file) && statSync(file).size > 0) return file;
  say(`writing ${N} events to ${file}`);
  const tmp = `${file}.${process.pid}.tmp`;
  await timed(['--import', 'tsx', join(ROOT, 'bench', 'write-events.ts'), String(N), String(SEED)], tmp);
  renameSync(tmp, file);
  return file;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const r3 = (x: number) => Math.round(x * 1000) / 1000;

async function main(): Promise<void> {
  const file = await eventsFile();
  const out = join(tmpdir(), `supervisor-bench-scan-${process.pid}.out`);
  let env: NodeJS.ProcessEnv = process.env;
  let lexicon: { own: number; generated: number; total: number; version: string } | null = null;
  const seedsRoot = !process.env.SUPERVISOR_RULES_DIR && LEXICON_TERMS > 0 ? mkdtempSync(join(tmpdir(), 'supervisor-scan-seeds-')) : null;
  if (seedsRoot !== null) {
    const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim().length > 0);
    const { seedsDir, pad } = writePaddedSeeds(roomTranscripts(lines), LEXICON_TERMS, SEED, seedsRoot);
    env = { ...process.env, SUPERVISOR_SEEDS_DIR: seedsDir };
    lexicon = { own: pad.ownTerms, generated: pad.generatedTerms, total: pad.totalTerms, version: pad.ruleset.version };
    say(`lexicons padded from ${pad.ownTerms} to ${pad.totalTerms} terms (${pad.generatedTerms} generated, none said in the file); ruleset ${pad.ruleset.version}`);
  }
  const scan: number[] = [];
  const scanOne: number[] = [];
  const parse: number[] = [];
  let summary = '';
  try {
    for (let r = 0; r < RUNS; r++) {
      // Alternate, so drift on a shared machine hits both alike.
      const p = await timed([join(ROOT, 'bench', 'read-parse.mjs'), file], `${out}.parse`);
      parse.push(p.seconds);
      const s = await timed([...SUPERVISOR_NODE_FLAGS, BIN, 'scan', '--input', file], out, env);
      scan.push(s.seconds);
      summary = s.stderr.trim().split('\n').filter((l) => l.startsWith('scan:')).at(-1) ?? '';
      const one = await timed([...SUPERVISOR_NODE_FLAGS, BIN, 'scan', '--input', file, '--threads', '1'], `${out}.one`, env);
      scanOne.push(one.seconds);
      if (!readFileSync(out).equals(readFileSync(`${out}.one`))) throw new Error('scan printed other alerts with --threads 1 than with its default threads');
      say(`run ${r + 1}: scan ${s.seconds.toFixed(2)} s (--threads 1: ${one.seconds.toFixed(2)} s), read+parse ${p.seconds.toFixed(2)} s`);
    }
  } finally {
    if (seedsRoot !== null) rmSync(seedsRoot, { recursive: true, force: true });
  }
  if (lexicon !== null && !summary.includes(`ruleset ${lexicon.version}`)) throw new Error(`scan did not run the padded ruleset ${lexicon.version}: ${summary}`);
  const alertsBytes = statSync(out).size;
  const result = {
    generatedAt: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '?', node: process.version },
    events: N,
    seed: SEED,
    fileBytes: statSync(file).size,
    ruleset: process.env.SUPERVISOR_RULES_DIR
      ? `SUPERVISOR_RULES_DIR=${process.env.SUPERVISOR_RULES_DIR}`
      : lexicon !== null
        ? `rules/ (full ruleset), lexicons padded to ${lexicon.total} terms`
        : 'rules/ (full ruleset)',
    lexiconTerms: lexicon,
    scanSummary: summary,
    scanOutputBytes: alertsBytes,
    scan: { threads: statSync(file).size >= PARALLEL_MIN_BYTES ? Math.min(availableParallelism(), MAX_THREADS) : 1, seconds: r3(median(scan)), runs: scan.map(r3), eventsPerSec: Math.round(N / median(scan)) },
    scanOneThread: { seconds: r3(median(scanOne)), runs: scanOne.map(r3), eventsPerSec: Math.round(N / median(scanOne)) },
    readParse: { seconds: r3(median(parse)), runs: parse.map(r3), eventsPerSec: Math.round(N / median(parse)) },
    ratio: Math.round((median(scan) / median(parse)) * 100) / 100,
    goal: 2.5,
  };
  for (const f of [out, `${out}.one`, `${out}.parse`]) rmSync(f, { force: true });
  writeFileSync(OUT, `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(
    `\nscan vs read+parse, ${N} events (${result.ruleset}), wall seconds, median of ${RUNS}\n` +
      `  supervisor scan   ${result.scan.seconds.toFixed(2)} s  (runs ${result.scan.runs.join(', ')}; ${result.scan.eventsPerSec}/s; ${result.scan.threads} threads)\n` +
      `  … --threads 1     ${result.scanOneThread.seconds.toFixed(2)} s  (runs ${result.scanOneThread.runs.join(', ')}; ${result.scanOneThread.eventsPerSec}/s)\n` +
      `  read + JSON.parse ${result.readParse.seconds.toFixed(2)} s  (runs ${result.readParse.runs.join(', ')}; ${result.readParse.eventsPerSec}/s)\n` +
      `  ratio             ${result.ratio}×  (goal ≤ ${result.goal}×)\n  ${summary}\nwrote ${OUT}\n`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:scan failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});

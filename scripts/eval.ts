/**
 * `npm run eval -- FILE [--json OUT]`: scores the engine against a labelled case file
 * (rules catalogue §6: one JSON case per line, {id, source, description, events[], expected[], negative}).
 *
 * 1. Validates the case file; a malformed file is reported line by line and exits 2.
 * 2. Writes every case's events into one JSON Lines scan input, in case order. Each event's roomId
 *    and sessionId are prefixed with the case id (`${caseId}~${roomId}`) so cases never share state.
 * 3. Runs the real CLI, `node bin/supervisor.js scan --input <tmp>`, as a subprocess (the way a
 *    hidden labelled set is scored), and maps each alert's evidence.trigger.offset (0-based line)
 *    back to (case, eventIndex). Alerts at `info` severity are ignored.
 * 4. Scores with scripts/eval-score.ts and prints per-category (primary) and per-rule (secondary)
 *    tables, overall counts, misses and false positives. `--json OUT` writes the same as JSON.
 *
 * Exit code: 0 whatever the scores; 2 for a malformed case file or bad arguments; 1 if the scan
 * itself could not run.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CATEGORIES, isCounted, scoreCases, type ExpectedItem, type PredictedItem, type Rates, type Report } from './eval-score.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const EVENT_TYPES = new Set(['room', 'transcript', 'price', 'order']);

type Wire = Record<string, unknown> & { type: string; roomId: string; sessionId: string; ts: string };
type LabelledCase = { id: string; source: string; description: string; events: Wire[]; expected: ExpectedItem[]; negative: boolean; line: number };
type Problem = { line: number; reason: string };

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const nonEmpty = (x: unknown): x is string => typeof x === 'string' && x.length > 0;

/** Parses and checks a case file. Every problem is reported with its 1-based line number. */
export function validateCaseFile(text: string): { cases: LabelledCase[]; problems: Problem[]; warnings: Problem[] } {
  const cases: LabelledCase[] = [];
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const seen = new Map<string, number>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    const bad = (reason: string) => problems.push({ line, reason });
    let obj: unknown;
    try {
      obj = JSON.parse(raw);
    } catch (err) {
      bad(`not JSON: ${(err as Error).message}`);
      return;
    }
    if (!isObj(obj)) return bad('a case must be a JSON object');
    const before = problems.length;
    const { id, source, description, events, expected, negative } = obj;
    if (!nonEmpty(id)) bad('"id" must be a non-empty string');
    else if (seen.has(id)) bad(`duplicate id "${id}" (first on line ${seen.get(id)})`);
    else seen.set(id, line);
    if (typeof source !== 'string') bad('"source" must be a string');
    if (typeof description !== 'string') bad('"description" must be a string');
    if (typeof negative !== 'boolean') bad('"negative" must be true or false');
    if (!Array.isArray(events) || events.length === 0) bad('"events" must be a non-empty array');
    else
      events.forEach((e, ei) => {
        if (!isObj(e)) return bad(`events[${ei}] is not an object`);
        if (typeof e.type !== 'string' || !EVENT_TYPES.has(e.type)) bad(`events[${ei}].type must be one of room, transcript, price, order`);
        for (const f of ['roomId', 'sessionId', 'ts'] as const) if (!nonEmpty(e[f])) bad(`events[${ei}].${f} must be a non-empty string`);
        if (nonEmpty(e.ts) && (!/(Z|[+-]\d{2}:?\d{2})$/.test(e.ts) || Number.isNaN(Date.parse(e.ts))))
          warnings.push({ line, reason: `events[${ei}].ts ${JSON.stringify(e.ts)} is not ISO-8601 with an offset (the engine will reject the event)` });
      });
    if (!Array.isArray(expected)) bad('"expected" must be an array');
    else {
      expected.forEach((x, xi) => {
        if (!isObj(x)) return bad(`expected[${xi}] is not an object`);
        if (typeof x.ruleCategory !== 'string' || !(CATEGORIES as readonly string[]).includes(x.ruleCategory))
          bad(`expected[${xi}].ruleCategory must be one of ${CATEGORIES.join(', ')}`);
        if (!nonEmpty(x.ruleHint)) bad(`expected[${xi}].ruleHint must be a non-empty string`);
        const n = Array.isArray(events) ? events.length : 0;
        if (!Number.isInteger(x.atEventIndex) || (x.atEventIndex as number) < 0 || (x.atEventIndex as number) >= n)
          bad(`expected[${xi}].atEventIndex must be an integer in 0..${n - 1}`);
      });
      if (negative === true && expected.length > 0) bad('a negative case must have "expected": []');
      if (negative === false && expected.length === 0) bad('a positive case ("negative": false) needs at least one expected item');
    }
    if (problems.length > before) return;
    const c = obj as unknown as LabelledCase;
    if (c.id.includes('~')) warnings.push({ line, reason: `id "${c.id}" contains "~", the room-prefix separator` });
    cases.push({ ...c, line });
  });
  return { cases, problems, warnings };
}

type Ref = { caseIndex: number; eventIndex: number };
type Alert = { ruleId: string; category: string; severity: string; offset: number; topic: string; summary: string };

/** Runs `supervisor scan` over the file and returns its alerts (all severities) and stderr. */
async function runScan(file: string): Promise<{ alerts: Alert[]; stderr: string; code: number | null; unparsed: number }> {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'supervisor.js'), 'scan', '--input', file], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (b: Buffer) => out.push(b));
  child.stderr.on('data', (b: Buffer) => err.push(b));
  const code = await new Promise<number | null>((res, rej) => {
    child.on('error', rej);
    child.on('close', res);
  });
  const alerts: Alert[] = [];
  let unparsed = 0;
  for (const line of Buffer.concat(out).toString('utf8').split('\n')) {
    if (line.trim() === '') continue;
    try {
      const a = JSON.parse(line) as { data?: Record<string, unknown> };
      const d = a.data ?? {};
      const trig = (d.evidence as { trigger?: { offset?: unknown; topic?: unknown } } | undefined)?.trigger;
      if (typeof trig?.offset !== 'number') {
        unparsed++;
        continue;
      }
      alerts.push({
        ruleId: String(d.ruleId ?? '?'),
        category: String(d.category ?? '?'),
        severity: String(d.severity ?? '?'),
        offset: trig.offset,
        topic: String(trig.topic ?? ''),
        summary: String(d.summary ?? d.title ?? ''),
      });
    } catch {
      unparsed++;
    }
  }
  return { alerts, stderr: Buffer.concat(err).toString('utf8'), code, unparsed };
}

function eventSummary(e: Wire | undefined): string {
  if (e === undefined) return '(no event)';
  switch (e.type) {
    case 'transcript':
      return `${e.speaker ? `[${String(e.speaker)}] ` : ''}${String(e.text)}`;
    case 'price': {
      const f = (k: string) => (e[k] === undefined ? '' : ` ${k}=${String(e[k])}`);
      return `price ${String(e.sku)} "${String(e.productName)}"${f('brand')}${f('listedPrice')}${f('originalPrice')}${f('livePrice')}${f('checkoutPrice')}${f('stock')}`;
    }
    case 'order':
      return `order ${String(e.sku)} paid=${String(e.paidPrice)} room=${e.roomId} at ${e.ts}`;
    case 'room':
      return `room ${String(e.platform)} ${String(e.anchorType)} aiLabelShown=${String(e.aiLabelShown)} auth=${JSON.stringify(e.sellerAuthorizations)}`;
    default:
      return JSON.stringify(e);
  }
}

const pct = (x: number | null) => (x === null ? '   -  ' : `${(100 * x).toFixed(1).padStart(5)}%`);
const row = (name: string, r: Rates, width: number) =>
  `  ${name.padEnd(width)} ${String(r.tp).padStart(4)} ${String(r.fp).padStart(4)} ${String(r.fn).padStart(4)}  ${pct(r.precision)} ${pct(r.recall)} ${pct(r.f1)}`;
const header = (name: string, width: number) => `  ${name.padEnd(width)}   tp   fp   fn       P       R      F1`;

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({ args: process.argv.slice(2), allowPositionals: true, options: { json: { type: 'string' }, tolerance: { type: 'string', default: '1' } } });
  } catch (err) {
    process.stderr.write(`eval: ${(err as Error).message}\n`);
    return 2;
  }
  const file = args.positionals[0];
  const tolerance = Number(args.values.tolerance);
  if (!file || args.positionals.length > 1 || !Number.isInteger(tolerance) || tolerance < 0) {
    process.stderr.write('usage: npm run eval -- FILE.jsonl [--json OUT.json] [--tolerance 1]\n');
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    process.stderr.write(`eval: cannot read ${file}: ${(err as Error).message}\n`);
    return 2;
  }
  const { cases, problems, warnings } = validateCaseFile(text);
  for (const w of warnings) process.stderr.write(`${file}:${w.line}: warning: ${w.reason}\n`);
  if (problems.length > 0) {
    for (const p of problems) process.stderr.write(`${file}:${p.line}: ${p.reason}\n`);
    process.stderr.write(`eval: ${problems.length} problem(s) in ${file}; nothing scored\n`);
    return 2;
  }
  if (cases.length === 0) {
    process.stderr.write(`eval: ${file} has no cases\n`);
    return 2;
  }

  // One scan input for all cases; line i of the file is refs[i].
  const dir = mkdtempSync(join(tmpdir(), 'supervisor-eval-'));
  const scanFile = join(dir, 'eval-cases.jsonl');
  const refs: Ref[] = [];
  const lines: string[] = [];
  cases.forEach((c, ci) =>
    c.events.forEach((e, ei) => {
      lines.push(JSON.stringify({ ...e, roomId: `${c.id}~${e.roomId}`, sessionId: `${c.id}~${e.sessionId}` }));
      refs.push({ caseIndex: ci, eventIndex: ei });
    }),
  );
  writeFileSync(scanFile, `${lines.join('\n')}\n`);
  let scan;
  try {
    scan = await runScan(scanFile);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // Bad events are reported by the scan as `<file>:<1-based line>: CODE: reason`; name the case instead.
  const scanNotes = scan.stderr
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const m = /^eval-cases\.jsonl:(\d+): (.*)$/.exec(l);
      const ref = m ? refs[Number(m[1]) - 1] : undefined;
      if (!m || !ref) return l;
      const c = cases[ref.caseIndex]!;
      return `case ${c.id} (line ${c.line}) events[${ref.eventIndex}] rejected by the engine: ${m[2]}`;
    });
  if (scan.code !== 0) {
    process.stderr.write(`eval: supervisor scan exited with ${scan.code}\n${scan.stderr}`);
    return 1;
  }

  // Alerts → (case, eventIndex).
  const predicted: PredictedItem[][] = cases.map(() => []);
  const predictedMeta: Array<Array<{ severity: string; summary: string }>> = cases.map(() => []);
  let info = 0;
  let unmapped = 0;
  const topic = basename(scanFile);
  for (const a of scan.alerts) {
    const ref = a.topic === topic ? refs[a.offset] : undefined;
    if (ref === undefined) {
      unmapped++;
      continue;
    }
    if (!isCounted(a.severity)) {
      info++;
      continue;
    }
    predicted[ref.caseIndex]!.push({ ruleCategory: a.category, ruleId: a.ruleId, atEventIndex: ref.eventIndex, severity: a.severity });
    predictedMeta[ref.caseIndex]!.push({ severity: a.severity, summary: a.summary });
  }

  const report: Report = scoreCases(
    cases.map((c, ci) => ({ id: c.id, negative: c.negative, expected: c.expected, predicted: predicted[ci]! })),
    tolerance,
  );

  const misses: Array<{ caseId: string; line: number; ruleHint: string; ruleCategory: string; atEventIndex: number; description: string; event: string }> = [];
  const falsePositives: Array<{ caseId: string; line: number; negativeCase: boolean; ruleId: string; ruleCategory: string; severity: string; atEventIndex: number; event: string; summary: string }> = [];
  const wrongRule: Array<{ caseId: string; expected: string; predicted: string; atEventIndex: number }> = [];
  report.cases.forEach((sc, ci) => {
    const c = cases[ci]!;
    for (const i of sc.primary.missed) {
      const e = c.expected[i]!;
      misses.push({ caseId: c.id, line: c.line, ruleHint: e.ruleHint, ruleCategory: e.ruleCategory, atEventIndex: e.atEventIndex, description: c.description, event: eventSummary(c.events[e.atEventIndex]) });
    }
    for (const i of sc.primary.falsePositives) {
      const p = predicted[ci]![i]!;
      falsePositives.push({
        caseId: c.id, line: c.line, negativeCase: c.negative, ruleId: p.ruleId, ruleCategory: p.ruleCategory, severity: p.severity ?? '?',
        atEventIndex: p.atEventIndex, event: eventSummary(c.events[p.atEventIndex]), summary: predictedMeta[ci]![i]!.summary,
      });
    }
    for (const pr of sc.primary.pairs)
      if (!pr.sameRule) wrongRule.push({ caseId: c.id, expected: c.expected[pr.expected]!.ruleHint, predicted: predicted[ci]![pr.predicted]!.ruleId, atEventIndex: c.expected[pr.expected]!.atEventIndex });
  });

  const nNeg = cases.filter((c) => c.negative).length;
  const nEvents = cases.reduce((n, c) => n + c.events.length, 0);
  const nExpected = cases.reduce((n, c) => n + c.expected.length, 0);
  const counted = predicted.reduce((n, p) => n + p.length, 0);
  const out: string[] = [];
  out.push(`eval: ${file}`);
  out.push(`  cases ${cases.length} (positive ${cases.length - nNeg}, negative ${nNeg} = ${((100 * nNeg) / cases.length).toFixed(1)}%), events ${nEvents}, expected alerts ${nExpected}`);
  out.push(`  alerts counted ${counted}, info ignored ${info}${unmapped ? `, unmapped ${unmapped}` : ''}${scan.unparsed ? `, unparseable stdout lines ${scan.unparsed}` : ''}; tolerance ±${tolerance} event(s)`);
  for (const l of scanNotes) out.push(`  ${l}`);
  out.push('');
  out.push('primary metric — match on (ruleCategory, atEventIndex ±tolerance)');
  out.push(header('category', 14));
  for (const [k, r] of Object.entries(report.primary.byCategory)) out.push(row(k, r, 14));
  out.push(row('ALL', report.primary.overall, 14));
  out.push(`  negative cases with any alert: ${report.negatives.withAlerts}/${report.negatives.cases} (${report.negatives.alerts} alerts); primary matches with a different rule id: ${report.primaryWrongRule}`);
  out.push('');
  out.push('secondary metric — exact ruleHint match, per rule');
  out.push(header('rule', 42));
  for (const [k, r] of Object.entries(report.secondary.byRule)) out.push(row(k, r, 42));
  out.push(row('ALL', report.secondary.overall, 42));
  out.push('');
  out.push(`misses (${misses.length})`);
  for (const m of misses) {
    out.push(`  ${m.caseId}  ${m.ruleHint} @${m.atEventIndex}  — ${m.description}`);
    out.push(`      ${m.event}`);
  }
  out.push('');
  out.push(`false positives (${falsePositives.length})`);
  for (const f of falsePositives) {
    out.push(`  ${f.caseId}${f.negativeCase ? ' [negative case]' : ''}  ${f.ruleId} (${f.severity}) @${f.atEventIndex}`);
    out.push(`      ${f.event}`);
  }
  if (wrongRule.length > 0) {
    out.push('');
    out.push(`category matched but rule id differs (${wrongRule.length})`);
    for (const w of wrongRule) out.push(`  ${w.caseId}  expected ${w.expected}, got ${w.predicted} @${w.atEventIndex}`);
  }
  process.stdout.write(`${out.join('\n')}\n`);

  if (args.values.json) {
    const json = {
      file,
      tolerance,
      counts: { cases: cases.length, positive: cases.length - nNeg, negative: nNeg, negativeShare: nNeg / cases.length, events: nEvents, expected: nExpected, alertsCounted: counted, infoIgnored: info, unmapped },
      scan: scanNotes,
      primary: report.primary,
      secondary: report.secondary,
      negatives: report.negatives,
      primaryWrongRule: report.primaryWrongRule,
      misses,
      falsePositives,
      wrongRule,
    };
    writeFileSync(args.values.json, `${JSON.stringify(json, null, 2)}\n`);
    process.stdout.write(`eval: wrote ${args.values.json}\n`);
  }
  return 0;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main();
}

/**
 * The running ruleset and its lifecycle: load at start, reload on SIGHUP and on a change under
 * rules/ or seeds/, keep the running ruleset when a new one has problems (each logged with
 * file and line), and archive every version that ever ran so an auditor can replay a session
 * under the rules in force then (`supervisor scan --ruleset VERSION`).
 */
import { randomUUID } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { loadRuleset, type LoadProblem, type Ruleset, type SourceFile } from '../engine/index.js';
import type { Logger } from './log.js';
import { DEFAULT_RULES_DIR, DEFAULT_SEEDS_DIR, readSources } from './rules-fs.js';

export type ArchivedRuleset = { version: string; firstRunAt: string; sources: SourceFile[] };

export type ReloadOutcome = { ok: true; version: string; changed: boolean } | { ok: false; problems: LoadProblem[]; kept: string };

export type RulesetManager = {
  current(): Ruleset;
  reload(reason: string): ReloadOutcome;
  /** Starts watching rules/ and seeds/ (debounced); returns a function that stops it. */
  watch(debounceMs?: number): () => void;
};

const VERSION_FILE = /^([0-9a-f]{16})\.json$/;

export function archiveDir(dataDir: string): string {
  return join(dataDir, 'rulesets');
}

/**
 * Writes the sources of a version to the archive once, atomically; later runs keep the first
 * record. Processes that share a data dir (a worker and a gateway started together) may archive
 * the same version at the same moment: each writes a file of its own and links it into place,
 * which fails if the version is already there, so the first complete record wins and no reader
 * ever sees a partly written one.
 */
export function archiveRuleset(dataDir: string, ruleset: Ruleset, now: Date): void {
  const dir = archiveDir(dataDir);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${ruleset.version}.json`);
  if (existsSync(file)) return;
  const record: ArchivedRuleset = { version: ruleset.version, firstRunAt: now.toISOString(), sources: [...ruleset.sources] };
  const tmp = `${file}.${process.pid}-${randomUUID().slice(0, 8)}.tmp`;
  try {
    writeFileSync(tmp, JSON.stringify(record));
    linkSync(tmp, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    rmSync(tmp, { force: true });
  }
}

export function listArchivedRulesets(dataDir: string): Array<{ version: string; firstRunAt: string; rules: number }> {
  const dir = archiveDir(dataDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => VERSION_FILE.test(f))
    .map((f) => {
      const r = JSON.parse(readFileSync(join(dir, f), 'utf8')) as ArchivedRuleset;
      return { version: r.version, firstRunAt: r.firstRunAt, rules: r.sources.filter((s) => s.path.startsWith('rules/')).length };
    })
    .sort((a, b) => (a.firstRunAt < b.firstRunAt ? -1 : 1));
}

/** Loads an archived version; its content hash must still be the version it is filed under. */
export function loadArchivedRuleset(dataDir: string, version: string): Ruleset {
  if (!/^[0-9a-f]{16}$/.test(version)) throw new Error(`ruleset version must be 16 hex characters, got "${version}"`);
  const file = join(archiveDir(dataDir), `${version}.json`);
  if (!existsSync(file)) throw new Error(`ruleset ${version} is not in the archive (${archiveDir(dataDir)})`);
  const record = JSON.parse(readFileSync(file, 'utf8')) as ArchivedRuleset;
  const rules = record.sources.filter((s) => s.path.startsWith('rules/'));
  const seeds = record.sources.filter((s) => !s.path.startsWith('rules/'));
  const loaded = loadRuleset({ rules, seeds });
  if (!loaded.ok) throw new Error(`archived ruleset ${version} no longer loads: ${loaded.problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join('; ')}`);
  if (loaded.ruleset.version !== version) throw new Error(`archived ruleset ${version} hashes to ${loaded.ruleset.version}: the archive was altered`);
  return loaded.ruleset;
}

export function createRulesetManager(opts: {
  log: Logger;
  dataDir: string | null;
  rulesDir?: string;
  seedsDir?: string;
  now?: () => Date;
}): RulesetManager {
  const rulesDir = opts.rulesDir ?? DEFAULT_RULES_DIR;
  const seedsDir = opts.seedsDir ?? DEFAULT_SEEDS_DIR;
  const now = opts.now ?? (() => new Date());
  const log = opts.log.child({ component: 'rules' });
  const first = loadRuleset(readSources(rulesDir, seedsDir));
  if (!first.ok) {
    for (const p of first.problems) log.error({ file: p.file, line: p.line }, `${p.file}:${p.line}: ${p.message}`);
    throw new Error(`ruleset rejected: ${first.problems.length} problem(s), first ${first.problems[0]!.file}:${first.problems[0]!.line}: ${first.problems[0]!.message}`);
  }
  let current = first.ruleset;
  if (opts.dataDir !== null) archiveRuleset(opts.dataDir, current, now());

  const reload = (reason: string): ReloadOutcome => {
    let loaded;
    try {
      loaded = loadRuleset(readSources(rulesDir, seedsDir));
    } catch (err) {
      loaded = { ok: false as const, problems: [{ file: rulesDir, line: 1, message: (err as Error).message }] };
    }
    if (!loaded.ok) {
      for (const p of loaded.problems) log.error({ file: p.file, line: p.line, reason }, `${p.file}:${p.line}: ${p.message}`);
      log.error({ reason, problems: loaded.problems.length, kept: current.version }, `ruleset rejected; still running ${current.version}`);
      return { ok: false, problems: loaded.problems, kept: current.version };
    }
    const changed = loaded.ruleset.version !== current.version;
    if (changed) {
      const previous = current.version;
      current = loaded.ruleset;
      if (opts.dataDir !== null) archiveRuleset(opts.dataDir, current, now());
      log.info({ reason, previous, ruleset: current.version, rules: current.rules.length }, `ruleset ${current.version} active (was ${previous})`);
    } else {
      log.info({ reason, ruleset: current.version }, 'ruleset unchanged');
    }
    return { ok: true, version: current.version, changed };
  };

  return {
    current: () => current,
    reload,
    watch(debounceMs = 300) {
      let timer: NodeJS.Timeout | null = null;
      const kick = () => {
        if (timer !== null) clearTimeout(timer);
        timer = setTimeout(() => {
          timer = null;
          reload('file change');
        }, debounceMs);
      };
      const watchers: FSWatcher[] = [];
      for (const dir of [rulesDir, seedsDir]) {
        try {
          const w = watch(dir, { recursive: true }, kick);
          w.on('error', (err) => log.warn({ err, dir }, 'rule watcher failed; SIGHUP still reloads'));
          watchers.push(w);
        } catch (err) {
          log.warn({ err, dir }, 'cannot watch for rule changes; SIGHUP still reloads');
        }
      }
      return () => {
        if (timer !== null) clearTimeout(timer);
        for (const w of watchers) w.close();
      };
    },
  };
}

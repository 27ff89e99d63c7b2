import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { archiveDir, createRulesetManager, listArchivedRulesets, loadArchivedRuleset } from './ruleset-manager.js';
import { DEFAULT_RULES_DIR, DEFAULT_SEEDS_DIR } from './rules-fs.js';

let dir: string;
let lines: string[];
const logger = () =>
  pino(
    { level: 'info' },
    new Writable({
      write(chunk, _enc, cb) {
        lines.push(...String(chunk).trim().split('\n'));
        cb();
      },
    }),
  );

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rules-'));
  cpSync(DEFAULT_RULES_DIR, join(dir, 'rules'), { recursive: true });
  cpSync(DEFAULT_SEEDS_DIR, join(dir, 'seeds'), { recursive: true });
  lines = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const ABS = () => join(dir, 'rules/violation/AD.ABSOLUTE_TERMS.yaml');
const open = (data = join(dir, 'data')) => createRulesetManager({ log: logger(), dataDir: data, rulesDir: join(dir, 'rules'), seedsDir: join(dir, 'seeds') });

describe('ruleset manager', () => {
  it('processes sharing a data dir archive the same versions at once: every record whole, none lost, no error', async () => {
    // A worker and a gateway started together archive the running version at the same moment.
    // Six processes each archive the same 40 versions (600 KB of sources each), in the same order.
    const data = join(dir, 'shared-data');
    const manager = fileURLToPath(new URL('./ruleset-manager.ts', import.meta.url));
    const code = `
      const { archiveRuleset } = await import(${JSON.stringify(manager)});
      const sources = [{ path: 'rules/x.yaml', text: 'x'.repeat(600_000) }];
      for (let i = 0; i < 40; i++) archiveRuleset(${JSON.stringify(data)}, { version: i.toString(16).padStart(16, '0'), sources }, new Date());
    `;
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const run = () =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
        child.on('exit', (exit) => resolve({ code: exit, stderr }));
      });
    const results = await Promise.all(Array.from({ length: 6 }, run));
    expect(results.map((r) => r.stderr.split('\n').find((l) => /Error/.test(l)) ?? '')).toEqual(Array(6).fill(''));
    expect(results.map((r) => r.code)).toEqual(Array(6).fill(0));
    const files = readdirSync(archiveDir(data)).sort();
    expect(files).toEqual(Array.from({ length: 40 }, (_, i) => `${i.toString(16).padStart(16, '0')}.json`));
    for (const f of files) {
      const record = JSON.parse(readFileSync(join(archiveDir(data), f), 'utf8')) as { version: string; sources: Array<{ text: string }> };
      expect(`${record.version}.json`).toBe(f);
      expect(record.sources[0]!.text).toHaveLength(600_000);
    }
  }, 60_000);

  it('archives the version it starts with', () => {
    const m = open();
    const versions = listArchivedRulesets(join(dir, 'data'));
    expect(versions.map((v) => v.version)).toEqual([m.current().version]);
    expect(loadArchivedRuleset(join(dir, 'data'), m.current().version).version).toBe(m.current().version);
  });

  it.each([
    ['a YAML syntax error', (t: string) => t.replace('severity: medium', 'severity: [medium'), /YAML syntax/],
    ['an unknown detector', (t: string) => t.replace('detector: lexicon', 'detector: no-such-kind'), /unknown detector "no-such-kind"/],
    ['bad parameters', (t: string) => t.replace('lexicon: absolute-terms', 'lexicon: 42'), /params\.lexicon/],
  ])('rejects %s with file and line, and keeps the running ruleset', (_name, edit, reason) => {
    const m = open();
    const before = m.current();
    writeFileSync(ABS(), edit(readFileSync(ABS(), 'utf8')));
    const out = m.reload('test');
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.kept).toBe(before.version);
    expect(out.problems[0]!.file).toBe('rules/violation/AD.ABSOLUTE_TERMS.yaml');
    expect(out.problems[0]!.line).toBeGreaterThan(1);
    expect(out.problems.map((p) => p.message).join('\n')).toMatch(reason);
    expect(m.current()).toBe(before);
    expect(lines.join('\n')).toContain('rules/violation/AD.ABSOLUTE_TERMS.yaml:');
    expect(lines.join('\n')).toContain(`still running ${before.version}`);
  });

  it('switches to a good new version and archives it; the old one stays replayable', () => {
    const m = open();
    const v1 = m.current().version;
    writeFileSync(ABS(), readFileSync(ABS(), 'utf8').replace('version: 1', 'version: 2'));
    const out = m.reload('test');
    expect(out).toMatchObject({ ok: true, changed: true });
    expect(m.current().version).not.toBe(v1);
    const archived = listArchivedRulesets(join(dir, 'data')).map((v) => v.version);
    expect(archived).toEqual(expect.arrayContaining([v1, m.current().version]));
    expect(loadArchivedRuleset(join(dir, 'data'), v1).rules.find((r) => r.meta.id === 'AD.ABSOLUTE_TERMS')!.meta.version).toBe(1);
  });

  it('an altered archive entry is refused', () => {
    const m = open();
    const file = join(dir, 'data/rulesets', `${m.current().version}.json`);
    writeFileSync(file, readFileSync(file, 'utf8').replace('severity: medium', 'severity: low'));
    expect(() => loadArchivedRuleset(join(dir, 'data'), m.current().version)).toThrow(/altered/);
  });

  it('reloads by itself when a rule file changes', async () => {
    const m = open();
    const v1 = m.current().version;
    const stop = m.watch(50);
    try {
      writeFileSync(ABS(), readFileSync(ABS(), 'utf8').replace('version: 1', 'version: 3'));
      const deadline = Date.now() + 5000;
      while (m.current().version === v1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
      expect(m.current().version).not.toBe(v1);
    } finally {
      stop();
    }
  });
});

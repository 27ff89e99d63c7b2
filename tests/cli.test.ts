/**
 * The supervisor binary's command line, run as a user runs it: rules check on a rules
 * directory with broken files (each reported as file:line: reason, exit 1), and a mistyped
 * command line (its reason and the usage, exit 2, no stack trace).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin/supervisor.js');
const run = (args: string[], env: Record<string, string> = {}) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('supervisor CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rules-check-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // Each run starts the binary (tsx, the ruleset): seconds on a busy CI machine, past the 5 s default.
  it('rules check reports every broken file in SUPERVISOR_RULES_DIR with file:line and exits 1', { timeout: 120_000 }, () => {
    const rules = join(dir, 'rules');
    cpSync(join(ROOT, 'rules'), rules, { recursive: true });
    const absolute = readFileSync(join(rules, 'violation/AD.ABSOLUTE_TERMS.yaml'), 'utf8');
    writeFileSync(join(rules, 'violation/AD.X_UNKNOWN_KIND.yaml'), absolute.replace(/^id: .*$/m, 'id: AD.X_UNKNOWN_KIND').replace(/^detector: .*$/m, 'detector: no-such-kind'));
    writeFileSync(join(rules, 'violation/AD.X_BAD_YAML.yaml'), absolute.replace(/^id: .*$/m, 'id: AD.X_BAD_YAML').replace(/^title: .*$/m, 'title: [unclosed'));
    const checkout = readFileSync(join(rules, 'price-fraud/PRICE.CHECKOUT_ABOVE_DISPLAYED.yaml'), 'utf8');
    writeFileSync(join(rules, 'price-fraud/PRICE.X_BAD_PARAM.yaml'), checkout.replace(/^id: .*$/m, 'id: PRICE.X_BAD_PARAM').replace(/toleranceFen: .*/, 'toleranceFen: -5'));

    const r = run(['rules', 'check'], { SUPERVISOR_RULES_DIR: rules });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^rules\/violation\/AD\.X_UNKNOWN_KIND\.yaml:\d+: unknown detector "no-such-kind"/m);
    expect(r.err).toMatch(/^rules\/violation\/AD\.X_BAD_YAML\.yaml:\d+: YAML syntax/m);
    expect(r.err).toMatch(/^rules\/price-fraud\/PRICE\.X_BAD_PARAM\.yaml:\d+: params\.toleranceFen: /m);
    expect(r.err).toMatch(/ruleset rejected/);

    // The project's own rules, by default, are fine.
    const ok = run(['rules', 'check']);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/^rules: 39 rules OK, ruleset [0-9a-f]{16}$/m);
  });

  it('a mistyped command line gets its reason and the usage, exit 2, no stack trace', { timeout: 120_000 }, () => {
    const r = run(['scan', 'events.jsonl']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^supervisor: Unexpected argument 'events\.jsonl'/);
    expect(r.err).toContain('supervisor scan --input FILE.jsonl');
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});

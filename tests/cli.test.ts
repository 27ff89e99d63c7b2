/**
 * The supervisor binary's command line, run as a user runs it: rules check on a rules
 * directory with broken files (each reported as file:line: reason, exit 1), a mistyped
 * command line (its reason and the usage, exit 2, no stack trace), and scan over threads.
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

  it('scan --threads N prints what one thread prints; a bad N is refused with exit 2', { timeout: 120_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-scan-'));
    const file = join(dir, 'session.jsonl');
    const ts = (s: number) => new Date(Date.UTC(2026, 10, 26, 12, 0, s)).toISOString();
    const lines: string[] = [];
    for (let r = 0; r < 8; r++) {
      lines.push(JSON.stringify({ type: 'transcript', roomId: `room-${r}`, sessionId: 's1', ts: ts(r), text: '家人们这款是全网最低价，加我微信下单' }));
      lines.push(JSON.stringify({ type: 'transcript', roomId: `room-${r}`, sessionId: 's1', ts: ts(r + 30), text: '全网最低价，最后三单' }));
    }
    lines.splice(5, 0, '{"type":"transcript"');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const one = run(['scan', '--input', file, '--updates', '--threads', '1']);
    const two = run(['scan', '--input', file, '--updates', '--threads', '2']);
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    expect(one.out.trim().split('\n').length).toBeGreaterThanOrEqual(16);
    expect(two.out).toBe(one.out);
    expect(two.err).toBe(one.err);
    expect(one.err).toMatch(/^session\.jsonl:6: DECODE_/m);

    const bad = run(['scan', '--input', file, '--threads', '0']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^scan: --threads must be an integer from 1 to \d+, got "0"/m);
    rmSync(dir, { recursive: true, force: true });
  });
});

import { describe, expect, it } from 'vitest';
import { runExample } from '../services/engine/ruleset/examples.js';
import { loadRulesFromDisk } from '../services/shared/rules-fs.js';

const loaded = loadRulesFromDisk();
if (!loaded.ok) throw new Error(loaded.problems.map((p) => `${p.file}:${p.line} ${p.message}`).join('\n'));
const { ruleset } = loaded;

describe.each(ruleset.rules.map((r) => [r.meta.id, r] as const))('%s', (_id, rule) => {
  it.each(rule.examples.map((ex) => [ex.name, ex] as const))('%s', (_name, ex) => {
    const outcome = runExample(ruleset, rule, ex);
    expect(outcome).toMatchObject({ passed: true }); // on failure the diff shows outcome.detail
  });
});

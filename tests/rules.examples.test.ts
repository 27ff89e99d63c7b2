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

// Every room without a state for a rule shares that rule's one `initial` object, which is safe
// only while detectors never write to a state they were given. With every initial state frozen,
// such a write throws (modules are strict) and the example fails.
describe('detectors never write to the shared initial state', () => {
  it('every example passes with every rule’s initial state deep-frozen', () => {
    const fresh = loadRulesFromDisk();
    if (!fresh.ok) throw new Error('rules');
    const freeze = (x: unknown): void => {
      if (typeof x !== 'object' || x === null || Object.isFrozen(x)) return;
      Object.freeze(x);
      for (const v of Object.values(x)) freeze(v);
    };
    for (const rule of fresh.ruleset.rules) freeze(rule.initial);
    const failed = fresh.ruleset.rules.flatMap((rule) => rule.examples.map((ex) => runExample(fresh.ruleset, rule, ex)).filter((o) => !o.passed));
    expect(failed).toEqual([]);
    expect(fresh.ruleset.rules.every((r) => Object.isFrozen(r.initial) || typeof r.initial !== 'object')).toBe(true);
  });
});

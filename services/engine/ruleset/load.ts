/**
 * Ruleset loading, pure: file contents in, a compiled ruleset or every problem out (with file
 * and line, like falco's load result). Reading the files is the caller's job.
 * Pipeline: parse YAML → check the rule schema → check the detector and its params →
 * compile each rule → one automaton over every lexicon term → index rules by event type.
 */
import { createHash } from 'node:crypto';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { z } from 'zod';
import type { EventType } from '../contracts/events.js';
import { EVENT_TYPES } from '../contracts/events.js';
import { DETECTORS } from '../detectors/index.js';
import type { CompileEnv, Detector, Seeds } from '../detectors/types.js';
import { buildDfa, type Automaton } from '../lexicon/dfa.js';
import { buildNormaliserTables, createNormaliser, createTextNormaliser, type Normaliser } from '../normalise/normalise.js';
import { createCategoryOf, type CategoryOf } from '../category.js';
import { createVariants, VariantSeedSchema } from '../normalise/variants.js';
import type { RuleMeta } from '../alerts/envelope.js';
import { RuleFileSchema, type RuleExample } from './schema.js';

export type SourceFile = { path: string; text: string };

export type LoadProblem = { file: string; line: number; message: string };

export type CompiledRule = {
  meta: RuleMeta;
  detector: Detector;
  compiled: unknown;
  examples: RuleExample[];
  file: string;
  /** Position in Ruleset.rules: the key of this rule's lexicon hits. */
  index: number;
  /** Rules this rule gives way to (schema `yieldsTo`). */
  yieldsTo: ReadonlyArray<{ rule: string; sameEvent: boolean }>;
  /**
   * `detector.initial()`, made once: the state of every room where this rule has none yet
   * (detectors are pure: a changed state is a new object, never a write; a test runs every
   * example with these frozen).
   */
  initial: unknown;
};

export type Ruleset = {
  version: string;
  rules: readonly CompiledRule[];
  byType: Readonly<Record<EventType, readonly CompiledRule[]>>;
  /** Index in `rules` of each rule that needs lexicon hits on transcripts. */
  automaton: Automaton;
  /** For each automaton pattern: the (rule index, term index) pairs that own it. */
  owners: ReadonlyArray<ReadonlyArray<readonly [number, number]>>;
  normalise: Normaliser;
  categoryOf: CategoryOf;
  /** Longest lexicon term, in squeezed characters: how much of a previous segment to keep. */
  maxTermLength: number;
  sources: readonly SourceFile[];
  /**
   * A copy of a room's `rules` record (detector state by rule id) with exactly this ruleset's
   * rule ids as keys, in `rules` order (see evaluate.ts). One generated class per ruleset: every
   * copy has one fixed shape, several times cheaper to make than spreading a 39-key record.
   */
  copyRules: (from: Readonly<Record<string, unknown>>) => Record<string, unknown>;
  /**
   * Whether `copyRules` made this record (its class is this ruleset's). An instance check, not
   * a set of the records made: a WeakSet of every live room's record cost ≈ 1.3 µs per copy and
   * lookup in a microbenchmark, and GC work besides. The class is invisible in the data:
   * JSON, `Object.keys` and structured clones see a plain record.
   */
  isRulesCopy: (rules: object) => boolean;
};

export type LoadResult = { ok: true; ruleset: Ruleset } | { ok: false; problems: LoadProblem[] };

/** A content hash over every rule and seed file, stable across machines and file order. */
export function rulesetVersion(files: readonly SourceFile[]): string {
  const h = createHash('sha256');
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) h.update(f.path).update('\0').update(f.text).update('\0');
  return h.digest('hex').slice(0, 16);
}

function lineOf(doc: Document, lc: LineCounter, path: ReadonlyArray<PropertyKey>): number {
  // Walk up the path until a node with a position is found.
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n) as unknown[], true);
    if (isNode(node) && node.range) return lc.linePos(node.range[0]).line;
  }
  return 1;
}

function seedKey(path: string): string {
  return path.replace(/^.*?seeds\//, '').replace(/\.(ya?ml|json)$/, '');
}

export function parseSeeds(files: readonly SourceFile[], problems: LoadProblem[]): Seeds {
  const data = new Map<string, unknown>();
  for (const f of files) {
    if (f.path.endsWith('.json')) {
      try {
        data.set(seedKey(f.path), JSON.parse(f.text));
      } catch (err) {
        problems.push({ file: f.path, line: 1, message: `not JSON: ${(err as Error).message}` });
      }
      continue;
    }
    const lc = new LineCounter();
    const doc = parseDocument(f.text, { lineCounter: lc, prettyErrors: false });
    if (doc.errors.length > 0) {
      for (const e of doc.errors) problems.push({ file: f.path, line: lc.linePos(e.pos[0]).line, message: `YAML: ${e.message.split('\n')[0]}` });
      continue;
    }
    data.set(seedKey(f.path), doc.toJS());
  }
  return {
    has: (name) => data.has(name),
    get(name) {
      if (!data.has(name)) throw new Error(`seed "${name}" not found (expected seeds/${name}.yaml)`);
      return data.get(name);
    },
  };
}

function zodProblems(file: string, doc: Document, lc: LineCounter, err: z.ZodError, prefix: PropertyKey[] = []): LoadProblem[] {
  return err.issues.map((i) => {
    const path = [...prefix, ...i.path];
    const where = path.length > 0 ? `${path.join('.')}: ` : '';
    return { file, line: lineOf(doc, lc, path), message: `${where}${i.message}` };
  });
}

/** `partial`: a subset of the rules (a benchmark baseline); yieldsTo may name rules left out. */
export function loadRuleset(input: { rules: readonly SourceFile[]; seeds: readonly SourceFile[]; partial?: boolean }): LoadResult {
  const problems: LoadProblem[] = [];
  const seeds = parseSeeds(input.seeds, problems);
  let normalise: Normaliser;
  let normaliseText: (s: string) => string;
  let categoryOf: CategoryOf;
  let variants: (term: string) => string[];
  try {
    const v = seeds.has('normalise/variants') ? VariantSeedSchema.parse(seeds.get('normalise/variants')) : VariantSeedSchema.parse({ version: 1 });
    const tables = buildNormaliserTables(seeds.get('normalise/t2s') as Record<string, string>, v.symbols);
    normalise = createNormaliser(tables);
    normaliseText = createTextNormaliser(tables);
    variants = createVariants(v, normaliseText);
    categoryOf = createCategoryOf(seeds.get('categories'));
  } catch (err) {
    return { ok: false, problems: [...problems, { file: 'seeds/', line: 1, message: (err as Error).message.split('\n').slice(0, 4).join(' ') }] };
  }
  const env: CompileEnv = { seeds, normaliseTerm: normaliseText, variants };
  const rules: CompiledRule[] = [];
  const ids = new Map<string, string>();
  const yields: Array<{ file: string; line: number; ids: string[] }> = [];
  for (const f of input.rules) {
    const lc = new LineCounter();
    const doc = parseDocument(f.text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
    if (doc.errors.length > 0) {
      for (const e of doc.errors) problems.push({ file: f.path, line: lc.linePos(e.pos[0]).line, message: `YAML syntax: ${e.message.split('\n')[0]}` });
      continue;
    }
    const parsed = RuleFileSchema.safeParse(doc.toJS());
    if (!parsed.success) {
      problems.push(...zodProblems(f.path, doc, lc, parsed.error));
      continue;
    }
    const r = parsed.data;
    const m = /(?:^|\/)rules\/([^/]+)\/([^/]+)\.ya?ml$/.exec(f.path);
    if (m === null || m[1] !== r.category || m[2] !== r.id) {
      problems.push({ file: f.path, line: lineOf(doc, lc, ['id']), message: `rule ${r.id} (${r.category}) must live at rules/${r.category}/${r.id}.yaml` });
      continue;
    }
    const dup = ids.get(r.id);
    if (dup !== undefined) {
      problems.push({ file: f.path, line: lineOf(doc, lc, ['id']), message: `duplicate rule id ${r.id} (also in ${dup})` });
      continue;
    }
    ids.set(r.id, f.path);
    const detector = DETECTORS[r.detector];
    if (detector === undefined) {
      problems.push({ file: f.path, line: lineOf(doc, lc, ['detector']), message: `unknown detector "${r.detector}"; known: ${Object.keys(DETECTORS).join(', ')}` });
      continue;
    }
    const params = detector.params.safeParse(r.params ?? {});
    if (!params.success) {
      problems.push(...zodProblems(f.path, doc, lc, params.error, ['params']));
      continue;
    }
    let compiled: unknown;
    try {
      compiled = detector.compile(params.data, env);
    } catch (err) {
      problems.push({ file: f.path, line: lineOf(doc, lc, ['params']), message: `params: ${(err as Error).message.split('\n').slice(0, 3).join(' ')}` });
      continue;
    }
    const { id, version, category, severity, title, legalBasis } = r;
    rules.push({ meta: { id, version, category, severity, title, legalBasis }, detector, compiled, examples: r.examples, file: f.path, index: -1, yieldsTo: r.yieldsTo, initial: detector.initial() });
    yields.push({ file: f.path, line: lineOf(doc, lc, ['yieldsTo']), ids: r.yieldsTo.map((y) => y.rule) });
  }
  for (const y of yields) {
    for (const id of y.ids) if (!ids.has(id) && input.partial !== true) problems.push({ file: y.file, line: y.line, message: `yieldsTo: unknown rule id ${id}` });
  }
  if (problems.length > 0) return { ok: false, problems };
  if (rules.length === 0) return { ok: false, problems: [{ file: 'rules/', line: 1, message: 'no rule files found' }] };
  rules.sort((a, b) => (a.meta.id < b.meta.id ? -1 : 1));
  rules.forEach((r, i) => (r.index = i));

  // One automaton for every lexicon term of every rule; a pattern may belong to several rules.
  const patternIndex = new Map<string, number>();
  const owners: Array<Array<readonly [number, number]>> = [];
  let maxTermLength = 0;
  rules.forEach((rule, ri) => {
    const terms = rule.detector.terms?.(rule.compiled) ?? [];
    terms.forEach((t, ti) => {
      let p = patternIndex.get(t);
      if (p === undefined) {
        p = owners.length;
        patternIndex.set(t, p);
        owners.push([]);
      }
      owners[p]!.push([ri, ti]);
      maxTermLength = Math.max(maxTermLength, t.length);
    });
  });
  const byType = Object.fromEntries(EVENT_TYPES.map((t) => [t, rules.filter((r) => r.detector.on.includes(t))])) as Record<EventType, CompiledRule[]>;
  const sources = [...input.rules, ...input.seeds];
  return {
    ok: true,
    ruleset: {
      version: rulesetVersion(sources),
      rules,
      byType,
      automaton: buildDfa([...patternIndex.keys()]),
      owners,
      normalise,
      categoryOf,
      maxTermLength,
      sources,
      ...rulesCopier(rules.map((r) => r.meta.id)),
    },
  };
}

function rulesCopier(ids: readonly string[]): Pick<Ruleset, 'copyRules' | 'isRulesCopy'> {
  // Generated from the rule ids (JSON-quoted): a constructor assigning every key in a fixed
  // order gives each copy the same shape with its fields in the object; a loop of assignments
  // or a spread does not.
  const assign = ids.map((id) => `this[${JSON.stringify(id)}] = r[${JSON.stringify(id)}];`).join(' ');
  const RuleStates = new Function(`return class RuleStates { constructor(r) { ${assign} } };`)() as new (r: Readonly<Record<string, unknown>>) => Record<string, unknown>;
  return { copyRules: (r) => new RuleStates(r), isRulesCopy: (r) => r instanceof RuleStates };
}

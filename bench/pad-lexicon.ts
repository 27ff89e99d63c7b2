/**
 * The engine bench's ruleset with its lexicons at the issue's scale (at least 5,000 terms): the
 * ruleset's own terms, plus generated ones appended to the absolute-terms lexicon, so the
 * engine's automaton is as large as a district's. The generated terms are 4–6 characters drawn
 * from the stream's own CJK characters, and none of them occurs in the stream (checked on each
 * room's transcripts joined in order, so across segment boundaries too): the engine does the
 * work of the larger lexicon and raises the same alerts, which the bench checks.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse, stringify } from 'yaml';
import { loadRuleset, type Ruleset } from '../services/engine/index.js';
import { readSources } from '../services/shared/rules-fs.js';
import { buildDfa } from '../services/engine/lexicon/dfa.js';
import type { SourceFile } from '../services/engine/ruleset/load.js';
import { mulberry32 } from './generate.js';

export const LEXICON_SCALE = 5_000;
const PAD_FILE = 'seeds/terms/absolute-terms.yaml';

type Sources = { rules: SourceFile[]; seeds: SourceFile[] };
export type PaddedRuleset = { ruleset: Ruleset; sources: Sources; ownTerms: number; generatedTerms: number; totalTerms: number; file: string };

/** Each room's transcript texts, in stream order, from JSON event lines (other lines are skipped). */
export function roomTranscripts(lines: Iterable<string>): string[][] {
  const byRoom = new Map<string, string[]>();
  for (const line of lines) {
    const o = JSON.parse(line) as { type?: string; roomId?: string; text?: string };
    if (o.type !== 'transcript' || typeof o.roomId !== 'string' || typeof o.text !== 'string') continue;
    const texts = byRoom.get(o.roomId);
    if (texts === undefined) byRoom.set(o.roomId, [o.text]);
    else texts.push(o.text);
  }
  return [...byRoom.values()];
}

/**
 * The project's rules with their lexicons padded to `target` terms for `roomTexts`, the seeds
 * written under `root` as a directory `seeds/` (paths as in the project, so the ruleset's
 * version is what `npm run bench` would load for the same stream). For the benches that run
 * the real binary: pass the returned directory as SUPERVISOR_SEEDS_DIR.
 */
export function writePaddedSeeds(roomTexts: ReadonlyArray<readonly string[]>, target: number, seed: number, root: string): { seedsDir: string; pad: PaddedRuleset } {
  const sources = readSources();
  const own = loadRuleset(sources);
  if (!own.ok) throw new Error(`bench: the project's ruleset does not load: ${own.problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join('; ')}`);
  const pad = padLexicon(sources, own.ruleset, roomTexts, target, seed);
  for (const f of pad.sources.seeds) {
    const to = join(root, f.path);
    mkdirSync(dirname(to), { recursive: true });
    writeFileSync(to, f.text);
  }
  return { seedsDir: join(root, 'seeds'), pad };
}

/** Distinct non-empty patterns of the ruleset's lexicon automaton (variants included). */
export const lexiconTerms = (ruleset: Ruleset): number => new Set(ruleset.automaton.patterns.filter((p) => p.length > 0)).size;

/**
 * `sources` with generated terms added until the loaded ruleset's automaton has at least
 * `target` patterns. `roomTexts`: every room's transcript texts in stream order.
 */
export function padLexicon(sources: Sources, own: Ruleset, roomTexts: ReadonlyArray<readonly string[]>, target: number, seed: number): PaddedRuleset {
  const ownTerms = lexiconTerms(own);
  const file = sources.seeds.find((f) => f.path === PAD_FILE);
  if (file === undefined) throw new Error(`bench: ${PAD_FILE} is not among the seeds`);
  const doc = parse(file.text) as { terms: string[] };
  const squeeze = (s: string): string => own.normalise(s).text;
  // Each room's transcripts joined in order: a term absent from these is absent from every
  // segment and from every segment joined to the one before it.
  const said = roomTexts.map((texts) => squeeze(texts.join('')));
  const pool = [...new Set(said.join(''))].filter((c) => c >= '\u4e00' && c <= '\u9fff');
  const known = new Set(own.automaton.patterns);
  const g = mulberry32(seed ^ 0x1e4c);
  const added: string[] = [];
  let ruleset = own;
  let padded = sources;
  for (let round = 0; round < 4 && lexiconTerms(ruleset) < target; round++) {
    const need = target - lexiconTerms(ruleset);
    const want = Math.ceil(need * 1.2) + 16; // a few are said in the stream and dropped
    const candidates = new Set<string>();
    while (candidates.size < want) {
      let t = '';
      for (let k = g.int(4, 6); k > 0; k--) t += g.pick(pool);
      const n = squeeze(t);
      if (n.length >= 4 && !known.has(n)) candidates.add(n);
    }
    const list = [...candidates];
    const heard = new Set<number>();
    const dfa = buildDfa(list);
    for (const text of said) dfa.scan(text, (p) => void heard.add(p));
    for (let i = 0, kept = 0; i < list.length && kept < need; i++) {
      if (heard.has(i)) continue;
      kept++;
      added.push(list[i]!);
      known.add(list[i]!);
    }
    const text = stringify({ ...doc, terms: [...doc.terms, ...added] });
    padded = { rules: sources.rules, seeds: sources.seeds.map((f) => (f === file ? { path: f.path, text } : f)) };
    const loaded = loadRuleset(padded);
    if (!loaded.ok) throw new Error(`bench: the padded lexicon does not load: ${loaded.problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join('; ')}`);
    ruleset = loaded.ruleset;
  }
  const totalTerms = lexiconTerms(ruleset);
  if (totalTerms < target) throw new Error(`bench: padded lexicon has ${totalTerms} terms, fewer than ${target}`);
  return { ruleset, sources: padded, ownTerms, generatedTerms: added.length, totalTerms, file: PAD_FILE };
}

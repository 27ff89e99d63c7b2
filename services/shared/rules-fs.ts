/**
 * Reads the rule and seed files from disk and hands their contents to the pure loader.
 * Rules: rules/<category>/<ID>.yaml. Seeds: every .yaml/.json under seeds/ except the demo
 * sessions (seeds/sessions/), which are event feeds, not rule data.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRuleset, type LoadResult, type SourceFile } from '../engine/index.js';

export const PROJECT_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const DEFAULT_RULES_DIR = join(PROJECT_ROOT, 'rules');
export const DEFAULT_SEEDS_DIR = join(PROJECT_ROOT, 'seeds');

function walk(dir: string, keep: (path: string) => boolean): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p, keep));
    else if (keep(p)) out.push(p);
  }
  return out;
}

export function readSources(rulesDir = DEFAULT_RULES_DIR, seedsDir = DEFAULT_SEEDS_DIR): { rules: SourceFile[]; seeds: SourceFile[] } {
  const base = resolve(rulesDir, '..');
  const rel = (p: string, root: string) => relative(root, p).split('\\').join('/');
  const rules = walk(rulesDir, (p) => /\.ya?ml$/.test(p)).map((p) => ({ path: rel(p, base), text: readFileSync(p, 'utf8') }));
  const seedBase = resolve(seedsDir, '..');
  const seeds = walk(seedsDir, (p) => /\.(ya?ml|json)$/.test(p) && !rel(p, seedsDir).startsWith('sessions/')).map((p) => ({
    path: rel(p, seedBase),
    text: readFileSync(p, 'utf8'),
  }));
  return { rules, seeds };
}

export function loadRulesFromDisk(rulesDir?: string, seedsDir?: string): LoadResult {
  return loadRuleset(readSources(rulesDir, seedsDir));
}

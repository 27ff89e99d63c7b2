/**
 * `target-allegation`: a negative factual allegation (假货, 有毒, 三聚氰胺, 智商税, 跑路 …) about an
 * identifiable other business in the same sentence — commercial defamation (catalogue
 * COMP.COMMERCIAL_DEFAMATION). Targets: a brand of the registry (seeds/brands.yaml) other than
 * the one being sold or one the room is authorised for, fixed pointers (他们家, 那个牌子, 那家店)
 * and patterns with a captured name (隔壁小美直播间, 贝儿乐牌, XX面霜) whose name is not generic
 * (这个, 我们, 市面上 …). With no target (市面上假货太多) nothing fires; a sentence citing an
 * official source (抽检通报, 市场监管总局) is advisory (`info`) for the inspector to judge.
 */
import { z } from 'zod';
import { createBrandRegistry, type BrandRegistry } from '../brands.js';
import { checkScope } from '../scope.js';
import { isAsciiAlnum, lexiconTerms } from './lexicon.js';
import { defineDetector, type CompileEnv, type EvidenceMatch, type Finding } from './types.js';

const words = z.array(z.string().min(1));

const Params = z.strictObject({
  /** seeds/terms lexicon of allegations (terms and allow phrases). */
  lexicon: z.string().min(1),
  targets: z.strictObject({
    /** Brands of the registry count as targets. */
    brands: z.boolean().default(true),
    /** Regular expressions (on the normalised sentence: lower case, simplified, no punctuation). A
     *  named group `name` is checked against `nameStop` and the pattern's own `nameStop`. */
    patterns: z.array(z.union([z.string().min(1), z.strictObject({ pattern: z.string().min(1), nameStop: words.default([]), weak: z.boolean().default(false) })])).min(1),
    /** A captured name that is, or ends with, one of these is generic or one's own (这个, 我们, 大). */
    nameStop: words.default([]),
    /** In the sentence, these make a brand mention (or a `weak` pattern's name) generic
     *  (外面很多卖戴森的都是假货, 网上九块九的面膜都是三无). */
    brandGeneric: words.default([]),
  }),
  /** In the sentence (or the one before): citing an official source; the finding is advisory. */
  sources: words.default([]),
  /** Sentence breaks; commas do not end the sentence (贝儿乐那个牌子的奶粉，检出过三聚氰胺). */
  breaks: z.string().default('。！？!?；;\n'),
  scope: z
    .strictObject({ negation: z.boolean().default(true), regulation: z.boolean().default(false), mention: z.boolean().default(true) })
    .default({ negation: true, regulation: false, mention: true }),
  /** Chinese summary, then " / " and English; {target} and {terms} are replaced. */
  summary: z.string().min(1),
});
type P = z.infer<typeof Params>;

type Compiled = {
  p: P;
  norm: (s: string) => string;
  terms: string[];
  display: string[];
  isAllow: boolean[];
  patterns: Array<{ re: RegExp; nameStop: string[]; weak: boolean }>;
  nameStop: string[];
  brandGeneric: string[];
  sources: string[];
  registry: BrandRegistry | null;
};

function compile(p: P, env: CompileEnv): Compiled {
  const norm = (s: string) => env.normaliseTerm(s);
  const { terms, display, isAllow } = lexiconTerms(p.lexicon, env);
  const n = (xs: readonly string[]) => xs.map(norm).filter((x) => x.length > 0);
  const patterns = p.targets.patterns.map((pt) => {
    const src = typeof pt === 'string' ? pt : pt.pattern;
    try {
      return { re: new RegExp(src, 'g'), nameStop: typeof pt === 'string' ? [] : n(pt.nameStop), weak: typeof pt !== 'string' && pt.weak };
    } catch (cause) {
      throw new Error(`targets.patterns: bad regular expression ${src}`, { cause });
    }
  });
  return {
    p,
    norm,
    terms,
    display,
    isAllow,
    patterns,
    nameStop: n(p.targets.nameStop),
    brandGeneric: n(p.targets.brandGeneric),
    sources: n(p.sources),
    registry: p.targets.brands ? createBrandRegistry(env.seeds.get('brands'), env.normaliseTerm) : null,
  };
}

function sentenceAt(text: string, at: number, breaks: string): [number, number] {
  let s = at;
  while (s > 0 && !breaks.includes(text[s - 1]!)) s--;
  let e = at;
  while (e < text.length && !breaks.includes(text[e]!)) e++;
  return [s, e];
}

/** The identifiable target named in a (normalised) sentence, or null. */
export function findTarget(c: Compiled, sentence: string, own: ReadonlySet<string>, authorisations: readonly string[] | null): string | null {
  const generic = c.brandGeneric.some((g) => sentence.includes(g));
  // Registry brands first; the room's own or authorised brands are no target, and a pattern
  // match that only names one of them (欧莱雅的面霜 in an authorised room) is none either.
  const ownAliases: string[] = [];
  if (c.registry !== null) {
    for (const b of c.registry.mentions(sentence)) {
      if (b.type === 'generic') continue;
      if (own.has(b.brand) || c.registry.isAuthorised(b.brand, authorisations) === true) {
        if (b.fuzzy === undefined) ownAliases.push(c.norm(b.alias));
        continue;
      }
      if (!generic) return b.alias;
    }
  }
  for (const { re, nameStop, weak } of c.patterns) {
    if (weak && generic) continue;
    re.lastIndex = 0;
    for (let m = re.exec(sentence); m !== null; m = re.exec(sentence)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const name = m.groups?.['name'];
      const stop = (s: string) => name === s || name!.endsWith(s);
      if (name !== undefined && (c.nameStop.some(stop) || nameStop.some(stop))) continue;
      if (ownAliases.some((a) => m![0].includes(a))) continue;
      return m[0];
    }
  }
  return null;
}

export const targetAllegation = defineDetector({
  kind: 'target-allegation',
  summary: 'A negative factual allegation about an identifiable other business (brand, 他们家, 隔壁X直播间) in the same sentence.',
  params: Params,
  on: ['transcript'],
  needsHits: true,
  compile: (p: P, env: CompileEnv): Compiled => compile(p, env),
  terms: (c) => c.terms,
  initial: () => null,
  evaluate({ room, rule: c, state, segment, hits }) {
    if (segment === undefined || hits === undefined) return { state, findings: [] };
    const { squeezed, map, original, currentStart } = segment;
    const allowed = hits.filter((h) => c.isAllow[h.term]);
    // The brands being sold here are not "another business".
    const own = new Set<string>();
    const card = room.activeSku === null ? undefined : room.cards[room.activeSku];
    if (c.registry !== null && card !== undefined) {
      const b = c.registry.canonical(card.brand);
      if (b !== null) own.add(b);
      for (const m of c.registry.mentions(card.productName)) own.add(m.brand);
    }
    let info: Finding | null = null;
    const done = new Set<number>();
    for (const h of hits) {
      if (c.isAllow[h.term]) continue;
      if (allowed.some((a) => a.start <= h.start && a.end >= h.end)) continue;
      const term = c.terms[h.term]!;
      if (isAsciiAlnum(term.charCodeAt(0)) && h.start > 0 && isAsciiAlnum(squeezed.charCodeAt(h.start - 1))) continue;
      const os = map[h.start]!;
      const oe = map[h.end - 1]! + 1;
      if (oe <= currentStart) continue;
      if (checkScope(original, os, oe, c.p.scope) !== null) continue;
      const [ss, se] = sentenceAt(original, os, c.p.breaks);
      if (done.has(ss)) continue;
      done.add(ss);
      const sentence = c.norm(original.slice(ss, se));
      const target = findTarget(c, sentence, own, room.meta?.sellerAuthorizations ?? null);
      if (target === null) continue;
      const prev = ss > 0 ? c.norm(original.slice(sentenceAt(original, ss - 1, c.p.breaks)[0], ss)) : '';
      const cited = c.sources.some((s) => sentence.includes(s) || prev.includes(s));
      const allegations = hits
        .filter((x) => !c.isAllow[x.term] && map[x.start]! >= ss && map[x.start]! < se)
        .map((x) => c.display[x.term]!);
      const uniq = [...new Set(allegations)];
      const match: EvidenceMatch = { term: c.display[h.term]!, text: original.slice(os, oe), span: [os - currentStart, oe - currentStart] };
      const finding: Finding = {
        dedupeKey: target,
        sku: room.activeSku,
        summary: c.p.summary.replace('{target}', target).replace('{terms}', uniq.map((t) => `“${t}”`).join('、')),
        matches: [match],
        values: { target, allegations: uniq, ...(cited ? { citesSource: true } : {}) },
        ...(cited ? { severity: 'info' as const } : {}),
      };
      if (!cited) return { state, findings: [finding] };
      info ??= finding;
    }
    return { state, findings: info === null ? [] : [info] };
  },
});

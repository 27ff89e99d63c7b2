/**
 * `lexicon`: a term list matched on the squeezed transcript view through the shared automaton,
 * with an allow-list of phrases that contain a term without being a claim (最佳冲泡温度, 你最好…),
 * ASCII word boundaries for Latin terms (NO.1 vs no.10), the scope detector, and a severity raise
 * for sensitive product categories. Used by AD.ABSOLUTE_TERMS and the other lexical rules.
 */
import { z } from 'zod';
import { checkScope } from '../scope.js';
import type { Severity } from '../contracts/alert.js';
import { defineDetector, type CompileEnv, type EvidenceMatch, type Finding, type LexiconHit } from './types.js';

export const LexiconSeedSchema = z.strictObject({
  version: z.number().int().positive(),
  description: z.string().optional(),
  terms: z.array(z.string().min(1)).min(1),
  /** Phrases that contain a term but are not a claim; a term hit inside one is dropped. */
  allow: z.array(z.string().min(1)).default([]),
});

const Params = z.strictObject({
  /** Name of a file in seeds/terms/ (without .yaml). */
  lexicon: z.string().min(1),
  scope: z
    .strictObject({ negation: z.boolean().default(true), regulation: z.boolean().default(true), mention: z.boolean().default(true) })
    .default({ negation: true, regulation: true, mention: true }),
  raise: z
    .strictObject({ severity: z.enum(['critical', 'high', 'medium', 'low']), categories: z.array(z.string()).min(1) })
    .optional(),
  /** Chinese summary; {terms} is replaced by the matched terms. */
  summary: z.string().min(1),
});

type Compiled = {
  terms: string[]; // normalised; index = term id within this rule
  display: string[]; // as written in the seed file
  isAllow: boolean[];
  scope: z.infer<typeof Params>['scope'];
  raise: { severity: Severity; categories: Set<string> } | null;
  summary: string;
};

export const isAsciiAlnum = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a);

/**
 * A seeds/terms lexicon as automaton terms: each term and allow-listed phrase normalised, with
 * its variants; `display` is the term as written, `isAllow` marks the allow-list.
 */
export function lexiconTerms(name: string, env: CompileEnv): { terms: string[]; display: string[]; isAllow: boolean[] } {
  const seed = LexiconSeedSchema.parse(env.seeds.get(`terms/${name}`));
  const terms: string[] = [];
  const display: string[] = [];
  const isAllow: boolean[] = [];
  const add = (t: string, allow: boolean) => {
    const n = env.normaliseTerm(t);
    if (n.length === 0) return;
    for (const v of env.variants(n)) {
      terms.push(v);
      display.push(t);
      isAllow.push(allow);
    }
  };
  for (const t of seed.terms) add(t, false);
  for (const t of seed.allow) add(t, true);
  return { terms, display, isAllow };
}

export const lexicon = defineDetector({
  kind: 'lexicon',
  summary: 'Terms from a seeds/terms lexicon said in the room, outside allow-listed phrases, negation and quotation.',
  params: Params,
  on: ['transcript'],
  needsHits: true,
  compile(p, env): Compiled {
    const { terms, display, isAllow } = lexiconTerms(p.lexicon, env);
    return {
      terms,
      display,
      isAllow,
      scope: p.scope,
      raise: p.raise ? { severity: p.raise.severity, categories: new Set(p.raise.categories) } : null,
      summary: p.summary,
    };
  },
  terms: (c) => c.terms,
  initial: () => null,
  evaluate({ rule, state, segment, hits, productCategory, room }) {
    if (segment === undefined || hits === undefined) return { state, findings: [] };
    const allowed = hits.filter((h) => rule.isAllow[h.term]);
    const { squeezed, map, original, currentStart } = segment;
    const kept: LexiconHit[] = [];
    for (const h of hits) {
      if (rule.isAllow[h.term]) continue;
      if (allowed.some((a) => a.start <= h.start && a.end >= h.end)) continue;
      const term = rule.terms[h.term]!;
      if (isAsciiAlnum(term.charCodeAt(0)) && h.start > 0 && isAsciiAlnum(squeezed.charCodeAt(h.start - 1))) continue;
      if (isAsciiAlnum(term.charCodeAt(term.length - 1)) && h.end < squeezed.length && isAsciiAlnum(squeezed.charCodeAt(h.end))) continue;
      const os = map[h.start]!;
      const oe = map[h.end - 1]! + 1;
      if (oe <= currentStart) continue; // ended in the previous segment: reported there already
      if (checkScope(original, os, oe, rule.scope) !== null) continue;
      // A term inside a longer term hit of the same rule is reported once, as the longer one.
      kept.push(h);
    }
    const outer = kept.filter((h) => !kept.some((o) => o !== h && o.start <= h.start && o.end >= h.end && o.end - o.start > h.end - h.start));
    if (outer.length === 0) return { state, findings: [] };
    const matches: EvidenceMatch[] = [];
    const seen = new Set<string>();
    for (const h of outer) {
      const term = rule.display[h.term]!;
      if (seen.has(term)) continue; // a term repeated inside one segment counts once
      seen.add(term);
      const os = map[h.start]! - currentStart;
      const oe = map[h.end - 1]! + 1 - currentStart;
      matches.push({ term, text: original.slice(map[h.start]!, map[h.end - 1]! + 1), span: [os, oe] });
    }
    const terms = matches.map((m) => m.term);
    const previous = segment.previous;
    const spansTail = outer.some((h) => map[h.start]! < currentStart) && previous !== null;
    const finding: Finding = {
      ...(spansTail ? { events: [{ ...previous.coords, type: 'transcript' as const, ts: previous.ts, excerpt: original.slice(0, currentStart) }] } : {}),
      dedupeKey: [...terms].sort().join('|'),
      sku: room.activeSku,
      summary: rule.summary.replace('{terms}', terms.map((t) => `“${t}”`).join('、')),
      matches,
      values: { productCategory },
      ...(rule.raise !== null && rule.raise.categories.has(productCategory) ? { severity: rule.raise.severity } : {}),
    };
    return { state, findings: [finding] };
  },
});

/**
 * `attribute-contradiction`: a quality, composition or origin claim said in the room (原切,
 * 纯棉, 真皮, 足金, 进口 …) that the product card of the sku being presented contradicts (调理,
 * 涤棉混纺, PU, 镀金, 产地：山东 …). The pairs are data (rule params). A negated claim (这不是
 * 原切) or one quoting a regulation is no claim; an analogy (纯棉手感, 媲美真皮) is advisory
 * only (`info`); a contradicting word negated on the card (无拼接) is no contradiction.
 */
import { z } from 'zod';
import { checkScope, clauseAt } from '../scope.js';
import { defineDetector, type CompileEnv, type EvidenceMatch, type Finding } from './types.js';

const Pair = z.strictObject({
  /** Short name of the pair, used in the summary and as the dedupe key (原切/调理). */
  label: z.string().min(1),
  /** What the anchor says. */
  claims: z.array(z.string().min(1)).min(1),
  /** Words in the product name that contradict the claim. */
  contradicts: z.array(z.string().min(1)).min(1),
  /** A claim followed within the clause by one of these is about something else (进口 + 设备). */
  unlessAfter: z.array(z.string().min(1)).default([]),
});

const Params = z.strictObject({
  pairs: z.array(Pair).min(1),
  /** A claim followed in its clause by one of these is an analogy (纯棉手感): info only. */
  analogyAfter: z.array(z.string().min(1)).default([]),
  /** A claim right after one of these (one character between at most) is an analogy (媲美真皮): info only. */
  analogyBefore: z.array(z.string().min(1)).default([]),
  /** How many characters after the claim (plus the word's length) the analogy words are looked for. */
  analogyWindow: z.number().int().min(1).max(20).default(4),
  /** A contradicting word right after one of these on the card is negated (无拼接, 非转基因). */
  cardNegators: z.array(z.string().min(1)).default([]),
  /** The anchor saying a contradicting word (我们是养殖的) is a disclosure, unless one of these
   *  comes up to three characters before it (不是调理的). */
  disclosureNegators: z.array(z.string().min(1)).default(['不', '没', '无', '非', '零', '别']),
  /** Phrases in the claim's clause that make it no claim about this item (区别, 怎么分辨). */
  unless: z.array(z.string().min(1)).default([]),
  scope: z
    .strictObject({ negation: z.boolean().default(true), regulation: z.boolean().default(true), mention: z.boolean().default(true) })
    .default({ negation: true, regulation: true, mention: true }),
  /** Chinese summary, then " / " and English; {claim}, {card} and {contradiction} are replaced. */
  summary: z.string().min(1),
});
type P = z.infer<typeof Params>;

type CPair = { label: string; contradicts: Array<{ norm: string; display: string }>; unlessAfter: string[] };

type Compiled = {
  norm: (s: string) => string;
  terms: string[];
  /** Per automaton term: pair index and the claim as written. */
  termInfo: Array<{ pair: number; display: string }>;
  pairs: CPair[];
  analogyAfter: string[];
  analogyBefore: string[];
  analogyWindow: number;
  cardNegators: string[];
  disclosureNegators: string[];
  unless: string[];
  scope: P['scope'];
  summary: string;
};

const isAsciiAlnum = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a);

function compile(p: P, env: CompileEnv): Compiled {
  const norm = (s: string) => env.normaliseTerm(s);
  const nonEmpty = (xs: string[]) => xs.map(norm).filter((x) => x.length > 0);
  const terms: string[] = [];
  const termInfo: Compiled['termInfo'] = [];
  const pairs: CPair[] = p.pairs.map((pair, pi) => {
    for (const claim of pair.claims) {
      const n = norm(claim);
      if (n.length === 0) continue;
      for (const v of env.variants(n)) {
        terms.push(v);
        termInfo.push({ pair: pi, display: claim });
      }
    }
    const contradicts = pair.contradicts.map((t) => ({ norm: norm(t), display: t })).filter((t) => t.norm.length > 0);
    return { label: pair.label, contradicts, unlessAfter: nonEmpty(pair.unlessAfter) };
  });
  return {
    norm,
    terms,
    termInfo,
    pairs,
    analogyAfter: nonEmpty(p.analogyAfter),
    analogyBefore: nonEmpty(p.analogyBefore),
    analogyWindow: p.analogyWindow,
    cardNegators: nonEmpty(p.cardNegators),
    disclosureNegators: nonEmpty(p.disclosureNegators),
    unless: nonEmpty(p.unless),
    scope: p.scope,
    summary: p.summary,
  };
}

/** The first contradicting word of a pair in a (normalised) product name that the card does not negate. */
export function contradiction(c: Compiled, pair: CPair, name: string): string | null {
  for (const t of pair.contradicts) {
    for (let i = name.indexOf(t.norm); i >= 0; i = name.indexOf(t.norm, i + 1)) {
      const end = i + t.norm.length;
      if (isAsciiAlnum(t.norm.charCodeAt(0)) && i > 0 && isAsciiAlnum(name.charCodeAt(i - 1))) continue;
      if (isAsciiAlnum(t.norm.charCodeAt(t.norm.length - 1)) && end < name.length && isAsciiAlnum(name.charCodeAt(end))) continue;
      if (c.cardNegators.some((n) => name.slice(Math.max(0, i - n.length), i) === n)) continue;
      return t.display;
    }
  }
  return null;
}

/**
 * Whether the anchor says the contradicting word itself, not negated (我们是养殖的, 是调理的): an
 * honest disclosure next to the claim. "不是调理的" is a denial and does not count.
 */
export function discloses(c: Compiled, pair: CPair, spoken: string): boolean {
  for (const t of pair.contradicts) {
    for (let i = spoken.indexOf(t.norm); i >= 0; i = spoken.indexOf(t.norm, i + 1)) {
      const before = spoken.slice(Math.max(0, i - 3), i);
      if (!c.disclosureNegators.some((n) => before.includes(n))) return true;
    }
  }
  return false;
}

export const attributeContradiction = defineDetector({
  kind: 'attribute-contradiction',
  summary: 'A spoken quality/composition/origin claim contradicted by the product name of the card being presented (configurable pairs).',
  params: Params,
  on: ['transcript'],
  needsHits: true,
  compile: (p: P, env: CompileEnv): Compiled => compile(p, env),
  terms: (c) => c.terms,
  initial: () => null,
  evaluate({ room, rule: c, state, segment, hits }) {
    if (segment === undefined || hits === undefined || room.activeSku === null) return { state, findings: [] };
    const card = room.cards[room.activeSku];
    if (card === undefined) return { state, findings: [] };
    const name = c.norm(card.productName);
    const { squeezed, map, original, currentStart } = segment;
    let info: Finding | null = null;
    for (const h of hits) {
      const term = c.terms[h.term]!;
      const ti = c.termInfo[h.term]!;
      if (isAsciiAlnum(term.charCodeAt(0)) && h.start > 0 && isAsciiAlnum(squeezed.charCodeAt(h.start - 1))) continue;
      if (isAsciiAlnum(term.charCodeAt(term.length - 1)) && h.end < squeezed.length && isAsciiAlnum(squeezed.charCodeAt(h.end))) continue;
      const os = map[h.start]!;
      const oe = map[h.end - 1]! + 1;
      if (oe <= currentStart) continue; // reported with the previous segment
      const pair = c.pairs[ti.pair]!;
      const found = contradiction(c, pair, name);
      if (found === null) continue;
      if (discloses(c, pair, squeezed.slice(Math.max(0, h.start - 40)))) continue;
      if (checkScope(original, os, oe, c.scope) !== null) continue;
      const [cs, ce] = clauseAt(original, os);
      const before = c.norm(original.slice(cs, os));
      const after = c.norm(original.slice(oe, ce));
      if (c.unless.some((u) => before.includes(u) || after.includes(u))) continue;
      if (pair.unlessAfter.some((u) => after.startsWith(u) || after.slice(0, u.length + 2).includes(u))) continue;
      const near = after.slice(0, c.analogyWindow + 4);
      const analogy =
        c.analogyAfter.some((a) => near.includes(a)) || c.analogyBefore.some((a) => before.slice(-(a.length + 1)).includes(a));
      const match: EvidenceMatch = { term: ti.display, text: original.slice(os, oe), span: [os - currentStart, oe - currentStart] };
      const finding: Finding = {
        dedupeKey: pair.label,
        sku: room.activeSku,
        summary: c.summary.replace('{claim}', ti.display).replace('{card}', card.productName).replace('{contradiction}', found),
        matches: [match],
        values: { pair: pair.label, claim: ti.display, contradiction: found, productName: card.productName, ...(analogy ? { analogy: true } : {}) },
        ...(analogy ? { severity: 'info' as const } : {}),
      };
      if (!analogy) return { state, findings: [finding] };
      info ??= finding;
    }
    return { state, findings: info === null ? [] : [info] };
  },
});

/**
 * `claim-cues`: advertising claims that are only violations for some kinds of product — a
 * disease claim for a food, a guarantee for a health food, a cure rate for a device. Two things
 * the plain `cues` kind cannot say:
 *
 *   - **Spoken category hints** (catalogue §2.4, last line): "这个保健品…" makes a product
 *     whose card reads as `general` or `food` a health food, "械字号" makes it a device, "金价/
 *     升值" an investment. A hint said in this segment or in the room's recent segments (within
 *     `hintSeconds`) overrides the card's category when the card's category is one the hint may
 *     override (`over`); the first hint in list order wins. A hint right after a negation
 *     (不是保健品) does not count. The category then drives `when` and the parts' own
 *     `when`/`raise` exactly as the card's category would.
 *   - **Alternatives**: a rule is a list of named `parts`, each a `cues` body (groups, within,
 *     allow, unless, unlessNear, scope, when, raise). The first part that matches fires, so
 *     "a disease term with a treatment verb, or a self-sufficient cure phrase" is one rule.
 *   - **Utterance-level disclaimers** (`unlessSaid`): "有涨有跌，不构成投资建议" anywhere in the
 *     utterance voids a guarantee in another clause of it.
 *
 * The parts share the automaton through term offsets, as in `cue-sets`; a part keeps its own
 * state (only parts with `within: {seconds}` have any).
 */
import { z } from 'zod';
import { cues, cuesMayAct } from './cues.js';
import { LexiconSeedSchema } from './lexicon.js';
import { defineDetector, type CompileEnv, type Finding, type LexiconHit } from './types.js';

const Hint = z.strictObject({
  /** The category a hint sets. */
  category: z.string().min(1),
  terms: z.array(z.string().min(1)).default([]),
  /** A seeds/terms/<name>.yaml lexicon whose terms join `terms`. */
  lexicon: z.string().min(1).optional(),
  /** Card categories this hint may override. */
  over: z.array(z.string().min(1)).min(1).default(['general', 'food']),
});

const Params = z.strictObject({
  hints: z.array(Hint).max(8).default([]),
  hintSeconds: z.number().int().min(0).max(120).default(120),
  /** Checked on the category after hints. */
  when: z
    .strictObject({ categories: z.array(z.string().min(1)).optional(), notCategories: z.array(z.string().min(1)).optional() })
    .default({}),
  /** Phrases that, anywhere in the utterance (this segment and the joined tail), void every claim in it. */
  unlessSaid: z.array(z.string().min(1)).default([]),
  /**
   * Named `cues` bodies (without `summary`); the first one that matches fires. `ordered: true`
   * also asks the required groups' hits to come in group order within one clause (七天 before
   * 白, not "显白，不拔干，一天").
   */
  parts: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), z.looseObject({ groups: z.array(z.unknown()).min(1), ordered: z.boolean().optional() })),
  /** Chinese summary, then " / " and English; {terms} is replaced by the matched terms. */
  summary: z.string().min(1),
});
type P = z.infer<typeof Params>;

type CuesCompiled = ReturnType<typeof cues.compile>;
type CuesState = Parameters<typeof cues.evaluate>[0]['state'];
type Part = { name: string; compiled: CuesCompiled; offset: number; count: number; ordered: boolean; requiredGroups: number };
/** `first`/`last`: the first and last char code of each term, a cheap pre-check before indexOf. */
type CompiledHint = { category: string; terms: string[]; over: Set<string>; first: Uint16Array; last: Uint16Array };
type Compiled = {
  p: P;
  parts: Part[];
  terms: string[];
  hints: CompiledHint[];
  unlessSaid: string[];
  norm: (s: string) => string;
  /** hintIn per hint for a recent segment (segments are shared from one room state to the next). */
  recentHints: WeakMap<object, Array<string | null | undefined>>;
};
type State = Record<string, CuesState>;

/**
 * Normalised text of recent segments, per normaliser (a reloaded ruleset may normalise
 * differently). The segment objects of `room.recent` are shared from one room state to the
 * next, so each is normalised once for every rule and event that looks at it (a memo of a pure
 * function: no observable state).
 */
const recentNorm = new WeakMap<(s: string) => string, WeakMap<object, string>>();

/** A hint right after one of these (in the squeezed view) is negated: 不是保健品, 并非药品. */
const HINT_NEGATION = /(?:不是|并非|不属于|不算|没有|不|非)$/;

function compile(p: P, env: CompileEnv): Compiled {
  const terms: string[] = [];
  const parts: Part[] = [];
  for (const [name, { ordered, ...body }] of Object.entries(p.parts)) {
    let compiled: CuesCompiled;
    try {
      compiled = cues.compile(cues.params.parse({ ...body, summary: '-' }), env);
    } catch (err) {
      throw new Error(`part "${name}": ${(err as Error).message.split('\n').slice(0, 3).join(' ')}`);
    }
    const own = cues.terms!(compiled);
    parts.push({ name, compiled, offset: terms.length, count: own.length, ordered: ordered === true, requiredGroups: compiled.p.groups.filter((g) => !g.optional).length });
    terms.push(...own);
  }
  const hints = p.hints.map((h) => {
    const words = [...h.terms];
    if (h.lexicon !== undefined) words.push(...LexiconSeedSchema.parse(env.seeds.get(`terms/${h.lexicon}`)).terms);
    const normed = [...new Set(words.flatMap((t) => env.variants(env.normaliseTerm(t))).filter((t) => t.length > 0))];
    if (normed.length === 0) throw new Error(`hint for "${h.category}" has no terms`);
    return {
      category: h.category,
      terms: normed,
      over: new Set(h.over),
      first: Uint16Array.from(normed, (t) => t.charCodeAt(0)),
      last: Uint16Array.from(normed, (t) => t.charCodeAt(t.length - 1)),
    };
  });
  const unlessSaid = p.unlessSaid.map(env.normaliseTerm).filter((t) => t.length > 0);
  return { p, parts, terms, hints, unlessSaid, norm: env.normaliseTerm, recentHints: new WeakMap() };
}

const CLAUSE_BREAK = /[。！？；，,!?;\n\r]/;

/**
 * `ordered` parts: the evidence spans (required groups first, in group order, as `cues` lists
 * them) follow each other with no clause break in between. Spans are relative to `currentStart`.
 */
function outOfOrder(f: Finding, original: string, currentStart: number, groups: number): number | null {
  const spans = (f.matches ?? []).slice(0, groups).map((m) => m.span);
  for (let i = 1; i < spans.length; i++) {
    const prevEnd = spans[i - 1]![1] + currentStart;
    const start = spans[i]![0] + currentStart;
    if (start < prevEnd || CLAUSE_BREAK.test(original.slice(prevEnd, start))) return start; // drop this hit and retry
  }
  return null;
}

/** How many combinations an `ordered` part tries before giving up. */
const ORDER_ATTEMPTS = 4;

/** Scratch table of the char codes present in the text being searched (single-threaded, reset after use). */
const present = new Uint8Array(0x10000);

/** The first hint term found un-negated in `text` (normalised), or null. */
function hintIn(h: CompiledHint, text: string): string | null {
  for (let i = 0; i < text.length; i++) present[text.charCodeAt(i)] = 1;
  try {
    for (let k = 0; k < h.terms.length; k++) {
      if (present[h.first[k]!] === 0 || present[h.last[k]!] === 0) continue; // cannot occur in text
      const t = h.terms[k]!;
      if (hintAt(t, text)) return t;
    }
    return null;
  } finally {
    for (let i = 0; i < text.length; i++) present[text.charCodeAt(i)] = 0;
  }
}

/** Whether `t` occurs un-negated in `text`. */
function hintAt(t: string, text: string): boolean {
  for (let from = 0; ; ) {
    const at = text.indexOf(t, from);
    if (at < 0) return false;
    if (!HINT_NEGATION.test(text.slice(Math.max(0, at - 3), at))) return true;
    from = at + 1;
  }
}

/** hintIn for a recent segment, memoised per segment object and hint. */
function recentHintIn(c: Compiled, hi: number, r: { text: string }): string | null {
  let memo = c.recentHints.get(r);
  if (memo === undefined) c.recentHints.set(r, (memo = []));
  let out = memo[hi];
  if (out === undefined) {
    let byNorm = recentNorm.get(c.norm);
    if (byNorm === undefined) recentNorm.set(c.norm, (byNorm = new WeakMap()));
    let text = byNorm.get(r);
    if (text === undefined) byNorm.set(r, (text = c.norm(r.text)));
    memo[hi] = out = hintIn(c.hints[hi]!, text);
  }
  return out;
}

/** This rule's hits of a part, with term ids relative to the part; null when there are none. */
function partHits(part: Part, hits: readonly LexiconHit[]): LexiconHit[] | null {
  let own: LexiconHit[] | null = null;
  const lo = part.offset;
  const hi = part.offset + part.count;
  for (let k = 0; k < hits.length; k++) {
    const h = hits[k]!;
    if (h.term >= lo && h.term < hi) (own ??= []).push({ term: h.term - lo, start: h.start, end: h.end });
  }
  return own;
}

export const claimCues = defineDetector({
  kind: 'claim-cues',
  summary: 'Alternative cue patterns for product-dependent advertising claims, with spoken category hints overriding the card category.',
  params: Params,
  on: ['transcript'],
  needsHits: true,
  compile: (p: P, env: CompileEnv): Compiled => compile(p, env),
  terms: (c) => c.terms,
  initial: (): State => ({}),
  onNewSession: (): State => ({}),
  evaluate(input) {
    const { event, room, rule: c, segment } = input;
    const state = input.state ?? {};
    const hits = input.hits ?? [];
    if (event.type !== 'transcript' || segment === undefined || hits.length === 0) return { state, findings: [] };

    // Which parts could act at all (their hits, the card): none → nothing to do, whatever the category.
    const card = room.activeSku === null ? undefined : room.cards[room.activeSku];
    const owns: Array<LexiconHit[] | null> = [];
    let any = false;
    for (const part of c.parts) {
      const own = partHits(part, hits);
      const may = own !== null && cuesMayAct(part.compiled, segment, own, room, card);
      owns.push(may ? own : null);
      if (may) any = true;
    }
    if (!any) return { state, findings: [] };

    // Category: the card's, unless a spoken hint overrides it.
    let category = input.productCategory;
    let source = room.activeSku === null ? 'none' : 'card';
    let hasOpen = false;
    for (const h of c.hints) if (h.over.has(category)) hasOpen = true;
    if (hasOpen) {
      const windowMs = c.p.hintSeconds * 1000;
      let oldest = room.recent.length;
      while (oldest > 0 && !(event.at - room.recent[oldest - 1]!.at > windowMs)) oldest--;
      found: for (let hi = 0; hi < c.hints.length; hi++) {
        const h = c.hints[hi]!;
        if (!h.over.has(category)) continue;
        let term = hintIn(h, segment.squeezed);
        for (let i = room.recent.length - 1; term === null && i >= oldest; i--) term = recentHintIn(c, hi, room.recent[i]!);
        if (term !== null) {
          category = h.category;
          source = `speech: ${term}`;
          break found;
        }
      }
    }
    const w = c.p.when;
    if (w.categories !== undefined && !w.categories.includes(category)) return { state, findings: [] };
    if (w.notCategories !== undefined && w.notCategories.includes(category)) return { state, findings: [] };

    if (c.unlessSaid.some((u) => segment.squeezed.includes(u))) return { state, findings: [] };

    let next = state;
    for (let pi = 0; pi < c.parts.length; pi++) {
      const part = c.parts[pi]!;
      const mine = owns[pi];
      if (mine === null || mine === undefined) continue;
      let own = mine;
      const before = next[part.name] ?? null;
      let f: Finding | undefined;
      for (let attempt = 0; attempt < ORDER_ATTEMPTS && own.length > 0; attempt++) {
        const out = cues.evaluate({ event, room, segment, rule: part.compiled, state: before, hits: own, productCategory: category });
        if (out.state !== before) next = { ...next, [part.name]: out.state };
        f = out.findings[0];
        if (f === undefined || !part.ordered) break;
        const bad = outOfOrder(f, segment.original, segment.currentStart, part.requiredGroups);
        if (bad === null) break;
        f = undefined;
        own = own.filter((h) => segment.map[h.start] !== bad); // that hit came too early: try the others
      }
      if (f === undefined) continue;
      const terms = f.dedupeKey.split('|');
      const finding: Finding = {
        ...f,
        dedupeKey: `${part.name}|${f.dedupeKey}`,
        summary: c.p.summary.replace('{terms}', terms.map((t) => `“${t}”`).join('、')),
        values: { ...f.values, part: part.name, productCategory: category, categorySource: source },
      };
      return { state: next, findings: [finding] };
    }
    return { state: next, findings: [] };
  },
});

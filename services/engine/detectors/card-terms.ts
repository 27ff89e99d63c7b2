/**
 * `card-terms`: a term listed on a product card, or said in the room. A price event whose
 * productName holds a lexicon term (outside allow phrases such as 象牙白, and not preceded by a
 * stated imitation such as 仿/非) fires once per sku and name per session; transcripts are
 * handed to one or more `cues` configurations (a prohibited item on its own, cigarettes with a
 * sales cue …). Card and transcript findings share one dedupe key, so talk about a card that
 * already fired folds into that alert instead of raising a second one.
 */
import { z } from 'zod';
import { BoundedMemo, NAME_MEMO_GENERATION } from '../memo.js';
import { cues, cuesMayAct, unlessInClause } from './cues.js';
import { LexiconSeedSchema } from './lexicon.js';
import { defineDetector, type CompileEnv, type Finding, type LexiconHit } from './types.js';

const CuesParams = cues.params;

const Params = z.strictObject({
  card: z.strictObject({
    /** seeds/terms lexicons whose terms (and allow phrases) count on a card. */
    lexicons: z.array(z.string().min(1)).default([]),
    terms: z.array(z.string().min(1)).default([]),
    allow: z.array(z.string().min(1)).default([]),
    /** A card whose name contains one of these is no listing of the item (树脂, 塑料 …). */
    unless: z.array(z.string().min(1)).default([]),
    /** A term right after one of these (仿象牙, 非象牙) is a stated imitation. */
    unlessBefore: z.array(z.string().min(1)).default([]),
    /** Chinese summary, then " / " and English; {terms} is replaced by the matched terms. */
    summary: z.string().min(1),
  }),
  /** Transcript configurations, each a full `cues` params object; any of them may fire. */
  transcript: z.array(CuesParams).default([]),
  /** Phrases anywhere in the current segment that cancel a transcript finding (问电子烟的，我们不卖烟). */
  segmentUnless: z.array(z.string().min(1)).default([]),
  /** Dedupe key of every finding (card or transcript). */
  dedupeKey: z.string().min(1).default('listing'),
});
type P = z.infer<typeof Params>;

type CuesCompiled = ReturnType<typeof cues.compile>;

type Compiled = {
  norm: (s: string) => string;
  cardTerms: Array<{ norm: string; display: string }>;
  cardAllow: string[];
  cardUnless: string[];
  unlessBefore: string[];
  cardSummary: string;
  /** `required`: per required group (not optional, not satisfiable by the card), the set of its
   *  term ids: a segment without a hit of each cannot fire, so cues is not called for it. */
  transcript: Array<{ compiled: CuesCompiled; offset: number; size: number; required: Array<Set<number>> | null }>;
  terms: string[];
  segmentUnless: string[];
  dedupeKey: string;
  /** cardMatches by product name (a pure function of it; names repeat on every price event of a sku). */
  matchMemo: BoundedMemo<string, string[]>;
  /** Char codes that start a card term: a name without any of them holds no term. */
  termStarts: Set<number>;
};

/** skus flagged this session → the product name that fired; cues state per transcript config. */
type State = { flagged: Record<string, string>; cues: unknown[] };

const MAX_FLAGGED = 50;
const isAsciiAlnum = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a);

function compile(p: P, env: CompileEnv): Compiled {
  const cardTerms: Compiled['cardTerms'] = [];
  const allow: string[] = [];
  const addTerm = (t: string) => {
    const n = env.normaliseTerm(t);
    if (n.length > 0) cardTerms.push({ norm: n, display: t });
  };
  for (const name of p.card.lexicons) {
    const seed = LexiconSeedSchema.parse(env.seeds.get(`terms/${name}`));
    seed.terms.forEach(addTerm);
    allow.push(...seed.allow);
  }
  p.card.terms.forEach(addTerm);
  allow.push(...p.card.allow);
  if (cardTerms.length === 0 && p.transcript.length === 0) throw new Error('card-terms: no card terms and no transcript configuration');
  const transcript: Compiled['transcript'] = [];
  const terms: string[] = [];
  for (const tp of p.transcript) {
    const compiled = cues.compile(tp, env);
    const list = cues.terms!(compiled);
    // Time-window configurations remember hits across segments: no pre-filter for them.
    const windowed = typeof tp.within === 'object' && 'seconds' in tp.within;
    const required = windowed
      ? null
      : tp.groups.flatMap((g, gi) => {
          if (g.optional || g.card) return [];
          const ids = new Set<number>();
          compiled.info.forEach((ti, id) => {
            if (ti !== null && ti.group === gi) ids.add(id);
          });
          return [ids];
        });
    transcript.push({ compiled, offset: terms.length, size: list.length, required });
    terms.push(...list);
  }
  const norm = (s: string) => env.normaliseTerm(s);
  return {
    norm,
    cardTerms,
    cardAllow: allow.map(norm).filter((a) => a.length > 0),
    cardUnless: p.card.unless.map(norm).filter((a) => a.length > 0),
    unlessBefore: p.card.unlessBefore.map(norm).filter((a) => a.length > 0),
    cardSummary: p.card.summary,
    transcript,
    terms,
    segmentUnless: p.segmentUnless.map(norm).filter((a) => a.length > 0),
    dedupeKey: p.dedupeKey,
    matchMemo: new BoundedMemo(NAME_MEMO_GENERATION),
    termStarts: new Set(cardTerms.map((t) => t.norm.charCodeAt(0))),
  };
}


/** Terms of the card lexicon found in a product name, outside allow phrases and imitation markers. */
export function cardMatches(c: Compiled, productName: string): string[] {
  let out = c.matchMemo.get(productName);
  if (out === undefined) {
    out = cardMatchesUncached(c, productName);
    c.matchMemo.set(productName, out);
  }
  return out.slice(); // callers own the array
}

function cardMatchesUncached(c: Compiled, productName: string): string[] {
  const name = c.norm(productName);
  let starts = false;
  for (let i = 0; i < name.length && !starts; i++) starts = c.termStarts.has(name.charCodeAt(i));
  if (!starts) return [];
  if (c.cardUnless.some((u) => name.includes(u))) return [];
  const allowSpans: Array<[number, number]> = [];
  for (const a of c.cardAllow) for (let i = name.indexOf(a); i >= 0; i = name.indexOf(a, i + 1)) allowSpans.push([i, i + a.length]);
  const found = new Set<string>();
  for (const t of c.cardTerms) {
    for (let i = name.indexOf(t.norm); i >= 0; i = name.indexOf(t.norm, i + 1)) {
      const end = i + t.norm.length;
      if (allowSpans.some(([s, e]) => s <= i && e >= end)) continue;
      if (isAsciiAlnum(t.norm.charCodeAt(0)) && i > 0 && isAsciiAlnum(name.charCodeAt(i - 1))) continue;
      if (isAsciiAlnum(t.norm.charCodeAt(t.norm.length - 1)) && end < name.length && isAsciiAlnum(name.charCodeAt(end))) continue;
      if (c.unlessBefore.some((u) => name.slice(Math.max(0, i - u.length), i) === u)) continue;
      found.add(t.display);
      break;
    }
  }
  return [...found];
}

export const cardTerms = defineDetector({
  kind: 'card-terms',
  summary: 'A lexicon term on a product card (outside allow phrases and stated imitation), or said in the room (cues configurations).',
  params: Params,
  on: ['transcript', 'price'],
  compile: (p: P, env: CompileEnv): Compiled => compile(p, env),
  terms: (c) => c.terms,
  initial: (): State => ({ flagged: {}, cues: [] }),
  onNewSession: (): State => ({ flagged: {}, cues: [] }),
  evaluate({ event, room, rule: c, state, segment, hits, productCategory }) {
    if (event.type === 'price') {
      if (state.flagged[event.sku] === event.productName) return { state, findings: [] };
      const terms = cardMatches(c, event.productName);
      if (terms.length === 0) return { state, findings: [] };
      const flagged = { ...state.flagged, [event.sku]: event.productName };
      const keys = Object.keys(flagged);
      if (keys.length > MAX_FLAGGED) delete flagged[keys[0]!];
      const finding: Finding = {
        dedupeKey: c.dedupeKey,
        sku: event.sku,
        summary: c.cardSummary.replace('{terms}', terms.map((t) => `“${t}”`).join('、')),
        values: { productName: event.productName, terms, source: 'card' },
      };
      return { state: { ...state, flagged }, findings: [finding] };
    }
    if (event.type !== 'transcript' || segment === undefined || hits === undefined || c.transcript.length === 0) return { state, findings: [] };
    // The configurations that could act on this segment; none → nothing to do (not even the segmentUnless check).
    const card = room.activeSku === null ? undefined : room.cards[room.activeSku];
    let todo: Array<LexiconHit[] | null> | null = null;
    for (let k = 0; k < c.transcript.length; k++) {
      const t = c.transcript[k]!;
      let mine: LexiconHit[] | null = null;
      for (const h of hits) if (h.term >= t.offset && h.term < t.offset + t.size) (mine ??= []).push({ term: h.term - t.offset, start: h.start, end: h.end });
      if (mine === null) continue;
      if (t.required !== null && !t.required.every((ids) => mine.some((h) => ids.has(h.term)))) continue;
      if (!cuesMayAct(t.compiled, segment, mine, room, card)) continue;
      (todo ??= c.transcript.map(() => null))[k] = mine;
    }
    if (todo === null) return { state, findings: [] };
    // The current segment, normalised: its part of the squeezed view (see unlessInClause).
    if (c.segmentUnless.length > 0 && unlessInClause(c.segmentUnless, segment.squeezed, segment.map, segment.currentStart, segment.original.length)) {
      return { state, findings: [] };
    }
    let cuesStates: unknown[] | null = null;
    for (let k = 0; k < c.transcript.length; k++) {
      const t = c.transcript[k]!;
      const mine = todo[k];
      if (mine === null || mine === undefined) continue;
      const prev = state.cues[k] ?? cues.initial();
      const out = cues.evaluate({ event, room, rule: t.compiled, state: prev as ReturnType<typeof cues.initial>, segment, hits: mine, productCategory });
      if (out.state !== prev) (cuesStates ??= [...state.cues])[k] = out.state;
      if (out.findings.length > 0) {
        const f = out.findings[0]!;
        const next = cuesStates === null ? state : { ...state, cues: cuesStates };
        return { state: next, findings: [{ ...f, dedupeKey: c.dedupeKey, values: { ...f.values, source: 'transcript' } }] };
      }
    }
    return { state: cuesStates === null ? state : { ...state, cues: cuesStates }, findings: [] };
  },
});

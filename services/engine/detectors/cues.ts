/**
 * `cues`: co-occurring cue groups in what the anchor says — a disease term and a treatment verb
 * in one clause, a channel token and an intent word within 12 characters, a brand nickname and
 * a concealment cue within 60 s. Each group is a list of terms (inline, from a seeds/terms
 * lexicon, or the brand registry); every group that is not `optional` must be satisfied. All
 * terms go into the shared automaton (with their homophone variants), so a segment costs one
 * scan whatever the number of rules. The product card can satisfy a group (`card: true`):
 * its product name and brand are searched for the group's terms.
 *
 * Guards, in order: allow-listed phrases (a hit inside 最佳冲泡温度 is no hit), ASCII word
 * boundaries for Latin terms, `unlessNear` (一比一 followed by 冲调 is a mixing ratio), the scope
 * detector (negation, quoting a regulation, mention), `unless` phrases in the clause, and the
 * `when` conditions (product category, anchor type, speaker).
 */
import { z } from 'zod';
import { BoundedMemo, NAME_MEMO_GENERATION } from '../memo.js';
import { createBrandRegistry, GENERIC_LUXURY, type BrandRegistry } from '../brands.js';
import { SEVERITIES } from '../contracts/alert.js';
import type { Coordinates } from '../contracts/events.js';
import { checkScope, clauseAt, phraseAround } from '../scope.js';
import type { ProductCard, RoomState } from '../state/room.js';
import { LexiconSeedSchema } from './lexicon.js';
import { defineDetector, type CompileEnv, type EvidenceEvent, type EvidenceMatch, type Finding, type LexiconHit, type SegmentView } from './types.js';

const Group = z.strictObject({
  name: z.string().min(1),
  terms: z.array(z.string().min(1)).default([]),
  /** A seeds/terms/<name>.yaml lexicon: its terms join the group, its allow phrases the rule's. */
  lexicon: z.string().min(1).optional(),
  /** Brand aliases from seeds/brands.yaml join the group. */
  brands: z.enum(['any', 'nickname-or-code', 'official', 'generic']).optional(),
  /** Brand groups: a brand the room is authorised to sell does not count (unknown = not authorised). */
  thirdParty: z.boolean().default(false),
  /** The active product card (name and brand) can satisfy this group. */
  card: z.boolean().default(false),
  /** Whether the scope detector (negation, regulation, mention) applies to this group's hits. */
  scope: z.boolean().default(true),
  /** Not required; may raise the severity. */
  optional: z.boolean().default(false),
});

const Within = z.union([
  z.literal('clause'),
  z.literal('segment'),
  z.strictObject({ chars: z.number().int().min(1).max(200) }),
  z.strictObject({ seconds: z.number().int().min(1).max(3600) }),
]);

const Params = z.strictObject({
  groups: z.array(Group).min(1).max(8),
  within: Within.default('clause'),
  /** Phrases that contain a term without being a cue; a hit inside one is dropped. */
  allow: z.array(z.string().min(1)).default([]),
  /** Phrases that, in the same clause as a cue, mean the whole clause is no claim (有涨有跌, 3C认证). */
  unless: z.array(z.string().min(1)).default([]),
  /** A hit of `group` followed (after) or preceded (before) within n characters by a term is dropped. */
  unlessNear: z
    .array(z.strictObject({ group: z.string().min(1), terms: z.array(z.string().min(1)).min(1), after: z.number().int().min(0).default(0), before: z.number().int().min(0).default(0) }))
    .default([]),
  scope: z
    .strictObject({ negation: z.boolean().default(true), regulation: z.boolean().default(true), mention: z.boolean().default(true) })
    .default({ negation: true, regulation: true, mention: true }),
  when: z
    .strictObject({
      categories: z.array(z.string().min(1)).optional(),
      notCategories: z.array(z.string().min(1)).optional(),
      anchorType: z.enum(['human', 'digital-human']).optional(),
      /** Speaker labels that count; a segment without a label counts as the anchor. */
      speakers: z.array(z.string().min(1)).optional(),
    })
    .default({}),
  /** The first entry whose conditions all hold sets the severity. */
  raise: z
    .array(
      z.strictObject({
        severity: z.enum(SEVERITIES),
        categories: z.array(z.string().min(1)).optional(),
        groups: z.array(z.string().min(1)).optional(),
        anchorType: z.enum(['human', 'digital-human']).optional(),
      }),
    )
    .default([]),
  /** Chinese summary, then " / " and English; {terms} is replaced by the matched terms. */
  summary: z.string().min(1),
});
type P = z.infer<typeof Params>;

type TermInfo = { group: number; display: string; brand: string | null; aliasIdx: number };

type Compiled = {
  p: P;
  terms: string[];
  info: Array<TermInfo | null>; // null = an allow phrase
  groupNames: string[];
  groupTerms: string[][]; // normalised, for card matching
  unlessNear: Array<{ group: number; terms: string[]; after: number; before: number }>;
  /** `unless` phrases, normalised once at load. */
  unless: string[];
  registry: BrandRegistry | null;
  norm: (s: string) => string;
  within: P['within'];
  /** Term id → group index, -1 for an allow phrase. */
  termGroup: Int8Array;
  /** Whether any group can get hits the automaton did not report (fuzzy Latin brand names). */
  fuzzy: boolean;
  /** Required groups that only a lexicon hit (or the card, when `card`) can satisfy: a cheap pre-check. */
  gate: Array<{ gi: number; card: boolean }>;
  timed: boolean;
  /** unlessNear entries by group. */
  nearByGroup: Array<Array<{ terms: string[]; after: number; before: number }>>;
  /** cardSatisfies per group for a card object (cards are replaced, never mutated). */
  cardMemo: WeakMap<ProductCard, { auths: readonly string[] | null | undefined; out: Array<string | null> }>;
  /** The same by product name and brand (a price event replaces the card object, rarely its name). */
  cardNameMemo: BoundedMemo<string, { auths: readonly string[] | null | undefined; out: Array<string | null> }>;
  noCard: Array<string | null>;
  /** Whether cardSatisfies reads the room's authorisations (a card group of third-party brands). */
  cardAuths: boolean;
};

/** A remembered group hit (within: {seconds}). */
type Memo = { at: number; ts: string; coords: Coordinates; text: string; term: string };
type State = Record<string, Memo> | null;

type GroupHit = { group: number; term: string; os: number; oe: number; start: number; end: number; inCurrent: boolean; clause: number };

const isAsciiAlnum = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a);

function compile(p: P, env: CompileEnv): Compiled {
  const terms: string[] = [];
  const info: Array<TermInfo | null> = [];
  const allow = [...p.allow];
  let registry: BrandRegistry | null = null;
  const groupTerms: string[][] = p.groups.map(() => []);
  const add = (t: string, ti: TermInfo | null) => {
    const n = env.normaliseTerm(t);
    if (n.length === 0) return;
    for (const v of env.variants(n)) {
      terms.push(v);
      info.push(ti);
      if (ti !== null) groupTerms[ti.group]!.push(v);
    }
  };
  p.groups.forEach((g, gi) => {
    for (const t of g.terms) add(t, { group: gi, display: t, brand: null, aliasIdx: -1 });
    if (g.lexicon !== undefined) {
      const seed = LexiconSeedSchema.parse(env.seeds.get(`terms/${g.lexicon}`));
      for (const t of seed.terms) add(t, { group: gi, display: t, brand: null, aliasIdx: -1 });
      allow.push(...seed.allow);
    }
    if (g.brands !== undefined) {
      registry ??= createBrandRegistry(env.seeds.get('brands'), env.normaliseTerm);
      registry.aliases.forEach((a, ai) => {
        const ok =
          g.brands === 'any' ||
          (g.brands === 'nickname-or-code' && (a.type === 'nickname' || a.type === 'code')) ||
          (g.brands === 'official' && a.type === 'official') ||
          (g.brands === 'generic' && a.type === 'generic');
        if (ok) add(a.text, { group: gi, display: a.text, brand: a.brand, aliasIdx: ai });
      });
    }
    if (groupTerms[gi]!.length === 0) throw new Error(`group "${g.name}" has no terms`);
  });
  for (const a of allow) add(a, null);
  const names = p.groups.map((g) => g.name);
  const unlessNear = p.unlessNear.map((u) => {
    const group = names.indexOf(u.group);
    if (group < 0) throw new Error(`unlessNear: no group named "${u.group}"`);
    return { group, terms: u.terms.map((t) => env.normaliseTerm(t)), after: u.after, before: u.before };
  });
  for (const r of p.raise) for (const g of r.groups ?? []) if (!names.includes(g)) throw new Error(`raise: no group named "${g}"`);
  const termGroup = Int8Array.from(info, (ti) => (ti === null ? -1 : ti.group));
  const fuzzy = registry !== null && p.groups.some((g) => g.brands !== undefined && g.brands !== 'generic');
  const gate = p.groups.flatMap((g, gi) => (g.optional || g.brands !== undefined ? [] : [{ gi, card: g.card }]));
  const nearByGroup = p.groups.map((_, gi) => unlessNear.filter((u) => u.group === gi).map(({ terms: t, after, before }) => ({ terms: t, after, before })));
  return {
    p,
    terms,
    info,
    groupNames: names,
    groupTerms,
    unlessNear,
    unless: p.unless.map((u) => env.normaliseTerm(u)).filter((u) => u.length > 0),
    registry,
    norm: env.normaliseTerm,
    within: p.within,
    termGroup,
    fuzzy,
    gate,
    timed: typeof p.within === 'object' && 'seconds' in p.within,
    nearByGroup,
    cardMemo: new WeakMap(),
    cardNameMemo: new BoundedMemo(NAME_MEMO_GENERATION),
    noCard: p.groups.map(() => null),
    cardAuths: p.groups.some((g) => g.card && g.brands !== undefined && g.thirdParty),
  };
}

function authorised(c: Compiled, room: RoomState, brand: string | null): boolean {
  if (brand === null || brand === GENERIC_LUXURY || c.registry === null) return false;
  return c.registry.isAuthorised(brand, room.meta?.sellerAuthorizations) === true;
}

/** Whether the active card satisfies group gi, and how (for evidence). */
function cardSatisfies(c: Compiled, gi: number, room: RoomState, card: ProductCard | undefined): string | null {
  const g = c.p.groups[gi]!;
  if (!g.card || card === undefined) return null;
  const text = c.norm(`${card.productName} ${card.brand ?? ''}`);
  if (g.brands !== undefined && c.registry !== null) {
    const brand = c.registry.canonical(card.brand);
    if (brand !== null && !(g.thirdParty && authorised(c, room, brand))) return `card brand ${card.brand}`;
    for (const m of c.registry.mentions(card.productName)) if (!(g.thirdParty && authorised(c, room, m.brand))) return `card name ${m.alias}`;
  }
  for (const t of c.groupTerms[gi]!) if (text.includes(t)) return `card ${t}`;
  return null;
}

/** cardSatisfies for every group; memoised per card object and authorisation list (both are replaced, never mutated). */
function cardGroupsOf(c: Compiled, room: RoomState, card: ProductCard | undefined): Array<string | null> {
  if (card === undefined) return c.noCard;
  const auths = c.cardAuths ? room.meta?.sellerAuthorizations : null;
  const m = c.cardMemo.get(card);
  if (m !== undefined && m.auths === auths) return m.out;
  const key = `${card.productName}\u0000${card.brand ?? ''}`;
  let entry = c.cardNameMemo.get(key);
  if (entry === undefined || entry.auths !== auths) {
    entry = { auths, out: c.p.groups.map((_, gi) => cardSatisfies(c, gi, room, card)) };
    c.cardNameMemo.set(key, entry);
  }
  c.cardMemo.set(card, entry);
  return entry.out;
}

/**
 * A necessary condition for `evaluate` to find anything or change its state, from the raw hits
 * alone: a hit (or, for brand groups, a possible fuzzy Latin hit) in the current segment, and
 * outside `within: {seconds}`, a hit of every required plain group (or the card satisfying it).
 */
export function cuesMayAct(c: Compiled, seg: SegmentView, hits: readonly LexiconHit[], room: RoomState, card: ProductCard | undefined): boolean {
  const { map, currentStart } = seg;
  let mask = 0;
  let current = false;
  for (let k = 0; k < hits.length; k++) {
    const h = hits[k]!;
    const g = c.termGroup[h.term];
    if (g === undefined || g < 0) continue;
    mask |= 1 << g;
    if (!current && map[h.end - 1]! + 1 > currentStart) current = true;
  }
  if (!current && !c.fuzzy) return false;
  if (c.timed) return true;
  let needCard = false;
  for (const { gi, card: byCard } of c.gate) {
    if ((mask & (1 << gi)) !== 0) continue;
    if (!byCard) return false;
    needCard = true;
  }
  if (needCard) {
    // Groups without a hit that the card may satisfy: it must (the card check is memoised, but not free).
    const cardGroups = cardGroupsOf(c, room, card);
    for (const { gi } of c.gate) if ((mask & (1 << gi)) === 0 && cardGroups[gi] === null) return false;
  }
  return true;
}

/** The first index i with map[i] >= at (map ascends). */
function lowerBound(map: readonly number[], at: number): number {
  let lo = 0;
  let hi = map.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (map[mid]! < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Whether an `unless` phrase is in the clause [cs, ce) of the original text, normalised. The
 * normaliser works character by character, so the clause's normalised text is the squeezed view
 * of the segment between the clause's bounds, except for a '.' or ':' kept at its start after an
 * ASCII letter or digit of the previous clause; a normalised phrase never starts with one, so
 * looking in the squeezed view gives the same answer without normalising the clause again.
 */
export function unlessInClause(unless: readonly string[], squeezed: string, map: readonly number[], cs: number, ce: number): boolean {
  const qa = lowerBound(map, cs);
  const qb = lowerBound(map, ce);
  for (const u of unless) {
    const i = squeezed.indexOf(u, qa);
    if (i >= 0 && i + u.length <= qb) return true;
  }
  return false;
}

function nearBlocked(near: ReadonlyArray<{ terms: string[]; after: number; before: number }>, squeezed: string, start: number, end: number): boolean {
  for (const u of near) {
    for (const t of u.terms) {
      if (u.after > 0) {
        const i = squeezed.indexOf(t, end);
        if (i >= 0 && i + t.length <= end + u.after + t.length) return true;
      }
      if (u.before > 0) {
        const from = Math.max(0, start - u.before - t.length);
        const i = squeezed.indexOf(t, from);
        if (i >= 0 && i + t.length <= start) return true;
      }
    }
  }
  return false;
}

function collectHits(c: Compiled, seg: SegmentView, hits: readonly LexiconHit[], room: RoomState, card: ProductCard | undefined): GroupHit[] {
  const { squeezed, map, original, currentStart } = seg;
  let allowHits: LexiconHit[] | null = null;
  for (const h of hits) if (c.termGroup[h.term] === -1) (allowHits ??= []).push(h);
  let cardText: string | null = null;
  const out: GroupHit[] = [];
  for (const h of hits) {
    const ti = c.info[h.term];
    if (ti === null || ti === undefined) continue;
    if (allowHits !== null && allowHits.some((a) => a.start <= h.start && a.end >= h.end)) continue;
    const term = c.terms[h.term]!;
    if (isAsciiAlnum(term.charCodeAt(0)) && h.start > 0 && isAsciiAlnum(squeezed.charCodeAt(h.start - 1))) continue;
    if (isAsciiAlnum(term.charCodeAt(term.length - 1)) && h.end < squeezed.length && isAsciiAlnum(squeezed.charCodeAt(h.end))) continue;
    const near = c.nearByGroup[ti.group]!;
    if (near.length > 0 && nearBlocked(near, squeezed, h.start, h.end)) continue;
    if (ti.brand !== null && c.registry !== null) {
      const alias = c.registry.aliases[ti.aliasIdx]!;
      if (alias.context.length > 0 && !c.registry.contextHolds(alias, squeezed, (cardText ??= card ? c.norm(card.productName) : ''))) continue;
      if (c.p.groups[ti.group]!.thirdParty && authorised(c, room, ti.brand)) continue;
    }
    const os = map[h.start]!;
    const oe = map[h.end - 1]! + 1;
    if (c.p.groups[ti.group]!.scope && checkScope(original, os, oe, c.p.scope) !== null) continue;
    const [cs, ce] = clauseAt(original, os);
    if (c.unless.length > 0) {
      const [ps, pe] = phraseAround(original, os, oe, cs, ce); // unpunctuated speech: the phrase, not the whole run
      if (unlessInClause(c.unless, squeezed, map, ps, pe)) continue;
    }
    out.push({ group: ti.group, term: ti.display, os, oe, start: h.start, end: h.end, inCurrent: oe > currentStart, clause: cs });
  }
  // Latin brand names misspelt: fuzzy hits for brand groups.
  if (c.fuzzy && c.registry !== null) {
    const groups = c.p.groups;
    for (let gi = 0; gi < groups.length; gi++) {
      const g = groups[gi]!;
      if (g.brands === undefined || g.brands === 'generic') continue;
      for (const m of c.registry.fuzzyLatin(squeezed)) {
        if (g.brands === 'nickname-or-code' && m.type === 'official') continue;
        if (g.thirdParty && authorised(c, room, m.brand)) continue;
        const token = m.fuzzy!.token;
        const start = squeezed.indexOf(token);
        if (start < 0) continue;
        const os = map[start]!;
        const oe = map[start + token.length - 1]! + 1;
        out.push({ group: gi, term: `${m.alias}≈${token}`, os, oe, start, end: start + token.length, inCurrent: oe > currentStart, clause: clauseAt(original, os)[0] });
      }
    }
  }
  return out;
}

/** Picks one hit per required group satisfying `within`, with the last one ending in the current segment. */
function combine(c: Compiled, hits: GroupHit[], cardGroups: Array<string | null>): GroupHit[] | null {
  const required = c.p.groups.map((g, gi) => (g.optional || cardGroups[gi] !== null ? -1 : gi)).filter((gi) => gi >= 0);
  const byGroup = (gi: number, ok: (h: GroupHit) => boolean) => hits.find((h) => h.group === gi && ok(h));
  for (const anchor of hits) {
    if (!anchor.inCurrent) continue;
    const near = (h: GroupHit): boolean => {
      const w = c.within;
      if (w === 'clause') return h.clause === anchor.clause;
      if (w === 'segment' || 'seconds' in w) return true;
      return h.start - anchor.end <= w.chars && anchor.start - h.end <= w.chars;
    };
    const chosen: GroupHit[] = [];
    let ok = true;
    for (const gi of required) {
      const h = anchor.group === gi ? anchor : byGroup(gi, near);
      if (h === undefined) {
        ok = false;
        break;
      }
      chosen.push(h);
    }
    if (!ok) continue;
    if (!chosen.includes(anchor)) chosen.push(anchor);
    for (const h of hits) if (!chosen.includes(h) && c.p.groups[h.group]!.optional && near(h)) chosen.push(h);
    return chosen;
  }
  return null;
}

export const cues = defineDetector({
  kind: 'cues',
  summary: 'Co-occurring cue groups (terms, lexicons, brand aliases, the product card) within a clause, a distance or a time window.',
  params: Params,
  on: ['transcript'],
  needsHits: true,
  compile: (p: P, env: CompileEnv): Compiled => compile(p, env),
  terms: (c) => c.terms,
  initial: (): State => null,
  onNewSession: (): State => null,
  evaluate({ event, room, rule: c, state, segment, hits, productCategory }) {
    if (event.type !== 'transcript' || segment === undefined || hits === undefined) return { state, findings: [] };
    const w = c.p.when;
    if (w.categories !== undefined && !w.categories.includes(productCategory)) return { state, findings: [] };
    if (w.notCategories !== undefined && w.notCategories.includes(productCategory)) return { state, findings: [] };
    if (w.anchorType !== undefined && room.meta?.anchorType !== w.anchorType) return { state, findings: [] };
    if (w.speakers !== undefined && !w.speakers.includes(event.speaker ?? 'anchor')) return { state, findings: [] };

    const card = room.activeSku === null ? undefined : room.cards[room.activeSku];
    if (!cuesMayAct(c, segment, hits, room, card)) return { state, findings: [] };
    const found = collectHits(c, segment, hits, room, card);
    if (!found.some((h) => h.inCurrent)) return { state, findings: [] };
    const cardGroups = cardGroupsOf(c, room, card);

    let chosen: GroupHit[] | null;
    let next: State = state;
    const earlier: EvidenceEvent[] = [];
    if (typeof c.within === 'object' && 'seconds' in c.within) {
      // Remember the newest hit of each group; fire when every required group is fresh.
      const windowMs = c.within.seconds * 1000;
      const memo: Record<string, Memo> = {};
      for (const [g, m] of Object.entries(state ?? {})) if (event.at - m.at <= windowMs) memo[g] = m;
      for (const h of found) if (h.inCurrent) memo[c.groupNames[h.group]!] = { at: event.at, ts: event.ts, coords: event.coords, text: event.text.slice(0, 200), term: h.term };
      next = memo;
      const missing = c.p.groups.some((g, gi) => !g.optional && cardGroups[gi] === null && memo[g.name] === undefined);
      if (missing) return { state: next, findings: [] };
      chosen = found.filter((h) => h.inCurrent);
      for (const [g, m] of Object.entries(memo)) {
        if (m.at === event.at) continue;
        chosen.push({ group: c.groupNames.indexOf(g), term: m.term, os: -1, oe: -1, start: -1, end: -1, inCurrent: false, clause: -1 });
        if (!earlier.some((e) => e.offset === m.coords.offset && e.topic === m.coords.topic)) earlier.push({ ...m.coords, type: 'transcript', ts: m.ts, excerpt: m.text });
      }
      next = null; // fired: start over
    } else {
      chosen = combine(c, found, cardGroups);
      if (chosen === null) return { state, findings: [] };
    }

    const matches: EvidenceMatch[] = [];
    const terms = new Set<string>();
    for (const h of chosen) {
      terms.add(h.term);
      if (h.os >= 0) matches.push({ term: h.term, text: segment.original.slice(h.os, h.oe), span: [h.os - segment.currentStart, h.oe - segment.currentStart] });
    }
    const cardEvidence = cardGroups.filter((x): x is string => x !== null);
    if (chosen.some((h) => h.os >= 0 && h.os < segment.currentStart) && segment.previous !== null) {
      earlier.push({ ...segment.previous.coords, type: 'transcript', ts: segment.previous.ts, excerpt: segment.original.slice(0, segment.currentStart) });
    }
    const hitGroups = new Set(chosen.map((h) => c.groupNames[h.group]!));
    const raise = c.p.raise.find(
      (r) =>
        (r.categories === undefined || r.categories.includes(productCategory)) &&
        (r.groups === undefined || r.groups.every((g) => hitGroups.has(g))) &&
        (r.anchorType === undefined || room.meta?.anchorType === r.anchorType),
    );
    const sorted = [...terms].sort();
    const finding: Finding = {
      dedupeKey: sorted.join('|'),
      sku: room.activeSku,
      summary: c.p.summary.replace('{terms}', sorted.map((t) => `“${t}”`).join('、')),
      matches,
      values: { productCategory, groups: [...hitGroups], ...(cardEvidence.length > 0 ? { card: cardEvidence } : {}) },
      ...(earlier.length > 0 ? { events: earlier } : {}),
      ...(raise !== undefined ? { severity: raise.severity } : {}),
    };
    return { state: next, findings: [finding] };
  },
});

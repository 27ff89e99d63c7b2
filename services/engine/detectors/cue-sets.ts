/**
 * `cue-sets`: `cues` parts combined over time, with brand context and a price-anomaly signal.
 * Each part is a `cues` rule body (a counterfeit cue, a concealment phrase, a channel + intent
 * pair …); an alternative fires when all of its parts were said within its window, together
 * with a third-party brand in context (said, or on the product card) and, where asked, a price
 * far below the brand's floor (card price or a price said in the utterance). The first
 * alternative that holds wins, so "a strong cue with a brand, or a weak cue with a brand and a
 * concealment cue, or a weak cue with a brand and a price anomaly" is one rule.
 *
 * Also: `ratio` parts ("正版要三百，我们这个三十九": a reference price more than `factor`
 * times ours), severity raises on the anomaly, and `authorisations: known` (a claim checked
 * against the room's authorisations is only advisory while those are unknown).
 */
import { z } from 'zod';
import { createBrandRegistry, GENERIC_LUXURY, type BrandRegistry } from '../brands.js';
import { SEVERITIES } from '../contracts/alert.js';
import type { Coordinates } from '../contracts/events.js';
import type { ProductCard, RoomState } from '../state/room.js';
import { cues, cuesMayAct } from './cues.js';
import { defineDetector, type CompileEnv, type EvidenceEvent, type EvidenceMatch, type Finding, type LexiconHit, type SegmentView } from './types.js';

const TYPES = ['official', 'nickname', 'code', 'generic'] as const;

const Ratio = z.strictObject({
  /** Phrases that introduce the reference price (正版要, 书店卖). */
  reference: z.array(z.string().min(1)).min(1),
  /** Phrases that introduce our price, after the reference (我们这个, 我们只要). */
  ours: z.array(z.string().min(1)).min(1),
  factor: z.number().positive(),
  /** The whole comparison fits in this many characters. */
  chars: z.number().int().min(4).max(200).default(40),
});

const Part = z.union([z.strictObject({ ratio: Ratio }), z.looseObject({ groups: z.array(z.unknown()).min(1) })]);

const Params = z.strictObject({
  /** Named parts: a `cues` body (groups, within, allow, unless, unlessNear, scope, when) or a `ratio`. */
  parts: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), Part),
  /** Brand context: aliases of the brand registry said in the room, or the active card. */
  brand: z
    .strictObject({
      types: z.array(z.enum(TYPES)).min(1).default([...TYPES]),
      /** A brand the room is authorised to sell is no brand context (unknown = not authorised). */
      thirdParty: z.boolean().default(true),
      /** The card's brand, or a brand alias in its product name, counts. */
      card: z.boolean().default(true),
      /** Phrases that contain an alias without naming the brand (小香风, 驴肉). */
      allow: z.array(z.string().min(1)).default([]),
    })
    .optional(),
  alternatives: z
    .array(
      z.strictObject({
        name: z.string().min(1),
        parts: z.array(z.string()).default([]),
        /** Needs brand context (said within `seconds`, or the card). */
        brand: z.boolean().default(false),
        /** Where brand context may come from. */
        brandFrom: z.enum(['any', 'speech', 'card']).default('any'),
        /** Needs a price below `anomaly.ratio` × the brand's floor. */
        anomaly: z.boolean().default(false),
        seconds: z.number().int().min(1).max(600).default(60),
      }),
    )
    .min(1)
    .max(8),
  anomaly: z.strictObject({ ratio: z.number().positive().max(1).default(0.2), spoken: z.boolean().default(true) }).default({ ratio: 0.2, spoken: true }),
  /** The first entry whose conditions hold sets the severity. */
  raise: z
    .array(z.strictObject({ severity: z.enum(SEVERITIES), anomaly: z.boolean().optional(), parts: z.array(z.string()).optional() }))
    .default([]),
  /** `known`: while the room's authorisations are unknown the finding is advisory (info). */
  authorisations: z.enum(['any', 'known']).default('any'),
  /** Chinese summary, then " / " and English; {terms} is replaced by the matched terms. */
  summary: z.string().min(1),
});
type P = z.infer<typeof Params>;
type RatioP = z.infer<typeof Ratio>;

type CuesCompiled = Parameters<NonNullable<typeof cues.terms>>[0];
type CuesState = ReturnType<typeof cues.initial>;
/** `needed`: groups that only a lexicon hit can satisfy; a segment without a hit of each skips the part. */
type CuesPart = { kind: 'cues'; name: string; compiled: CuesCompiled; offset: number; count: number; needed: number[]; timed: boolean };
type RatioPart = { kind: 'ratio'; name: string; ratio: RatioP; reference: string[]; ours: string[]; offset: number; count: number };

type Compiled = {
  p: P;
  parts: Array<CuesPart | RatioPart>;
  terms: string[];
  /** Brand terms: index (term - brandOffset) → alias index in the registry, or -1 for an allow phrase. */
  brandOffset: number;
  brandAlias: number[];
  registry: BrandRegistry | null;
  /** Normalised brand allow phrases. */
  brandAllow: string[];
  maxSeconds: number;
  norm: (s: string) => string;
  /** Brand context takes a non-generic type: fuzzy Latin names count. */
  latinTypes: boolean;
};

type Seen = { at: number; ts: string; coords: Coordinates; text: string; terms: string[]; matches: EvidenceMatch[]; sku: string | null };
type BrandSeen = { brand: string; alias: string; type: string; at: number; ts: string; coords: Coordinates; text: string };
type State = { parts: Record<string, Seen>; brands: BrandSeen[]; sub: Record<string, CuesState> };

const EMPTY: State = { parts: {}, brands: [], sub: {} };
const MAX_BRANDS = 8;
const isAsciiAlnum = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a);

/** Whether `s` holds a Latin letter a–z (what /[a-z]/ tests). */
function hasLatin(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) return true;
  }
  return false;
}

function compile(p: P, env: CompileEnv): Compiled {
  const terms: string[] = [];
  const parts: Array<CuesPart | RatioPart> = [];
  for (const [name, body] of Object.entries(p.parts)) {
    if ('ratio' in body) {
      // The reference phrases go into the automaton, so a segment without one costs nothing.
      const r = body.ratio as RatioP;
      const reference = r.reference.map(env.normaliseTerm);
      parts.push({ kind: 'ratio', name, ratio: r, reference, ours: r.ours.map(env.normaliseTerm), offset: terms.length, count: reference.length });
      terms.push(...reference);
      continue;
    }
    const params = cues.params.parse({ ...body, summary: '-' });
    let compiled: CuesCompiled;
    try {
      compiled = cues.compile(params, env);
    } catch (err) {
      throw new Error(`part "${name}": ${(err as Error).message}`);
    }
    const own = cues.terms!(compiled);
    const needed = params.groups.flatMap((g, gi) => (g.optional || g.card || g.brands !== undefined ? [] : [gi]));
    const timed = typeof params.within === 'object' && 'seconds' in params.within;
    parts.push({ kind: 'cues', name, compiled, offset: terms.length, count: own.length, needed, timed });
    terms.push(...own);
  }
  const names = new Set(parts.map((x) => x.name));
  for (const a of p.alternatives) {
    for (const n of a.parts) if (!names.has(n)) throw new Error(`alternative "${a.name}": no part named "${n}"`);
    if (a.parts.length === 0 && !a.brand) throw new Error(`alternative "${a.name}" needs a part or brand context`);
    if (a.brand && p.brand === undefined) throw new Error(`alternative "${a.name}" needs brand context but params.brand is not set`);
  }
  for (const r of p.raise) for (const n of r.parts ?? []) if (!names.has(n)) throw new Error(`raise: no part named "${n}"`);

  const brandOffset = terms.length;
  const brandAlias: number[] = [];
  let registry: BrandRegistry | null = null;
  if (p.brand !== undefined || p.alternatives.some((a) => a.anomaly)) {
    registry = createBrandRegistry(env.seeds.get('brands'), env.normaliseTerm);
  }
  if (p.brand !== undefined && registry !== null) {
    const types = new Set<string>(p.brand.types);
    const add = (t: string, alias: number) => {
      const n = env.normaliseTerm(t);
      if (n.length === 0) return;
      for (const v of env.variants(n)) {
        terms.push(v);
        brandAlias.push(alias);
      }
    };
    registry.aliases.forEach((a, ai) => {
      if (types.has(a.type)) add(a.text, ai);
    });
    for (const a of p.brand.allow) add(a, -1);
  }
  const maxSeconds = Math.max(...p.alternatives.map((a) => a.seconds));
  const brandAllow = (p.brand?.allow ?? []).map(env.normaliseTerm).filter((a) => a.length > 0);
  const latinTypes = p.brand !== undefined && p.brand.types.some((t) => t !== 'generic');
  return { p, parts, terms, brandOffset, brandAlias, registry, brandAllow, maxSeconds, norm: env.normaliseTerm, latinTypes };
}

function isEmpty(r: object): boolean {
  for (const _ in r) return false;
  return true;
}

function countKeys(r: object): number {
  let n = 0;
  for (const _ in r) n++;
  return n;
}

function authorised(c: Compiled, room: RoomState, brand: string): boolean {
  if (brand === GENERIC_LUXURY || c.registry === null) return false;
  return c.registry.isAuthorised(brand, room.meta?.sellerAuthorizations) === true;
}

let cardMemo: { c: Compiled; key: string; out: string[] } | null = null;

/** Brands of the active card (its brand field, brand aliases in its name) that count as context. */
function cardBrands(c: Compiled, room: RoomState, card: ProductCard | undefined): string[] {
  if (card === undefined || c.registry === null) return [];
  // One-entry memo of a pure function: every event of a product asks the same question.
  const key = `${card.productName}\u0000${card.brand ?? ''}\u0000${(room.meta?.sellerAuthorizations ?? ['\u0001']).join('\u0000')}`;
  if (cardMemo !== null && cardMemo.c === c && cardMemo.key === key) return cardMemo.out;
  const out = cardBrandsUncached(c, room, card);
  cardMemo = { c, key, out };
  return out;
}

function cardBrandsUncached(c: Compiled, room: RoomState, card: ProductCard): string[] {
  const b = c.p.brand;
  if (c.registry === null) return [];
  const out = new Set<string>();
  const canon = c.registry.canonical(card.brand);
  if (canon !== null) out.add(canon);
  // Allow phrases (老花镜, 小香风) name no brand on the card either.
  let name = c.norm(card.productName);
  for (const a of c.brandAllow) name = name.split(a).join('|');
  for (const m of c.registry.mentions(name)) if (b === undefined || b.types.includes(m.type as (typeof TYPES)[number])) out.add(m.brand);
  for (const t of b?.types.includes('generic') ? c.registry.aliases.filter((a) => a.type === 'generic') : []) {
    if (name.includes(t.norm)) out.add(GENERIC_LUXURY);
  }
  return [...out].filter((x) => !(b?.thirdParty !== false && authorised(c, room, x)));
}

/** Brand aliases said in the current segment (exact through the automaton, then fuzzy Latin). */
function brandsSaid(c: Compiled, seg: SegmentView, hits: readonly LexiconHit[], room: RoomState, card: ProductCard | undefined): Array<{ brand: string; alias: string; type: string }> {
  const b = c.p.brand;
  if (b === undefined || c.registry === null) return [];
  const { squeezed, map, currentStart } = seg;
  let own: LexiconHit[] | null = null;
  let allow: LexiconHit[] | null = null;
  for (const h of hits) {
    if (h.term < c.brandOffset) continue;
    (own ??= []).push(h);
    if (c.brandAlias[h.term - c.brandOffset] === -1) (allow ??= []).push(h);
  }
  let cardText: string | null = null;
  const out: Array<{ brand: string; alias: string; type: string }> = [];
  for (const h of own ?? []) {
    const ai = c.brandAlias[h.term - c.brandOffset]!;
    if (ai < 0) continue;
    if (map[h.end - 1]! < currentStart) continue;
    if (allow !== null && allow.some((a) => a.start <= h.start && a.end >= h.end)) continue;
    const term = c.terms[h.term]!;
    if (isAsciiAlnum(term.charCodeAt(0)) && h.start > 0 && isAsciiAlnum(squeezed.charCodeAt(h.start - 1))) continue;
    if (isAsciiAlnum(term.charCodeAt(term.length - 1)) && h.end < squeezed.length && isAsciiAlnum(squeezed.charCodeAt(h.end))) continue;
    const alias = c.registry.aliases[ai]!;
    if (alias.context.length > 0 && !c.registry.contextHolds(alias, squeezed, (cardText ??= card ? c.norm(card.productName) : ''))) continue;
    if (b.thirdParty && authorised(c, room, alias.brand)) continue;
    out.push({ brand: alias.brand, alias: alias.text, type: alias.type });
  }
  if (c.latinTypes && hasLatin(squeezed)) {
    let qs = 0; // where the current segment starts in the squeezed view
    while (qs < map.length && map[qs]! < currentStart) qs++;
    for (const m of c.registry.fuzzyLatin(squeezed.slice(qs))) {
      if (!b.types.includes(m.type as (typeof TYPES)[number])) continue;
      if (b.thirdParty && authorised(c, room, m.brand)) continue;
      out.push({ brand: m.brand, alias: `${m.alias}≈${m.fuzzy!.token}`, type: m.type });
    }
  }
  return out;
}

// --- spoken amounts (just enough for "才两百", "正版要三百多", "三十九") -------------------------

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 幺: 1, 二: 2, 两: 2, 俩: 2, 三: 3, 仨: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const MULTS: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000 };
const NOT_MONEY_AFTER = /^(?:多)?(?:个|件|单|号|套|本|色|码|岁|分钟|秒|天|人|名|克|斤|ml|毫升|g|度|口|款|位|次|年|月|期|页|集|节|课|%|％)/;

/** A number starting at text[i] (Arabic or Chinese), in yuan, with the index after it; null if none. */
export function amountAt(text: string, i: number): { value: number; end: number } | null {
  const arabic = /^\d+(?:\.\d+)?/.exec(text.slice(i, i + 12));
  let value: number;
  let j: number;
  if (arabic !== null) {
    value = Number(arabic[0]);
    j = i + arabic[0].length;
    const mult = text[j] === 'w' || text[j] === 'W' || text[j] === '万' ? 10000 : text[j] === 'k' || text[j] === 'K' || text[j] === '千' ? 1000 : 1;
    if (mult > 1) {
      value *= mult;
      j++;
    }
  } else {
    let total = 0;
    let section = 0;
    let digit = -1;
    let lastMult = 0;
    j = i;
    for (; j < text.length; j++) {
      const ch = text[j]!;
      if (ch in DIGITS) {
        if (digit >= 0) break; // a second digit in a row: the next number starts here
        digit = DIGITS[ch]!;
      } else if (ch in MULTS) {
        const m = MULTS[ch]!;
        if (m === 10000) {
          total = (total + section + Math.max(digit, 0)) * 10000;
          section = 0;
        } else {
          if (lastMult !== 0 && lastMult !== 10000 && m >= lastMult) break;
          section += (digit < 0 ? 1 : digit) * m;
        }
        lastMult = m;
        digit = -1;
      } else break;
    }
    if (j === i) return null;
    // 一百二 = 120, 两万八 = 28000: a lone digit right after 百/千/万 is one order lower.
    if (digit >= 0) section += lastMult >= 100 && j - 2 >= i && text[j - 2]! in MULTS ? (digit * lastMult) / 10 : digit;
    value = total + section;
    if (lastMult === 0 && digit < 0) return null;
  }
  // 十九块九 = 19.9
  if ((text[j] === '块' || text[j] === '元') && text[j + 1] !== undefined && text[j + 1]! in DIGITS && !(text[j + 2] !== undefined && text[j + 2]! in MULTS)) {
    value += DIGITS[text[j + 1]!]! / 10;
    j += 2;
  }
  return { value, end: j };
}

const PRICE_BEFORE = /(?:才|只要|只需|仅需|仅|到手|就|卖|价|要|直接|只卖|一口价|不到)$/;
const UNIT_AFTER = /^(?:多)?(?:块|元|米|rmb|¥)/i;

/** Prices said in a text: numbers with a price marker just before or a currency unit just after, in fen. */
export function spokenPricesFen(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (!(/[0-9]/.test(ch) || ch in DIGITS || ch === '十')) continue;
    const a = amountAt(text, i);
    if (a === null) continue;
    const after = text.slice(a.end, a.end + 4);
    const before = text.slice(Math.max(0, i - 4), i);
    if (NOT_MONEY_AFTER.test(after)) {
      i = a.end - 1;
      continue;
    }
    if ((PRICE_BEFORE.test(before) || UNIT_AFTER.test(after)) && a.value > 0) out.push(Math.round(a.value * 100));
    i = a.end - 1;
  }
  return out;
}

function ratioHolds(r: RatioPart, squeezed: string): { reference: number; ours: number } | null {
  for (const ref of r.reference) {
    let from = 0;
    for (;;) {
      const at = squeezed.indexOf(ref, from);
      if (at < 0) break;
      from = at + 1;
      const scanEnd = Math.min(squeezed.length, at + ref.length + r.ratio.chars);
      let x: { value: number; end: number } | null = null;
      for (let k = at + ref.length; k < Math.min(scanEnd, at + ref.length + 4) && x === null; k++) x = amountAt(squeezed, k);
      if (x === null) continue;
      for (const o of r.ours) {
        const oat = squeezed.indexOf(o, x.end);
        if (oat < 0 || oat >= scanEnd) continue;
        for (let k = oat + o.length; k < scanEnd; k++) {
          const y = amountAt(squeezed, k);
          if (y === null) continue;
          if (NOT_MONEY_AFTER.test(squeezed.slice(y.end, y.end + 3))) {
            k = y.end - 1;
            continue;
          }
          if (y.value > 0 && x.value > r.ratio.factor * y.value) return { reference: x.value, ours: y.value };
          break;
        }
      }
    }
  }
  return null;
}

type Anomaly = { brand: string; floorFen: number; priceFen: number; source: 'card' | 'spoken' };

function findAnomaly(c: Compiled, brands: readonly string[], card: ProductCard | undefined, spokenText: string): Anomaly | null {
  if (c.registry === null) return null;
  const prices: Array<[number, 'card' | 'spoken']> = [];
  if (card !== undefined) prices.push([card.liveFen ?? card.listedFen, 'card']);
  if (c.p.anomaly.spoken && spokenText.length > 0) for (const f of spokenPricesFen(spokenText)) prices.push([f, 'spoken']);
  if (prices.length === 0) return null;
  for (const brand of brands) {
    if (brand === GENERIC_LUXURY) continue;
    const floor = c.registry.floorFen(brand, `${card?.productName ?? ''}${spokenText}`);
    if (floor === null) continue;
    for (const [price, source] of prices) if (price > 0 && price < c.p.anomaly.ratio * floor) return { brand, floorFen: floor, priceFen: price, source };
  }
  return null;
}

export const cueSets = defineDetector({
  kind: 'cue-sets',
  summary: 'Cue parts said within a time window, with third-party brand context and a price far below the brand floor where asked.',
  params: Params,
  on: ['transcript', 'price'],
  compile: (p: P, env: CompileEnv): Compiled => compile(p, env),
  terms: (c) => c.terms,
  initial: (): State => EMPTY,
  onNewSession: (): State => EMPTY,
  evaluate(input) {
    const { event, room, rule: c, segment } = input;
    const state = input.state ?? EMPTY;
    const hits = input.hits ?? [];
    if (event.type === 'transcript' && segment === undefined) return { state, findings: [] };
    if (event.type === 'transcript' && hits.length === 0 && !(c.p.brand !== undefined && hasLatin(segment!.squeezed))) {
      return { state, findings: [] };
    }
    if (event.type === 'price' && isEmpty(state.parts)) return { state, findings: [] };
    const card = room.activeSku === null ? undefined : room.cards[room.activeSku];
    const now = event.at;

    // Forget what fell out of the widest window (copied only when something did, or on a write).
    const windowMs = c.maxSeconds * 1000;
    let parts: Record<string, Seen> = state.parts;
    let partsCopied = false;
    for (const k in state.parts) {
      if (!(now - state.parts[k]!.at <= windowMs)) {
        parts = {};
        for (const [k2, v] of Object.entries(state.parts)) if (now - v.at <= windowMs) parts[k2] = v;
        partsCopied = true;
        break;
      }
    }
    let brands = state.brands.every((b) => now - b.at <= windowMs) ? state.brands : state.brands.filter((b) => now - b.at <= windowMs);
    let sub = state.sub;
    let freshParts: Set<string> | null = null;
    let freshBrand = false;
    let ratio: { reference: number; ours: number } | null = null;

    if (event.type === 'transcript' && segment !== undefined) {
      for (const part of c.parts) {
        let own: LexiconHit[] | null = null;
        const lo = part.offset;
        const hi = part.offset + part.count;
        for (const h of hits) if (h.term >= lo && h.term < hi) (own ??= []).push({ term: h.term - lo, start: h.start, end: h.end });
        if (own === null) continue;
        if (part.kind === 'ratio') {
          const r = ratioHolds(part, segment.squeezed);
          if (r === null) continue;
          ratio = r;
          (freshParts ??= new Set()).add(part.name);
          if (!partsCopied) (parts = { ...parts }), (partsCopied = true);
          parts[part.name] = { at: now, ts: event.ts, coords: event.coords, text: event.text.slice(0, 200), terms: [`${r.reference}>${part.ratio.factor}×${r.ours}`], matches: [], sku: room.activeSku };
          continue;
        }
        if (!part.timed && !part.needed.every((g) => own.some((h) => part.compiled.info[h.term]?.group === g))) continue;
        if (!cuesMayAct(part.compiled, segment, own, room, card)) continue;
        const before = sub[part.name] ?? null;
        const out = cues.evaluate({ event, room, segment, rule: part.compiled, state: before, hits: own, productCategory: input.productCategory });
        if (out.state !== before) sub = { ...sub, [part.name]: out.state };
        const f = out.findings[0];
        if (f === undefined) continue;
        (freshParts ??= new Set()).add(part.name);
        const terms = f.dedupeKey.split('|');
        if (!partsCopied) (parts = { ...parts }), (partsCopied = true);
        parts[part.name] = { at: now, ts: event.ts, coords: event.coords, text: event.text.slice(0, 200), terms, matches: [...(f.matches ?? [])], sku: room.activeSku };
      }
      const said = brandsSaid(c, segment, hits, room, card);
      if (said.length > 0) {
        freshBrand = true;
        const seen = new Set<string>();
        const mine = said.filter((b) => !seen.has(b.brand) && (seen.add(b.brand), true));
        brands = [...brands.filter((b) => !seen.has(b.brand)), ...mine.map((b) => ({ ...b, at: now, ts: event.ts, coords: event.coords, text: event.text.slice(0, 200) }))].slice(-MAX_BRANDS);
      }
    }
    const unchanged =
      freshParts === null && !freshBrand && sub === state.sub && brands.length === state.brands.length && countKeys(parts) === countKeys(state.parts);
    // A transcript that completed no part and named no brand completes no alternative.
    if (event.type !== 'price' && freshParts === null && !freshBrand) return { state: unchanged ? state : { parts, brands, sub }, findings: [] };
    const fresh: ReadonlySet<string> = freshParts ?? new Set();
    let cardCtxMemo: string[] | null = null;
    const cardCtxOf = (): string[] => (cardCtxMemo ??= c.p.brand === undefined || c.p.brand.card === false ? [] : cardBrands(c, room, card));
    const cardFresh = event.type === 'price';

    // A new card completes only cues said while no product, or this one, was being presented.
    const sameProduct = (n: string) => event.type !== 'price' || parts[n]!.sku === null || parts[n]!.sku === event.sku;
    for (const alt of c.p.alternatives) {
      const ms = alt.seconds * 1000;
      const inWindow = alt.parts.every((n) => parts[n] !== undefined && now - parts[n]!.at <= ms && sameProduct(n));
      if (!inWindow) continue;
      const saidBrands = alt.brand && alt.brandFrom !== 'card' ? brands.filter((b) => now - b.at <= ms) : [];
      const cardCtx = alt.brand && alt.brandFrom !== 'speech' ? cardCtxOf() : [];
      const ctx = alt.brand ? [...new Set([...saidBrands.map((b) => b.brand), ...cardCtx])] : [];
      if (alt.brand && ctx.length === 0) continue;
      const completes =
        alt.parts.some((n) => fresh.has(n)) ||
        (alt.brand && freshBrand && saidBrands.some((b) => b.at === now)) ||
        (cardFresh && (alt.brand ? cardCtxOf().length > 0 && alt.brandFrom !== 'speech' : alt.anomaly));
      if (!completes) continue;
      const anomalyBrands = ctx.length > 0 ? ctx : [...new Set([...brands.map((b) => b.brand), ...cardBrands(c, room, card)])];
      const spoken = event.type === 'transcript' && segment !== undefined ? segment.original.normalize('NFKC') : '';
      const anomaly = findAnomaly(c, anomalyBrands, card, spoken);
      if (alt.anomaly && anomaly === null) continue;

      // Evidence.
      const matches: EvidenceMatch[] = [];
      const terms = new Set<string>();
      const earlier: EvidenceEvent[] = [];
      const addEarlier = (s: { at: number; ts: string; coords: Coordinates; text: string }) => {
        if (s.at === now) return;
        if (!earlier.some((e) => e.offset === s.coords.offset && e.topic === s.coords.topic)) earlier.push({ ...s.coords, type: 'transcript', ts: s.ts, excerpt: s.text });
      };
      for (const n of alt.parts) {
        const s = parts[n]!;
        for (const t of s.terms) terms.add(t);
        if (s.at === now) matches.push(...s.matches);
        else addEarlier(s);
      }
      for (const b of saidBrands) {
        terms.add(b.alias);
        addEarlier(b);
      }
      const hitParts = new Set(alt.parts);
      const raise = c.p.raise.find((r) => (r.anomaly === undefined || r.anomaly === (anomaly !== null)) && (r.parts === undefined || r.parts.every((n) => hitParts.has(n))));
      let severity: Finding['severity'] = raise?.severity;
      const auths = room.meta?.sellerAuthorizations;
      if (c.p.authorisations === 'known' && (auths === null || auths === undefined)) severity = 'info';
      const sorted = [...terms].sort();
      const finding: Finding = {
        dedupeKey: sorted.join('|'),
        sku: room.activeSku,
        summary: c.p.summary.replace('{terms}', sorted.map((t) => `“${t}”`).join('、')),
        matches,
        values: {
          alternative: alt.name,
          parts: alt.parts,
          ...(alt.brand ? { brands: ctx, brandSource: saidBrands.length > 0 ? 'speech' : 'card' } : {}),
          ...(card !== undefined ? { card: { productName: card.productName, brand: card.brand, displayedFen: card.liveFen ?? card.listedFen } } : {}),
          ...(anomaly !== null ? { anomaly: { ...anomaly, ratio: Math.round((anomaly.priceFen / anomaly.floorFen) * 1000) / 1000 } } : {}),
          ...(ratio !== null && alt.parts.some((n) => c.parts.find((x) => x.name === n)?.kind === 'ratio') ? { priceRatio: ratio } : {}),
          ...(c.p.authorisations === 'known' ? { sellerAuthorizations: auths ?? null } : {}),
        },
        ...(earlier.length > 0 ? { events: earlier } : {}),
        ...(severity !== undefined ? { severity } : {}),
      };
      // Everything said up to now is this alert's evidence: none of it completes another alert.
      return { state: { parts: {}, brands, sub }, findings: [finding] };
    }
    return { state: unchanged ? state : { parts, brands, sub }, findings: [] };
  },
});

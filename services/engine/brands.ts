/**
 * The brand alias registry (catalogue §2.3, seeds/brands.yaml): resolves official names,
 * nicknames and code names to a canonical brand, answers "is this room authorised for the
 * brand" (compared by alias, so 欧莱雅 authorises L'Oréal) and gives the price floor used as a
 * counterfeit signal. Latin brand names misspelt by ASR or on purpose (Guccci, Channel) are
 * caught by Levenshtein distance against aliases of similar length only.
 */
import { distance } from 'fastest-levenshtein';
import { z } from 'zod';
import { BoundedMemo, NAME_MEMO_GENERATION } from './memo.js';

const AliasSchema = z.strictObject({
  text: z.string().min(1),
  type: z.enum(['official', 'nickname', 'code']),
  context: z.array(z.string().min(1)).optional(),
});

export const BrandSeedSchema = z.strictObject({
  version: z.number().int().positive(),
  generic: z.array(z.string().min(1)).default([]),
  brands: z
    .array(
      z.strictObject({
        name: z.string().min(1),
        floorCNY: z.number().positive().optional(),
        floors: z.record(z.string().min(1), z.number().positive()).optional(),
        aliases: z.array(AliasSchema).min(1),
      }),
    )
    .min(1),
});

export type AliasType = 'official' | 'nickname' | 'code' | 'generic';

/** One matchable alias, normalised as the automaton sees it. */
export type BrandAlias = { brand: string; text: string; norm: string; type: AliasType; context: readonly string[] };

export type BrandMention = { brand: string; alias: string; type: AliasType; fuzzy?: { token: string; distance: number } };

export type BrandRegistry = {
  aliases: readonly BrandAlias[];
  /** Canonical brand for a brand name or alias as written on a card or in an authorisation list. */
  canonical(name: string | null | undefined): string | null;
  /** null when the room's authorisations are unknown. */
  isAuthorised(brand: string, authorisations: readonly string[] | null | undefined): boolean | null;
  /** The floor in fen for a brand and product name, or null when the brand has none. */
  floorFen(brand: string, productName: string): number | null;
  /** Brands named in a text (a product name, say): exact aliases whose context holds, then fuzzy Latin names. The array is shared: do not modify it. */
  mentions(text: string, contextText?: string): BrandMention[];
  /** Latin tokens of `normText` within edit distance of a Latin alias of similar length. The array is shared: do not modify it. */
  fuzzyLatin(normText: string): BrandMention[];
  /** Whether an alias's context words appear in the given (normalised) texts. */
  contextHolds(alias: BrandAlias, ...normTexts: string[]): boolean;
};

const GENERIC = '(generic luxury)';
const LATIN_TOKEN = /[a-z][a-z'&]*(?: [a-z][a-z'&]*)*/g;
const isLatin = (s: string) => /^[a-z][a-z '&]*$/.test(s);

/** Registries by seed object and normaliser: the rules of one ruleset share one (and its memos). */
const registries = new WeakMap<object, WeakMap<(s: string) => string, BrandRegistry>>();

/** Builds the registry; a call with the same seed object and normaliser returns the same one. */
export function createBrandRegistry(seedIn: unknown, norm: (s: string) => string): BrandRegistry {
  if (typeof seedIn !== 'object' || seedIn === null) return buildBrandRegistry(seedIn, norm);
  let byNorm = registries.get(seedIn);
  if (byNorm === undefined) registries.set(seedIn, (byNorm = new WeakMap()));
  let reg = byNorm.get(norm);
  if (reg === undefined) byNorm.set(norm, (reg = buildBrandRegistry(seedIn, norm)));
  return reg;
}

function hasLatin(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) return true;
  }
  return false;
}

function buildBrandRegistry(seedIn: unknown, norm: (s: string) => string): BrandRegistry {
  const seed = BrandSeedSchema.parse(seedIn);
  const aliases: BrandAlias[] = [];
  const byNorm = new Map<string, string>();
  const floors = new Map<string, { floor: number | null; by: Array<[string, number]> }>();
  const latinByLength = new Map<number, BrandAlias[]>();
  for (const b of seed.brands) {
    byNorm.set(norm(b.name), b.name);
    floors.set(b.name, {
      floor: b.floorCNY === undefined ? null : Math.round(b.floorCNY * 100),
      by: Object.entries(b.floors ?? {}).map(([k, v]) => [norm(k), Math.round(v * 100)]),
    });
    for (const a of b.aliases) {
      const n = norm(a.text);
      if (n.length === 0) continue;
      const alias: BrandAlias = { brand: b.name, text: a.text, norm: n, type: a.type, context: (a.context ?? []).map(norm) };
      aliases.push(alias);
      if (alias.context.length === 0) byNorm.set(n, b.name);
      const spaced = a.text.toLowerCase();
      if (isLatin(spaced) && n.length >= 4) {
        const list = latinByLength.get(n.length) ?? [];
        list.push(alias);
        latinByLength.set(n.length, list);
      }
    }
  }
  for (const g of seed.generic) aliases.push({ brand: GENERIC, text: g, norm: norm(g), type: 'generic', context: [] });

  const contextHolds = (alias: BrandAlias, ...texts: string[]) =>
    alias.context.length === 0 || alias.context.some((c) => texts.some((t) => t.includes(c)));

  // Memos of pure functions of the text: every rule of the ruleset asks about the same segment or name.
  const fuzzyMemo = new BoundedMemo<string, BrandMention[]>(NAME_MEMO_GENERATION);
  const mentionMemo = new BoundedMemo<string, BrandMention[]>(NAME_MEMO_GENERATION);
  const NONE: BrandMention[] = [];

  const fuzzyLatin = (normText: string): BrandMention[] => {
    if (!hasLatin(normText)) return NONE; // a token starts with a Latin letter
    let out = fuzzyMemo.get(normText);
    if (out === undefined) {
      out = fuzzyLatinUncached(normText);
      fuzzyMemo.set(normText, out);
    }
    return out;
  };

  const fuzzyLatinUncached = (normText: string): BrandMention[] => {
    const out: BrandMention[] = [];
    for (const m of normText.matchAll(LATIN_TOKEN)) {
      const token = m[0].replace(/ /g, '');
      if (token.length < 4 || byNorm.has(token)) continue;
      const max = token.length >= 7 ? 2 : 1;
      let best: { alias: BrandAlias; d: number } | null = null;
      for (let len = token.length - max; len <= token.length + max; len++) {
        for (const alias of latinByLength.get(len) ?? []) {
          const d = distance(token, alias.norm);
          if (d <= max && (best === null || d < best.d)) best = { alias, d };
        }
      }
      if (best !== null) out.push({ brand: best.alias.brand, alias: best.alias.text, type: best.alias.type, fuzzy: { token: m[0], distance: best.d } });
    }
    return out;
  };

  return {
    aliases,
    canonical(name) {
      if (!name) return null;
      return byNorm.get(norm(name)) ?? null;
    },
    isAuthorised(brand, auths) {
      if (auths === null || auths === undefined) return null;
      return auths.some((a) => this.canonical(a) === brand || norm(a) === norm(brand));
    },
    floorFen(brand, productName) {
      const f = floors.get(brand);
      if (f === undefined) return null;
      const p = norm(productName);
      for (const [k, v] of f.by) if (p.includes(k)) return v;
      return f.floor;
    },
    mentions(text, contextText = '') {
      if (contextText !== '') return mentionsUncached(text, contextText);
      let out = mentionMemo.get(text);
      if (out === undefined) {
        out = mentionsUncached(text, contextText);
        mentionMemo.set(text, out);
      }
      return out;
    },
    fuzzyLatin,
    contextHolds,
  };

  function mentionsUncached(text: string, contextText: string): BrandMention[] {
    const t = norm(text);
    const c = norm(contextText);
    const out: BrandMention[] = [];
    const seen = new Set<string>();
    for (const a of aliases) {
      if (a.type === 'generic' || !t.includes(a.norm) || !contextHolds(a, t, c) || seen.has(a.brand)) continue;
      seen.add(a.brand);
      out.push({ brand: a.brand, alias: a.text, type: a.type });
    }
    for (const f of fuzzyLatin(t)) if (!seen.has(f.brand)) (seen.add(f.brand), out.push(f));
    return out;
  }
}

export const GENERIC_LUXURY = GENERIC;

/**
 * Homophone/variant folding for lexicon matching (catalogue §2.1 step 5), from
 * seeds/normalise/variants.yaml. Folding is done by expanding lexicon terms at load time — a
 * term containing a canonical form gets one extra pattern per variant — so the automaton
 * folds for free and evidence text is never rewritten.
 */
import { z } from 'zod';

export const VariantSeedSchema = z.strictObject({
  version: z.number().int().positive(),
  fold: z.record(z.string().min(1), z.array(z.string().min(1)).min(1)).default({}),
  symbols: z.record(z.string().min(1), z.string().length(1)).default({}),
});
export type VariantSeed = z.infer<typeof VariantSeedSchema>;

/** Returns (normalised term) → the term and its variants; `norm` normalises seed entries. */
export function createVariants(seed: VariantSeed, norm: (s: string) => string): (term: string) => string[] {
  const table = Object.entries(seed.fold).map(([canonical, variants]) => [norm(canonical), variants.map(norm)] as const);
  return (term) => {
    const out = new Set([term]);
    for (const [canonical, variants] of table) {
      if (canonical.length === 0 || !term.includes(canonical)) continue;
      for (const v of variants) if (v.length > 0) out.add(term.replace(canonical, v));
    }
    return [...out];
  };
}

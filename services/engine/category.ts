/**
 * Product category inference (catalogue §2.4): productName keyword rules from seeds/categories,
 * first match wins; anything else is `general`.
 */
import { z } from 'zod';
import { BoundedMemo, NAME_MEMO_GENERATION } from './memo.js';

export const CategorySeedSchema = z.strictObject({
  version: z.number().int().positive(),
  categories: z.array(z.strictObject({ name: z.string().min(1), keywords: z.array(z.string().min(1)).min(1) })).min(1),
});

/** The category of a product card (`general` with no card): its productName's, memoised per card object. */
export type CategoryOf = (card: { readonly productName: string } | undefined) => string;

export function createCategoryOf(seed: unknown): CategoryOf {
  const { categories } = CategorySeedSchema.parse(seed);
  const memo = new BoundedMemo<string, string>(NAME_MEMO_GENERATION); // product names repeat on every event of a room
  // Cards are replaced, never mutated: a room's current card answers every event until its next
  // price event from here, without hashing and comparing its name in the larger memo.
  const byCard = new WeakMap<object, string>();
  return (card) => {
    if (card === undefined) return 'general';
    let category = byCard.get(card);
    if (category !== undefined) return category;
    const name = card.productName;
    category = name ? memo.get(name) : 'general';
    if (category === undefined) {
      category = categories.find((c) => c.keywords.some((k) => name.includes(k)))?.name ?? 'general';
      memo.set(name, category);
    }
    byCard.set(card, category);
    return category;
  };
}

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

export type CategoryOf = (productName: string | null | undefined) => string;

export function createCategoryOf(seed: unknown): CategoryOf {
  const { categories } = CategorySeedSchema.parse(seed);
  const memo = new BoundedMemo<string, string>(NAME_MEMO_GENERATION); // product names repeat on every event of a room
  return (name) => {
    if (!name) return 'general';
    let category = memo.get(name);
    if (category === undefined) {
      category = categories.find((c) => c.keywords.some((k) => name.includes(k)))?.name ?? 'general';
      memo.set(name, category);
    }
    return category;
  };
}

/**
 * Product category inference (catalogue §2.4): productName keyword rules from seeds/categories,
 * first match wins; anything else is `general`.
 */
import { z } from 'zod';

export const CategorySeedSchema = z.strictObject({
  version: z.number().int().positive(),
  categories: z.array(z.strictObject({ name: z.string().min(1), keywords: z.array(z.string().min(1)).min(1) })).min(1),
});

export type CategoryOf = (productName: string | null | undefined) => string;

export function createCategoryOf(seed: unknown): CategoryOf {
  const { categories } = CategorySeedSchema.parse(seed);
  return (name) => {
    if (!name) return 'general';
    for (const c of categories) if (c.keywords.some((k) => name.includes(k))) return c.name;
    return 'general';
  };
}

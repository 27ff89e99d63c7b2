import { describe, expect, it } from 'vitest';
import { createCategoryOf } from './category.js';

const seed = {
  version: 1,
  categories: [
    { name: 'health-food', keywords: ['保健', '益生菌'] },
    { name: 'food', keywords: ['饼干', '坚果'] },
  ],
};

describe('createCategoryOf', () => {
  it('takes the first category whose keyword the product name holds, else general', () => {
    const categoryOf = createCategoryOf(seed);
    expect(categoryOf({ productName: '每日坚果 750g' })).toBe('food');
    expect(categoryOf({ productName: '益生菌坚果礼盒' })).toBe('health-food'); // first match wins
    expect(categoryOf({ productName: '不锈钢保温杯' })).toBe('general');
  });

  it('is general with no card or a card without a name', () => {
    const categoryOf = createCategoryOf(seed);
    expect(categoryOf(undefined)).toBe('general');
    expect(categoryOf({ productName: '' })).toBe('general');
  });

  it('answers each card by its own name: a new card for the same sku gets its own category', () => {
    const categoryOf = createCategoryOf(seed);
    const first = { productName: '黄油饼干' };
    const next = { productName: '益生菌冻干粉' };
    expect(categoryOf(first)).toBe('food');
    expect(categoryOf(next)).toBe('health-food');
    expect(categoryOf(first)).toBe('food');
    // Equal names on different card objects agree (the name memo), repeated asks on one card too.
    expect(categoryOf({ productName: '黄油饼干' })).toBe('food');
    expect(categoryOf(next)).toBe('health-food');
  });

  it('keeps one ruleset’s categories apart from another’s', () => {
    const card = { productName: '黄油饼干' };
    const a = createCategoryOf(seed);
    const b = createCategoryOf({ version: 2, categories: [{ name: 'snacks', keywords: ['饼干'] }] });
    expect(a(card)).toBe('food');
    expect(b(card)).toBe('snacks');
    expect(a(card)).toBe('food');
  });

  it('rejects a seed of the wrong shape', () => {
    expect(() => createCategoryOf({ version: 1, categories: [] })).toThrow();
  });
});

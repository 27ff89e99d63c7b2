import { describe, expect, it } from 'vitest';
import { bigrams, bindSku, jaccard, matchCard, namePhrases } from './bind-sku.js';

const card = (productName: string) => ({ productName });

describe('bigram Jaccard', () => {
  it('is 1 for equal strings and 0 for disjoint ones', () => {
    expect(jaccard(bigrams('保温杯'), bigrams('保温杯'))).toBe(1);
    expect(jaccard(bigrams('保温杯'), bigrams('铲子'))).toBe(0);
    expect(jaccard(bigrams('精华'), bigrams('精华液'))).toBe(0.5);
  });
});

describe('namePhrases', () => {
  it('keeps the whole name, its words and their tails of ≥ 3 characters', () => {
    const p = namePhrases('不锈钢保温杯 500ml');
    expect(p).toContain('不锈钢保温杯500ml');
    expect(p).toContain('不锈钢保温杯');
    expect(p).toContain('保温杯');
    expect(p).not.toContain('温杯');
  });
});

describe('matchCard', () => {
  const cards = { pan: card('不粘锅炒锅'), spatula: card('硅胶锅铲'), cup: card('不锈钢保温杯') };
  it('finds the product a phrase names', () => {
    expect(matchCard('这个保温杯今天送你', cards)?.sku).toBe('cup');
    expect(matchCard('炒锅今天特价', cards)?.sku).toBe('pan');
  });
  it('finds nothing below the threshold', () => {
    expect(matchCard('这个铲子十九块九', cards)).toBeNull();
  });
});

describe('bindSku', () => {
  const room = { activeSku: 'spatula', cards: { pan: card('不粘锅炒锅'), spatula: card('硅胶锅铲') } };
  it('binds by product name first', () => {
    expect(bindSku(room, '这个炒锅今天一百九十九')).toMatchObject({ sku: 'pan', via: 'name' });
  });
  it('falls back to the product being presented', () => {
    expect(bindSku(room, '今天到手价十九块九')).toEqual({ sku: 'spatula', via: 'active' });
  });
  it('never binds an externalReference', () => {
    expect(bindSku(room, '刚刚那个锅是一百九十九', { span: [6, 11], kind: 'externalReference' })).toEqual({ sku: null, via: 'external' });
  });
  it('looks for the name only around the price when given its span', () => {
    const text = '刚刚那个炒锅是一百九十九，这个铲子十九块九';
    expect(bindSku(room, text, { span: [17, 21], kind: 'amount' }).sku).toBe('spatula');
    expect(bindSku(room, text, { span: [7, 12], kind: 'amount' }).sku).toBe('pan');
  });
  it('returns none with no card and no active sku', () => {
    expect(bindSku({ activeSku: null, cards: {} }, '到手价九十九')).toEqual({ sku: null, via: 'none' });
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bigrams, bindSku, foldName, jaccard, matchCard, namePhrases } from './bind-sku.js';

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

  /** The definition: every window of the phrase's length ±1 of the folded text, by bigram Jaccard. */
  function reference(text: string, cs: Record<string, { productName: string }>, min: number, prefer: string | null) {
    const t = foldName(text);
    let best: { sku: string; score: number; phrase: string } | null = null;
    for (const [sku, c] of Object.entries(cs)) {
      for (const phrase of namePhrases(c.productName)) {
        const target = bigrams(phrase);
        let score = 0;
        for (const len of [phrase.length, phrase.length - 1, phrase.length + 1]) {
          if (len < 2 || len > t.length || target.size === 0) continue;
          for (let i = 0; i + len <= t.length; i++) score = Math.max(score, jaccard(bigrams(t.slice(i, i + len)), target));
        }
        if (score < min) continue;
        if (best === null || score > best.score || (score === best.score && sku === prefer)) best = { sku, score, phrase };
      }
    }
    return best;
  }

  it('answers as the definition does: the best window of any phrase of any card (random cards and texts)', () => {
    // A small alphabet, so that names and texts share bigrams often; 保温杯 and 炒锅 words, spaces and digits.
    const chars = fc.constantFrom(...'保温杯炒锅不粘钢锈硅胶铲子今天特价这个送 1ml');
    const str = (max: number) => fc.array(chars, { minLength: 0, maxLength: max }).map((a) => a.join(''));
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd', 'e'), str(12).map(card), { maxKeys: 5 }),
        str(24),
        fc.constantFrom(0, 0.3, 0.5, 0.8, 1),
        fc.constantFrom(null, 'a', 'c'),
        (cs, text, min, prefer) => {
          expect(matchCard(text, cs, min, prefer)).toEqual(reference(text, cs, min, prefer));
        },
      ),
      { numRuns: 3000, seed: 20261127 },
    );
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

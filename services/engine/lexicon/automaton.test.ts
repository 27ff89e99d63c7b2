import { describe, expect, it } from 'vitest';
import { buildAutomaton } from './automaton.js';

function naive(patterns: string[], text: string): string[] {
  const found: string[] = [];
  patterns.forEach((p, id) => {
    for (let i = text.indexOf(p); i !== -1; i = text.indexOf(p, i + 1)) found.push(`${id}@${i}-${i + p.length}`);
  });
  return found.sort();
}

function scanAll(patterns: string[], text: string): string[] {
  const found: string[] = [];
  buildAutomaton(patterns).scan(text, (id, s, e) => found.push(`${id}@${s}-${e}`));
  return found.sort();
}

describe('buildAutomaton', () => {
  it('reports a shorter term that ends where a longer one ends', () => {
    expect(scanAll(['行业最好', '最好'], '我们是行业最好的')).toEqual(['0@3-7', '1@5-7']);
  });
  it('reports overlapping and repeated occurrences', () => {
    expect(scanAll(['aa', 'a'], 'aaa')).toEqual(naive(['aa', 'a'], 'aaa'));
  });
  it('agrees with a naive search on generated text', () => {
    const alphabet = '最好全网低价第一级国家abc';
    const patterns = ['最好', '全网最低价', '第一', '国家级', '网最', 'ab', 'bca', '最', '好全'];
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let n = 0; n < 200; n++) {
      let text = '';
      for (let i = 0; i < 40; i++) text += alphabet[Math.floor(rand() * alphabet.length)];
      expect(scanAll(patterns, text)).toEqual(naive(patterns, text));
    }
  });
});

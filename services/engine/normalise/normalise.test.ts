import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildNormaliserTables, createNormaliser, createTextNormaliser } from './normalise.js';

// The real OpenCC single-character table the ruleset loader uses.
const t2s = JSON.parse(readFileSync(new URL('../../../seeds/normalise/t2s.json', import.meta.url), 'utf8')) as Record<string, string>;
const tables = buildNormaliserTables(t2s);
const normalise = createNormaliser(tables);
const normaliseText = createTextNormaliser(tables);
const squeeze = (s: string): string => normalise(s).text;

/** Independent statement of the per-character fold: NFKC (when it gives one char), ASCII lower case, t2s. */
function foldChar(ch: string): string {
  const nf = ch.normalize('NFKC');
  let c = nf.length === 1 ? nf : ch;
  if (c >= 'A' && c <= 'Z') c = c.toLowerCase();
  const simp = t2s[c];
  return simp !== undefined && simp.length === 1 ? simp : c;
}

describe('normalise: folding', () => {
  it('the table is the real one', () => {
    expect(Object.keys(t2s).length).toBeGreaterThan(1000);
    expect(t2s['網']).toBe('网');
  });

  it.each([
    ['ＶＸ', 'vx'],
    ['５９', '59'],
    ['ＴＯＰ１', 'top1'],
    ['ＶＸ：ａｂｃ１２３', 'vx:abc123'],
    ['ＡＢＣ', 'abc'],
  ])('full width → half width, lower case: %s → %s', (input, out) => {
    expect(squeeze(input)).toBe(out);
  });

  it('lower-cases Latin letters', () => {
    expect(squeeze('Hello WORLD NO1')).toBe('helloworldno1');
  });

  it.each([
    ['全網最低', '全网最低'],
    ['這款是全網銷量第一', '这款是全网销量第一'],
    ['國家級', '国家级'],
    ['獨一無二', '独一无二'],
  ])('traditional → simplified: %s → %s', (input, out) => {
    expect(squeeze(input)).toBe(out);
  });

  it('leaves simplified text as it is', () => {
    expect(squeeze('全网最低价国家级配方')).toBe('全网最低价国家级配方');
  });

  // Regression (found by these tests, fixed): seeds/normalise/t2s.json is not idempotent: 麼→么 but 么→幺 (also 麽→么→幺, 薴→苧→苎), and the fold is applied once. So the simplified 什么 folds to 什幺 while the traditional 什麼 folds to 什么: the two spellings of one word never match the same lexicon term, and 么 becomes 幺, which the spoken-number parser (catalogue §2.2) reads as 1.
  it('traditional and simplified spellings of one word fold alike (什麼 / 什么)', () => {
    expect(squeeze('什么')).toBe('什么');
    expect(squeeze('什麼')).toBe(squeeze('什么'));
  });

  it.each([
    ['U+200B', '\u200b'],
    ['U+200C', '\u200c'],
    ['U+200D', '\u200d'],
    ['U+FEFF', '\ufeff'],
    ['U+2060', '\u2060'],
    ['a variation selector', '\ufe0f'],
  ])('drops %s', (_name, zw) => {
    const r = normalise(`全${zw}网${zw}最低`);
    expect(r.text).toBe('全网最低');
    expect(Array.from(r.map)).toEqual([0, 2, 4, 5]);
  });
});

describe('normalise: the squeezed view', () => {
  it.each([
    ['绝 对', '绝对'],
    ['原🔥单', '原单'],
    ['高 . 仿', '高仿'],
    ['绝　对', '绝对'], // ideographic space
    ['全-网_最~低', '全网最低'],
    ['薇❤️信', '薇信'],
    ['一·比·一', '一比一'],
    ['高，仿！', '高仿'],
    ['独one无two', '独one无two'],
  ])('%s → %s', (input, out) => {
    expect(squeeze(input)).toBe(out);
  });

  it.each([
    ['9.9', '9.9'],
    ['１：１', '1:1'],
    ['1:1', '1:1'],
    ['no.1', 'no.1'],
    ['ＮＯ．１', 'no.1'],
    ['只要9.9元', '只要9.9元'],
    ['一比一:复刻', '一比一复刻'], // not between ASCII alphanumerics
    ['价格.9', '价格9'],
    ['9.', '9'],
    ['.9', '9'],
    ['9.元', '9元'],
    ['a:b', 'a:b'],
  ])("'.' and ':' survive only between ASCII letters/digits: %s → %s", (input, out) => {
    expect(squeeze(input)).toBe(out);
  });

  // Regression (found by these tests, fixed): the look-ahead for '.'/':' reads the raw next character, so a zero-width character (which step 2 of catalogue §2.1 drops before squeezing) hides the digit after it.
  it('a zero-width character after the point does not change the result', () => {
    expect(squeeze('9.\u200b9')).toBe('9.9');
  });

  it('maps each squeezed character to its original index', () => {
    const input = '绝 对 是 全 网 最 好 用 的';
    const r = normalise(input);
    expect(r.text).toBe('绝对是全网最好用的');
    expect(Array.from(r.map)).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16]);
    expect(r.map.length).toBe(r.text.length);
  });

  it('maps around emoji surrogate pairs and full-width characters', () => {
    const r = normalise('原🔥单ＶＸ');
    expect(r.text).toBe('原单vx');
    expect(Array.from(r.map)).toEqual([0, 3, 4, 5]);
  });

  it('empty and all-separator inputs give an empty view', () => {
    for (const s of ['', '   ', '🔥🔥', '，。！', '\u200b\ufeff']) {
      const r = normalise(s);
      expect(r.text).toBe('');
      expect(r.map.length).toBe(0);
    }
  });

  it('is the same for long inputs as for the pieces (chunked string building)', () => {
    const piece = '這款是全網銷量第一，ＴＯＰ１！只要9.9元🔥';
    const long = piece.repeat(700); // over 4096 squeezed characters
    const r = normalise(long);
    expect(r.text).toBe(squeeze(piece).repeat(700));
    expect(r.text.length).toBeGreaterThan(4096);
    expect(r.map[r.map.length - 1]).toBeLessThan(long.length);
  });
});

describe('normalise: the text-only normaliser', () => {
  it('gives the squeezed text, also for an input that grows the scratch buffers in the call', () => {
    const piece = '這款是全網銷量第一，ＴＯＰ１！只要9.9元🔥';
    const longest = piece.repeat(5000); // longer than any input before it: the buffers grow in this call
    expect(normaliseText(longest)).toBe(squeeze(piece).repeat(5000));
    expect(normaliseText(piece)).toBe(squeeze(piece));
    expect(normaliseText('')).toBe('');
  });
});

describe('normalise: offset map property', () => {
  // A small deterministic LCG, so a failure can be reproduced from the seed.
  function rng(seed: number): () => number {
    let s = seed >>> 0;
    return () => {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      return s / 2 ** 32;
    };
  }
  const ALPHABET = [
    ...'全網网最低价國家级絕对高仿原单第一销銷',
    ...'abcXYZ019',
    ...'ＶＸ５９ＮＯ',
    ...' .:·,，。！、-_~|/\\',
    '\u200b',
    '\ufeff',
    '\ufe0f',
    '🔥',
    '❤',
    '　',
  ];

  it.each([1, 2, 3, 42, 20261126])('seed %i: 300 inputs', (seed) => {
    const rand = rng(seed);
    for (let n = 0; n < 300; n++) {
      const len = Math.floor(rand() * 30);
      let input = '';
      for (let i = 0; i < len; i++) input += ALPHABET[Math.floor(rand() * ALPHABET.length)]!;
      const { text, map } = normalise(input);
      expect(map.length, input).toBe(text.length);
      for (let i = 0; i < text.length; i++) {
        const at = map[i]!;
        expect(at, input).toBeGreaterThanOrEqual(0);
        expect(at, input).toBeLessThan(input.length);
        if (i > 0) expect(at, input).toBeGreaterThan(map[i - 1]!); // strictly increasing
        expect(foldChar(input[at]!), `${JSON.stringify(input)} at ${i}`).toBe(text[i]);
      }
      // Nothing a reader would call a letter or digit is lost (only separators, emoji, zero-width go).
      const kept = [...input].filter((ch) => /[\p{L}\p{N}]/u.test(ch.normalize('NFKC'))).map(foldChar).join('');
      expect(text.replace(/[.:]/g, ''), JSON.stringify(input)).toBe(kept);
      expect(normaliseText(input), JSON.stringify(input)).toBe(text); // the text-only normaliser agrees
    }
  });
});

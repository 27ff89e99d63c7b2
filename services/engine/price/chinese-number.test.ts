import { describe, expect, it } from 'vitest';
import { foldText, parseNumberAt } from './chinese-number.js';

describe('parseNumberAt', () => {
  it.each([
    ['九十九', 99],
    ['一百零五', 105],
    ['三千二百五', 3250],
    ['一百二', 120],
    ['一千五', 1500],
    ['两万八', 28000],
    ['两万八千', 28000],
    ['两千五万', 25_000_000],
    ['十五万', 150_000],
    ['十万八千', 108_000],
    ['一千零五十', 1050],
    ['一亿两千万', 120_000_000],
    ['九十九点九', 99.9],
    ['八点五', 8.5],
    ['一点五万', 15_000],
    ['十', 10],
    ['十九', 19],
    ['兩萬', 20_000],
    ['５９', 59],
    ['99.9', 99.9],
    ['1,299', 1299],
    ['3w', 30_000],
    ['3k', 3000],
    ['2.5万', 25_000],
    ['1万2', 12_000],
    ['3千5', 3500],
  ])('%s = %s', (text, value) => {
    expect(parseNumberAt(text, 0)).toEqual({ value, end: text.length, digitString: false });
  });

  it.each([
    ['一九九', 199],
    ['幺九九', 199],
    ['三九九', 399],
    ['一零八', 108],
  ])('digit string %s = %s', (text, value) => expect(parseNumberAt(text, 0)).toEqual({ value, end: text.length, digitString: true }));

  it('stops where the number stops', () => {
    expect(parseNumberAt('五百八一克', 0)).toEqual({ value: 580, end: 3, digitString: false }); // elided digit, then 一克
    expect(parseNumberAt('三十九二十本', 0)).toEqual({ value: 39, end: 3, digitString: false });
    expect(parseNumberAt('十九块九', 0)).toEqual({ value: 19, end: 2, digitString: false });
    expect(parseNumberAt('八点开播', 0)).toEqual({ value: 8, end: 1, digitString: false });
    expect(parseNumberAt('3kg', 0)).toEqual({ value: 3, end: 1, digitString: false });
    expect(parseNumberAt('1,2', 0)).toEqual({ value: 1, end: 1, digitString: false });
  });

  it('reads from any index', () => expect(parseNumberAt('到手价一百二', 3)).toEqual({ value: 120, end: 6, digitString: false }));

  it('null when no number starts there', () => {
    expect(parseNumberAt('百', 0)).toBeNull();
    expect(parseNumberAt('万一', 0)).toBeNull();
    expect(parseNumberAt('价', 0)).toBeNull();
    expect(parseNumberAt('一', 1)).toBeNull();
  });
});

describe('foldText', () => {
  it('keeps the length and folds full width, case and price characters', () => {
    const raw = '到手價 ５９ 元ＲＭＢ￥';
    const folded = foldText(raw);
    expect(folded).toHaveLength(raw.length);
    expect(folded).toBe('到手价 59 元rmb¥');
  });

  it('is idempotent (callers may fold before parsing)', () => {
    const raw = '原價２９９，今天只要１５９塊！ＶＸ①㈠';
    expect(foldText(foldText(raw))).toBe(foldText(raw));
  });
});

/**
 * Number grammar for spoken prices (catalogue §2.2), on raw ASR text.
 *
 * Folding is per UTF-16 code unit and never changes the length, so an index into the folded text
 * is an index into the original: full-width ASCII → ASCII, ideographic space → space, ASCII lower
 * case, NFKC for other single characters when it gives one character (￥ → ¥), and a small
 * traditional → simplified table for the characters the price grammar and its markers use.
 *
 * `parseNumberAt` reads, in order of precedence:
 *   - digit strings: two or more plain digits with no multiplier, concatenated (一九九 = 199,
 *     幺九九 = 199); the caller decides whether the context makes them a price;
 *   - Arabic numbers (1,299 / 99.9), usable as the digit before a multiplier (3千, 2.5万, 3w, 3k);
 *   - Chinese numbers with 十 百 千 万 亿, with 零 as a gap marker (一百零五 = 105);
 *   - elision: one digit right after 百/千/万/亿 with no multiplier after it is one order lower
 *     (一百二 = 120, 一千五 = 1500, 两万八 = 28000, 两千五万 = 25 000 000);
 *   - 点 decimals (九十九点九 = 99.9, 一点五万 = 15000).
 * Money sub-units (块/毛/角/分) are the caller's business, not this file's.
 */

import { scratchUnits, unitsToString } from '../normalise/code-units.js';

export type NumberAt = { value: number; end: number; digitString: boolean };

/** Traditional → simplified for the characters price phrases use (pairs: traditional, simplified). */
const T2S_PAIRS =
  '兩两萬万億亿點点塊块錢钱圓圆價价後后現现專专櫃柜門门場场賣卖網网劃划線线時时單单個个歲岁號号鐘钟滿满減减' +
  '須需僅仅會会員员領领補补貼贴舊旧換换還还幾几頭头數数優优郵邮鏈链碼码剛刚別别邊边買买對对層层張张條条雙双' +
  '這这們们議议殺杀國国疊叠週周種种顆颗臺台樓楼';
const T2S = new Map<number, number>();
for (let k = 0; k + 1 < T2S_PAIRS.length; k += 2) T2S.set(T2S_PAIRS.charCodeAt(k), T2S_PAIRS.charCodeAt(k + 1));

/** CJK Unified Ideographs (and extension A): each folds to itself or to its simplified form. */
const CJK_FIRST = 0x3400;
const CJK_LAST = 0x9fff;
const CJK_FOLD = new Uint16Array(CJK_LAST - CJK_FIRST + 1);
for (let c = CJK_FIRST; c <= CJK_LAST; c++) CJK_FOLD[c - CJK_FIRST] = T2S.get(c) ?? c;

/** Folds one UTF-16 code unit (see the file comment); never returns more than one unit. */
function computeFold(c: number): number {
  if (c < 0x80) return c >= 0x41 && c <= 0x5a ? c + 0x20 : c;
  if (c >= CJK_FIRST && c <= CJK_LAST) return CJK_FOLD[c - CJK_FIRST]!;
  if (c >= 0xff01 && c <= 0xff5e) {
    const a = c - 0xfee0;
    return a >= 0x41 && a <= 0x5a ? a + 0x20 : a;
  }
  if (c === 0x3000) return 0x20;
  const simplified = T2S.get(c);
  if (simplified !== undefined) return simplified;
  // CJK punctuation and surrogate halves are already in NFKC form (or not foldable alone).
  if ((c >= 0x3001 && c <= 0x303f) || (c >= 0xd800 && c <= 0xdfff)) return c;
  const nf = String.fromCharCode(c).normalize('NFKC');
  if (nf.length !== 1) return c;
  const out = nf.charCodeAt(0);
  return out >= 0x41 && out <= 0x5a ? out + 0x20 : out;
}

/** computeFold per code unit, filled on first use (0 = not yet; only U+0000 folds to 0). */
const FOLD = new Uint16Array(0x10000);

/** Folds one UTF-16 code unit (see the file comment); never returns more than one unit. */
export function foldChar(c: number): number {
  const f = FOLD[c]!;
  if (f !== 0 || c === 0) return f;
  return (FOLD[c] = computeFold(c));
}

function foldUncached(s: string): string {
  let i = 0;
  while (i < s.length && foldChar(s.charCodeAt(i)) === s.charCodeAt(i)) i++;
  if (i === s.length) return s; // already folded: no copy
  const codes = scratchUnits(s.length);
  for (let k = 0; k < s.length; k++) codes[k] = k < i ? s.charCodeAt(k) : foldChar(s.charCodeAt(k));
  return unitsToString(codes, s.length);
}

// Several price rules fold the same segment (and the one before it) in turn: a small memo of
// a pure function, most recent first.
const MEMO = 4;
const memoIn: string[] = new Array<string>(MEMO).fill('');
const memoOut: string[] = new Array<string>(MEMO).fill('');
let memoNext = 0;

/** The folded text, same length as `s`. */
export function foldText(s: string): string {
  for (let k = 0; k < MEMO; k++) if (memoIn[k] === s) return memoOut[k]!;
  const out = foldUncached(s);
  memoIn[memoNext] = s;
  memoOut[memoNext] = out;
  memoNext = (memoNext + 1) % MEMO;
  return out;
}

/** Chinese digit values. 两/俩/仨 count as digits but never inside a digit string. */
const DIGIT_VALUE: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 幺: 1, 二: 2, 两: 2, 俩: 2, 三: 3, 仨: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const STRING_DIGITS = '零〇一幺二三四五六七八九';
const MULTIPLIER: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000, 万: 10_000, 亿: 100_000_000 };

export const isAsciiDigit = (ch: string): boolean => ch.length === 1 && ch >= '0' && ch <= '9';

// The number grammar reads UTF-16 code units (folded), not one-character strings: no string is
// built or hashed per character.
/** Digit value per code unit, -1 if none. */
const DIGIT_OF = new Int8Array(0x10000).fill(-1);
for (const [ch, v] of Object.entries(DIGIT_VALUE)) DIGIT_OF[ch.charCodeAt(0)] = v;
/** 1 for the digits of a digit string (一九九). */
const STRING_DIGIT = new Uint8Array(0x10000);
for (const ch of STRING_DIGITS) STRING_DIGIT[ch.charCodeAt(0)] = 1;
const MULTIPLIER_CODES = new Map(Object.entries(MULTIPLIER).map(([ch, m]) => [ch.charCodeAt(0), m]));
const DIAN = '点'.charCodeAt(0);

/** The folded code unit at `i`, or -1 past either end. */
const codeAt = (s: string, i: number): number => (i >= 0 && i < s.length ? foldChar(s.charCodeAt(i)) : -1);
/** An ASCII digit, by code unit. */
export const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;
const isLetterCode = (c: number): boolean => c >= 97 && c <= 122;
const isStringDigitCode = (c: number): boolean => c >= 0 && STRING_DIGIT[c] === 1;

export const isChineseDigit = (ch: string): boolean => ch.length === 1 && DIGIT_OF[ch.charCodeAt(0)]! >= 0;
/** isChineseDigit by code unit. */
export const isChineseDigitCode = (c: number): boolean => DIGIT_OF[c]! >= 0;
/** DIGIT_VALUE of a one-character string (undefined for anything else). */
export function digitValue(ch: string | undefined): number | undefined {
  if (ch === undefined || ch.length !== 1) return undefined;
  const d = DIGIT_OF[ch.charCodeAt(0)]!;
  return d >= 0 ? d : undefined;
}
/** MULTIPLIER of a one-character string (undefined for anything else). */
export function multiplierOf(ch: string | undefined): number | undefined {
  return ch === undefined || ch.length !== 1 ? undefined : MULTIPLIER_CODES.get(ch.charCodeAt(0));
}

/** Multiplier at `i`: 十百千万亿, or w/k right after a digit when no Latin word goes on (3w, 3k, not 3kg). */
function multiplierAt(s: string, i: number): number | undefined {
  const c = codeAt(s, i);
  const m = MULTIPLIER_CODES.get(c);
  if (m !== undefined) return m;
  if ((c === 119 || c === 107) && !isLetterCode(codeAt(s, i + 1))) return c === 119 ? 10_000 : 1000; // w, k
  return undefined;
}

/** Arabic number with optional thousands separators (1,299) and decimals (99.9). */
function readArabic(s: string, i: number): { value: number; end: number; single: boolean } | null {
  let j = i;
  let txt = '';
  while (isDigitCode(codeAt(s, j))) txt += String.fromCharCode(codeAt(s, j++));
  if (txt === '') return null;
  const single = txt.length === 1;
  if (txt.length <= 3) {
    while (codeAt(s, j) === 44 && isDigitCode(codeAt(s, j + 1)) && isDigitCode(codeAt(s, j + 2)) && isDigitCode(codeAt(s, j + 3)) && !isDigitCode(codeAt(s, j + 4))) {
      txt += String.fromCharCode(codeAt(s, j + 1), codeAt(s, j + 2), codeAt(s, j + 3));
      j += 4;
    }
  }
  if (codeAt(s, j) === 46 && isDigitCode(codeAt(s, j + 1))) {
    txt += '.';
    j++;
    while (isDigitCode(codeAt(s, j))) txt += String.fromCharCode(codeAt(s, j++));
  }
  return { value: Number(txt), end: j, single: single && j === i + 1 };
}

/** Decimal digits after 点/'.' (Chinese or Arabic), as a fraction. */
function readFraction(s: string, i: number): { value: number; end: number } | null {
  let j = i;
  let digits = '';
  for (;;) {
    const c = codeAt(s, j);
    if (isDigitCode(c)) digits += String.fromCharCode(c);
    else if (isStringDigitCode(c)) digits += String(DIGIT_OF[c]);
    else break;
    j++;
  }
  return digits === '' ? null : { value: Number(`0.${digits}`), end: j };
}

const clean = (v: number): number => (Number.isInteger(v) ? v : Math.round(v * 1e6) / 1e6);

/** The number read from `start` to `end` (none if nothing was read). */
function numberEnding(start: number, value: number, end: number): NumberAt | null {
  return end === start ? null : { value: clean(value), end, digitString: false };
}

/**
 * Chinese / Arabic / mixed number at index `i` of `s` (一百二, 两万八, 九十九点九, 一九九, ５９):
 * its value and the index just after it, or null. `digitString` marks 一九九-style readings.
 */
export function parseNumberAt(s: string, i: number): NumberAt | null {
  if (isStringDigitCode(codeAt(s, i)) && isStringDigitCode(codeAt(s, i + 1))) {
    let j = i;
    let digits = '';
    while (isStringDigitCode(codeAt(s, j))) digits += String(DIGIT_OF[codeAt(s, j++)]);
    return { value: Number(digits), end: j, digitString: true };
  }

  let total = 0; // completed 万/亿 groups
  let section = 0; // value below the current 万 group
  let pending: number | null = null; // a digit waiting for its multiplier
  let lastMult = 0; // the multiplier just applied, for elision
  let sectionMult = Infinity; // multipliers inside a section must descend
  let groupMult = Infinity; // and so must 亿 > 万
  let afterZero = false; // 零 switches elision off (一百零五)
  let pos = i;

  while (pos < s.length) {
    const c = codeAt(s, pos);
    const elisionOpen = lastMult >= 100 && !afterZero && pending === null;
    if (isDigitCode(c)) {
      if (pending !== null) break;
      const a = readArabic(s, pos)!;
      if (elisionOpen && a.single && multiplierAt(s, a.end) === undefined) return numberEnding(i, total + section + (a.value * lastMult) / 10, a.end);
      pending = a.value;
      pos = a.end;
      continue;
    }
    const d = DIGIT_OF[c]!;
    if (d >= 0) {
      if (pending !== null) break;
      if (d === 0 && pos > i) {
        afterZero = true;
        lastMult = 0;
        pos++;
        continue;
      }
      if (elisionOpen && multiplierAt(s, pos + 1) === undefined) return numberEnding(i, total + section + (d * lastMult) / 10, pos + 1);
      pending = d;
      pos++;
      continue;
    }
    const m = pos > i ? multiplierAt(s, pos) : MULTIPLIER_CODES.get(c) === 10 ? 10 : undefined; // only 十 may open a number
    if (m === undefined) {
      if (c === DIAN && (pending !== null || section > 0 || total > 0)) {
        const frac = readFraction(s, pos + 1);
        if (frac === null) break;
        const base = total + section + (pending ?? 0) + frac.value;
        // 一点五万: a trailing multiplier scales a bare decimal
        const tail = total === 0 && section === 0 ? multiplierAt(s, frac.end) : undefined;
        if (tail !== undefined && tail >= 1000) return { value: clean(base * tail), end: frac.end + 1, digitString: false };
        return { value: clean(base), end: frac.end, digitString: false };
      }
      break;
    }
    if (m < 10_000) {
      if (m >= sectionMult) break;
      if (pending === null && !(m === 10 && pos === i)) break; // 百/千 need a digit; 十 may open (十九)
      section += (pending ?? 1) * m;
      pending = null;
      lastMult = m;
      sectionMult = m;
      afterZero = false;
      pos++;
      continue;
    }
    if (m >= groupMult) break;
    // 两千五万 = 2500万: a digit after 百/千 before 万 is elided too
    const tailDigit = pending === null ? 0 : lastMult >= 100 && !afterZero ? (pending * lastMult) / 10 : pending;
    const group = section + tailDigit;
    if (group === 0 && total === 0) break;
    total = m === 100_000_000 ? (total + group) * m : total + group * m;
    section = 0;
    pending = null;
    lastMult = m;
    sectionMult = Infinity;
    groupMult = m;
    afterZero = false;
    pos++;
  }
  return numberEnding(i, total + section + (pending ?? 0), pos);
}

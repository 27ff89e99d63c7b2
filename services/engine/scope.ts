/**
 * The scope detector (catalogue §2.5): a lexical match is not a claim when it is negated,
 * when the speaker is quoting a regulation, or when the term is mentioned rather than used.
 * Works on the original text, clause by clause.
 */

/** The clause breaks 。！？；，,!?;\n\r, by UTF-16 code unit (a table lookup instead of a regex per character). */
export function isBreak(c: number): boolean {
  switch (c) {
    case 0x3002: // 。
    case 0xff01: // ！
    case 0xff1f: // ？
    case 0xff1b: // ；
    case 0xff0c: // ，
    case 0x2c: // ,
    case 0x21: // !
    case 0x3f: // ?
    case 0x3b: // ;
    case 0x0a: // \n
    case 0x0d: // \r
      return true;
    default:
      return false;
  }
}

export type ScopeOptions = {
  negation: boolean;
  regulation: boolean;
  mention: boolean;
};

export type ScopeVerdict = null | 'negated' | 'quoting-regulation' | 'mention' | 'answered-no';

const NEGATORS = ['不', '没有', '没', '别', '并非', '谁敢', '不敢', '不能', '不是', '未'];
const REGULATION = ['广告法', '规定', '不让说', '不能说', '不能讲', '平台不让', '法律', '违禁词', '极限词', '敏感词'];
const MENTION_AFTER = ['这种词', '这些词', '这类词', '这样的话', '这几个词', '这个词', '之类的词', '等词'];
/** Someone else's words read out: 有宝宝说我是AI — the claim is theirs, not the anchor's. */
const REPORTED_BEFORE = ['有人说', '有人跟你说', '有人跟你们说', '有人告诉你', '有宝宝说', '有观众说', '有粉丝说', '弹幕说', '评论说', '网友说', '有人问', '有宝宝问', '有观众问', '弹幕问', '评论区问', '有人在问'];
/** A question about the claim… */
const QUESTION = ['能不能', '可不可以', '会不会', '是不是', '有没有', '能否', '吗'];
/** …answered no in a following clause of the same utterance. */
const ANSWER_NO = /^(?:我说清楚|说清楚|明确告诉大家|我告诉你们|实话说|坦白讲)?[，,\s]*(?:不能|不可以|不会|不是|没有|不行)/;
const QUOTES_OPEN = '“‘「『"\'';
const QUOTES_CLOSE = '”’」』"\'';
const NEGATION_WINDOW = 6;
/** After a verb: it cannot be done (治不了, 治不好). */
const POTENTIAL_NEGATIVES = ['不了', '不好'];
/** …unless the phrase goes on to a refund or a dare: 治不好全额退款, 治不好你来找我 is a guarantee. */
const IF_NOT_THEN = ['退', '赔', '找我'];
/** Words that contain a negator without negating anything (未来, 不错, 不少 …). */
const NOT_NEGATIONS = ['未来', '不少', '不错', '不仅', '不断', '不管', '不停', '不光', '不止', '不久', '不但', '不一样', '不同', '没错', '别的', '别人', '别家', '特别', '差不多', '了不起', '不得了'];

/**
 * A word list indexed by first UTF-16 code unit: `containsAny(text, set)` answers
 * `words.some((w) => text.includes(w))` with one table lookup per character of `text`.
 */
type WordSet = { bit: number; byFirst: Map<number, string[]> };
const FIRST = new Uint8Array(0x10000);
let nextBit = 1;

function wordSet(words: readonly string[]): WordSet {
  const bit = nextBit;
  nextBit <<= 1;
  const byFirst = new Map<number, string[]>();
  for (const w of words) {
    const c = w.charCodeAt(0);
    FIRST[c] = FIRST[c]! | bit;
    const list = byFirst.get(c);
    if (list === undefined) byFirst.set(c, [w]);
    else list.push(w);
  }
  return { bit, byFirst };
}

function containsAny(text: string, set: WordSet): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((FIRST[c]! & set.bit) === 0) continue;
    for (const w of set.byFirst.get(c)!) if (text.startsWith(w, i)) return true;
  }
  return false;
}

const REGULATION_SET = wordSet(REGULATION);
const MENTION_AFTER_SET = wordSet(MENTION_AFTER);
const REPORTED_BEFORE_SET = wordSet(REPORTED_BEFORE);
const NEGATORS_SET = wordSet(NEGATORS);
const QUESTION_SET = wordSet(QUESTION);
const NOT_NEGATIONS_SET = wordSet(NOT_NEGATIONS);

const isSpaceCode = (c: number): boolean => c === 0x20 || c === 0x3000 || c === 0x09;

/**
 * Unpunctuated ASR output separates phrases with spaces ("看不到的 加V 备注老粉"). A run of
 * spaces at [a, b) is a phrase break when at least two non-space characters come before it and
 * the characters on both sides are not ASCII: letters spaced out to evade ("全 网 最 低") or a
 * Latin name ("Louis Vuitton") are not broken.
 */
function isPhraseBreak(text: string, a: number, b: number): boolean {
  if (a < 2 || b >= text.length) return false;
  const before = text.charCodeAt(a - 1);
  const after = text.charCodeAt(b);
  return before >= 0x80 && after >= 0x80 && !isSpaceCode(text.charCodeAt(a - 2));
}

/** The start of the last phrase break (a space run) in [from, to) of `text`, and its end; null if none. */
export function lastPhraseBreak(text: string, from: number, to: number): [number, number] | null {
  for (let b = to; b > from; b--) {
    if (!isSpaceCode(text.charCodeAt(b - 1))) continue;
    let a = b - 1;
    while (a > from && isSpaceCode(text.charCodeAt(a - 1))) a--;
    let end = b;
    while (end < text.length && isSpaceCode(text.charCodeAt(end))) end++;
    if (isPhraseBreak(text, a, end)) return [a, end];
    b = a;
  }
  return null;
}

/** The first phrase break in [from, to) of `text` (start and end of its space run); null if none. */
function firstPhraseBreak(text: string, from: number, to: number): [number, number] | null {
  for (let a = from; a < to; a++) {
    if (!isSpaceCode(text.charCodeAt(a))) continue;
    let b = a + 1;
    while (b < text.length && isSpaceCode(text.charCodeAt(b))) b++;
    if (isPhraseBreak(text, a, b)) return [a, b];
    a = b;
  }
  return null;
}

/** The phrases of [cs, ce) of `text` (cut at phrase breaks), as [start, end) pairs. */
export function phrasesOf(text: string, cs: number, ce: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let s = cs;
  for (let cut = firstPhraseBreak(text, s, ce); cut !== null; cut = firstPhraseBreak(text, s, ce)) {
    out.push([s, cut[0]]);
    s = cut[1];
  }
  out.push([s, ce]);
  return out;
}

/** The phrase around [start, end) inside its clause [cs, ce): the clause cut at phrase breaks. */
export function phraseAround(text: string, start: number, end: number, cs: number, ce: number): [number, number] {
  const before = lastPhraseBreak(text, cs, start);
  const after = firstPhraseBreak(text, end, ce);
  return [before === null ? cs : before[1], after === null ? ce : after[0]];
}

/** [start, end) of the clause containing position `at` of `text`. */
export function clauseAt(text: string, at: number): [number, number] {
  let s = at;
  while (s > 0 && !isBreak(text.charCodeAt(s - 1))) s--;
  let e = at;
  while (e < text.length && !isBreak(text.charCodeAt(e))) e++;
  return [s, e];
}

function previousClause(text: string, clauseStart: number): string {
  if (clauseStart === 0) return '';
  const [s, e] = clauseAt(text, clauseStart - 1); // the break char itself ends the previous clause
  return text.slice(s, e);
}

function insideQuotes(text: string, start: number, end: number): boolean {
  const open = text.lastIndexOf('“', start) > text.lastIndexOf('”', start) || text.lastIndexOf('「', start) > text.lastIndexOf('」', start);
  if (open) return true;
  // ASCII quotes: an odd count before the match, and one after it.
  for (const q of ['"']) {
    let n = 0;
    for (let i = 0; i < start; i++) if (text[i] === q) n++;
    if (n % 2 === 1 && text.indexOf(q, end) !== -1) return true;
  }
  const before = text[start - 1];
  const after = text[end];
  return before !== undefined && after !== undefined && QUOTES_OPEN.includes(before) && QUOTES_CLOSE.includes(after);
}

/** Whether one of the next two clauses after `clauseEnd` opens with a no (不能, 不是, 没有 …). */
function answeredNo(text: string, clauseEnd: number): boolean {
  let at = clauseEnd;
  for (let i = 0; i < 2 && at < text.length; i++) {
    const [s, e] = clauseAt(text, at + 1);
    const clause = text.slice(s, e).trim();
    if (ANSWER_NO.test(clause)) return true;
    if (!/^(?:我说清楚|说清楚|我告诉你们|实话说|坦白讲)$/.test(clause)) return false;
    at = e;
  }
  return false;
}

/** Whether `before` (the text just before a match) holds a negator, words like 不错/未来 aside. */
function isNegated(window: string): boolean {
  let before = window;
  // None of them in the window: the replacements below would change nothing.
  if (containsAny(before, NOT_NEGATIONS_SET)) for (const w of NOT_NEGATIONS) if (before.includes(w)) before = before.split(w).join('　');
  return containsAny(before, NEGATORS_SET);
}

function endsWithNegator(phrase: string): boolean {
  return NEGATORS.some((n) => phrase.endsWith(n)) && isNegated(phrase.slice(-4));
}

/** Decides whether the match at original span [start, end) is out of scope, and why. */
export function checkScope(text: string, start: number, end: number, opts: ScopeOptions): ScopeVerdict {
  const [cs, ce] = clauseAt(text, start);
  const clause = text.slice(cs, ce);
  if (opts.regulation) {
    if (containsAny(clause, REGULATION_SET) || containsAny(previousClause(text, cs), REGULATION_SET)) return 'quoting-regulation';
  }
  if (opts.mention) {
    const after = text.slice(end, ce);
    if (containsAny(after, MENTION_AFTER_SET) || insideQuotes(text, start, end)) return 'mention';
  }
  if (opts.mention) {
    // Someone else's words: a marker in this phrase, or ending the phrase before it ("有宝宝说
    // 全网最低"). In unpunctuated speech the anchor's own answer comes in a later phrase
    // ("有人问是不是机器人 不是哈 我是真人").
    const cut = lastPhraseBreak(text, cs, start);
    if (containsAny(text.slice(cut === null ? cs : cut[1], start), REPORTED_BEFORE_SET)) return 'mention';
    if (cut !== null) {
      const previous = text.slice(cs, cut[0]);
      if (REPORTED_BEFORE.some((w) => previous.endsWith(w))) return 'mention';
    }
  }
  if (opts.negation) {
    const from = Math.max(cs, start - NEGATION_WINDOW);
    // A negator in an earlier phrase negates only when it ends that phrase ("不是 全网最低"),
    // not inside it ("评论区看不到的 加V").
    const cut = lastPhraseBreak(text, from, start);
    if (cut !== null && endsWithNegator(text.slice(from, cut[0]))) return 'negated';
    if (isNegated(text.slice(cut === null ? from : cut[1], start))) return 'negated';
    // The potential negative right after a verb: 治不了失眠, 瘦不了 (cannot cure, cannot slim).
    if (POTENTIAL_NEGATIVES.some((w) => text.startsWith(w, end))) {
      const [, pe] = phraseAround(text, start, end, cs, ce);
      const rest = text.slice(end, pe);
      if (!IF_NOT_THEN.some((w) => rest.includes(w))) return 'negated';
    }
    if (containsAny(clause, QUESTION_SET) && answeredNo(text, ce)) return 'answered-no';
  }
  return null;
}

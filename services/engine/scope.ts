/**
 * The scope detector (catalogue §2.5): a lexical match is not a claim when it is negated,
 * when the speaker is quoting a regulation, or when the term is mentioned rather than used.
 * Works on the original text, clause by clause.
 */

const CLAUSE_BREAK = /[。！？；，,!?;\n\r]/;

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
const REPORTED_BEFORE = ['有人说', '有宝宝说', '有观众说', '有粉丝说', '弹幕说', '评论说', '网友说', '有人问', '有宝宝问', '有观众问', '弹幕问', '评论区问', '有人在问'];
/** A question about the claim… */
const QUESTION = ['能不能', '可不可以', '会不会', '是不是', '有没有', '能否', '吗'];
/** …answered no in a following clause of the same utterance. */
const ANSWER_NO = /^(?:我说清楚|说清楚|明确告诉大家|我告诉你们|实话说|坦白讲)?[，,\s]*(?:不能|不可以|不会|不是|没有|不行)/;
const QUOTES_OPEN = '“‘「『"\'';
const QUOTES_CLOSE = '”’」』"\'';
const NEGATION_WINDOW = 6;
/** Words that contain a negator without negating anything (未来, 不错, 不少 …). */
const NOT_NEGATIONS = ['未来', '不少', '不错', '不仅', '不断', '不管', '不停', '不光', '不止', '不久', '不但', '不一样', '不同', '没错', '别的', '别人', '别家', '特别', '差不多', '了不起', '不得了'];

/** [start, end) of the clause containing position `at` of `text`. */
export function clauseAt(text: string, at: number): [number, number] {
  let s = at;
  while (s > 0 && !CLAUSE_BREAK.test(text[s - 1]!)) s--;
  let e = at;
  while (e < text.length && !CLAUSE_BREAK.test(text[e]!)) e++;
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

/** Decides whether the match at original span [start, end) is out of scope, and why. */
export function checkScope(text: string, start: number, end: number, opts: ScopeOptions): ScopeVerdict {
  const [cs, ce] = clauseAt(text, start);
  const clause = text.slice(cs, ce);
  if (opts.regulation) {
    const prev = previousClause(text, cs);
    if (REGULATION.some((w) => clause.includes(w) || prev.includes(w))) return 'quoting-regulation';
  }
  if (opts.mention) {
    const after = text.slice(end, ce);
    if (MENTION_AFTER.some((w) => after.includes(w)) || insideQuotes(text, start, end)) return 'mention';
  }
  if (opts.mention) {
    const before = text.slice(cs, start);
    if (REPORTED_BEFORE.some((w) => before.includes(w))) return 'mention';
  }
  if (opts.negation) {
    let before = text.slice(Math.max(cs, start - NEGATION_WINDOW), start);
    for (const w of NOT_NEGATIONS) if (before.includes(w)) before = before.split(w).join('　');
    if (NEGATORS.some((w) => before.includes(w))) return 'negated';
    if (QUESTION.some((w) => clause.includes(w)) && answeredNo(text, ce)) return 'answered-no';
  }
  return null;
}

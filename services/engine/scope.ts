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

export type ScopeVerdict = null | 'negated' | 'quoting-regulation' | 'mention';

const NEGATORS = ['不', '没有', '没', '别', '并非', '谁敢', '不敢', '不能', '不是', '未'];
const REGULATION = ['广告法', '规定', '不让说', '不能说', '不能讲', '平台不让', '法律', '违禁词', '极限词', '敏感词'];
const MENTION_AFTER = ['这种词', '这些词', '这类词', '这样的话', '这几个词', '这个词', '之类的词', '等词'];
const QUOTES_OPEN = '“‘「『"\'';
const QUOTES_CLOSE = '”’」』"\'';
const NEGATION_WINDOW = 6;

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
  if (opts.negation) {
    const before = text.slice(Math.max(cs, start - NEGATION_WINDOW), start);
    if (NEGATORS.some((w) => before.includes(w))) return 'negated';
  }
  return null;
}

import { describe, expect, it } from 'vitest';
import { checkScope, clauseAt, phraseAround, type ScopeOptions, type ScopeVerdict } from './scope.js';

const ALL: ScopeOptions = { negation: true, regulation: true, mention: true };

/** The verdict for the first occurrence of `term` in `text`. */
function verdict(text: string, term: string, opts: ScopeOptions = ALL): ScopeVerdict {
  const start = text.indexOf(term);
  if (start === -1) throw new Error(`${term} not in ${text}`);
  return checkScope(text, start, start + term.length, opts);
}

describe('clauseAt', () => {
  it.each(['。', '！', '？', '；', '，', ',', '!', '?', ';', '\n', '\r'])('splits on %j', (brk) => {
    const text = `前面的话${brk}全网最低${brk}后面的话`;
    const at = text.indexOf('全网最低');
    expect(clauseAt(text, at)).toEqual([at, at + 4]);
    expect(text.slice(...clauseAt(text, at + 2))).toBe('全网最低');
  });

  it('does not split on 、, spaces or quotes', () => {
    const text = '国家级、最高级 “最佳”这些词';
    expect(clauseAt(text, 5)).toEqual([0, text.length]);
  });

  it('the whole text is one clause when there is no break', () => {
    expect(clauseAt('这是全网最低价', 3)).toEqual([0, 7]);
  });

  it('the first and the last clause', () => {
    const text = '第一句，第二句。第三句';
    expect(clauseAt(text, 0)).toEqual([0, 3]);
    expect(clauseAt(text, 2)).toEqual([0, 3]);
    expect(clauseAt(text, 4)).toEqual([4, 7]);
    expect(clauseAt(text, 9)).toEqual([8, 11]);
  });
});

describe('checkScope: a plain claim', () => {
  it.each([
    ['这是全网最低价', '全网最低'],
    ['家人们，这个真的是全网最低价，闭眼入', '全网最低'],
    ['国家级配方，最高级的工艺', '最高级'],
    ['不是我吹，这是全网最低', '全网最低'], // the negator is in another clause
    ['我们不卖贵的，全网最低价格', '全网最低'],
    ['广告法不让说，但是说实话，全网最低', '全网最低'], // regulation two clauses back
    ['不不不不不不不，我们真的是全网最低', '全网最低'],
    ['不好意思久等了宝宝们全网最低', '全网最低'], // 不 more than 6 characters before
  ])('%s → null', (text, term) => {
    expect(verdict(text, term)).toBeNull();
  });

  // Regression (found by these tests, fixed): insideQuotes() tests QUOTES_OPEN.includes(text[start - 1] ?? '') and the same for the character after the match; at the very start and end of the text that is '' and String.prototype.includes('') is true. So a match that spans the whole text (a short ASR segment that is just the claim, e.g. "全网第一") is taken as a quoted mention and suppressed.
  it.each([
    ['全网第一', '全网第一'],
    ['最好', '最好'],
  ])('a segment that is only the claim: %s → null', (text, term) => {
    expect(verdict(text, term)).toBeNull();
  });
});

describe('checkScope: negation', () => {
  it.each([
    ['我不敢说全网最低', '全网最低'],
    ['我们不是全网最低', '全网最低'],
    ['没有全网最低这回事', '全网最低'],
    ['谁敢说自己全网第一', '全网第一'],
    ['这并非全网最低', '全网最低'],
    ['别说全网最低', '全网最低'],
    ['这个不算最好', '最好'],
    ['我不敢说是全网最低，但是性价比真的高', '全网最低'],
  ])('%s → negated', (text, term) => {
    expect(verdict(text, term)).toBe('negated');
  });

  it('looks back at most 6 characters', () => {
    expect(verdict('不敢说123全网最低', '全网最低')).toBe('negated'); // 不 is 6 before
    expect(verdict('不敢说1234全网最低', '全网最低')).toBeNull(); // 7 before
  });

  it('does not look into the previous clause', () => {
    expect(verdict('不，全网最低', '全网最低')).toBeNull();
  });

  it('is skipped when the rule turns it off', () => {
    expect(verdict('我不敢说全网最低', '全网最低', { ...ALL, negation: false })).toBeNull();
  });
});

describe('checkScope: quoting a regulation', () => {
  it.each([
    ['广告法规定不能说最好', '最好'],
    ['平台不让说全网最低', '全网最低'],
    ['按照规定我们国家级这个不能用', '国家级'],
    ['法律上最佳不能随便用', '最佳'],
  ])('in the same clause: %s', (text, term) => {
    expect(verdict(text, term)).toBe('quoting-regulation');
  });

  it.each([
    ['广告法规定，不能说最好', '最好'],
    ['这是平台的规定。我们最好', '最好'],
    ['极限词我们不讲！最佳', '最佳'],
  ])('in the previous clause: %s', (text, term) => {
    expect(verdict(text, term)).toBe('quoting-regulation');
  });

  it('wins over negation and mention', () => {
    expect(verdict('广告法规定不能说国家级、最高级、最佳这些词，所以我们不说', '最佳')).toBe('quoting-regulation');
  });

  it('is skipped when the rule turns it off', () => {
    expect(verdict('广告法规定，不能说最好', '最好', { ...ALL, regulation: false })).toBe('negated');
    expect(verdict('广告法规定，不能说最好', '最好', { negation: false, regulation: false, mention: false })).toBeNull();
  });
});

describe('checkScope: mention, not use', () => {
  it.each([
    ['国家级、最高级、最佳这些词我们都不用', '最佳'],
    ['国家级、最高级、最佳这些词我们都不用', '国家级'], // 、 does not end the clause
    ['最好这种词主播不会说', '最好'],
    ['全网最低这样的话听听就好', '全网最低'],
    ['像顶级之类的词', '顶级'],
  ])('followed by 这些词/这种词/…: %s (%s)', (text, term) => {
    expect(verdict(text, term)).toBe('mention');
  });

  it.each([
    ['他说“最好”两个字', '最好'],
    ['所谓「顶级」其实是营销', '顶级'],
    ['他们说"全网最低"其实是假的', '全网最低'],
    ['‘最佳’两个字', '最佳'],
    ['看到“全网最低价，闭眼入”就要小心', '全网最低'], // inside an open curly quote
  ])('in quotes: %s', (text, term) => {
    expect(verdict(text, term)).toBe('mention');
  });

  it('a closed quote earlier in the text does not make a later term a mention', () => {
    expect(verdict('大家说“好看”，这款是全网最低价', '全网最低')).toBeNull();
    expect(verdict('大家说"好看"，这款是全网最低价', '全网最低')).toBeNull();
  });

  it('这些词 in a later clause does not count', () => {
    expect(verdict('这是全网最低价，不信你去搜这些词', '全网最低')).toBeNull();
  });

  it('is skipped when the rule turns it off', () => {
    expect(verdict('最好这种词主播不会说', '最好', { ...ALL, mention: false })).toBeNull();
  });
});

describe('checkScope: reported speech and questions answered no', () => {
  it.each([
    ['有宝宝说我是真人主播吗', '真人主播'],
    ['弹幕说这是高仿的，我们是正品', '高仿'],
    ['有人问是不是全网最低', '全网最低'],
  ])('someone else said it: %s', (text, term) => {
    expect(verdict(text, term)).toBe('mention');
  });

  it.each([
    ['好多宝宝问这个枕头治失眠吗，我说清楚，不能，它就是个枕头', '治失眠'],
    ['这个茶会不会降血压，不会的，就是普通的茶', '降血压'],
    ['是不是真的能祛斑？不是哈，只能淡化', '祛斑'],
  ])('a question answered no: %s', (text, term) => {
    expect(['answered-no', 'negated']).toContain(verdict(text, term));
  });

  it.each([
    ['这个茶喝了能降血压吗？能！', '降血压'],
    ['我可是真人主播哦', '真人主播'],
  ])('answered yes, or not a question: %s', (text, term) => {
    expect(verdict(text, term)).toBeNull();
  });
});

describe('checkScope: words that only look negated', () => {
  it.each([
    ['这个邮票未来三年翻三倍', '翻三倍'],
    ['效果不错真的全网最低', '全网最低'],
    ['好多人不光说全网最低', '全网最低'],
  ])('%s', (text, term) => {
    expect(verdict(text, term)).toBeNull();
  });
  it('a real negator next to one still negates', () => {
    expect(verdict('不错，但不是全网最低', '全网最低')).toBe('negated');
  });
});

describe('unpunctuated speech: phrases separated by spaces', () => {
  it('a negator inside an earlier phrase negates nothing after it', () => {
    expect(verdict('评论区看不到的 加V 备注老粉', '加V')).toBeNull();
    expect(verdict('看不到 加微信', '加微信')).toBeNull();
  });

  it('a negator that ends the phrase before, or sits in the same phrase, still negates', () => {
    expect(verdict('我们不是 全网最低', '全网最低')).toBe('negated');
    expect(verdict('我们不是全网最低', '全网最低')).toBe('negated');
    expect(verdict('这个不 加微信', '加微信')).toBe('negated');
  });

  it('a verb followed by its potential negative (治不了, 治不好) is negated', () => {
    const text = '咱实话实说 这个治不了失眠 它就是个枕头';
    const at = text.indexOf('治不了');
    expect(checkScope(text, at, at + 1, ALL)).toBe('negated');
    expect(verdict('这款枕头治不好失眠的', '治')).toBe('negated');
    expect(verdict('这款茶专治失眠', '治')).toBeNull();
    expect(verdict('这款茶治不好全额退款', '治')).toBeNull(); // a refund guarantee, not a denial
    expect(verdict('喝了治不好失眠你来找我 包退', '治')).toBeNull();
  });

  it('letters spaced out to evade are no phrase break', () => {
    expect(verdict('我们不是 全 网 最 低', '全 网 最 低')).toBe('negated');
    expect(verdict('不是 全 网 最 低', '全 网 最 低')).toBe('negated');
  });

  it("someone else's words: the marker's own phrase, or a phrase ending in the marker; the anchor's answer after it is theirs", () => {
    expect(verdict('有宝宝说 我们是全网最低', '全网最低')).toBe('mention');
    expect(verdict('有宝宝说我们是全网最低', '全网最低')).toBe('mention');
    expect(verdict('弹幕有人问是不是机器人 不是哈 我是真人', '我是真人')).toBeNull();
    expect(verdict('如果有人跟你说保证美白 那都是骗人的', '保证美白')).toBe('mention');
  });

  it('phraseAround cuts the clause at phrase breaks, never inside the match or between Latin words', () => {
    const text = '弹幕有人问是不是机器人 不是哈 我是真人 本人亲自在播';
    const at = text.indexOf('我是真人');
    const [cs, ce] = clauseAt(text, at);
    expect(text.slice(...phraseAround(text, at, at + 4, cs, ce))).toBe('我是真人');
    const spaced = '看不到的 加 V ❤ 备注老粉';
    const s = spaced.indexOf('加');
    expect(spaced.slice(...phraseAround(spaced, s, s + 3, 0, spaced.length))).toBe('加 V ❤ 备注老粉'); // single characters between spaces: no break
    const latin = '这是 Louis Vuitton 的包';
    const l = latin.indexOf('Louis');
    expect(phraseAround(latin, l, l + 5, 0, latin.length)).toEqual([0, latin.length]);
  });
});

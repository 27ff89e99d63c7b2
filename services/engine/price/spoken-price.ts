/**
 * Spoken price parser (catalogue §2.2): every price, discount, amount off, vague amount and count
 * in one transcript segment, in text order, with spans into the original text.
 *
 * How a segment is read:
 *   1. Fold (chinese-number.ts: full width, case, a few traditional characters; same length, so
 *      spans need no map). Split into clauses at 。，,!?;. and newlines: markers and conditions
 *      only act inside their clause.
 *   2. Find role markers (MARKERS, plus "比<comparand>便宜"), words that only look numeric
 *      (NOT_NUMBERS: 一起, 一等奖, 双十一 …) and the countdown chant (三二一上链接). Both are blanked
 *      out of the text the numbers are read from, so 一口价 is never 一口.
 *   3. Scan left to right. Prefixes first: 百分之X, 满X, 前X名, 第X件, No.X, ¥X/rmbX, 不到X, 几十/好几千,
 *      对折/半价/买X送Y, 一半. Then a number (parseNumberAt) and what follows it, in this order:
 *      多/几/出头/不到 (vague), 折 (ratio), % , 毛/角, a currency unit with 块-elision down to 分
 *      (十九块九, 九块九毛九), 分 (never money here: 三分钟 is a quantity, 十分好 nothing), a unit price
 *      (五百八一克 → 580 per 克), a measure word (quantity), else a bare number.
 *   4. A money number takes the role of the nearest marker in its clause (before or after it, per
 *      marker, within its distance; a money number in between blocks a marker). A marker about
 *      another item (刚刚那个, 外面, 正版 …) before it makes it an externalReference. No marker: 'amount'.
 *      A lone digit (一, 五, 3) is money only with a unit; a digit string (一九九) only with a marker
 *      within 8 before, right after, or a unit.
 *   5. 到手价八折 / 八折到手 with a card reference price adds final = ratio × reference.
 *   6. Conditions (满X, 两件, 第二件, 领券, 会员, 前X名, 补贴 …) go to the nearest price in the clause.
 */
import { digitValue, foldText, isAsciiDigit, isChineseDigit, isChineseDigitCode, isDigitCode, multiplierOf, parseNumberAt, type NumberAt } from './chinese-number.js';

export { parseNumberAt } from './chinese-number.js';

export type SpokenPriceKind = 'final' | 'reference' | 'externalReference' | 'discountRatio' | 'amountOff' | 'quantity' | 'vague' | 'amount';
export type SpokenPrice = {
  kind: SpokenPriceKind;
  /** Yuan for final/reference/externalReference/amountOff/amount; a count for quantity. */
  value?: number;
  /** discountRatio: price multiplier (八五折 → 0.85; 立减百分之十五 → 0.85). */
  ratio?: number;
  /** vague: [lo, hi) bounds in yuan (不到X → [0, X); X出头 → [X, 1.2X); 几十块 → [20,100); 两位数 → [10,100); 三百不到 → [0,300)); also 三百多 → [300, 400), 好几千 → [2000, 10000). */
  range?: [number, number];
  /** quantity: the measure word / unit that followed (单, 件, 个, 岁, 分钟, 秒, 天, 号, 克 …). amount with a per-unit price (五百八一克): 'per:克'. */
  unit?: string;
  /** Condition attached to this price (两件, 满三百, 补贴, 会员, 前100名, 领券 …), verbatim from the text. */
  conditionText?: string;
  /** discountRatio from "X折起": a lower bound for some items, not a firm claim. */
  lowerBound?: boolean;
  /** [start, end) in the input string (UTF-16 indices of the original text). */
  span: [number, number];
  /** The role marker that decided the kind (到手价, 原价, 不要 …), if any. */
  marker?: string;
};
export type ParseContext = { /** referencePrice(card) in yuan, for "到手价八折" → final = 0.8 × ref. */ referencePrice?: number };

// ---------------------------------------------------------------------------------------------
// Tables

type Role = 'final' | 'reference' | 'externalReference' | 'amountOff' | 'amount' | 'otherItem' | 'none';
/** Where the number sits: 'after' the marker (原价299), 'before' it (59包邮), or 'either'. */
type Place = 'after' | 'before' | 'either';

/** [marker, role, where the number sits, most characters between them]. 'none' only shields a word (优惠券 is no 优惠). */
const MARKERS: readonly (readonly [string, Role, Place, number])[] = [
  ['到手价', 'final', 'either', 8],
  ['到手', 'final', 'either', 8],
  ['券后', 'final', 'either', 8],
  ['只要', 'final', 'after', 8],
  ['只需', 'final', 'after', 8],
  ['仅需', 'final', 'after', 8],
  ['直接拍', 'final', 'after', 8],
  ['秒杀价', 'final', 'either', 8],
  ['福利价', 'final', 'either', 8],
  ['一口价', 'final', 'either', 8],
  ['会员价', 'final', 'either', 8],
  ['新人价', 'final', 'either', 8],
  ['拿走', 'final', 'before', 8],
  ['包邮', 'final', 'either', 8],
  ['今天', 'final', 'after', 8],
  ['现在', 'final', 'after', 8],
  ['现价', 'final', 'after', 8],
  ['原价', 'reference', 'after', 8],
  ['日常价', 'reference', 'after', 8],
  ['平时', 'reference', 'after', 8],
  ['平常', 'reference', 'after', 8],
  ['之前卖', 'reference', 'after', 8],
  ['以前', 'reference', 'after', 8],
  ['划线价', 'reference', 'after', 8],
  ['不要', 'reference', 'after', 1], // 不要一百九十九, 也不要一百五 (not 不要犹豫九十九)
  ['专柜价', 'externalReference', 'after', 8],
  ['官网价', 'externalReference', 'after', 8],
  ['市场价', 'externalReference', 'after', 8],
  ['外面卖', 'externalReference', 'after', 8],
  ['门店价', 'externalReference', 'after', 8],
  ['吊牌价', 'externalReference', 'after', 8],
  ['建议零售价', 'externalReference', 'after', 8],
  ['正版要', 'externalReference', 'after', 8],
  // about another item (catalogue §1.3): whatever role the number has, it is not this item's price
  ['刚刚那个', 'otherItem', 'after', 12],
  ['刚才那个', 'otherItem', 'after', 12],
  ['上一个', 'otherItem', 'after', 12],
  ['上一款', 'otherItem', 'after', 12],
  ['隔壁', 'otherItem', 'after', 12],
  ['外面', 'otherItem', 'after', 12],
  ['别家', 'otherItem', 'after', 12],
  ['别人家', 'otherItem', 'after', 12],
  ['专柜', 'otherItem', 'after', 12],
  ['正版', 'otherItem', 'after', 12],
  ['直降', 'amountOff', 'after', 3],
  ['立减', 'amountOff', 'after', 3],
  ['立省', 'amountOff', 'after', 3],
  ['便宜', 'amountOff', 'after', 3],
  ['优惠', 'amountOff', 'after', 3],
  ['降价', 'amountOff', 'after', 3],
  ['减', 'amountOff', 'after', 1],
  ['省', 'amountOff', 'after', 1],
  ['价值', 'amount', 'after', 2], // gift value: 送价值二百九十九的…
  ['运费险', 'amount', 'after', 2], // a fee is no price of the item: 不包邮哈 运费八块
  ['运费', 'amount', 'after', 2],
  ['邮费', 'amount', 'after', 2],
  ['快递费', 'amount', 'after', 2],
  ['安装费', 'amount', 'after', 2],
  ['优惠券', 'none', 'after', 0],
  ['减肥', 'none', 'after', 0],
  ['减脂', 'none', 'after', 0],
  ['省钱', 'none', 'after', 0],
  ['不要钱', 'none', 'after', 0],
];
/** Between an other-item marker and the number, these switch back to this item (外面都是假的，我们这个…). */
const BACK_TO_THIS_ITEM = ['我们', '咱们', '我家', '咱家', '这个', '这款'] as const;
/** "比X便宜": X names our own past (an amountOff claim); any other comparand is another channel (externalReference). */
const OWN_PAST_COMPARANDS = ['昨天', '前天', '平时', '平常', '之前', '以前', '上次', '原价', '日常', '去年', '上周', '上个月', '刚才', '双十一', '双11', '618'] as const;
const COMPARATIVE_RE = /比([^,。!?;\n]{1,6}?)(?:还|都|更|要)?便宜/g;

/** Words that contain a numeral but are not numbers. A leading 一/万 directly after a numeral is left alone (两万一, 一百一下单). */
const NOT_NUMBERS = [
  '一等奖', '一等', '一起', '一下', '一样', '一定', '一直', '一些', '一般', '一切', '一边', '一旦', '一律', '一致', '一向', '一模一样',
  '一流', '一线', '一比一', '一对一', '一手', '一会儿', '一会', '一眼', '一键', '一块儿', '一点点', '万一', '双十一', '双十二',
  '双11', '双12', '百分百', '百分之百', '十全十美', '一五一十', '乱七八糟', '七七八八', '四面八方', '五花八门', '千千万万', '万无一失',
  '三心二意', '一心一意', '九九八十一', '统一', '唯一', '之一',
] as const;
/** The countdown chant: never a price. */
/** Words the chant ends in: a quick gate before CHANT_RE. */
const CHANT_ENDS = ['上链接', '上车', '开抢', '开拍'] as const;
const CHANT_RE = /(?:三|3)[\s、,.!]{0,3}(?:二|2)[\s、,.!]{0,3}(?:一|1)[\s、,.!]{0,3}(?:上链接|上车|开抢|开拍)/g;

const CONDITION_WORDS = ['以旧换新', '开会员', '会员', '新人', '领券', '用券', '叠券', '优惠券', '店铺券', '定金', '尾款', '国补', '补贴', '券后'] as const;

const CURRENCY_UNITS = ['块钱', '块', '元', '圆', '米', 'rmb', '¥'] as const;
const QUANTITY_UNITS = [
  '号链接', '件套', '分钟', '毫升', '公斤', '千克', '小时', '厘米', '毫米', '平米', '个月', '单', '件', '个', '套', '号', '色', '码', '岁', '秒',
  '天', '人', '名', '克', '斤', 'ml', 'kg', 'g', '度', '口', '年', '月', '日', '次', '遍', '倍', '位', '本', '条', '包', '盒', '瓶', '支', '双',
  '张', '台', '箱', '袋', '只', '片', '粒', '颗', '罐', '桶', '款', '种', '份', '杯', '周', '楼', '层', '期', '点',
] as const;
/** "<price>一克 / 每克 / /克": a unit price. */
const PER_UNITS = ['千克', '公斤', '毫升', '克', '斤', 'kg', 'g', 'ml', '个', '件', '瓶', '盒', '支', '片', '粒', '只', '袋', '包', '箱', '罐', '套', '双', '条', '张', '份', '杯'] as const;
/** Counts after 前 that make a condition (前100名, 前五十单). */
const FIRST_N_UNITS = ['名', '单', '位', '个', '件', '人'] as const;
/** "X件" is a purchase condition when bought that way (拍两件, 两件起, 两件到手), not when counted (只剩三件). */
const PIECES_BEFORE = ['任选', '下单', '拍', '买', '选', '凑'] as const;
const PIECES_AFTER = ['一起', '合计', '总共', '打包', '直接', '起', '才', '共', '就'] as const;
const STOCK_WORDS = ['剩', '还有', '最后', '库存'] as const;
/** What "第X件" gets, as the average ratio over the pieces bought. */
const SECOND_PIECE_DEALS: readonly (readonly [string, number])[] = [['半价', 0.75], ['不要钱', 0.5], ['免费', 0.5], ['0元', 0.5], ['零元', 0.5]];
/** Characters before 前 that make it a word, not "the first N" (目前九十九). */
const NOT_FIRST_N = '目当提眼之以从先';
const CLAUSE_BREAKS = '。,!?;\n\r';

/** Quick reject: a segment with none of these has no number. */
/** The code units of a numeral (Arabic, full width, Chinese, 半, 几); 对折 is checked apart. */
const NUMERAL_UNIT = new Uint8Array(0x10000);
for (const ch of '0123456789０１２３４５６７８９零〇一二两兩三四五六七八九十百千万萬亿億幺俩仨半几幾') NUMERAL_UNIT[ch.charCodeAt(0)] = 1;
const DUI = [0x5bf9, 0x5c0d]; // 对 對
const ZHE = 0x6298; // 折

/** Whether `text` holds a numeral or 对折 at all (a table lookup per code unit). */
function hasNumeralUnit(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (NUMERAL_UNIT[c] === 1) return true;
    if (c === ZHE && i > 0 && DUI.includes(text.charCodeAt(i - 1))) return true;
  }
  return false;
}

const byLengthDesc = (words: readonly string[]): string[] => [...words].sort((a, b) => b.length - a.length);
const alternation = (words: readonly string[]): RegExp => new RegExp(byLengthDesc(words).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
const MARKER_RE = alternation(MARKERS.map(([w]) => w));
const MARKER_SPEC = new Map(MARKERS.map(([w, role, place, maxGap]) => [w, { role, place, maxGap }]));
const NOT_NUMBER_RE = alternation(NOT_NUMBERS);
const CONDITION_RE = alternation(CONDITION_WORDS);

// ---------------------------------------------------------------------------------------------
// Parser

type Occurrence = { start: number; end: number; text: string; role: Role; place: Place; maxGap: number; clause: number };
type Span = { start: number; end: number };
type Candidate = Span & {
  type: 'money' | 'vague' | 'ratio' | 'fixed';
  value?: number;
  range?: [number, number];
  ratio?: number;
  unit?: string;
  lowerBound?: boolean;
  /** a bare digit string (一九九): a price only in price context */
  needsContext?: boolean;
  fixedKind?: SpokenPriceKind;
  marker?: string;
  conditions?: string[];
};
type Condition = Span & { text: string; clause: number };
type Item = SpokenPrice & { clause: number; conditions: string[] };

/** How far before a number a marker can start: the longest marker (比…还便宜, 10) plus the largest gap (12). */
const REACH = 24;

/** Index of the first span starting at or after `pos`, in an array sorted by start. */
function lowerBound(xs: readonly Span[], pos: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const round2 = (x: number): number => Math.round(x * 100 + 1e-6) / 100;
const round4 = (x: number): number => Math.round(x * 10_000 + 1e-6) / 10_000;
const isAsciiLetter = (ch: string | undefined): boolean => ch !== undefined && ch >= 'a' && ch <= 'z';
const isNumeral = (ch: string | undefined): boolean =>
  ch !== undefined && (isAsciiDigit(ch) || isChineseDigit(ch) || multiplierOf(ch) !== undefined);

/** The smallest place that carries a non-zero digit (300 → 100, 120 → 10): the width of "X多". */
function placeOf(x: number): number {
  if (!Number.isInteger(x) || x < 10) return 1;
  let p = 1;
  while (x % (p * 10) === 0) p *= 10;
  return p;
}

/** One of CLAUSE_BREAKS. */
function isClauseBreak(c: number): boolean {
  switch (c) {
    case 0x3002: // 。
    case 44: // ,
    case 33: // !
    case 63: // ?
    case 59: // ;
    case 10:
    case 13:
      return true;
    default:
      return false;
  }
}

/** Clause number per character; separators get -1. A comma inside 1,299 is no separator. */
/** clauseIds' buffer: the ids live only while one parse runs (parses never nest). */
let clauseScratch = new Int32Array(256);

function clauseIds(f: string): Int32Array {
  if (clauseScratch.length < f.length) clauseScratch = new Int32Array(Math.max(f.length, clauseScratch.length * 2));
  const ids = clauseScratch;
  let id = 0;
  for (let i = 0; i < f.length; i++) {
    const c = f.charCodeAt(i);
    const isBreak = isClauseBreak(c);
    if (!isBreak && c !== 46) {
      ids[i] = id;
      continue;
    }
    const digitsAround = i > 0 && isDigitCode(f.charCodeAt(i - 1)) && isDigitCode(f.charCodeAt(i + 1));
    if ((isBreak && !(c === 44 && digitsAround)) || (c === 46 && !digitsAround)) {
      ids[i] = -1;
      id++;
    } else ids[i] = id;
  }
  return ids;
}

function findMarkers(f: string, clause: Int32Array): Occurrence[] {
  const out: Occurrence[] = [];
  if (f.includes('便宜')) {
    COMPARATIVE_RE.lastIndex = 0;
    for (let m = COMPARATIVE_RE.exec(f); m !== null; m = COMPARATIVE_RE.exec(f)) {
      const comparand = m[1] ?? '';
      const role: Role = OWN_PAST_COMPARANDS.some((w) => comparand.includes(w)) ? 'amountOff' : 'externalReference';
      out.push({ start: m.index, end: m.index + m[0].length, text: m[0], role, place: 'after', maxGap: 3, clause: clause[m.index]! });
    }
  }
  const comparatives = out.length;
  MARKER_RE.lastIndex = 0;
  for (let m = MARKER_RE.exec(f); m !== null; m = MARKER_RE.exec(f)) {
    const start = m.index;
    const end = start + m[0].length;
    let overlaps = false;
    for (let k = 0; k < comparatives; k++) if (start < out[k]!.end && out[k]!.start < end) overlaps = true;
    if (overlaps) continue;
    const spec = MARKER_SPEC.get(m[0])!;
    out.push({ start, end, text: m[0], role: spec.role, place: spec.place, maxGap: spec.maxGap, clause: clause[start]! });
  }
  return comparatives > 0 ? out.sort((a, b) => a.start - b.start) : out;
}

/** Spans of words that only look numeric, and of the countdown chant. */
function findNonNumbers(f: string, out: Span[]): void {
  NOT_NUMBER_RE.lastIndex = 0;
  for (let m = NOT_NUMBER_RE.exec(f); m !== null; m = NOT_NUMBER_RE.exec(f)) {
    const first = m[0][0];
    if ((first === '一' || first === '万') && isNumeral(f[m.index - 1])) continue;
    out.push({ start: m.index, end: m.index + m[0].length });
  }
  if (!CHANT_ENDS.some((w) => f.includes(w))) return;
  CHANT_RE.lastIndex = 0;
  for (let m = CHANT_RE.exec(f); m !== null; m = CHANT_RE.exec(f)) out.push({ start: m.index, end: m.index + m[0].length });
}

/** `f` with the given spans blanked to NUL (same length). */
function blank(f: string, spans: Span[]): string {
  if (spans.length === 0) return f;
  spans.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0; // f[0, at) is in `out`
  for (const s of spans) {
    if (s.end <= at) continue;
    const from = Math.max(s.start, at);
    out += f.slice(at, from) + '\0'.repeat(s.end - from);
    at = s.end;
  }
  return out + f.slice(at);
}

/** The state of one parse: the texts, and what has been found so far. */
type Parse = {
  /** the original text (conditions are quoted from it) */
  text: string;
  /** folded */
  f: string;
  /** folded, markers and non-numbers blanked to NUL: numbers are read from here */
  scan: string;
  clause: Int32Array;
  markers: Occurrence[];
  quantities: Item[];
  candidates: Candidate[];
  conditions: Condition[];
};

/** Words grouped by first character, each group in the list's order (longest first). */
type WordIndex = ReadonlyMap<string, readonly string[]>;
function wordIndex(words: readonly string[]): WordIndex {
  const by = new Map<string, string[]>();
  for (const w of byLengthDesc(words)) {
    const list = by.get(w[0]!);
    if (list === undefined) by.set(w[0]!, [w]);
    else list.push(w);
  }
  return by;
}
const CURRENCY_INDEX = wordIndex(CURRENCY_UNITS);
const QUANTITY_INDEX = wordIndex(QUANTITY_UNITS);
const PER_INDEX = wordIndex(PER_UNITS);
const FIRST_N_INDEX = wordIndex(FIRST_N_UNITS);
const FULL_UNIT_INDEX = wordIndex(['块钱', '元', '块', '件', '单', '个']);
const YUAN_INDEX = wordIndex(['块', '元']);
const OFF_ROLES: readonly Role[] = ['amountOff', 'externalReference'];

function skipSpaces(scan: string, i: number): number {
  while (scan[i] === ' ' || scan[i] === '\t') i++;
  return i;
}

/** The longest word of `index` at `i` (Latin words must end there: 5g, not 5gb). */
function wordAt(scan: string, i: number, index: WordIndex): string | undefined {
  const ch = scan[i];
  if (ch === undefined) return undefined;
  const words = index.get(ch);
  if (words === undefined) return undefined;
  for (const w of words) if (scan.startsWith(w, i) && !(isAsciiLetter(w[w.length - 1]) && isAsciiLetter(scan[i + w.length]))) return w;
  return undefined;
}

/** A single digit at `i` that does not start a longer number. */
function digitAt(scan: string, i: number): number | undefined {
  const ch = scan[i];
  if (ch === undefined) return undefined;
  if (isAsciiDigit(ch)) return isAsciiDigit(scan[i + 1] ?? '') || scan[i + 1] === '.' ? undefined : Number(ch);
  return digitValue(ch);
}

function continuesNumber(scan: string, i: number): boolean {
  const ch = scan[i];
  return ch !== undefined && (multiplierOf(ch) !== undefined || ch === '点' || ch === '.');
}

/** "一克 / 每克 / /克" at `i`: the measure word, and where the pattern ends. */
function perUnitAt(scan: string, i: number): { unit: string; end: number } | undefined {
  const lead = scan[i];
  if (lead !== '一' && lead !== '每' && lead !== '1' && lead !== '/') return undefined;
  const unit = wordAt(scan, i + 1, PER_INDEX);
  return unit === undefined ? undefined : { unit, end: i + 1 + unit.length };
}

/** A marker of one of `roles` ending at most `maxGap` characters before `i`, in the same clause. */
function markerJustBefore(p: Parse, i: number, roles: readonly Role[], maxGap = 1): Occurrence | undefined {
  const markers = p.markers;
  let found: Occurrence | undefined;
  for (let k = lowerBound(markers, i - REACH); k < markers.length && markers[k]!.start < i; k++) {
    const m = markers[k]!;
    if (m.end <= i && i - m.end <= maxGap && roles.includes(m.role) && m.clause === p.clause[i]) found = m;
  }
  return found;
}

function pushQuantity(p: Parse, start: number, end: number, value: number, unit: string, range?: [number, number]): void {
  const q: Item = { kind: 'quantity', value, unit, span: [start, end], clause: p.clause[start]!, conditions: [] };
  if (range !== undefined) q.range = range;
  p.quantities.push(q);
}

/** A vague amount [lo, hi) whose words end at `k`; a currency unit may follow, or a measure word (a vague count). */
function pushVague(p: Parse, start: number, lo: number, hi: number, k: number): number {
  const j = skipSpaces(p.scan, k);
  const currency = wordAt(p.scan, j, CURRENCY_INDEX);
  if (currency !== undefined) k = j + currency.length;
  else {
    const unit = wordAt(p.scan, j, QUANTITY_INDEX);
    if (unit !== undefined) {
      pushQuantity(p, start, j + unit.length, lo, unit, [lo, hi]);
      return j + unit.length;
    }
  }
  p.candidates.push({ type: 'vague', start, end: k, range: [round2(lo), round2(hi)] });
  return k;
}

/** A vague [lo, hi) ending at `after`, scaled by a following 百/千/万 larger than x (三十多万). */
function scaledVague(p: Parse, start: number, x: number, lo: number, hi: number, after: number): number {
  const m = multiplierOf(p.scan[after]);
  return m !== undefined && m >= 100 && m > x ? pushVague(p, start, lo * m, hi * m, after + 1) : pushVague(p, start, lo, hi, after);
}

/** 多 / 几 / 出头 / 不到 after an amount X ending at `k` (after its unit, if any). */
function vagueTail(p: Parse, start: number, x: number, k: number): number | undefined {
  const scan = p.scan;
  const j = skipSpaces(scan, k);
  if (scan[j] === '多' && scan[j + 1] !== '少') return scaledVague(p, start, x, x, x + placeOf(x), j + 1);
  if (scan[j] === '几' && x >= 10 && x < 100 && x % 10 === 0) return scaledVague(p, start, x, x + 1, x + 10, j + 1);
  if (scan.startsWith('出头', j)) return pushVague(p, start, x, x * 1.2, j + 2);
  if (scan.startsWith('不到', j)) return pushVague(p, start, 0, x, j + 2);
  return undefined;
}

/** A money amount (in fen) whose words end at `k`: vague tails and a unit price may still follow. */
function pushMoney(p: Parse, start: number, fen: number, k: number): number {
  const value = fen / 100;
  const vague = vagueTail(p, start, value, k);
  if (vague !== undefined) return vague;
  const per = perUnitAt(p.scan, skipSpaces(p.scan, k));
  const c: Candidate = { type: 'money', start, end: per?.end ?? k, value };
  if (per !== undefined) c.unit = `per:${per.unit}`;
  p.candidates.push(c);
  return c.end;
}

/** After a currency unit: 块-elision (十九块九, 九块九毛九, 三块五毛, 一块半), down to 分, then 钱. */
function readSubUnits(scan: string, fen: number, k: number, unit: string): { fen: number; end: number } {
  if (unit === '块' || unit === '元' || unit === '圆' || unit === '米') {
    const d1 = digitAt(scan, k);
    const next = k + 1;
    // 十九块九 but not 十块八块, 九十九元三件
    if (d1 !== undefined && !continuesNumber(scan, next) && wordAt(scan, next, CURRENCY_INDEX) === undefined && wordAt(scan, next, QUANTITY_INDEX) === undefined) {
      if (scan[next] === '毛' || scan[next] === '角') {
        fen += d1 * 10;
        k = next + 1;
        const d2 = digitAt(scan, k);
        if (d2 !== undefined && !continuesNumber(scan, k + 1) && perUnitAt(scan, k) === undefined) {
          fen += d2;
          k++;
          if (scan[k] === '分') k++;
        }
      } else if (digitAt(scan, next) === undefined || perUnitAt(scan, next) !== undefined) {
        fen += d1 * 10;
        k = next;
      } else if (!continuesNumber(scan, next + 1) && digitAt(scan, next + 1) === undefined) {
        fen += d1 * 10 + digitAt(scan, next)!; // 九块九九
        k = next + 1;
        if (scan[k] === '分') k++;
      }
    } else if (scan[k] === '半') {
      fen += 50;
      k++;
    }
  }
  if (scan[k] === '钱') k++;
  return { fen, end: k };
}

/** What follows a number decides what it is. Returns the index to continue from. */
function classify(p: Parse, start: number, num: NumberAt): number {
  const { scan, f } = p;
  const x = num.value;
  const end = num.end;
  if (!Number.isFinite(x)) return end; // a 400-digit run is no price
  if (isAsciiDigit(scan[start]!) && isAsciiLetter(f[start - 1])) return end; // model names: iphone15, x3
  const j = skipSpaces(scan, end);
  const lone = end - start === 1; // 一, 五, 十, 3: too common to be a price without a unit

  const vague = vagueTail(p, start, x, end);
  if (vague !== undefined) return vague;

  if (scan[j] === '折') {
    const ratio = num.digitString || (isAsciiDigit(scan[start]!) && Number.isInteger(x) && x >= 10) ? x / 100 : x / 10;
    if (ratio <= 0 || ratio >= 1) return j + 1;
    const c: Candidate = { type: 'ratio', start, end: j + 1, ratio: round4(ratio) };
    if (scan[j + 1] === '起') {
      c.lowerBound = true;
      c.end++;
    }
    p.candidates.push(c);
    return c.end;
  }
  if (scan[j] === '%') {
    const off = markerJustBefore(p, start, OFF_ROLES);
    if (off !== undefined && x > 0 && x < 100) pushPercentOff(p, start, j + 1, x, off);
    return j + 1;
  }
  if (scan[j] === '毛' || scan[j] === '角') {
    let fen = Math.round(x * 10); // 五毛, 三毛五, 八毛八分
    let k = j + 1;
    const d2 = digitAt(scan, k);
    if (d2 !== undefined && !continuesNumber(scan, k + 1)) {
      fen += d2;
      k++;
      if (scan[k] === '分') k++;
    }
    if (scan[k] === '钱') k++;
    return pushMoney(p, start, fen, k);
  }
  const currency = wordAt(scan, j, CURRENCY_INDEX);
  if (currency !== undefined) {
    const afterUnit = j + currency.length;
    if (currency === '米' && (digitAt(scan, afterUnit) !== undefined || '长宽高深'.includes(scan[afterUnit] ?? '#'))) {
      pushQuantity(p, start, afterUnit, x, '米'); // 一米八, 两米长: a length
      return afterUnit;
    }
    const sub = readSubUnits(scan, Math.round(x * 100), afterUnit, currency);
    return pushMoney(p, start, sub.fen, sub.end);
  }
  if (scan[j] === '分' && !scan.startsWith('分钟', j)) return j + 1; // 三分 / 十分好 / 一分钱: not money
  const per = perUnitAt(scan, j);
  if (per !== undefined && !lone) return pushMoney(p, start, Math.round(x * 100), end);
  const unit = wordAt(scan, j, QUANTITY_INDEX);
  if (unit !== undefined) {
    pushQuantity(p, start, j + unit.length, x, unit);
    if (unit === '件' && x >= 2) piecesCondition(p, start, j + 1);
    return j + unit.length;
  }
  if (isAsciiLetter(scan[j])) return j; // 3d, 5s: part of a Latin word
  if (!lone) p.candidates.push({ type: 'money', start, end, value: x, needsContext: num.digitString });
  return end;
}

function pushPercentOff(p: Parse, start: number, end: number, pct: number, off: Occurrence): void {
  const kind: SpokenPriceKind = off.role === 'externalReference' ? 'externalReference' : 'discountRatio';
  p.candidates.push({ type: 'fixed', fixedKind: kind, start, end, ratio: round4(1 - pct / 100), marker: off.text });
}

/** 拍两件 / 两件起 / 两件到手: a purchase condition; 只剩三件 is a count. */
function piecesCondition(p: Parse, start: number, end: number): void {
  const { f, markers } = p;
  let before: string | undefined;
  for (const w of PIECES_BEFORE) if (before === undefined && start >= w.length && f.startsWith(w, start - w.length)) before = w;
  const afterAt = skipSpaces(p.scan, end);
  let after: string | undefined;
  for (const w of PIECES_AFTER) if (after === undefined && f.startsWith(w, afterAt)) after = w;
  const next = markers[lowerBound(markers, afterAt)];
  const finalNext = next !== undefined && next.start === afterAt && next.role === 'final';
  const lead = f.slice(Math.max(0, start - 4), start);
  const counted = STOCK_WORDS.some((w) => lead.includes(w));
  if ((before === undefined && after === undefined && !finalNext) || counted) return;
  const from = before === undefined ? start : start - before.length;
  const to = after === '起' ? afterAt + 1 : end;
  p.conditions.push({ start: from, end: to, text: p.text.slice(from, to), clause: p.clause[start]! });
}

/** Prefix patterns at `i`; returns where to continue, or undefined if none applies. */
/** First characters of every prefix pattern below: any other character is no prefix. */
const SHI = '十'.charCodeAt(0);
/** 1 for the code units a prefix form can start with (a table: read for every character). */
const PREFIX_FIRST = new Uint8Array(0x10000);
for (const c of '百满前第n¥r不几好对半买一') PREFIX_FIRST[c.charCodeAt(0)] = 1;

function prefixAt(p: Parse, i: number): number | undefined {
  if (PREFIX_FIRST[p.scan.charCodeAt(i)] === 0) return undefined;
  const { scan, f, text, clause, candidates, conditions } = p;
  const ch = scan[i]!;
  if (scan.startsWith('百分之', i)) {
    const num = parseNumberAt(scan, i + 3);
    if (num === null) return i + 3;
    const off = markerJustBefore(p, i, OFF_ROLES);
    if (off !== undefined && num.value > 0 && num.value < 100) pushPercentOff(p, i, num.end, num.value, off);
    return num.end; // a bare percentage (efficacy, share) is no price
  }
  if (ch === '满') {
    const num = parseNumberAt(scan, skipSpaces(scan, i + 1));
    if (num === null) return undefined;
    const unit = wordAt(scan, skipSpaces(scan, num.end), FULL_UNIT_INDEX);
    const end = unit === undefined ? num.end : skipSpaces(scan, num.end) + unit.length;
    conditions.push({ start: i, end, text: text.slice(i, end), clause: clause[i]! });
    return end;
  }
  if (ch === '前' && !NOT_FIRST_N.includes(f[i - 1] ?? '#')) {
    const num = parseNumberAt(scan, skipSpaces(scan, i + 1));
    if (num === null) return undefined;
    const unit = wordAt(scan, num.end, FIRST_N_INDEX);
    if (unit === undefined) return num.end; // an ordinal: no price
    const end = num.end + unit.length;
    conditions.push({ start: i, end, text: text.slice(i, end), clause: clause[i]! });
    return end;
  }
  if (ch === '第') {
    const num = parseNumberAt(scan, i + 1);
    if (num === null) return undefined;
    if (scan[num.end] !== '件') return num.end;
    const end = num.end + 1;
    const condition = text.slice(i, end);
    // averaged over the two pieces: 第二件半价 = 0.75, 第二件0元/免费/不要钱 = 0.5
    const deal = SECOND_PIECE_DEALS.find(([w]) => f.startsWith(w, end));
    if (deal !== undefined) {
      const [word, ratio] = deal;
      candidates.push({ type: 'fixed', fixedKind: 'discountRatio', start: i, end: end + word.length, ratio, conditions: [condition] });
      return end + word.length;
    }
    conditions.push({ start: i, end, text: condition, clause: clause[i]! });
    return end;
  }
  if (ch === 'n' && scan[i + 1] === 'o' && !isAsciiLetter(f[i - 1])) {
    const k = skipSpaces(scan, scan[i + 2] === '.' ? i + 3 : i + 2);
    const num = isAsciiDigit(scan[k] ?? '') ? parseNumberAt(scan, k) : null;
    return num === null ? undefined : num.end;
  }
  const currencyPrefix = ch === '¥' ? 1 : scan.startsWith('rmb', i) ? 3 : 0;
  if (currencyPrefix > 0) {
    const k = skipSpaces(scan, i + currencyPrefix);
    const num = parseNumberAt(scan, k);
    if (num === null || !Number.isFinite(num.value)) return num?.end ?? i + currencyPrefix;
    const after = wordAt(scan, skipSpaces(scan, num.end), CURRENCY_INDEX); // ¥99元
    const sub = readSubUnits(scan, Math.round(num.value * 100), after === undefined ? num.end : skipSpaces(scan, num.end) + after.length, after ?? '');
    return pushMoney(p, i, sub.fen, sub.end);
  }
  if (scan.startsWith('不到', i)) {
    const num = parseNumberAt(scan, skipSpaces(scan, i + 2));
    if (num === null) return undefined;
    return pushVague(p, i, 0, num.value, num.end);
  }
  if (ch === '几' || scan.startsWith('好几', i)) {
    const k = ch === '几' ? i + 1 : i + 2;
    const m = multiplierOf(scan[k]);
    if (m !== undefined && m < 100_000_000) {
      const wan = m < 10_000 && scan[k + 1] === '万' ? 10_000 : 1; // 几十万
      return pushVague(p, i, 2 * m * wan, 10 * m * wan, k + 1 + (wan > 1 ? 1 : 0));
    }
    if (wordAt(scan, k, YUAN_INDEX) !== undefined) return pushVague(p, i, 2, 10, k);
    return undefined;
  }
  if (scan.startsWith('对折', i) || scan.startsWith('半价', i)) {
    candidates.push({ type: 'ratio', start: i, end: i + 2, ratio: 0.5 });
    return i + 2;
  }
  if (ch === '买' && scan[i + 2] === '送') {
    const bought = digitAt(scan, i + 1);
    const free = digitAt(scan, i + 3);
    if (bought !== undefined && free !== undefined && bought > 0 && free > 0) {
      candidates.push({ type: 'ratio', start: i, end: i + 4, ratio: round4(bought / (bought + free)) });
      return i + 4;
    }
    return undefined;
  }
  if (scan.startsWith('一半', i)) {
    const off = markerJustBefore(p, i, OFF_ROLES);
    if (off !== undefined) {
      const kind: SpokenPriceKind = off.role === 'externalReference' ? 'externalReference' : 'discountRatio';
      candidates.push({ type: 'fixed', fixedKind: kind, start: i, end: i + 2, ratio: 0.5, marker: off.text });
    }
    return i + 2;
  }
  return undefined;
}

/** Number-led vague forms: 两位数, 三四百, 两三百, 七八十, 五六块. */
function vagueNumberAt(p: Parse, i: number): number | undefined {
  const scan = p.scan;
  const places = scan.startsWith('位数', i + 1) ? digitValue(scan[i]!) : undefined;
  if (places !== undefined && places >= 1) return pushVague(p, i, 10 ** (places - 1), 10 ** places, i + 3);
  const a = digitValue(scan[i]!);
  const b = digitValue(scan[i + 1]);
  if (a === undefined || b === undefined || a < 1 || b !== a + 1) return undefined;
  const m = multiplierOf(scan[i + 2]);
  if (m !== undefined && m <= 10_000) {
    const wan = m < 10_000 && scan[i + 3] === '万' ? 10_000 : 1;
    return pushVague(p, i, a * m * wan, (b + 1) * m * wan, i + 3 + (wan > 1 ? 1 : 0));
  }
  if (wordAt(scan, i + 2, YUAN_INDEX) !== undefined) return pushVague(p, i, a, b + 1, i + 2);
  return undefined;
}

/** Every spoken price in `text`, in text order. Pure; `ctx.referencePrice` only adds 到手价八折 finals. */
export function parseSpokenPrice(text: string, ctx: ParseContext = {}): SpokenPrice[] {
  if (!hasNumeralUnit(text)) return [];
  const f = foldText(text);
  const clause = clauseIds(f);
  const markers = findMarkers(f, clause);
  // Numbers are read from `scan`: markers and non-numbers blanked to NUL, so no number runs into them.
  const blanked: Span[] = [...markers];
  findNonNumbers(f, blanked);
  const scan = blank(f, blanked);
  const p: Parse = { text, f, scan, clause, markers, quantities: [], candidates: [], conditions: [] };

  for (let i = 0; i < scan.length; ) {
    // By code unit: indexing a string for a CJK character allocates a one-character string.
    const c = scan.charCodeAt(i);
    if (c === 0 || clause[i] === -1) {
      i++;
      continue;
    }
    const prefix = prefixAt(p, i);
    if (prefix !== undefined) {
      i = Math.max(prefix, i + 1);
      continue;
    }
    if (isDigitCode(c) || isChineseDigitCode(c) || c === SHI) {
      const vague = vagueNumberAt(p, i);
      if (vague !== undefined) {
        i = Math.max(vague, i + 1);
        continue;
      }
      const num = parseNumberAt(scan, i);
      if (num !== null) {
        i = Math.max(classify(p, i, num), i + 1);
        continue;
      }
    }
    i++;
  }

  return assemble(text, f, clause, markers, p.candidates, p.conditions, p.quantities, ctx);
}

/** Another money number between `from` and `to` takes the marker for itself. */
function blocked(priced: readonly Candidate[], from: number, to: number, self: Candidate): boolean {
  for (let k = lowerBound(priced, from); k < priced.length && priced[k]!.start < to; k++) if (priced[k] !== self && priced[k]!.end <= to) return true;
  return false;
}

/** Characters between a condition and a price (0 when they overlap). */
function gapTo(cond: Span, it: Item): number {
  return cond.end <= it.span[0] ? it.span[0] - cond.end : cond.start >= it.span[1] ? cond.start - it.span[1] : 0;
}

const CONDITIONAL = new Set<SpokenPriceKind>(['final', 'amount', 'amountOff', 'discountRatio', 'vague']);

/** Roles from markers, 到手价八折 finals, conditions; then text order. */
function assemble(
  text: string,
  f: string,
  clause: Int32Array,
  markers: Occurrence[],
  candidates: Candidate[],
  conditions: Condition[],
  quantities: Item[],
  ctx: ParseContext,
): SpokenPrice[] {
  const priced = candidates.filter((c) => c.type === 'money' || c.type === 'vague');
  const usedMarkers = new Set<Occurrence>();
  const items: Item[] = [...quantities];

  for (const c of candidates) {
    const id = clause[c.start]!;
    const base = { span: [c.start, c.end] as [number, number], clause: id, conditions: [...(c.conditions ?? [])] };
    if (c.type === 'fixed') {
      const item: Item = { kind: c.fixedKind!, ratio: c.ratio!, ...base };
      if (c.marker !== undefined) item.marker = c.marker;
      items.push(item);
      continue;
    }
    if (c.type === 'ratio') continue; // after the money numbers have taken their markers

    let best: { m: Occurrence; gap: number; after: boolean } | undefined;
    let other: Occurrence | undefined;
    for (let k = lowerBound(markers, c.start - REACH); k < markers.length && markers[k]!.start <= c.end + REACH; k++) {
      const m = markers[k]!;
      if (m.clause !== id || m.role === 'none') continue;
      const numberAfter = m.end <= c.start;
      const numberBefore = m.start >= c.end;
      if (m.role === 'otherItem') {
        if (numberAfter && c.start - m.end <= m.maxGap && !blocked(priced, m.end, c.start, c) && !BACK_TO_THIS_ITEM.some((w) => f.slice(m.end, c.start).includes(w))) other = m;
        continue;
      }
      let gap: number;
      if (numberAfter && m.place !== 'before') gap = c.start - m.end;
      else if (numberBefore && m.place !== 'after') gap = m.start - c.end;
      else continue;
      if (gap > m.maxGap || (numberAfter ? blocked(priced, m.end, c.start, c) : blocked(priced, c.end, m.start, c))) continue;
      if (best === undefined || gap < best.gap || (gap === best.gap && best.after === false && numberAfter)) best = { m, gap, after: numberAfter };
    }

    if (c.type === 'vague') {
      const item: Item = { kind: 'vague', range: c.range!, ...base };
      const marker = other?.text ?? best?.m.text;
      if (marker !== undefined) item.marker = marker;
      items.push(item);
      continue;
    }
    // 一九九 is a price only next to a marker: within 8 before it, or right after it
    if (c.needsContext && other === undefined && (best === undefined || (!best.after && best.gap > 1))) continue;
    let kind: SpokenPriceKind = 'amount';
    let marker: string | undefined;
    if (best !== undefined) {
      kind = best.m.role as SpokenPriceKind;
      marker = best.m.text;
      usedMarkers.add(best.m);
    }
    if (other !== undefined && kind !== 'amountOff') {
      if (kind !== 'externalReference') marker = other.text;
      kind = 'externalReference';
    }
    const item: Item = { kind, value: round2(c.value!), ...base };
    if (c.unit !== undefined) item.unit = c.unit;
    if (marker !== undefined) item.marker = marker;
    items.push(item);
  }

  // Ratios: 到手价八折 / 八折到手 is a final price of ratio × the card's reference price.
  for (const c of candidates) {
    if (c.type !== 'ratio') continue;
    const id = clause[c.start]!;
    const item: Item = { kind: 'discountRatio', ratio: c.ratio!, span: [c.start, c.end], clause: id, conditions: [] };
    if (c.lowerBound === true) item.lowerBound = true;
    items.push(item);
    if (c.lowerBound === true) continue;
    const m = markers.find(
      (o) => o.clause === id && (o.text === '到手价' || o.text === '到手') && !usedMarkers.has(o) && (o.end <= c.start ? c.start - o.end <= 1 : o.start >= c.end && o.start - c.end <= 1),
    );
    if (m === undefined) continue;
    item.marker = m.text;
    if (ctx.referencePrice !== undefined && ctx.referencePrice > 0) {
      const span: [number, number] = [Math.min(m.start, c.start), Math.max(m.end, c.end)];
      items.push({ kind: 'final', value: round2(c.ratio! * ctx.referencePrice), span, marker: m.text, clause: id, conditions: [] });
    }
  }

  // Conditions: to the nearest price in the clause (all of those at the same distance), never to a reference.
  if (items.length === 0) return [];
  CONDITION_RE.lastIndex = 0;
  for (let m = CONDITION_RE.exec(f); m !== null; m = CONDITION_RE.exec(f)) {
    conditions.push({ start: m.index, end: m.index + m[0].length, text: text.slice(m.index, m.index + m[0].length), clause: clause[m.index]! });
  }
  const byClause = new Map<number, Item[]>();
  for (const it of items) {
    if (!CONDITIONAL.has(it.kind)) continue;
    const list = byClause.get(it.clause);
    if (list === undefined) byClause.set(it.clause, [it]);
    else list.push(it);
  }
  for (const cond of conditions) {
    const targets = byClause.get(cond.clause) ?? [];
    if (targets.length === 0) continue;
    const nearest = targets.reduce((min, it) => Math.min(min, gapTo(cond, it)), Infinity);
    for (const it of targets) if (gapTo(cond, it) === nearest && !it.conditions.includes(cond.text)) it.conditions.push(cond.text);
  }

  if (items.length > 1) items.sort((a, b) => a.span[0] - b.span[0] || a.span[1] - b.span[1]);
  return items.map(({ clause: _clause, conditions: conds, ...price }) => (conds.length > 0 ? { ...price, conditionText: conds.join('、') } : price));
}

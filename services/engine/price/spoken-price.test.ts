import { describe, expect, it } from 'vitest';
import { parseSpokenPrice, type SpokenPrice } from './spoken-price.js';

/** One line per item: kind, amount (value, ratio or [lo,hi)), then unit, condition, marker-free. */
function brief(p: SpokenPrice): string {
  const amount = p.value ?? p.ratio ?? (p.range === undefined ? '' : `[${p.range[0]},${p.range[1]})`);
  const parts = [p.kind, String(amount)];
  if (p.unit !== undefined) parts.push(`unit=${p.unit}`);
  if (p.conditionText !== undefined) parts.push(`if=${p.conditionText}`);
  if (p.lowerBound === true) parts.push('lowerBound');
  return parts.join(' ');
}
const parse = (text: string, referencePrice?: number): string[] =>
  parseSpokenPrice(text, referencePrice === undefined ? {} : { referencePrice }).map(brief);
const MONEY = new Set(['final', 'reference', 'externalReference', 'amount', 'amountOff', 'discountRatio', 'vague']);
const money = (text: string): string[] => parseSpokenPrice(text).filter((p) => MONEY.has(p.kind)).map(brief);

describe('parseSpokenPrice: catalogue §2.2 test vectors', () => {
  it('九十九块九 → 99.9; the role comes from a marker (none here: amount)', () => {
    expect(parse('九十九块九')).toEqual(['amount 99.9']);
    expect(parse('到手价九十九块九')).toEqual(['final 99.9']);
  });

  it('到手价八折 (card original 299) → final 239.2', () => {
    expect(parse('到手价八折', 299)).toContain('final 239.2');
    expect(parseSpokenPrice('到手价八折', { referencePrice: 299 }).find((p) => p.kind === 'final')).toMatchObject({ value: 239.2, marker: '到手价', span: [0, 5] });
    expect(parse('到手价八折')).toEqual(['discountRatio 0.8']); // no card: the ratio only
  });

  it('一百二 → 120', () => expect(parse('一百二')).toEqual(['amount 120']));
  it('两万八 → 28000', () => expect(parse('两万八')).toEqual(['amount 28000']));
  it('十九块九 → 19.9', () => expect(parse('十九块九')).toEqual(['amount 19.9']));

  it('一九九 → 199, in price context only', () => {
    expect(parse('到手价一九九')).toEqual(['final 199']);
    expect(parse('一九九元')).toEqual(['amount 199']);
    expect(parse('幺九九包邮')).toEqual(['final 199']);
    expect(parse('一九九')).toEqual([]);
  });

  it('不要一百九十九米，只要九十九米 → reference 199, final 99', () => {
    expect(parse('不要一百九十九米，只要九十九米')).toEqual(['reference 199', 'final 99']);
  });

  it('八五折 → ratio 0.85', () => expect(parse('八五折')).toEqual(['discountRatio 0.85']));

  it('到手价 ５９ 元 → final 59 (full-width digits, ASR spaces; span in the original text)', () => {
    expect(parseSpokenPrice('到手价 ５９ 元')).toEqual([{ kind: 'final', value: 59, span: [4, 8], marker: '到手价' }]);
  });

  it('三号链接，九号色，两件套 → no prices', () => {
    expect(money('三号链接，九号色，两件套')).toEqual([]);
    expect(parse('三号链接，九号色，两件套')).toEqual(['quantity 3 unit=号链接', 'quantity 9 unit=号', 'quantity 2 unit=件套']);
  });

  it('九十九个宝宝在问 → quantity, not a price', () => expect(parse('九十九个宝宝在问')).toEqual(['quantity 99 unit=个']));

  it('两件到手九十八 → final 98, condition "两件"', () => {
    expect(money('两件到手九十八')).toEqual(['final 98 if=两件']);
  });

  it('满三百减五十 → amountOff 50, condition "满三百"', () => expect(money('满三百减五十')).toEqual(['amountOff 50 if=满三百']));

  it('三分钟 → not money', () => {
    expect(money('三分钟')).toEqual([]);
    expect(parse('三分钟')).toEqual(['quantity 3 unit=分钟']);
  });

  it('五十九包邮 → final 59', () => expect(parse('五十九包邮')).toEqual(['final 59']));
  it('直降两百 → amountOff 200', () => expect(parse('直降两百')).toEqual(['amountOff 200']));
  it('一千五 → 1500', () => expect(parse('一千五')).toEqual(['amount 1500']));
  it('三块五毛 → 3.5', () => expect(parse('三块五毛')).toEqual(['amount 3.5']));
  it('九块九毛九 → 9.99', () => expect(parse('九块九毛九')).toEqual(['amount 9.99']));
  it('六十四块五 → 64.5', () => expect(parse('六十四块五')).toEqual(['amount 64.5']));

  it('五百八一克 → unit price 580 per 克 (not 581)', () => {
    expect(parseSpokenPrice('五百八一克')).toEqual([{ kind: 'amount', value: 580, unit: 'per:克', span: [0, 5] }]);
  });

  it('三二一上链接 → no price', () => expect(parse('三二一上链接')).toEqual([]));
  it('不加一分钱 → no price', () => expect(parse('不加一分钱')).toEqual([]));

  it('一五九到手 → final 159 (marker after the number)', () => {
    expect(parseSpokenPrice('一五九到手')).toEqual([{ kind: 'final', value: 159, span: [0, 3], marker: '到手' }]);
  });

  it('补贴后立减百分之十五 → ratio 0.85, condition "补贴"', () => expect(parse('补贴后立减百分之十五')).toEqual(['discountRatio 0.85 if=补贴']));
});

describe('parseSpokenPrice: rule examples from the catalogue', () => {
  it('原价二百九十九，今天一百五十九', () => expect(parse('原价二百九十九，今天一百五十九')).toEqual(['reference 299', 'final 159']));

  it('我们直播间平时都卖三百九十九的，今天一百二十九', () => {
    expect(parse('我们直播间平时都卖三百九十九的，今天一百二十九')).toEqual(['reference 399', 'final 129']);
  });

  it('日常价一百五，今天八十九', () => expect(parse('日常价一百五，今天八十九')).toEqual(['reference 150', 'final 89']));

  it('刚刚那个锅是一百九十九，这个铲子十九块九: 199 is another item', () => {
    const out = parseSpokenPrice('刚刚那个锅是一百九十九，这个铲子十九块九');
    expect(out.map(brief)).toEqual(['externalReference 199', 'amount 19.9']);
    expect(out[0]!.marker).toBe('刚刚那个');
  });

  it('正版要三百多 → vague and external, never reference', () => {
    expect(parseSpokenPrice('正版要三百多')).toEqual([{ kind: 'vague', range: [300, 400], span: [3, 6], marker: '正版要' }]);
  });

  it('五折，一百二十九的五折，六十四块五', () => {
    expect(parse('五折，一百二十九的五折，六十四块五')).toEqual(['discountRatio 0.5', 'amount 129', 'discountRatio 0.5', 'amount 64.5']);
  });

  it('八折到手七十九块九 → ratio 0.8 and final 79.9 (到手 belongs to the number)', () => {
    expect(parse('八折到手七十九块九')).toEqual(['discountRatio 0.8', 'final 79.9']);
    expect(parse('八折到手七十九块九', 99.9)).toEqual(['discountRatio 0.8', 'final 79.9']);
  });

  it('最后十单了 → quantity 10 单', () => expect(parse('最后十单了')).toEqual(['quantity 10 unit=单']));
  it('我今年十四岁 → quantity 14 岁', () => expect(parse('我今年十四岁')).toEqual(['quantity 14 unit=岁']));
  it('倒计时五分钟 → quantity 5 分钟', () => expect(parse('倒计时五分钟')).toEqual(['quantity 5 unit=分钟']));
  it('今晚抽一等奖，现金十万块 → amount 100000 (一等奖 is no number)', () => expect(parse('今晚抽一等奖，现金十万块')).toEqual(['amount 100000']));
  it('价值六万八的摩托车 → amount 68000', () => expect(parseSpokenPrice('价值六万八的摩托车')).toEqual([{ kind: 'amount', value: 68000, span: [2, 5], marker: '价值' }]));
  it('送价值二百九十九的修护精华 → amount 299', () => expect(parse('送价值二百九十九的修护精华')).toEqual(['amount 299']));
  it('已经爆了三万单 → quantity 30000 单', () => expect(parse('已经爆了三万单')).toEqual(['quantity 30000 unit=单']));
  it('两万多 → vague [20000, 30000)', () => expect(parse('两万多')).toEqual(['vague [20000,30000)']));
  it('不要19.9米，只要9.9米', () => expect(parse('不要19.9米，只要9.9米')).toEqual(['reference 19.9', 'final 9.9']));
  it('¥99 → amount 99', () => expect(parse('¥99')).toEqual(['amount 99']));
  it('99块9 → 99.9', () => expect(parse('99块9')).toEqual(['amount 99.9']));
  it('3w → 30000', () => expect(parse('3w')).toEqual(['amount 30000']));
  it('到手六十九 → final 69', () => expect(parse('到手六十九')).toEqual(['final 69']));
  it('说错了，是六十九 → 69', () => expect(parse('说错了，是六十九')).toEqual(['amount 69']));
  it('今天不要一百九十九，也不要一百五十九，只要九十九: every 不要 is a reference', () => {
    expect(parse('今天不要一百九十九，也不要一百五十九，只要九十九')).toEqual(['reference 199', 'reference 159', 'final 99']);
  });
  it('两件到手九十八，单拍一件五十九: the condition stays in its clause', () => {
    expect(money('两件到手九十八，单拍一件五十九')).toEqual(['final 98 if=两件', 'amount 59']);
  });
  it('要先开会员才是四十九哈 / 前一百名才是九块九 / 领券后到手六十九: conditions', () => {
    expect(parse('要先开会员才是四十九哈')).toEqual(['amount 49 if=开会员']);
    expect(parse('前一百名才是九块九')).toEqual(['amount 9.9 if=前一百名']);
    expect(parse('领券后到手六十九')).toEqual(['final 69 if=领券']);
  });
  it('这一套正版要三百多，我们这个是影印版的，三十九二十本', () => {
    expect(money('这一套正版要三百多，我们这个是影印版的，三十九二十本')).toEqual(['vague [300,400)', 'amount 39']);
  });
  it('双十一都没这个价 → no number', () => expect(parse('双十一都没这个价')).toEqual([]));
});

describe('parseSpokenPrice: discounts and amounts off', () => {
  it.each([
    ['八折', 0.8],
    ['八点五折', 0.85],
    ['九五折', 0.95],
    ['打８.５折', 0.85],
    ['85折', 0.85],
    ['对折', 0.5],
    ['半价', 0.5],
    ['买一送一', 0.5],
    ['立减15%', 0.85],
    ['优惠百分之二十', 0.8],
    ['便宜一半', 0.5],
  ])('%s → ratio %s', (text, ratio) => expect(parse(text)).toEqual([`discountRatio ${ratio}`]));

  it('第二件半价 → 0.75 with condition 第二件', () => expect(parse('第二件半价')).toEqual(['discountRatio 0.75 if=第二件']));
  it('X折起 is a lower bound', () => expect(parse('五折起')).toEqual(['discountRatio 0.5 lowerBound']));
  it('打骨折 is hyperbole', () => expect(parse('打骨折')).toEqual([]));
  it('八折到手 with a card price adds the final', () => expect(parse('八折到手', 299)).toEqual(['discountRatio 0.8', 'final 239.2']));
  it('a bare percentage is no price', () => expect(parse('百分之三十的宝宝都回购了')).toEqual([]));
  it('comparisons with another channel are external', () => {
    expect(parse('比链接便宜二十')).toEqual(['externalReference 20']);
    expect(parse('比外面便宜一半')).toEqual(['externalReference 0.5']);
    expect(parse('比超市便宜')).toEqual([]);
  });
  it('a comparison with our own past is an amount off', () => expect(parse('比昨天便宜十块')).toEqual(['amountOff 10']));
  it('满300元减50 / 拍两件立减二十', () => {
    expect(money('满300元减50')).toEqual(['amountOff 50 if=满300元']);
    expect(money('拍两件立减二十')).toEqual(['amountOff 20 if=拍两件']);
  });
});

describe('parseSpokenPrice: vague amounts', () => {
  it.each([
    ['不到一百', '[0,100)'],
    ['三百不到', '[0,300)'],
    ['一百出头', '[100,120)'],
    ['几十块', '[20,100)'],
    ['两位数', '[10,100)'],
    ['三百多', '[300,400)'],
    ['好几千', '[2000,10000)'],
    ['三十多万', '[300000,400000)'],
    ['二十几块', '[21,30)'],
    ['三四百块', '[300,500)'],
  ])('%s → %s', (text, range) => expect(parse(text)).toEqual([`vague ${range}`]));
});

describe('parseSpokenPrice: what is not a price', () => {
  it.each([['第一'], ['No.1'], ['NO1'], ['千万不要错过'], ['一起来看看'], ['倒计时三、二、一，上链接！'], ['３２１上车'], ['十分好用'], ['x3手机'], ['家人们好']])(
    '%s → nothing',
    (text) => expect(parse(text)).toEqual([]),
  );

  it('不要 only marks a reference right before the number', () => expect(parse('不要犹豫九十九')).toEqual(['amount 99']));
  it('目前 is no 前X', () => expect(parse('目前九十九')).toEqual(['amount 99']));
  it('years and lengths are quantities', () => {
    expect(parse('二零二四年')).toEqual(['quantity 2024 unit=年']);
    expect(parse('一米八的床')).toEqual(['quantity 1 unit=米']);
  });
  it('a counted stock is no purchase condition', () => expect(money('只剩三件，九十九')).toEqual(['amount 99']));
  it('十块八块 is two amounts, not 10.8', () => expect(parse('十块八块')).toEqual(['amount 10', 'amount 8']));
  it('统一 / 唯一 / 之一 are words, not numbers: 到手价统一四十九 → final 49', () => {
    expect(parse('到手价统一四十九')).toEqual(['final 49']);
    expect(parse('唯一的缺点，九十九')).toEqual(['amount 99']);
    expect(parse('爆款之一，九十九')).toEqual(['amount 99']);
  });
});

describe('parseSpokenPrice: numbers and units', () => {
  it.each([
    ['三毛五', 0.35],
    ['五毛钱', 0.5],
    ['1万2', 12000],
    ['2.5万', 25000],
    ['一点五万', 15000],
    ['1,299元', 1299],
    ['rmb 99', 99],
    ['99rmb', 99],
    ['一百零五', 105],
    ['十万八千', 108000],
    ['两块五一斤', 2.5],
  ])('%s → %s', (text, value) => expect(parseSpokenPrice(text)[0]?.value).toBe(value));

  it('traditional characters', () => expect(parse('原價兩百，到手價九十九塊九')).toEqual(['reference 200', 'final 99.9']));
  it('外面卖X我们只要Y: a number between blocks the marker', () => expect(parse('外面卖三百九十九我们只要九十九')).toEqual(['externalReference 399', 'final 99']));
  it('spans point into the original text', () => {
    const text = '家人们，原价 ２９９，今天只要１５９元！';
    for (const p of parseSpokenPrice(text)) expect(text.slice(...p.span)).toMatch(/^[0-9０-９]+元?$/);
  });
  it('results are in text order', () => {
    const starts = parseSpokenPrice('原价二百九十九，八折，今天到手价一百五十九，拍两件再减二十').map((p) => p.span[0]);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });
  it('no numeral: nothing, quickly', () => expect(parseSpokenPrice('家人们今天这款真的很好用')).toEqual([]));
  it('a fee is an amount with its fee word, not the price a nearby 包邮 marks', () => {
    expect(parse('这个瑜伽垫不包邮哈 运费八块 结算的时候会加上')).toEqual(['amount 8']);
    expect(parseSpokenPrice('不包邮 邮费十块')[0]?.marker).toBe('邮费');
    expect(parse('五十九包邮')).toEqual(['final 59']);
  });
  it('long segments stay fast (no quadratic blow-up)', () => {
    const text = '原价二百九十九今天到手一百五十九包邮拍两件立减二十，'.repeat(400) + '1'.repeat(5000) + '三,'.repeat(3000);
    const t0 = performance.now();
    const out = parseSpokenPrice(text);
    expect(out.length).toBeGreaterThan(1000);
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});

/**
 * Deterministic generator of a realistic mixed stream of wire events (DESIGN.md "Input events")
 * for the engine benchmark: ≈70 % transcript, 20 % price, 8 % order, 2 % room, over thousands of
 * concurrently live rooms. Same (n, seed) → the same strings, byte for byte (mulberry32, no clock).
 *
 * How the stream is built:
 *   1. Rooms: n / 40 of them (at most 5,000), each a shop with a platform, a streamer, a brand,
 *      3–6 products from one or two categories and one live session on 2026-11-26 evening.
 *      Activity is skewed (a few busy rooms, many quiet ones).
 *   2. Per room, a script of event types drawn with the global mix. Orders early in the script
 *      are history (placed 1–9 days before the session, with their own sessionId: they feed the
 *      7-day lowest-price rule); the first room event opens the session.
 *   3. The scripts are interleaved uniformly at random (a shuffled list of room picks), like
 *      co-partitioned topics delivering many rooms at once; each room's events keep their order
 *      and their event time only moves forward.
 * Transcript text is colloquial selling speech assembled from phrase pools (after the demo
 * sessions in seeds/sessions), with the hard negatives the rules must stay silent on and ≈2 %
 * violations: half absolute terms, half the other transcript rules (counterfeit slang, luring
 * off the platform, disease and effect claims, prohibited goods, review inducement…), some evaded
 * with spaces, emoji, full-width or traditional characters.
 * Price cards: ≈15 % of products carry a struck price (划线价) well above what the room actually
 * sold them for in the week before. Digital-human anchors: some unlabelled, some whose label is
 * switched off mid-session.
 */

export type EventKind = 'transcript' | 'price' | 'order' | 'room';

/** Target share of each event type in the stream. */
export const MIX: Readonly<Record<EventKind, number>> = { transcript: 0.7, price: 0.2, order: 0.08, room: 0.02 };

export const MAX_ROOMS = 5_000;
const EVENTS_PER_ROOM = 40;
const H = 3_600_000;
const DAY = 24 * H;
const TZ_MS = 8 * H;
/** 2026-11-26T00:00:00+08:00 */
const SESSION_DAY = Date.UTC(2026, 10, 26) - TZ_MS;

// ───────────────────────────── PRNG ─────────────────────────────

export type Rng = {
  /** [0, 1) */
  next(): number;
  int(lo: number, hi: number): number; // inclusive
  pick<T>(xs: readonly T[]): T;
  chance(p: number): boolean;
  weighted<T>(xs: ReadonlyArray<readonly [T, number]>): T;
  gauss(): number;
};

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rng: Rng = {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (xs) => xs[Math.floor(next() * xs.length)]!,
    chance: (p) => next() < p,
    weighted: (xs) => {
      let total = 0;
      for (const [, w] of xs) total += w;
      let r = next() * total;
      for (const [x, w] of xs) if ((r -= w) < 0) return x;
      return xs[xs.length - 1]![0];
    },
    gauss: () => {
      const u = Math.max(next(), 1e-12);
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
  };
  return rng;
}

// ───────────────────────────── spoken numbers and prices ─────────────────────────────

const DIGITS = '零一二三四五六七八九';

/** 0 ≤ n < 100000 as spoken Mandarin; `liang` says 两 for a leading 2 before 百/千/万. */
export function cnNumber(n: number, liang = false): string {
  if (n < 10) return DIGITS[n]!;
  if (n < 20) return `十${n % 10 === 0 ? '' : DIGITS[n % 10]!}`;
  const units = ['万', '千', '百', '十', ''];
  const ds = String(n).padStart(5, '0').split('').map(Number);
  let out = '';
  let zero = false;
  let started = false;
  ds.forEach((d, i) => {
    if (d === 0) {
      if (started) zero = true;
      return;
    }
    if (zero) out += '零';
    zero = false;
    const digit = d === 2 && !started && liang && i < 3 ? '两' : DIGITS[d]!;
    out += digit + units[i]!;
    started = true;
  });
  return out;
}

/** A price as an anchor says it: 一百五十九, 二十九块九, 两百九十九块, 一百五. */
export function spokenPrice(yuan: number, rng: Rng): string {
  const whole = Math.floor(yuan);
  const jiao = Math.round((yuan - whole) * 10);
  const liang = rng.chance(0.5);
  if (jiao > 0) return `${cnNumber(whole, liang)}块${DIGITS[jiao]!}`;
  // colloquial: 一百五 for 150
  if (whole >= 110 && whole < 1000 && whole % 10 === 0 && whole % 100 !== 0 && rng.chance(0.4)) {
    return cnNumber(whole, liang).replace(/十$/, '');
  }
  return cnNumber(whole, liang) + rng.weighted([['', 6], ['块', 3], ['元', 1]] as const);
}

/** Retail-looking price near x: 29.9, 159, 1299. */
function retail(x: number): number {
  if (x < 50) return Math.max(1, Math.floor(x)) + 0.9;
  if (x < 1000) return Math.max(1, Math.round(x / 10)) * 10 - 1;
  return Math.round(x / 100) * 100 - 1;
}

// ───────────────────────────── catalogue ─────────────────────────────

type ProductSeed = { name: string; short: string; price: readonly [number, number]; talk: readonly string[] };
type CategorySeed = { key: string; products: readonly ProductSeed[] };

const CATEGORIES: readonly CategorySeed[] = [
  {
    key: 'cosmetic',
    products: [
      { name: '玻尿酸保湿精华液30ml', short: '精华', price: [129, 299], talk: ['质地是那种水水的很好推开', '挤两泵就够了，推开之后完全不黏', '敏感肌的宝宝第一次用先在耳后试一下', '熬夜之后用它皮肤第二天很润'] },
      { name: '氨基酸洁面乳120g', short: '洗面奶', price: [59, 99], talk: ['氨基酸的，洗完不紧绷，油皮干皮都能用', '一百二十克的大支，一支能用两三个月', '洗完脸摸一下滑滑的，不会假滑'] },
      { name: '补水保湿面膜10片装', short: '面膜', price: [59, 129], talk: ['一盒十片，补水的', '精华液给得很足，敷完还能抹脖子', '敷十五分钟就拿下来，别敷太久'] },
      { name: '清爽防晒乳SPF50+', short: '防晒', price: [69, 159], talk: ['成膜很快，不搓泥', '出门前十五分钟涂，户外记得补涂', '质地很轻薄，像乳液一样'] },
      { name: '修护保湿面霜50g', short: '面霜', price: [99, 259], talk: ['秋冬干皮的宝宝一定要囤', '晚上厚涂一层第二天脸很软', '没有香精，孕妈也可以用'] },
      { name: '丝绒雾面口红', short: '口红', price: [49, 129], talk: ['这个色号黄皮也很显白', '薄涂是日常色，厚涂就很有气场', '不拔干，一天下来嘴巴也不干'] },
    ],
  },
  {
    key: 'kitchen',
    products: [
      { name: '不粘炒锅28cm 象牙白/墨绿', short: '不粘锅', price: [119, 199], talk: ['来我现场给大家打个蛋看一下，不放油', '看到没有直接就滑起来了一点都不粘', '电磁炉燃气灶都能用，它是复合底', '二十八公分的，一家三四口炒菜完全够用'] },
      { name: '不锈钢削皮刀', short: '削皮刀', price: [12, 25], talk: ['土豆胡萝卜苹果都能削', '你看这一下下去，皮很薄，一点都不浪费', '手柄是防滑的，手湿的时候也握得住'] },
      { name: '厨房重油污清洁剂500ml', short: '清洁剂', price: [19, 39], talk: ['油烟机滤网灶台拿它喷一喷，放十分钟再擦', '这个是浓缩的，一比一兑水就行', '它是碱性的，用的时候记得戴手套'] },
      { name: '智能电饭煲4L', short: '电饭煲', price: [199, 499], talk: ['预约功能早上起来就有粥喝', '内胆是加厚的，煮饭受热很均匀', '四升的，五六个人吃都够'] },
      { name: '家用空气炸锅5L', short: '空气炸锅', price: [199, 399], talk: ['不用放油，鸡翅二十分钟就好', '可视窗口，随时看到里面熟没熟', '炸篮可以直接放洗碗机'] },
      { name: '316不锈钢保温杯500ml', short: '保温杯', price: [69, 159], talk: ['早上装的热水晚上还是烫的', '杯盖是一键弹开的，单手就能喝', '三一六的内胆，泡茶泡咖啡都可以'] },
    ],
  },
  {
    key: 'food',
    products: [
      { name: '每日坚果混合果仁30包', short: '坚果', price: [79, 149], talk: ['一天一包，办公室放一盒', '每一包都是独立小包装，不容易受潮', '孩子上学带一包当零食也挺好'] },
      { name: '手撕风干牛肉干500g', short: '牛肉干', price: [89, 169], talk: ['越嚼越香，一点都不塞牙', '有原味和香辣两个口味', '追剧的时候撕一条，停不下来'] },
      { name: '云南古树普洱茶饼357g', short: '普洱', price: [129, 399], talk: ['汤色红浓，喝起来很顺', '第一泡洗茶，第二泡开始喝', '放得越久越醇'] },
      { name: '农家土蜂蜜500g', short: '蜂蜜', price: [49, 99], talk: ['早上温水冲一杯', '冬天会结晶，结晶是正常的', '用温水冲，别用开水'] },
      { name: '柳州螺蛳粉5包装', short: '螺蛳粉', price: [39, 69], talk: ['酸笋给得很足，味道很正', '加个蛋加点青菜就是一顿', '煮的时候记得开窗哈'] },
    ],
  },
  {
    key: 'clothing',
    products: [
      { name: '加厚连帽羽绒服 90白鸭绒', short: '羽绒服', price: [299, 899], talk: ['九十的白鸭绒，充绒量很足', '帽子是可以拆的', '一米六五一百二十斤穿M码刚好'] },
      { name: '羊毛混纺围巾', short: '围巾', price: [99, 259], talk: ['摸起来很软，不扎脖子', '颜色有燕麦色和酒红色', '送妈妈送女朋友都合适'] },
      { name: '高腰直筒牛仔裤', short: '牛仔裤', price: [99, 199], talk: ['高腰的，显腿长', '有弹力，蹲下来也不勒', '偏小一码，建议拍大一码'] },
      { name: '纯棉床上四件套1.8m', short: '四件套', price: [159, 399], talk: ['全棉的，睡起来很亲肤', '一点八米的床都能用', '洗了不起球不掉色'] },
    ],
  },
  {
    key: 'electronics',
    products: [
      { name: '降噪蓝牙耳机', short: '耳机', price: [99, 399], talk: ['地铁上一开降噪就安静了', '充一次电能听七八个小时', '连手机一打开盒子就连上了'] },
      { name: '20000毫安快充充电宝', short: '充电宝', price: [69, 169], talk: ['两万毫安，手机能充四五次', '可以带上飞机的', '自带两根线，不用再带数据线'] },
      { name: '扫地机器人 扫拖一体', short: '扫地机', price: [999, 2499], talk: ['扫拖一体，上班前按一下回家地就干净了', '会自己回去充电', '手机上能看到清扫路线'] },
    ],
  },
  {
    key: 'healthFood',
    products: [
      { name: '深海鱼油软胶囊100粒', short: '鱼油', price: [99, 259], talk: ['一天两粒，饭后吃', '蓝帽子保健食品，包装上有批号', '软胶囊很小一颗，好吞'] },
      { name: '益生菌固体饮料20条', short: '益生菌', price: [99, 199], talk: ['一天一条，温水冲服', '别用太烫的水冲', '小朋友也可以喝'] },
      { name: '维生素C泡腾片', short: '维C泡腾片', price: [29, 69], talk: ['一片丢到水里就化开了', '橙子味的很好喝', '一天一片就够了'] },
    ],
  },
  {
    key: 'bags',
    products: [
      { name: '经典菱格链条单肩包 羊皮款', short: '链条包', price: [199, 499], talk: ['菱格的纹路车线都很工整', '链条背起来不勒肩', '容量的话手机口红粉饼钥匙都放得下'] },
      { name: '大容量通勤托特包', short: '托特包', price: [129, 399], talk: ['笔记本电脑都能放进去', '肩带是加宽的，背久了肩膀也不累', '黑色跟棕色两个颜色'] },
      { name: '原创百搭帆布包', short: '帆布包', price: [39, 89], talk: ['学生党背很合适，书和水杯都能装', '帆布的可以手洗', '啥标都没有，原创设计'] },
    ],
  },
];

const SHOP_PREFIX = ['厨', '润', '暖', '青', '森', '山', '溪', '小', '优', '禾', '云', '木', '栗', '桃', '橙', '鹿', '麦', '竹', '晴', '柚'];
const SHOP_SUFFIX = ['小匠', '肌坊', '织屋', '禾集', '活家', '野集', '木堂', '棉袄', '米铺', '良品', '朵朵', '生活馆', '优选', '严选', '家居', '食记'];
const PLATFORMS = [
  ['douyin', 'dy', 50],
  ['kuaishou', 'ks', 25],
  ['taobao', 'tb', 15],
  ['xiaohongshu', 'xhs', 5],
  ['weixin-channels', 'wx', 5],
] as const;

// ───────────────────────────── speech ─────────────────────────────

type Room = {
  index: number;
  roomId: string;
  sessionId: string;
  platform: string;
  streamerId: string;
  shop: string;
  audience: string; // 宝宝们 / 家人们 / 姐妹们
  anchorType: 'human' | 'digital-human';
  labelPlan: 'labelled' | 'unlabelled' | 'removed' | 'unknown' | 'none';
  products: Product[];
  current: number;
  clock: number; // epoch ms of the last live event
  seq: number;
  roomEvents: number;
  historyLeft: number;
  historyClock: number;
};

type Product = {
  sku: string;
  seed: ProductSeed;
  category: string;
  daily: number; // the price it usually sells at (日常价): what history orders paid
  live: number; // today's live price
  original: number | null; // the struck price on the card (划线价)
  inflated: boolean;
  hasBrand: boolean;
  checkoutSurcharge: number;
  stock: number;
};

const OPENERS = ['', '', '', '来', '好', '哎', '那个', '然后', '对，', '嗯，'];
const TAILS = ['', '', '', '', '啊', '哈', '哦', '呀', '，冲冲冲', '，抓紧'];

const greet = (r: Room, g: Rng): string =>
  g.pick([
    `哈喽哈喽${r.audience}晚上好，欢迎来到${r.shop}的直播间`,
    `欢迎新进来的${r.audience}，左上角点个关注`,
    `第一次来的${r.audience}点个关注，加入粉丝团有专属券`,
    `后面的${r.audience}扣个想要，人多我们就早点上福利`,
    `最后一排的${r.audience}看得清吗，看得清扣个1`,
    `${r.audience}把点赞点起来，点到一万我们就抽奖`,
    `好多${r.audience}都扣1了，谢谢${r.audience}`,
    `刚进来的${r.audience}不要走，马上上福利`,
    `有${r.audience}问今天播到几点，今天播到十二点`,
    `最近天气冷了大家注意保暖啊`,
    `已拍的${r.audience}扣个已拍，我看一下`,
    `谢谢${r.audience}的小心心，谢谢谢谢`,
  ]);

const productTalk = (r: Room, p: Product, g: Rng, link: number): string =>
  g.weighted<() => string>([
    [() => g.pick(p.seed.talk), 6],
    [() => `${cnNumber(link)}号链接这款${p.seed.short}，我们家卖得特别好的`, 1],
    [() => `来三二一上链接，${cnNumber(link)}号链接已经上了，点下面小黄车`, 1],
    [() => `这个${p.seed.short}我自己也在用，真的好用`, 1],
    [() => `有${r.audience}问${p.seed.short}怎么样，我给大家再讲一下`, 1],
    [() => `我们家今年最新的一款${p.seed.short}`, 1],
    [() => `${cnNumber(link)}号链接库存还有${cnNumber(g.int(2, 9) * 100, g.chance(0.5))}多单`, 1],
  ])();

const priceTalk = (r: Room, p: Product, g: Rng): string => {
  const live = spokenPrice(p.live, g);
  const orig = p.original === null ? spokenPrice(p.daily, g) : spokenPrice(p.original, g);
  const diff = Math.round((p.original ?? p.daily) - p.live);
  return g.weighted<() => string>([
    [() => `原价${orig}，今天直播间只要${live}`, 3],
    [() => `日常价${spokenPrice(p.daily, g)}，今天${live}`, 2],
    [() => `直接拍就是${live}，结算页面也是${live}`, 2],
    [() => (diff > 0 ? `直降${cnNumber(diff)}啊${r.audience}，${cnNumber(diff)}` : `今天就是${live}，不玩套路`), 1],
    [() => `店铺首页还有一张满一百减十块的券，领了券更便宜`, 1],
    [() => `今天${p.seed.short}到手价${live}，${live}一件`, 1],
    [() => `我们之前卖都是${orig}的，今天真的是亏本冲量`, 1],
    [() => `两件的话一件才${spokenPrice(retail(p.live * 0.9), g)}`, 1],
  ])();
};

const SERVICE = [
  '七天无理由退换，用着不满意直接退',
  '今天拍的四十八小时内发货，快递都是包邮的',
  '新疆西藏偏远地区除外哈',
  '有问题的可以私信客服，客服都在的',
  '现在下单明天就发货，顺丰包邮的',
  '拍下备注颜色就可以，不备注默认随机发',
  '售后问题联系客服，退换货用原单号寄回就行',
  '一单最多拍五件啊，给更多人机会',
  '今天的就到这里，明天晚上八点我们继续',
];

/** Phrases with a term in them that are not claims: the rules must stay silent. */
const HARD_NEGATIVES = [
  '这个最好晚上用，白天用的话后面要叠防晒',
  '做饭之前你最好提前备好菜',
  '最佳使用温度是两百度以下，别长时间干烧',
  '广告法规定不能说最好、第一这种词，好不好用大家买回去自己试',
  '我不敢说是全网最低，但是性价比真的高',
  '唯一的缺点就是发货稍微慢一点',
  '我们家最便宜的一款就是这个了',
  '最近降温了，最后一排的看得见吗',
  '第一次用的先少量试一下',
  '建议大家最好先领券再下单',
  '这是我们的top10清单，一号链接',
  '效果因人而异哈，不要跟别人比',
];

/** Absolute-term claims (AD.ABSOLUTE_TERMS), some evaded. `{s}` is the product's short name. */
const VIOLATIONS = [
  '全网最低价了{a}，别家都没有这个价',
  '这款{s}是抖音销量第一的，闭眼入',
  '国家级配方，用过的都说好',
  '全网第一的性价比，错过今天就没了',
  '我们是行业第一品牌，品质有保障',
  '史上最低价，就今天这一场',
  '绝对是全网最好用的{s}，上班通勤都能用',
  '顶级工艺，独一无二的设计',
  'TOP1的爆款，卖断货好几次了',
  '这个{s}是销量冠军，回购率特别高',
  // evasions: spaces, emoji, punctuation, full width, traditional
  '全 网 最 低 价 啊{a}',
  '绝 对 是全网最好用的{s}',
  '销…量…第…一的{s}，不用犹豫',
  '全🔥网🔥最🔥低，就这一波',
  '這款是全網銷量第一，ＴＯＰ１',
  '國家級品質，{a}放心拍',
  'ＮＯ．１的口碑，回头客特别多',
  '独one无two的设计，背出去回头率超高',
  '全網最低價，手慢無',
];

/**
 * Violations of the other transcript rules, after the catalogue's positive examples
 * (rules/*.yaml), several evaded: each should raise its rule's alert wherever it is said.
 */
const OTHER_VIOLATIONS = [
  // IP.COUNTERFEIT_SLANG, IP.BRAND_CODE_WITH_CONCEALMENT, IP.BRANDED_GOODS_PRIVATE_CHANNEL, IP.PIRATED_CONTENT
  '这批是 高 . 仿 的，G 家的，🔥原🔥单🔥级别',
  '这个Guccci的腰带是高仿的，细节做得很好',
  '驴家老花，牌子我不能说，说了直播间会被封',
  '大牌的货链接里不好挂，想要的加我V看实物图，备注直播间',
  '全套考研网课加电子版讲义，拍下网盘链接自动发，九块九',
  // LIVE.OFF_PLATFORM_DIVERSION
  '想要更便宜的加我薇❤，私聊给你更低价',
  '加我ＶＸ发你实物图',
  // AD.DISEASE_CLAIM_NON_MEDICAL, AD.EFFECT_GUARANTEE, AD.INVESTMENT_RETURN_GUARANTEE, AD.PRESCRIPTION_DRUG_PROMOTION
  '胃不好的老鐵們，喝了一個月胃病就好了',
  '坚持用3个月长出新头发，包你满意',
  '加盟我们三个月回本，零风险',
  '这个减肥针是处方药，咱们不用处方直接拍，一周一针',
  // AD.PROFESSIONAL_ENDORSEMENT_HEALTH, AD.STATE_ENDORSEMENT_SPECIAL_SUPPLY, COMP.COMMERCIAL_DEFAMATION
  '作为一名国家注册营养师，这款保健品我自己也在吃，推荐给大家',
  '部队特供的罐头，外面买不到',
  '这 个 茶 领导 都在 喝 的，机关专供',
  '隔壁小美直播间卖的全是假货',
  // PRICE.FALSE_GOVERNMENT_PRICING
  '这是政府指导价，哪里买都一样',
  // LIVE.MINOR_ANCHOR_OR_CHILD_ENDORSER, LIVE.PRIZE_PROMOTION_VIOLATION, LIVE.PROHIBITED_GOODS
  '大家好我今年十四岁，今天放学回来帮我妈妈卖橙子',
  '今晚抽一等奖，现金十万块',
  '这款电子烟一杆能抽两千口，拍一送三个烟弹',
  // LIVE.REVIEW_INDUCEMENT, LIVE.SUPPRESS_NEGATIVE_FEEDBACK
  '收到货给个五星好评，截图发客服返现五块',
  '说我们是假货的直接拉黑',
  // AD.FALSE_SALES_CLAIM (against the card's stock), IP.UNAUTHORIZED_BRAND_CLAIM (against the
  // room's authorisations), LIVE.AI_ANCHOR_DENIES_AI (in the digital-human rooms)
  '今天已经卖了十万件了家人们',
  '我们是戴森官方授权的，正品保障',
  '有宝宝说我是AI？我可是真人主播哦，不是数字人',
];

function utterance(r: Room, g: Rng): string {
  const p = r.products[r.current]!;
  const link = r.current + 1;
  const kind = g.weighted([
    ['greet', 22],
    ['product', 36],
    ['price', 20],
    ['service', 10],
    ['negative', 10],
    ['violation', 2],
  ] as const);
  let text: string;
  switch (kind) {
    case 'greet':
      text = greet(r, g);
      break;
    case 'product':
      text = productTalk(r, p, g, link);
      break;
    case 'price':
      text = priceTalk(r, p, g);
      break;
    case 'service':
      text = g.pick(SERVICE);
      break;
    case 'negative':
      text = g.pick(HARD_NEGATIVES);
      break;
    case 'violation':
      return g.chance(0.5) ? g.pick(VIOLATIONS).replace('{s}', p.seed.short).replace('{a}', r.audience) : g.pick(OTHER_VIOLATIONS);
  }
  // A second clause now and then: ASR segments run 10–50 characters.
  if (kind !== 'greet' && g.chance(0.3)) text += `，${g.chance(0.5) ? productTalk(r, p, g, link) : greet(r, g)}`;
  return g.pick(OPENERS) + text + g.pick(TAILS);
}

// ───────────────────────────── events ─────────────────────────────

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** Epoch ms → ISO-8601 in China time: 2026-11-26T20:00:04+08:00 */
export function isoCst(ms: number): string {
  return `${new Date(Math.floor(ms / 1000) * 1000 + TZ_MS).toISOString().slice(0, 19)}+08:00`;
}

const dateTag = (ms: number): string => isoCst(ms).slice(0, 10).replace(/-/g, '');

function makeRoom(i: number, g: Rng): Room {
  const [platform, tag] = g.weighted(PLATFORMS.map(([p, t, w]) => [[p, t] as const, w] as const));
  const num = 10_000 + i;
  const start = SESSION_DAY + g.weighted([[14 * H, 1], [19 * H, 3], [20 * H, 4], [21 * H, 2]] as const) + g.int(0, 59 * 60) * 1000;
  const shop = g.pick(SHOP_PREFIX) + g.pick(SHOP_SUFFIX);
  const cats = [g.pick(CATEGORIES), g.pick(CATEGORIES)];
  const nProducts = g.int(3, 6);
  const products: Product[] = [];
  for (let k = 0; k < nProducts; k++) {
    const cat = cats[k === 0 || g.chance(0.7) ? 0 : 1]!;
    const seed = g.pick(cat.products);
    const daily = retail(seed.price[0] + g.next() * (seed.price[1] - seed.price[0]));
    const live = retail(daily * (0.6 + 0.3 * g.next()));
    const inflated = g.chance(0.15);
    const original = inflated ? retail(daily * (1.5 + g.next())) : g.chance(0.85) ? daily : null;
    products.push({
      sku: `${tag.toUpperCase()}${num}-${cat.key.slice(0, 3).toUpperCase()}-${pad(k + 1)}`,
      seed,
      category: cat.key,
      daily,
      live: live < daily ? live : retail(daily * 0.8),
      original,
      inflated,
      hasBrand: g.chance(0.7),
      checkoutSurcharge: g.chance(0.05) ? 10 : 0,
      stock: g.int(50, 2000),
    });
  }
  const digital = g.chance(0.15);
  return {
    index: i,
    roomId: `room-${tag}-${num}`,
    sessionId: `sess-${dateTag(start)}-${num}`,
    platform,
    streamerId: `${tag}-${g.pick(['shop', 'anchor', 'live', 'store'])}-${num}${digital ? '-ai' : ''}`,
    shop,
    audience: g.weighted([['宝宝们', 5], ['家人们', 3], ['姐妹们', 2], ['朋友们', 1]] as const),
    anchorType: digital ? 'digital-human' : 'human',
    labelPlan: digital ? g.weighted([['labelled', 45], ['unlabelled', 30], ['removed', 15], ['unknown', 10]] as const) : 'none',
    products,
    current: 0,
    clock: start,
    seq: 0,
    roomEvents: 0,
    historyLeft: 0,
    historyClock: start - g.int(7, 9) * DAY,
  };
}

function roomEvent(r: Room, g: Rng): string {
  r.clock += g.int(1, 5) * 1000;
  const first = r.roomEvents++ === 0;
  const label =
    r.labelPlan === 'labelled' ? true : r.labelPlan === 'unlabelled' ? false : r.labelPlan === 'removed' ? first : r.labelPlan === 'none' ? (g.chance(0.5) ? false : undefined) : undefined;
  const ev: Record<string, unknown> = {
    type: 'room',
    roomId: r.roomId,
    sessionId: r.sessionId,
    ts: isoCst(r.clock),
    platform: r.platform,
    streamerId: r.streamerId,
    anchorType: r.anchorType,
  };
  if (label !== undefined) ev['aiLabelShown'] = label;
  if (first || g.chance(0.3)) ev['sellerAuthorizations'] = [r.shop];
  ev['status'] = 'live';
  return JSON.stringify(ev);
}

function transcriptEvent(r: Room, g: Rng): string {
  r.clock += g.int(3, 9) * 1000 + g.int(0, 999);
  // Move on to the next product now and then, and say so.
  let text: string;
  if (g.chance(0.05) && r.products.length > 1) {
    r.current = (r.current + 1) % r.products.length;
    const p = r.products[r.current]!;
    text = `好，${g.pick(['我们来看', '接下来是', '说回'])}${cnNumber(r.current + 1)}号链接这款${p.seed.short}`;
  } else {
    text = utterance(r, g);
  }
  const ev: Record<string, unknown> = {
    type: 'transcript',
    roomId: r.roomId,
    sessionId: r.sessionId,
    ts: isoCst(r.clock),
    text,
    speaker: g.chance(0.85) ? 'anchor' : 'assistant',
    seq: ++r.seq,
  };
  return JSON.stringify(ev);
}

function priceEvent(r: Room, g: Rng): string {
  r.clock += g.int(1, 4) * 1000;
  const p = g.chance(0.85) ? r.products[r.current]! : g.pick(r.products);
  p.stock = Math.max(0, p.stock - g.int(0, 30));
  const ev: Record<string, unknown> = {
    type: 'price',
    roomId: r.roomId,
    sessionId: r.sessionId,
    ts: isoCst(r.clock),
    sku: p.sku,
    productName: `${p.hasBrand ? r.shop : ''}${p.seed.name}`,
  };
  if (p.hasBrand) ev['brand'] = r.shop;
  ev['listedPrice'] = p.original ?? p.daily;
  if (p.original !== null) ev['originalPrice'] = p.original;
  ev['livePrice'] = p.live;
  ev['checkoutPrice'] = Math.round((p.live + p.checkoutSurcharge) * 100) / 100;
  ev['currency'] = 'CNY';
  ev['stock'] = p.stock;
  return JSON.stringify(ev);
}

function orderEvent(r: Room, g: Rng): string {
  // History first: orders of the previous week, from earlier sessions, at the usual price
  // (sometimes a small promotion). They reach the engine before this session's cards.
  if (r.historyLeft > 0) {
    r.historyLeft--;
    r.historyClock += g.int(8, 30) * H + g.int(0, 3599) * 1000;
    const start = r.clock;
    if (r.historyClock > start - H) r.historyClock = start - DAY - g.int(0, 3599) * 1000;
    const p = r.products[g.chance(0.6) ? 0 : g.int(0, r.products.length - 1)]!;
    const paid = g.chance(0.08) ? retail(p.daily * 0.85) : g.chance(0.1) ? Math.round((p.daily - 0.4) * 100) / 100 : p.daily;
    return JSON.stringify({
      type: 'order',
      roomId: r.roomId,
      sessionId: `sess-${dateTag(r.historyClock)}-${r.roomId.slice(-5)}`,
      ts: isoCst(r.historyClock),
      sku: p.sku,
      paidPrice: paid,
    });
  }
  r.clock += g.int(1, 20) * 1000;
  const p = g.chance(0.8) ? r.products[r.current]! : g.pick(r.products);
  return JSON.stringify({
    type: 'order',
    roomId: r.roomId,
    sessionId: r.sessionId,
    ts: isoCst(r.clock),
    sku: p.sku,
    paidPrice: Math.round((p.live + p.checkoutSurcharge) * 100) / 100,
  });
}

const KIND_CODE: Readonly<Record<EventKind, number>> = { transcript: 0, price: 1, order: 2, room: 3 };
const CODE_KIND: readonly EventKind[] = ['transcript', 'price', 'order', 'room'];

/** How many events each room gets: skewed (log-normal), at least 5 when n allows, summing to n. */
function roomSizes(n: number, rooms: number, g: Rng): number[] {
  const w = Array.from({ length: rooms }, () => Math.exp(0.8 * g.gauss()));
  const floor = Math.min(5, Math.floor(n / rooms));
  const spare = n - floor * rooms;
  const total = w.reduce((a, b) => a + b, 0);
  const sizes = w.map((x) => floor + Math.floor((x / total) * spare));
  let left = n - sizes.reduce((a, b) => a + b, 0);
  for (let i = 0; left > 0; i = (i + 1) % rooms, left--) sizes[i]!++;
  return sizes;
}

/** Number of rooms for a stream of n events: ≈40 events per room, at most MAX_ROOMS. */
export function roomCount(n: number): number {
  return Math.max(1, Math.min(MAX_ROOMS, Math.round(n / EVENTS_PER_ROOM)));
}

/**
 * `n` wire events (JSON strings, one per Kafka message), deterministic in (n, seed).
 */
export function generateEvents(n: number, seed: number): string[] {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  if (n === 0) return [];
  const g = mulberry32(seed);
  const rooms = Array.from({ length: roomCount(n) }, (_, i) => makeRoom(i, g));
  const sizes = roomSizes(n, rooms.length, g);

  // Per-room scripts of event types: history orders, then the opening room event, then the rest.
  const scripts: Uint8Array[] = rooms.map((r, i) => {
    const k = sizes[i]!;
    const kinds: EventKind[] = [];
    for (let j = 0; j < k; j++) kinds.push(g.weighted(Object.entries(MIX) as Array<[EventKind, number]>));
    const orders = kinds.filter((x) => x === 'order').length;
    r.historyLeft = Math.round(orders * 0.6);
    const history = kinds.filter((x) => x === 'order').slice(0, r.historyLeft);
    const rest: EventKind[] = kinds.filter((x) => x !== 'order');
    const live = kinds.filter((x) => x === 'order').slice(r.historyLeft);
    // live orders go back in at random places after the opening
    for (const o of live) rest.splice(g.int(Math.min(1, rest.length), rest.length), 0, o);
    const ri = rest.indexOf('room');
    if (ri > 0) rest.unshift(...rest.splice(ri, 1));
    return Uint8Array.from([...history, ...rest].map((x) => KIND_CODE[x]));
  });

  // Uniform interleaving: a shuffled list of room picks; each pick takes that room's next event.
  const picks = new Uint32Array(n);
  let at = 0;
  sizes.forEach((k, i) => picks.fill(i, at, (at += k)));
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(g.next() * (i + 1));
    const t = picks[i]!;
    picks[i] = picks[j]!;
    picks[j] = t;
  }
  const cursor = new Uint32Array(rooms.length);
  const out: string[] = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const ri = picks[i]!;
    const r = rooms[ri]!;
    const kind = CODE_KIND[scripts[ri]![cursor[ri]!++]!]!;
    out[i] =
      kind === 'transcript' ? transcriptEvent(r, g) : kind === 'price' ? priceEvent(r, g) : kind === 'order' ? orderEvent(r, g) : roomEvent(r, g);
  }
  return out;
}

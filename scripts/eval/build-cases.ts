/**
 * Builds eval/labelled.jsonl: the hand-written labelled evaluation set (rules catalogue §6).
 *
 *   node --import tsx scripts/eval/build-cases.ts            # writes eval/labelled.jsonl
 *
 * The cases below are written from the catalogue's rule definitions (not from rules/), in our own
 * wording. The output file is committed data; this script only saves typing: it turns relative
 * times into ISO timestamps, adds the room event, numbers the events and computes atEventIndex
 * from the step that carries `exp` (the completing event, catalogue §1.5).
 *
 * Step helpers (times are offsets from the session start, 'm:ss' or 'h:mm:ss'; history events use
 * '-Nd HH:MM' (N days before the session date) or an absolute 'YYYY-MM-DD HH:MM'):
 *   s / a / g / v   transcript by anchor / assistant / guest / no speaker label
 *   p               price card            o   order (history or live)
 *   r               room metadata change  ns  new session (room event with a new sessionId)
 *   hp              price card of an earlier session (history)
 */
import { writeFileSync } from 'node:fs';

type Rule = string;
type Exp = Rule | Rule[] | undefined;
type Card = {
  sku: string;
  name: string;
  brand?: string;
  listed: number;
  orig?: number;
  live?: number;
  co?: number;
  stock?: number;
};
type RoomPatch = {
  anchor?: 'human' | 'digital-human';
  label?: boolean | null;
  auth?: string[] | null;
  platform?: string;
  status?: 'live' | 'ended';
};
type Step =
  | { k: 'say'; at: string; text: string; speaker: string | null; exp?: Exp }
  | { k: 'price'; at: string; card: Card; exp?: Exp }
  | { k: 'order'; at: string; sku: string; paid: number; room?: string; exp?: Exp }
  | { k: 'room'; at: string; patch: RoomPatch; exp?: Exp }
  | { k: 'session'; at: string; patch: RoomPatch; exp?: Exp };

type CaseDef = {
  id: string;
  src?: string;
  desc: string;
  start: string; // 'YYYY-MM-DD HH:MM' (+08:00)
  platform?: string;
  anchor?: 'human' | 'digital-human';
  label?: boolean; // aiLabelShown; omitted → not sent
  auth?: string[] | null; // sellerAuthorizations; default [] (known: none); null → not sent
  streamer?: string;
  neg?: boolean;
  /** Short cases get a greeting before and a call to action after (see PAD_*); false to opt out. */
  pad?: boolean;
  /** Marks the automatic opening room event as the completing event of these rules. */
  roomExp?: Exp;
  steps: Step[];
};

export const s = (at: string, text: string, exp?: Exp): Step => ({ k: 'say', at, text, speaker: 'anchor', exp });
export const a = (at: string, text: string, exp?: Exp): Step => ({ k: 'say', at, text, speaker: 'assistant', exp });
export const g = (at: string, text: string, exp?: Exp): Step => ({ k: 'say', at, text, speaker: 'guest', exp });
export const v = (at: string, text: string, exp?: Exp): Step => ({ k: 'say', at, text, speaker: null, exp });
export const p = (at: string, card: Card, exp?: Exp): Step => ({ k: 'price', at, card, exp });
export const hp = p;
export const o = (at: string, sku: string, paid: number, room?: string, exp?: Exp): Step => ({ k: 'order', at, sku, paid, room, exp });
export const r = (at: string, patch: RoomPatch, exp?: Exp): Step => ({ k: 'room', at, patch, exp });
export const ns = (at: string, patch: RoomPatch = {}, exp?: Exp): Step => ({ k: 'session', at, patch, exp });

const CATEGORY: Record<string, string> = { PRICE: 'price-fraud', IP: 'infringement', AD: 'violation', LIVE: 'violation', COMP: 'violation' };

export const RULES = [
  'PRICE.ORIGINAL_PRICE_ABOVE_7DAY_MIN', 'PRICE.SPOKEN_REFERENCE_PRICE_UNSUPPORTED', 'PRICE.RAISE_THEN_DISCOUNT',
  'PRICE.DISCOUNT_CLAIM_MISMATCH', 'PRICE.SPOKEN_PRICE_NOT_HONORED', 'PRICE.CHECKOUT_ABOVE_DISPLAYED',
  'PRICE.UNDISCLOSED_PRICE_CONDITION', 'PRICE.FAKE_SCARCITY_STOCK', 'PRICE.FAKE_COUNTDOWN',
  'PRICE.HISTORIC_LOW_CLAIM_CONTRADICTED', 'PRICE.GIFT_VALUE_OVERSTATED', 'PRICE.FALSE_GOVERNMENT_PRICING',
  'IP.COUNTERFEIT_SLANG', 'IP.BRAND_CODE_WITH_CONCEALMENT', 'IP.UNAUTHORIZED_BRAND_CLAIM', 'IP.BRAND_CARD_PRICE_ANOMALY',
  'IP.PIRATED_CONTENT', 'IP.AI_PERSONA_IMPERSONATION', 'IP.BRANDED_GOODS_PRIVATE_CHANNEL',
  'AD.ABSOLUTE_TERMS', 'AD.STATE_ENDORSEMENT_SPECIAL_SUPPLY', 'AD.DISEASE_CLAIM_NON_MEDICAL', 'AD.HEALTH_FOOD_PROHIBITED_CLAIM',
  'AD.MEDICAL_EFFICACY_GUARANTEE', 'AD.PRESCRIPTION_DRUG_PROMOTION', 'AD.EFFECT_GUARANTEE', 'AD.INVESTMENT_RETURN_GUARANTEE',
  'AD.PROFESSIONAL_ENDORSEMENT_HEALTH', 'AD.SPOKEN_CARD_ATTRIBUTE_CONTRADICTION', 'AD.FALSE_SALES_CLAIM',
  'LIVE.OFF_PLATFORM_DIVERSION', 'LIVE.AI_ANCHOR_UNLABELED', 'LIVE.AI_ANCHOR_DENIES_AI', 'LIVE.MINOR_ANCHOR_OR_CHILD_ENDORSER',
  'LIVE.PROHIBITED_GOODS', 'COMP.COMMERCIAL_DEFAMATION', 'LIVE.SUPPRESS_NEGATIVE_FEEDBACK', 'LIVE.REVIEW_INDUCEMENT',
  'LIVE.PRIZE_PROMOTION_VIOLATION',
] as const;

const H = 3600_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** Epoch ms → ISO-8601 with +08:00. */
function iso(ms: number): string {
  return `${new Date(ms + 8 * H).toISOString().slice(0, 19)}+08:00`;
}
function parseLocal(s: string): number {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(s);
  if (!m) throw new Error(`bad local time ${s}`);
  return Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4] ?? '00'}+08:00`);
}
function ymd(ms: number): string {
  return iso(ms).slice(0, 10).replace(/-/g, '');
}
/** Live offset 'm:ss' / 'h:mm:ss' → seconds; history → null. */
function liveOffset(at: string): number | null {
  if (at.startsWith('-') || /^\d{4}-/.test(at)) return null;
  const parts = at.split(':').map(Number);
  if (parts.some((x) => Number.isNaN(x))) throw new Error(`bad offset ${at}`);
  return parts.reduce((acc, x) => acc * 60 + x, 0);
}
function historyTime(at: string, startMs: number): number {
  const rel = /^-(\d+)d (\d{2}):(\d{2})$/.exec(at);
  if (rel) {
    const day = iso(startMs - Number(rel[1]) * 24 * H).slice(0, 10);
    return parseLocal(`${day} ${rel[2]}:${rel[3]}`);
  }
  return parseLocal(at);
}

type Wire = Record<string, unknown>;
export type LabelledCase = {
  id: string;
  source: string;
  description: string;
  events: Wire[];
  expected: Array<{ ruleCategory: string; ruleHint: string; atEventIndex: number }>;
  negative: boolean;
};

const cases: LabelledCase[] = [];
const ids = new Set<string>();

export function C(def: CaseDef): void {
  if (ids.has(def.id)) throw new Error(`duplicate id ${def.id}`);
  ids.add(def.id);
  const roomId = `r-${def.id}`;
  const startMs = parseLocal(def.start);
  const liveSession = `${roomId}-s${ymd(startMs)}`;
  const meta = {
    platform: def.platform ?? 'douyin',
    streamerId: def.streamer ?? `${def.platform ?? 'douyin'}-${def.id}`,
    anchor: def.anchor ?? 'human',
    label: def.label === undefined ? null : def.label,
    auth: def.auth === undefined ? [] : def.auth,
    status: 'live' as 'live' | 'ended',
  };
  let session = liveSession;
  const roomEvent = (ms: number): Wire => {
    const e: Wire = { type: 'room', roomId, sessionId: session, ts: iso(ms), platform: meta.platform, streamerId: meta.streamerId, anchorType: meta.anchor };
    if (meta.label !== null) e.aiLabelShown = meta.label;
    if (meta.auth !== null) e.sellerAuthorizations = meta.auth;
    e.status = meta.status;
    return e;
  };
  const apply = (patch: RoomPatch) => {
    if (patch.anchor !== undefined) meta.anchor = patch.anchor;
    if (patch.label !== undefined) meta.label = patch.label;
    if (patch.auth !== undefined) meta.auth = patch.auth;
    if (patch.platform !== undefined) meta.platform = patch.platform;
    if (patch.status !== undefined) meta.status = patch.status;
  };
  const events: Wire[] = [];
  const expected: LabelledCase['expected'] = [];
  const mark = (exp: Exp) => {
    if (exp === undefined) return;
    for (const rule of Array.isArray(exp) ? exp : [exp]) {
      if (!(RULES as readonly string[]).includes(rule)) throw new Error(`${def.id}: unknown rule ${rule}`);
      const cat = CATEGORY[rule.split('.')[0]!]!;
      expected.push({ ruleCategory: cat, ruleHint: rule, atEventIndex: events.length - 1 });
    }
  };
  const history = def.steps.filter((st) => liveOffset(st.at) === null);
  const live = def.steps.filter((st) => liveOffset(st.at) !== null);
  if (def.pad !== false && live.filter((st) => st.k === 'say').length < 3 && live.length > 0) {
    const h = hash(def.id);
    const first = liveOffset(live[0]!.at)!;
    const lastAt = liveOffset(live[live.length - 1]!.at)!;
    if (first >= 8) live.unshift(s(`0:0${3 + (h % 2)}`, PAD_OPEN[h % PAD_OPEN.length]!));
    const close = PAD_CLOSE[(h >>> 3) % PAD_CLOSE.length]!;
    live.push((h & 4 ? a : s)(clock(lastAt + 10 + (h % 8)), close));
  }
  let lastHist = -Infinity;
  for (const st of history) {
    const ms = historyTime(st.at, startMs);
    if (ms >= startMs) throw new Error(`${def.id}: history step ${st.at} is not before the session`);
    if (ms < lastHist) throw new Error(`${def.id}: history goes back in time at ${st.at}`);
    lastHist = ms;
    const room = st.k === 'order' && st.room ? `r-${def.id}-${st.room}` : roomId;
    const sess = `${room}-s${ymd(ms)}`;
    if (st.k === 'order') events.push({ type: 'order', roomId: room, sessionId: sess, ts: iso(ms), sku: st.sku, paidPrice: st.paid });
    else if (st.k === 'price') events.push(priceWire(roomId, sess, ms, st.card));
    else throw new Error(`${def.id}: only orders and price cards can be history`);
    mark(st.exp);
  }
  events.push(roomEvent(startMs));
  mark(def.roomExp);
  let last = 0;
  for (const st of live) {
    const off = liveOffset(st.at)!;
    if (off < last) throw new Error(`${def.id}: time goes back at ${st.at}`);
    last = off;
    const ms = startMs + off * 1000;
    switch (st.k) {
      case 'say': {
        const e: Wire = { type: 'transcript', roomId, sessionId: session, ts: iso(ms), text: st.text };
        if (st.speaker !== null) e.speaker = st.speaker;
        events.push(e);
        break;
      }
      case 'price':
        events.push(priceWire(roomId, session, ms, st.card));
        break;
      case 'order':
        events.push({ type: 'order', roomId: st.room ? `r-${def.id}-${st.room}` : roomId, sessionId: st.room ? `r-${def.id}-${st.room}-s${ymd(ms)}` : session, ts: iso(ms), sku: st.sku, paidPrice: st.paid });
        break;
      case 'room':
        apply(st.patch);
        events.push(roomEvent(ms));
        break;
      case 'session':
        apply({ status: 'live', ...st.patch });
        session = `${roomId}-s${ymd(ms)}${session.endsWith(ymd(ms)) ? 'b' : ''}`;
        events.push(roomEvent(ms));
        break;
    }
    mark(st.exp);
  }
  const negative = expected.length === 0;
  if (negative !== Boolean(def.neg)) throw new Error(`${def.id}: neg flag ${def.neg} but ${expected.length} expected`);
  cases.push({ id: def.id, source: def.src ?? 'handwritten', description: def.desc, events, expected, negative });
}

/** Handwritten neutral livestream talk used to pad very short cases (no rule should fire on it). */
const PAD_OPEN = [
  '家人们晚上好，欢迎来到直播间',
  '宝宝们好呀，刚进来的点个关注',
  '老铁们晚上好，今天福利多多',
  '姐妹们来了来了，我们开始啦',
  '叔叔阿姨们好，声音听得清吗',
  '欢迎新进直播间的朋友，左上角点个关注不迷路',
  '来来来，我们上今天的第一个品',
  '家人们，我们接着讲',
  '刚进来的宝宝别走开，马上讲产品',
  '最近好多宝宝在问这个，今天给大家带来了',
  '大家晚上好，今天降温了注意保暖',
  '哈喽哈喽，灯光调好了，我们开播',
];
const PAD_CLOSE = [
  '喜欢的宝宝可以直接拍',
  '有什么问题打在公屏上，我一个个回答',
  '拍了的宝宝扣个已拍',
  '来，三二一，上链接',
  '还没点关注的点一下，明天同一时间开播',
  '好，这个就讲到这里，我们看下一个',
  '尺码颜色不清楚的问我就行',
  '公屏上有宝宝问发什么快递，发中通',
  '谢谢宝宝们的点赞，我们继续',
  '坐最后一排的宝宝也看一眼，喜欢就拍',
];
function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
  return h;
}
function clock(sec: number): string {
  const hh = Math.floor(sec / 3600), mm = Math.floor((sec % 3600) / 60), ss = sec % 60;
  return hh > 0 ? `${hh}:${pad(mm)}:${pad(ss)}` : `${mm}:${pad(ss)}`;
}

function priceWire(roomId: string, sessionId: string, ms: number, c: Card): Wire {
  const e: Wire = { type: 'price', roomId, sessionId, ts: iso(ms), sku: c.sku, productName: c.name };
  if (c.brand !== undefined) e.brand = c.brand;
  e.listedPrice = c.listed;
  if (c.orig !== undefined) e.originalPrice = c.orig;
  if (c.live !== undefined) e.livePrice = c.live;
  if (c.co !== undefined) e.checkoutPrice = c.co;
  e.currency = 'CNY';
  if (c.stock !== undefined) e.stock = c.stock;
  return e;
}

// ───────────────────────────────────────────────────────────────────────────── cases
// (appended below, one section per rule family)

const P7 = 'PRICE.ORIGINAL_PRICE_ABOVE_7DAY_MIN', SR = 'PRICE.SPOKEN_REFERENCE_PRICE_UNSUPPORTED', RT = 'PRICE.RAISE_THEN_DISCOUNT';
const DC = 'PRICE.DISCOUNT_CLAIM_MISMATCH', SP = 'PRICE.SPOKEN_PRICE_NOT_HONORED', CA = 'PRICE.CHECKOUT_ABOVE_DISPLAYED';
const UC = 'PRICE.UNDISCLOSED_PRICE_CONDITION', FS = 'PRICE.FAKE_SCARCITY_STOCK', CD = 'PRICE.FAKE_COUNTDOWN';
const HL = 'PRICE.HISTORIC_LOW_CLAIM_CONTRADICTED', GV = 'PRICE.GIFT_VALUE_OVERSTATED', GP = 'PRICE.FALSE_GOVERNMENT_PRICING';
const CS = 'IP.COUNTERFEIT_SLANG', BC = 'IP.BRAND_CODE_WITH_CONCEALMENT', UB = 'IP.UNAUTHORIZED_BRAND_CLAIM', BA = 'IP.BRAND_CARD_PRICE_ANOMALY';
const PC = 'IP.PIRATED_CONTENT', AI = 'IP.AI_PERSONA_IMPERSONATION', BP = 'IP.BRANDED_GOODS_PRIVATE_CHANNEL';
const AB = 'AD.ABSOLUTE_TERMS', SE = 'AD.STATE_ENDORSEMENT_SPECIAL_SUPPLY', DZ = 'AD.DISEASE_CLAIM_NON_MEDICAL', HF = 'AD.HEALTH_FOOD_PROHIBITED_CLAIM';
const ME = 'AD.MEDICAL_EFFICACY_GUARANTEE', RX = 'AD.PRESCRIPTION_DRUG_PROMOTION', EG = 'AD.EFFECT_GUARANTEE', IV = 'AD.INVESTMENT_RETURN_GUARANTEE';
const PE = 'AD.PROFESSIONAL_ENDORSEMENT_HEALTH', AT = 'AD.SPOKEN_CARD_ATTRIBUTE_CONTRADICTION', SA = 'AD.FALSE_SALES_CLAIM';
const OP = 'LIVE.OFF_PLATFORM_DIVERSION', AU = 'LIVE.AI_ANCHOR_UNLABELED', DA = 'LIVE.AI_ANCHOR_DENIES_AI', MI = 'LIVE.MINOR_ANCHOR_OR_CHILD_ENDORSER';
const PG = 'LIVE.PROHIBITED_GOODS', DF = 'COMP.COMMERCIAL_DEFAMATION', SN = 'LIVE.SUPPRESS_NEGATIVE_FEEDBACK', RV = 'LIVE.REVIEW_INDUCEMENT';
const PZ = 'LIVE.PRIZE_PROMOTION_VIOLATION';

// ── PRICE.ORIGINAL_PRICE_ABOVE_7DAY_MIN ─────────────────────────────────────────────
{
  const k = { sku: 'JZ-ESS-30', name: '二裂酵母修护精华液 30ml' };
  C({ id: 'p7-01', src: 'handwritten; catalogue 3A P7 positive 1 pattern', start: '2026-03-12 20:00',
    desc: '7-day orders 139/129/135 (an old 259 sale is 10 days back); card 划线259 live139 → basis 129, ≥2× → critical',
    steps: [
      o('-10d 20:40', k.sku, 259), o('-6d 20:30', k.sku, 139), o('-4d 21:05', k.sku, 129), o('-2d 20:45', k.sku, 135),
      s('0:06', '家人们晚上好 欢迎来到直播间，第一次来的宝宝点个关注'),
      s('0:20', '今天第一个品，我们家的二裂酵母精华'),
      p('0:25', { ...k, listed: 259, orig: 259, live: 139, stock: 400 }, P7),
      s('0:34', '划线价两百五十九，今天直播间一百三十九'),
      s('0:45', '质地是水润的，敏感肌的姐妹也能用'),
      s('1:02', '来 三二一 上链接！'),
    ] });
}
{
  const k = { sku: 'GZ-PAN-28', name: '麦饭石不粘煎锅 28cm' };
  C({ id: 'p7-02', src: 'handwritten; catalogue 3A P7 positive 2 pattern', platform: 'kuaishou', start: '2026-05-20 19:30',
    desc: 'no trade in the 7 days before T0; last trade 12 days ago at 89 → basis 89; card 划线199 live99',
    steps: [
      o('-30d 20:10', k.sku, 99), o('-12d 19:50', k.sku, 89),
      s('0:12', '老铁们晚上好，今天给大家带一口好锅'),
      p('0:30', { ...k, listed: 199, orig: 199, live: 99, stock: 260 }, P7),
      s('0:40', '这口锅划线一百九十九 今天直播间九十九'),
      s('0:55', '少油少烟，煎蛋不粘，铁铲随便铲'),
      s('1:10', '二十八公分的，一家三口够用了'),
    ] });
}
{
  const k = { sku: 'YR-VEST-M', name: '白鸭绒轻薄羽绒背心' };
  C({ id: 'p7-03', src: 'handwritten; catalogue 3A P7 positive 3 pattern', platform: 'taobao', start: '2026-01-08 20:00',
    desc: 'orders mostly 259 but one sale at 199 five days ago → basis 199; card 划线259 live219; hard negatives 最近/最后一排 present',
    steps: [
      o('-6d 20:20', k.sku, 259), o('-5d 21:00', k.sku, 199), o('-3d 20:40', k.sku, 259), o('-1d 20:15', k.sku, 259),
      s('0:10', '姐妹们降温了降温了，最近是真的冷'),
      p('0:18', { ...k, listed: 259, orig: 259, live: 219, stock: 180 }, P7),
      s('0:30', '日常价二百五十九，今天二百一十九'),
      s('0:44', '内胆是白鸭绒，充绒量给得很足'),
      s('1:00', '最后一排的宝宝看得见吗，我把背心转过来给你们看'),
    ] });
}
{
  const k = { sku: 'LL-POD-52', name: '洗衣凝珠 52颗 盒装' };
  C({ id: 'p7-04', src: 'handwritten; catalogue 3A P7 logic step 3 (re-evaluation)', start: '2026-04-02 20:00',
    desc: 'first card 划线109 equals the 7-day basis 109 (no alert); 6 min later the struck price is changed to 169 → fires on that card',
    steps: [
      o('-6d 20:30', k.sku, 109), o('-3d 20:40', k.sku, 109), o('-1d 21:10', k.sku, 112),
      p('0:20', { ...k, listed: 109, orig: 109, live: 89, stock: 600 }),
      s('0:30', '凝珠今天划线一百零九，直播间八十九'),
      s('3:00', '一颗就能洗一桶，不用再倒洗衣液了'),
      p('6:00', { ...k, listed: 109, orig: 169, live: 89, stock: 560 }, P7),
      s('6:10', '原价一百六十九的凝珠 今天八十九'),
      s('6:30', '喜欢的宝宝直接拍，拍完记得点个关注'),
    ] });
}
{
  const k = { sku: 'MK-BLENDER', name: '破壁机 1.75L 家用静音' };
  C({ id: 'p7-05', src: 'handwritten; same-venue (shopKey) check', start: '2026-06-18 20:00',
    desc: 'own-room 7-day orders 149/155 → basis 149; another room sold the same sku at 249, which must not be used; card 划线249 live149',
    steps: [
      o('-6d 14:20', k.sku, 249, 'other'), o('-5d 20:30', k.sku, 149), o('-4d 15:00', k.sku, 249, 'other'), o('-2d 20:50', k.sku, 155),
      s('0:10', '宝宝们晚上好，今天来一台破壁机'),
      p('0:25', { ...k, listed: 249, orig: 249, live: 149, stock: 90 }, P7),
      s('0:35', '划线两百四十九，直播间一百四十九'),
      s('0:50', '打豆浆不用过滤，十分钟就能喝上'),
    ] });
}
{
  const k = { sku: 'CJ-TEA-250', name: '高山乌龙茶 250g 罐装' };
  C({ id: 'p7-06', src: 'handwritten; catalogue 3A P7 step 4 (spoken 建议零售价 → medium, still an alert)', platform: 'wechat-channels', start: '2026-09-05 19:00',
    desc: '7-day orders 59/59/62; card 划线99 live59; the seller calls the 99 a 建议零售价 only in speech → downgraded to medium, still counted',
    steps: [
      o('-5d 19:20', k.sku, 59), o('-3d 19:40', k.sku, 59), o('-1d 19:10', k.sku, 62),
      p('0:15', { ...k, listed: 99, orig: 99, live: 59, stock: 300 }, P7),
      s('0:25', '上面划掉的九十九是建议零售价哈，我们直播间五十九'),
      s('0:40', '最佳冲泡水温九十度左右，别用滚开的水'),
      s('0:58', '一罐二百五十克，够喝一个多月'),
    ] });
}
{
  const k = { sku: 'ZJ-SOCK-10', name: '纯色中筒袜 10双装' };
  C({ id: 'p7-07', src: 'handwritten; 米 slang', platform: 'kuaishou', start: '2026-10-22 20:30',
    desc: '7-day orders 45–49; card 划线129 live49 (≥2× basis → critical); spoken "不要一百二十九米" equals the card and is not a separate spoken-reference alert',
    steps: [
      o('-6d 20:40', k.sku, 49), o('-4d 21:10', k.sku, 45), o('-2d 20:35', k.sku, 49),
      s('0:08', '老铁们 袜子来了袜子来了'),
      p('0:20', { ...k, listed: 129, orig: 129, live: 49, stock: 800 }, P7),
      s('0:30', '家人们，不要一百二十九米，今天四十九米十双'),
      s('0:45', '吸汗不臭脚，洗了也不起球'),
    ] });
}
{
  const k = { sku: 'XY-SHAMPOO', name: '控油蓬松洗发水 500ml' };
  C({ id: 'p7-08', src: 'handwritten; catalogue 3A RAISE hard negative 3 (rise <10% → only the 7-day rule)', start: '2026-02-26 20:00',
    desc: 'orders at 99; in-session listed 99 → 105 (+6%, below the raise threshold) → 划线105 live89; 105 > basis 99 + tolerance → 7-day rule only',
    steps: [
      o('-6d 20:10', k.sku, 99), o('-3d 20:25', k.sku, 99), o('-1d 20:40', k.sku, 99),
      p('0:20', { ...k, listed: 99, stock: 500 }),
      s('0:30', '洗发水先给大家看一下，五百毫升一大瓶'),
      p('10:00', { ...k, listed: 105, stock: 480 }),
      s('10:10', '原料涨了，现在标价一百零五'),
      p('18:00', { ...k, listed: 105, orig: 105, live: 89, stock: 470 }, P7),
      s('18:10', '来给大家放个福利，划线一百零五，现在八十九'),
    ] });
}
// negatives
{
  const k = { sku: 'BD-TOWEL', name: '长绒棉浴巾 两条装' };
  C({ id: 'p7-n01', neg: true, src: 'handwritten; catalogue 3A P7 hard negative 1', start: '2026-07-09 20:00',
    desc: 'real price drop: 7-day orders 199/209/199, card 划线199 live149, spoken 直降五十 is accurate',
    steps: [
      o('-6d 20:30', k.sku, 199), o('-4d 20:50', k.sku, 209), o('-2d 21:15', k.sku, 199),
      p('0:20', { ...k, listed: 199, orig: 199, live: 149, stock: 300 }),
      s('0:30', '两条浴巾原价一百九十九的，今儿个直降五十，一百四十九拿走'),
      s('0:45', '长绒棉的，吸水快不掉毛'),
      s('1:00', '两条装，一条洗一条用'),
    ] });
}
{
  const k = { sku: 'RH-CREAM-50', name: '积雪草舒缓面霜 50g' };
  C({ id: 'p7-n02', neg: true, src: 'handwritten; catalogue 3A P7 hard negative 2 (other venue)', start: '2026-11-02 20:00',
    desc: 'another room sold the same sku at 99 three times; this room sold at 159; card 划线159 live129 → the other venue does not count',
    steps: [
      o('-6d 13:10', k.sku, 99, 'outlet'), o('-5d 20:20', k.sku, 159), o('-4d 13:40', k.sku, 99, 'outlet'), o('-3d 14:05', k.sku, 99, 'outlet'), o('-1d 20:35', k.sku, 159),
      s('0:10', '姐妹们，今天主推这款积雪草面霜'),
      p('0:20', { ...k, listed: 159, orig: 159, live: 129, stock: 240 }),
      s('0:30', '平时卖一百五十九，今天一百二十九'),
      s('0:45', '换季泛红的时候薄涂一层，很舒服'),
    ] });
}
{
  const k = { sku: 'HG-SNACK', name: '坚果每日礼盒 30包' };
  C({ id: 'p7-n03', neg: true, src: 'handwritten; catalogue 3A P7 hard negative 3 (rounding)', platform: 'taobao', start: '2026-12-15 19:30',
    desc: '7-day orders 99.9 and 99; card 划线99.9 live79.9 (八折 rounded); 0.9 gap is within the ≤1.00 tolerance',
    steps: [
      o('-5d 19:50', k.sku, 99.9), o('-3d 20:10', k.sku, 99), o('-1d 19:45', k.sku, 99.9),
      p('0:15', { ...k, listed: 99.9, orig: 99.9, live: 79.9, stock: 500 }),
      s('0:25', '三十包坚果，打八折，算下来七十九块九到手'),
      s('0:40', '一天一包，办公室放一盒'),
    ] });
}
{
  const k = { sku: 'NEW-LAMP', name: '护眼台灯 无频闪' };
  C({ id: 'p7-n04', neg: true, src: 'handwritten; catalogue 3A P7 logic step 1 (no order at all → info only)', platform: 'kuaishou', start: '2026-08-01 20:00',
    desc: 'new shop, no order history at all: the struck price cannot be verified → info only, not counted',
    steps: [
      s('0:05', '老铁们，新店开业头一场，多多支持'),
      p('0:20', { ...k, listed: 299, orig: 299, live: 199, stock: 100 }),
      s('0:30', '护眼台灯，划线二百九十九，今天一百九十九'),
      s('0:48', '孩子写作业用，光线柔和不刺眼'),
    ] });
}
{
  const k = { sku: 'TJ-CUP', name: '316不锈钢保温杯 500ml' };
  C({ id: 'p7-n05', neg: true, src: 'handwritten; catalogue 3A P7 logic step 3 (orders after T0 never enter basis)', start: '2026-03-28 20:00',
    desc: '7-day orders at 189; card 划线189 live129; live orders at 129 during the session, then the same card re-sent → no alert',
    steps: [
      o('-6d 20:15', k.sku, 189), o('-2d 20:40', k.sku, 189),
      p('0:30', { ...k, listed: 189, orig: 189, live: 129, stock: 200 }),
      s('0:40', '保温杯原价一百八十九，直播间一百二十九'),
      o('1:10', k.sku, 129), o('1:25', k.sku, 129), o('2:05', k.sku, 129),
      s('2:20', '五百毫升的，保温十二个小时没问题'),
      p('12:00', { ...k, listed: 189, orig: 189, live: 129, stock: 170 }),
      s('12:10', '还没拍的宝宝抓紧'),
    ] });
}
{
  const k = { sku: 'CK-KNIFE', name: '德式三件套厨房刀具' };
  C({ id: 'p7-n06', neg: true, src: 'handwritten; window boundary', platform: 'wechat-channels', start: '2026-05-06 19:30',
    desc: 'cheaper 119 sales were 9 days ago (outside the 7-day window); within the window it sold at 139; card 划线139 live119 → no alert',
    steps: [
      o('-9d 19:40', k.sku, 119), o('-9d 20:05', k.sku, 119), o('-5d 19:50', k.sku, 139), o('-2d 20:20', k.sku, 139),
      p('0:20', { ...k, listed: 139, orig: 139, live: 119, stock: 150 }),
      s('0:30', '刀具三件套，划线一百三十九，今天一百一十九'),
      s('0:45', '切菜刀、水果刀、剪刀都有'),
    ] });
}

// ── PRICE.SPOKEN_REFERENCE_PRICE_UNSUPPORTED ────────────────────────────────────────
{
  const k = { sku: 'SD-QUILT', name: '新疆长绒棉四件套 1.8m' };
  C({ id: 'sr-01', src: 'handwritten; catalogue 3A SR positive 1 pattern', start: '2026-04-15 20:00',
    desc: 'spoken 平时卖399 vs own 7-day orders 189–199; card has no struck price',
    steps: [
      o('-6d 20:30', k.sku, 199), o('-4d 20:45', k.sku, 189), o('-1d 21:00', k.sku, 195),
      p('0:15', { ...k, listed: 129, stock: 300 }),
      s('0:25', '姐妹们看这套四件套，长绒棉的'),
      s('0:40', '这套四件套平常在我们直播间卖三百六十九，今儿一百二十九给你们', SR),
      s('0:55', '一点八米的床刚好，洗了不缩水'),
    ] });
}
{
  const k = { sku: 'MT-NOODLE', name: '螺蛳粉 10袋装' };
  C({ id: 'sr-02', src: 'handwritten; 不要X只要Y with 米 slang', platform: 'kuaishou', start: '2026-06-03 21:00',
    desc: '"不要一百五十九米，今天只要六十九米" (米 = 元): reference 159 vs 7-day orders at 69',
    steps: [
      o('-5d 21:10', k.sku, 69), o('-3d 21:30', k.sku, 69), o('-1d 21:05', k.sku, 69),
      p('0:10', { ...k, listed: 69, stock: 1000 }),
      s('0:20', '老铁们 螺蛳粉来了 十袋装'),
      s('0:32', '老铁们，十袋不要一百五十九米，今天只要六十九米', SR),
      s('0:48', '酸笋给得足，臭香臭香的'),
    ] });
}
{
  const k = { sku: 'XJ-DATE', name: '若羌灰枣 2.5kg' };
  C({ id: 'sr-03', src: 'handwritten; no trade in 7 days → last trade is the basis', platform: 'taobao', start: '2026-09-12 19:30',
    desc: '"日常价一百三" but no trade in 7 days and the last trade (11 days ago) was 79 → basis 79',
    steps: [
      o('-20d 19:40', k.sku, 85), o('-11d 20:00', k.sku, 79),
      p('0:12', { ...k, listed: 79, stock: 400 }),
      s('0:25', '日常价一百三，今天七十九，五斤装', SR),
      s('0:40', '大颗的灰枣 甜度很高，煮粥泡水都行'),
    ] });
}
{
  const k = { sku: 'KF-MACHINE', name: '半自动意式咖啡机 家用' };
  C({ id: 'sr-04', src: 'handwritten; digit-string prices', start: '2026-02-10 20:00',
    desc: '"之前卖都是三九九的" (digit string after a reference marker) vs 7-day orders 199/209',
    steps: [
      o('-6d 20:15', k.sku, 209), o('-2d 20:40', k.sku, 199),
      p('0:10', { ...k, listed: 199, stock: 80 }),
      s('0:22', '咖啡机来了，萃取压力二十巴'),
      s('0:36', '之前卖都是三九九的，今天给到一九九', SR),
      s('0:50', '奶泡也能打，早上做个拿铁'),
    ] });
}
{
  const k = { sku: 'YG-MAT', name: 'TPE加厚瑜伽垫 8mm' };
  C({ id: 'sr-05', src: 'handwritten; ASR spacing + full-width digits', start: '2026-03-03 19:00',
    desc: '"平时 直播间 卖 ２５９ 的" (full-width digits, ASR spaces) vs 7-day orders at 169',
    steps: [
      o('-5d 19:30', k.sku, 169), o('-2d 19:20', k.sku, 169),
      p('0:10', { ...k, listed: 169, stock: 120 }),
      s('0:20', '瑜伽垫 八毫米厚 跪着不疼'),
      s('0:34', '平时 直播间 卖 ２５９ 的哈 今天一百六十九', SR),
      s('0:46', '两面防滑，出汗了也不打滑'),
    ] });
}
{
  const k = { sku: 'SZ-DRESS', name: '桑蚕丝印花连衣裙' };
  C({ id: 'sr-06', src: 'handwritten; catalogue 3A SR logic step 6 (external reference, discount ≥50% → medium)', platform: 'wechat-channels', start: '2026-05-14 20:00',
    desc: '"专柜价一千二百九十九，今天直播间只要三百九十九": external reference with a 69% claimed discount → medium alert (request proof)',
    steps: [
      p('0:15', { ...k, listed: 399, stock: 60 }),
      s('0:25', '这条真丝裙子，垂感特别好'),
      s('0:40', '专柜价一千二百九十九，今天直播间只要三百九十九', SR),
      s('0:55', '尺码从S到XL，一百二十斤穿M'),
    ] });
}
{
  const pot = { sku: 'CW-WOK', name: '精铁炒锅 32cm' }, sp = { sku: 'CW-SPATULA', name: '硅胶锅铲 耐高温' };
  C({ id: 'sr-07', src: 'handwritten; §5 pitfall 7 (binding) inside a positive', start: '2026-07-21 20:00',
    desc: 'the 199 belongs to the previous item (the wok, "刚刚那个"); the spatula "之前卖三十九块九" vs its own 7-day orders at 19.9 → alert on the spatula only',
    steps: [
      o('-6d 20:10', pot.sku, 199), o('-4d 20:30', sp.sku, 19.9), o('-2d 20:45', sp.sku, 19.9),
      p('0:10', { ...pot, listed: 199, stock: 100 }),
      s('0:20', '这口炒锅一百九十九，精铁的不挑灶'),
      p('2:00', { ...sp, listed: 19.9, stock: 500 }),
      s('2:10', '锅是一百九十九哈，那是刚刚那个；这把铲子我们之前卖三十九块九，现在十九块九', SR),
      s('2:25', '耐高温的，不刮锅'),
    ] });
}
// negatives
{
  const k = { sku: 'ML-NOODLE', name: '手工挂面 5斤装' };
  C({ id: 'sr-n01', neg: true, src: 'handwritten; catalogue 3A SR hard negative 1', start: '2026-04-08 19:30',
    desc: '"日常价八十九一箱，今天六十九" and the 7-day orders are 89/89/88.5 → supported (within tolerance)',
    steps: [
      o('-6d 19:40', k.sku, 89), o('-4d 20:00', k.sku, 88.5), o('-1d 19:50', k.sku, 89),
      p('0:15', { ...k, listed: 69, stock: 400 }),
      s('0:25', '挂面日常价八十九一箱，今天六十九，五斤装'),
      s('0:40', '煮出来不糊汤，筋道'),
    ] });
}
{
  const pot = { sku: 'KT-POT', name: '珐琅铸铁锅 24cm' }, sh = { sku: 'KT-SHOVEL', name: '木柄锅铲' };
  C({ id: 'sr-n02', neg: true, src: 'handwritten; catalogue §5 pitfall 7', platform: 'kuaishou', start: '2026-06-11 20:00',
    desc: 'the 199 is the previous item\'s price (pot card 199), the spatula is 19.9 and sold at 19.9 → no reference claim about the spatula',
    steps: [
      o('-5d 20:20', pot.sku, 199), o('-3d 20:40', sh.sku, 19.9),
      p('0:10', { ...pot, listed: 199, stock: 60 }),
      s('0:20', '这口铸铁锅炖肉特别香'),
      p('1:30', { ...sh, listed: 19.9, stock: 300 }),
      s('1:40', '刚刚那个铸铁锅一百九十九，现在讲的这个铲子十九块九'),
      s('1:55', '木头柄的不烫手'),
    ] });
}
{
  const k = { sku: 'XY-DETERGENT', name: '浓缩洗衣液 3kg' };
  C({ id: 'sr-n03', neg: true, src: 'handwritten; external + vague reference', start: '2026-08-19 20:00',
    desc: '"外面超市卖三十多" is an external, vague reference → never an own-shop reference',
    steps: [
      o('-3d 20:10', k.sku, 29.9),
      p('0:10', { ...k, listed: 29.9, stock: 900 }),
      s('0:22', '洗衣液三公斤一大桶'),
      s('0:35', '外面超市卖三十多，我们这二十九块九'),
      s('0:50', '低泡好漂，手洗机洗都可以'),
    ] });
}
{
  const k = { sku: 'WJ-SCARF', name: '羊绒围巾 双面' };
  C({ id: 'sr-n04', neg: true, src: 'handwritten; catalogue 3A SR logic step 6 (external, discount <50% → info)', platform: 'taobao', start: '2026-11-20 20:00',
    desc: '"专柜价四百五十九，我们这里三百六十九": external reference with a 20% discount → info only',
    steps: [
      p('0:10', { ...k, listed: 369, stock: 70 }),
      s('0:20', '这条围巾是双面的，两个颜色换着戴'),
      s('0:35', '专柜价四百五十九，我们这里三百六十九'),
      s('0:50', '围上很软，不扎脖子'),
    ] });
}
{
  const k = { sku: 'PJ-SET', name: '珊瑚绒睡衣套装' };
  C({ id: 'sr-n05', neg: true, src: 'handwritten; catalogue 3A SR logic step 5 (vague amounts never used)', start: '2026-12-02 20:30',
    desc: '"平时卖一百多" is vague and never used as a reference; 7-day orders at 89',
    steps: [
      o('-5d 20:40', k.sku, 89), o('-2d 21:00', k.sku, 89),
      p('0:10', { ...k, listed: 89, stock: 260 }),
      s('0:20', '睡衣套装，珊瑚绒的很暖和'),
      s('0:32', '平时卖一百多呢，今天八十九'),
    ] });
}
{
  const k = { sku: 'HF-AIRFRYER', name: '可视空气炸锅 5L' };
  C({ id: 'sr-n06', neg: true, src: 'handwritten; honest struck price', platform: 'douyin', start: '2026-09-27 20:00',
    desc: 'spoken 原价299 equals the card struck price and the 7-day orders were 299 → honest comparison',
    steps: [
      o('-6d 20:05', k.sku, 299), o('-3d 20:30', k.sku, 299), o('-1d 20:50', k.sku, 299),
      p('0:15', { ...k, listed: 299, orig: 299, live: 239, stock: 150 }),
      s('0:25', '空气炸锅原价二百九十九，今天两百三十九'),
      s('0:40', '五升的，一只鸡放得下'),
      s('0:55', '九十九个宝宝在问能不能烤红薯，能！'),
    ] });
}

// ── PRICE.RAISE_THEN_DISCOUNT ────────────────────────────────────────────────────────
{
  const k = { sku: 'DS-RICE', name: '东北五常大米 10斤' };
  C({ id: 'rt-01', src: 'handwritten; catalogue 3A RT positive 1 pattern', start: '2026-08-20 20:00',
    desc: 'sold at 99 all week; listed raised to 189 two days ago with no sales; today 划线189 live119 "直降七十" → raise-then-discount and 7-day rule on the same card',
    steps: [
      hp('-9d 19:55', { ...k, listed: 99, stock: 800 }),
      o('-8d 20:10', k.sku, 99), o('-6d 20:30', k.sku, 99), o('-5d 21:00', k.sku, 99),
      hp('-2d 20:00', { ...k, listed: 189, stock: 780 }),
      s('0:10', '家人们，东北大米来了'),
      p('0:20', { ...k, listed: 189, orig: 189, live: 119, stock: 780 }, [RT, P7]),
      s('0:30', '今天直降七十，一百一十九十斤'),
      s('0:45', '新米，煮出来有米油'),
    ] });
}
{
  const k = { sku: 'ZB-LIPBALM', name: '润唇膏 三支装' };
  C({ id: 'rt-02', src: 'handwritten; catalogue 3A RT positive 2 (in-session)', platform: 'kuaishou', start: '2026-10-09 20:00',
    desc: 'no order history; card listed 69, raised to 129 fifteen minutes later, then 划线129 live69 → raise-then-discount',
    steps: [
      p('0:30', { ...k, listed: 69, stock: 500 }),
      s('0:40', '润唇膏三支装，秋冬嘴巴干的拍'),
      s('5:00', '先讲下一个，等会儿再回来'),
      p('15:00', { ...k, listed: 129, stock: 500 }),
      s('15:10', '润唇膏等一下放福利'),
      p('24:00', { ...k, listed: 129, orig: 129, live: 69, stock: 500 }, RT),
      s('24:10', '原价一百二十九，现在直接六十九！'),
    ] });
}
{
  const k = { sku: 'YZ-COAT', name: '双面羊毛大衣 中长款' };
  C({ id: 'rt-03', src: 'handwritten; catalogue 3A RT positive 3 (双十一 pre-heat)', platform: 'taobao', start: '2026-11-10 20:00',
    desc: 'listed 299 → raised to 399 on 11-03 with no trade; on 11-10 划线399 live299; no trade in the 7 days → last trade 299 is the 7-day basis as well',
    steps: [
      o('2026-10-20 20:30', k.sku, 299), o('2026-10-27 20:40', k.sku, 299),
      hp('2026-11-01 20:00', { ...k, listed: 299, stock: 120 }),
      hp('2026-11-03 21:00', { ...k, listed: 399, stock: 120 }),
      s('0:10', '双十一预热场，姐妹们大衣来了'),
      p('0:20', { ...k, listed: 399, orig: 399, live: 299, stock: 120 }, [RT, P7]),
      s('0:30', '双面羊毛的，今天二百九十九'),
    ] });
}
{
  const k = { sku: 'MJ-MASK', name: '补水面膜 20片' };
  C({ id: 'rt-04', src: 'handwritten; cross-session raise, no orders', start: '2026-03-30 20:00',
    desc: 'price cards: 45 twenty days ago, raised to 79 five days ago; today 划线79 live49; no orders → P_base falls back to the pre-raise 45',
    steps: [
      hp('-20d 20:00', { ...k, listed: 45, stock: 1000 }),
      hp('-5d 20:00', { ...k, listed: 79, stock: 1000 }),
      s('0:08', '宝宝们，面膜返场了'),
      p('0:18', { ...k, listed: 79, orig: 79, live: 49, stock: 1000 }, RT),
      s('0:28', '二十片一盒，今天四十九'),
    ] });
}
// negatives
{
  const k = { sku: 'CY-CHAIR', name: '人体工学椅 带头枕' };
  C({ id: 'rt-n01', neg: true, src: 'handwritten; catalogue 3A RT hard negative 1 (raised price really sold)', start: '2026-05-25 20:00',
    desc: 'listed raised 99 → 149 six days ago, then sold 4 times at 149; card 划线149 live119 → the raised price was real; 7-day basis 149 too',
    steps: [
      o('-14d 20:10', k.sku, 99), o('-12d 20:20', k.sku, 99), o('-10d 20:30', k.sku, 99),
      hp('-6d 19:00', { ...k, listed: 149, stock: 200 }),
      o('-5d 20:15', k.sku, 149), o('-4d 20:35', k.sku, 149), o('-3d 20:45', k.sku, 149), o('-1d 20:05', k.sku, 149),
      p('0:20', { ...k, listed: 149, orig: 149, live: 119, stock: 190 }),
      s('0:30', '人体工学椅，原价一百四十九，今天一百一十九'),
      s('0:45', '腰托可以调，久坐不累'),
    ] });
}
{
  const k = { sku: 'NR-BEEF', name: '牛肉干 250g' };
  C({ id: 'rt-n02', neg: true, src: 'handwritten; catalogue 3A RT hard negative 2', start: '2026-01-18 20:00',
    desc: 'listed 69 → 129 in session, no struck price and no discount afterwards → not raise-then-discount',
    steps: [
      p('0:20', { ...k, listed: 69, stock: 300 }),
      s('0:30', '牛肉干先给大家尝尝'),
      p('12:00', { ...k, listed: 129, stock: 300 }),
      s('12:10', '原材料涨价了，这款现在一百二十九，大家理解一下'),
    ] });
}
{
  const k = { sku: 'TS-TISSUE', name: '抽纸 24包' };
  C({ id: 'rt-n03', neg: true, src: 'handwritten; catalogue 3A RT hard negative 3', start: '2026-06-26 20:00',
    desc: 'listed 99 → 105 (+6%), then 划线105 live89; no order history → below the raise threshold, 7-day rule only info',
    steps: [
      p('0:20', { ...k, listed: 99, stock: 500 }),
      s('0:30', '抽纸二十四包，一家人用两个月'),
      p('9:00', { ...k, listed: 105, stock: 500 }),
      p('20:00', { ...k, listed: 105, orig: 105, live: 89, stock: 500 }),
      s('20:10', '来，抽纸现在八十九'),
    ] });
}

// ── PRICE.DISCOUNT_CLAIM_MISMATCH ───────────────────────────────────────────────────
C({ id: 'dc-01', src: 'handwritten; catalogue 3A DC positive 1 pattern', start: '2026-04-21 20:00',
  desc: '"今天卫衣打五折，两百块的五折" but the card is 划线200 live140 (30% off)',
  steps: [
    p('0:15', { sku: 'FZ-HOODIE', name: '加绒连帽卫衣', listed: 200, orig: 200, live: 140, stock: 300 }),
    s('0:25', '卫衣来了，加绒的'),
    s('0:38', '今天卫衣打五折，两百块的五折带走，家人们冲', DC),
    s('0:52', '男女同款，宽松版型'),
  ] });
C({ id: 'dc-02', src: 'handwritten; catalogue 3A DC positive 2 pattern', platform: 'kuaishou', start: '2026-07-02 21:00',
  desc: '"直降两百" (said twice in one segment = one claim) but the card drops 399 → 299',
  steps: [
    p('0:10', { sku: 'DQ-FAN', name: '无叶循环扇 落地款', listed: 399, orig: 399, live: 299, stock: 150 }),
    s('0:20', '老铁们循环扇来了'),
    s('0:31', '直降两百！直降两百！', DC),
    s('0:45', '风很柔，晚上开着睡觉不吵'),
  ] });
C({ id: 'dc-03', src: 'handwritten; catalogue 3A DC positive 3 pattern', start: '2026-09-16 20:00',
  desc: '"八五折到手" but 200 → 188 (94%)',
  steps: [
    p('0:10', { sku: 'XS-PERFUME', name: '淡香水 50ml', listed: 200, orig: 200, live: 188, stock: 90 }),
    s('0:22', '这瓶香水前调是柑橘'),
    s('0:35', '今天八五折到手，姐妹们冲', DC),
  ] });
C({ id: 'dc-04', src: 'handwritten', platform: 'taobao', start: '2026-02-14 20:00',
  desc: '"今天打六折" but 划线159 live129 (81%)',
  steps: [
    p('0:15', { sku: 'QL-ROSE', name: '永生花礼盒', listed: 159, orig: 159, live: 129, stock: 200 }),
    s('0:25', '情人节礼物还没买的看这里'),
    s('0:38', '今天打六折，六折啊宝宝们', DC),
    s('0:50', '包装都是现成的，直接送'),
  ] });
C({ id: 'dc-05', src: 'handwritten; amount claim', start: '2026-05-08 19:30',
  desc: '"立减八十" but 299 → 259 (only 40 off)',
  steps: [
    p('0:15', { sku: 'DC-KETTLE', name: '电热水壶 1.7L 保温', listed: 299, orig: 299, live: 259, stock: 120 }),
    s('0:25', '热水壶可以保温，泡奶粉方便'),
    s('0:40', '这个今天立减八十 立减八十', DC),
  ] });
C({ id: 'dc-06', src: 'handwritten; 半价', platform: 'kuaishou', start: '2026-10-30 20:00',
  desc: '"半价带走" but 198 → 149; "最后说一遍" is not a scarcity/absolute claim',
  steps: [
    p('0:10', { sku: 'BZ-BOOTS', name: '雪地靴 加厚', listed: 198, orig: 198, live: 149, stock: 400 }),
    s('0:20', '雪地靴里面全是绒'),
    s('0:33', '半价！半价带走！', DC),
    s('0:45', '最后说一遍，尺码偏大，拍小一码'),
  ] });
// negatives
C({ id: 'dc-n01', neg: true, src: 'handwritten; catalogue 3A DC hard negative 1 pattern', start: '2026-03-19 20:00',
  desc: '"餐盘一百二十九，今天对折，六十四块五" matches 129 → 64.5',
  steps: [
    p('0:10', { sku: 'CK-PLATE', name: '陶瓷餐盘 4只装', listed: 129, orig: 129, live: 64.5, stock: 200 }),
    s('0:20', '餐盘四只装，能进微波炉和洗碗机'),
    s('0:32', '餐盘一百二十九，今天对折，六十四块五'),
  ] });
C({ id: 'dc-n02', neg: true, src: 'handwritten; rounding', platform: 'taobao', start: '2026-04-26 20:00',
  desc: '"九折，一百九十九打完九折一百七十九" (179.1 rounded down) → within tolerance',
  steps: [
    p('0:10', { sku: 'YD-SHOES', name: '缓震跑步鞋', listed: 199, orig: 199, live: 179, stock: 300 }),
    s('0:20', '跑鞋九折，一百九十九打完九折一百七十九'),
    s('0:34', '鞋底有弹性，跑五公里脚不累'),
  ] });
C({ id: 'dc-n03', neg: true, src: 'handwritten; catalogue 3A DC hard negative 3 (conditional)', start: '2026-07-15 20:00',
  desc: '"满三百减五十" is a conditional amount and is never compared with the single-unit card',
  steps: [
    p('0:10', { sku: 'HZ-SUNSCREEN', name: '清爽防晒乳 SPF50', listed: 199, stock: 300 }),
    s('0:20', '防晒来了，夏天必备'),
    s('0:33', '店铺满三百减五十，凑单的宝宝可以两瓶一起拍'),
  ] });
C({ id: 'dc-n04', neg: true, src: 'handwritten; comparative with an external comparand', platform: 'kuaishou', start: '2026-08-08 19:00',
  desc: '"比超市便宜一半" compares with another channel, not the card\'s struck price',
  steps: [
    p('0:10', { sku: 'LY-OIL', name: '压榨花生油 5L', listed: 59.9, stock: 300 }),
    s('0:22', '花生油五升一桶'),
    s('0:35', '比超市便宜一半，老铁们自己去对比'),
  ] });
C({ id: 'dc-n05', neg: true, src: 'handwritten; X折起 is not a firm claim', start: '2026-09-01 20:00',
  desc: '"全场三折起" is a lower bound for some items, not a claim about this card (划线399 live299)',
  steps: [
    p('0:10', { sku: 'NZ-JACKET', name: '牛仔外套 宽松', listed: 399, orig: 399, live: 299, stock: 100 }),
    s('0:20', '今天清仓专场，全场三折起'),
    s('0:33', '这件牛仔外套版型很好'),
  ] });
C({ id: 'dc-n06', neg: true, src: 'handwritten; 打骨折 hyperbole', start: '2026-12-12 20:00',
  desc: '"价格直接打骨折" is hyperbole, not a numeric discount',
  steps: [
    p('0:10', { sku: 'DJ-HEATER', name: '暖风机 小型', listed: 99, orig: 99, live: 59, stock: 200 }),
    s('0:20', '暖风机，放脚底下很快就暖了'),
    s('0:32', '今天价格直接打骨折，五十九'),
  ] });

// ── PRICE.SPOKEN_PRICE_NOT_HONORED ──────────────────────────────────────────────────
{
  const k = { sku: 'HZ-SERUM-B', name: '烟酰胺提亮精华 30ml' };
  C({ id: 'sp-01', src: 'handwritten; catalogue 3A SP positive 1 pattern', start: '2026-03-06 20:00',
    desc: '"到手价九十九块九" with no condition; the checkout page then shows 129.9',
    steps: [
      p('0:20', { ...k, listed: 129.9, stock: 300 }),
      s('0:35', '提亮精华，早晚都能用'),
      s('1:00', '到手价九十九块九，九十九块九！'),
      s('1:20', '三二一，上链接'),
      p('2:30', { ...k, listed: 129.9, co: 129.9, stock: 290 }, SP),
      s('2:40', '拍到的宝宝扣个已拍'),
    ] });
}
{
  const k = { sku: 'SP-JERKY', name: '风干牛肉 500g' };
  C({ id: 'sp-02', src: 'handwritten; catalogue 3A SP positive 2 (split utterance)', platform: 'kuaishou', start: '2026-05-27 21:00',
    desc: 'split: "今天到手" / "六十九块钱，对，六十九"; checkout 89',
    steps: [
      p('0:15', { ...k, listed: 89, stock: 400 }),
      s('0:40', '风干牛肉，一斤装的'),
      s('1:00', '这一斤牛肉今天到手'),
      s('1:03', '六十九块钱，对，六十九'),
      p('2:10', { ...k, listed: 89, co: 89, stock: 390 }, SP),
    ] });
}
{
  const k = { sku: 'SP-CANDLE', name: '香薰蜡烛 礼盒' };
  C({ id: 'sp-03', src: 'handwritten; full-width digits', start: '2026-12-20 19:30',
    desc: '"到手价 ５９ 元" (full-width) but the checkout is 79',
    steps: [
      p('0:10', { ...k, listed: 79, stock: 200 }),
      s('0:25', '香薰蜡烛，圣诞礼物很合适'),
      s('0:40', '到手价 ５９ 元 姐妹们'),
      p('1:40', { ...k, listed: 79, co: 79, stock: 195 }, SP),
    ] });
}
{
  const k = { sku: 'SP-BLANKET', name: '牛奶绒毛毯 1.5x2m' };
  C({ id: 'sp-04', src: 'handwritten; 包邮 as a final-price marker', platform: 'taobao', start: '2026-11-16 20:00',
    desc: '"一百九十九包邮带回家" but checkout 229',
    steps: [
      p('0:10', { ...k, listed: 229, stock: 150 }),
      s('0:20', '毛毯一点五乘两米，盖着软乎乎的'),
      s('0:35', '一百九十九包邮带回家'),
      p('1:30', { ...k, listed: 229, co: 229, stock: 148 }, SP),
      s('1:40', '颜色有灰色和奶白'),
    ] });
}
{
  const k = { sku: 'SP-CASE', name: '磁吸手机壳' };
  C({ id: 'sp-05', src: 'handwritten', start: '2026-02-03 20:00',
    desc: '"直接拍，拍下只要三十九块九" but checkout 49.9',
    steps: [
      p('0:10', { ...k, listed: 49.9, stock: 600 }),
      s('0:22', '手机壳磁吸的，无线充电不用摘'),
      s('0:35', '直接拍，拍下只要三十九块九'),
      p('1:20', { ...k, listed: 49.9, co: 49.9, stock: 590 }, SP),
    ] });
}
// negatives
{
  const k = { sku: 'SPN-TEA', name: '桂花乌龙 冷泡茶包' };
  C({ id: 'sp-n01', neg: true, src: 'handwritten; catalogue 3A SP hard negative 1 (more favourable)', start: '2026-06-09 20:00',
    desc: '"到手价六十九" and the checkout is 65 → more favourable, never price fraud',
    steps: [
      p('0:10', { ...k, listed: 69, stock: 300 }),
      s('0:22', '冷泡茶包，夏天泡一瓶'),
      s('0:35', '到手价六十九'),
      p('1:30', { ...k, listed: 69, co: 65, stock: 295 }),
    ] });
}
{
  const k = { sku: 'SPN-SOCK', name: '棉袜 5双装' };
  C({ id: 'sp-n02', neg: true, src: 'handwritten; catalogue 3A SP hard negative 2 (conditional)', platform: 'kuaishou', start: '2026-09-23 20:00',
    desc: '"两件一起拍到手九十八" is a two-unit price; single-unit checkout 59 is not compared',
    steps: [
      p('0:10', { ...k, listed: 59, stock: 500 }),
      s('0:20', '袜子五双装'),
      s('0:33', '两件一起拍到手九十八，多拍多划算'),
      p('1:20', { ...k, listed: 59, co: 59, stock: 490 }),
    ] });
}
{
  const k = { sku: 'SPN-OAT', name: '即食燕麦片 1kg' };
  C({ id: 'sp-n03', neg: true, src: 'handwritten; catalogue 3A SP hard negative 3 (rounding)', start: '2026-01-27 20:00',
    desc: '"八折到手七十九块九" (99.9 × 0.8 = 79.92) and checkout 79.9',
    steps: [
      p('0:10', { ...k, listed: 99.9, orig: 99.9, live: 79.9, stock: 300 }),
      s('0:22', '燕麦片一公斤，早上冲一碗'),
      s('0:35', '九十九块九的燕麦，八折，到手七十九块九'),
      p('1:20', { ...k, listed: 99.9, orig: 99.9, live: 79.9, co: 79.9, stock: 297 }),
    ] });
}
{
  const k = { sku: 'SPN-PILLOW', name: '乳胶枕 成人' };
  C({ id: 'sp-n04', neg: true, src: 'handwritten; catalogue 3A SP logic step 4 (correction)', start: '2026-04-30 20:00',
    desc: '"到手五十九" is corrected ("说错了，是六十九") before checkout 69',
    steps: [
      p('0:10', { ...k, listed: 69, stock: 200 }),
      s('0:22', '乳胶枕，睡着不闷'),
      s('0:35', '到手五十九'),
      s('0:42', '哎不好意思说错了说错了，是六十九，六十九'),
      p('1:30', { ...k, listed: 69, co: 69, stock: 195 }),
    ] });
}
{
  const k = { sku: 'SPN-CARD', name: '健身房月卡' };
  C({ id: 'sp-n05', neg: true, src: 'handwritten; condition inside the claim', platform: 'wechat-channels', start: '2026-03-15 19:00',
    desc: '"会员到手价八十九" is conditional from the start; non-member checkout 99 is not compared',
    steps: [
      p('0:10', { ...k, listed: 99, stock: 100 }),
      s('0:22', '健身房月卡，附近三公里都能用'),
      s('0:35', '会员到手价八十九，非会员就是九十九'),
      p('1:20', { ...k, listed: 99, co: 99, stock: 99 }),
    ] });
}
{
  const k = { sku: 'SPN-BAG', name: '通勤双肩包' };
  C({ id: 'sp-n06', neg: true, src: 'handwritten; counts that are not prices', start: '2026-08-27 20:00',
    desc: '"九十九个人在问" is a count and "三号链接" a link number; the real price 129 matches the checkout',
    steps: [
      p('0:10', { ...k, listed: 129, stock: 300 }),
      s('0:22', '公屏上九十九个人在问这个包，三号链接'),
      s('0:35', '到手价就是一百二十九，能放十五寸电脑'),
      p('1:20', { ...k, listed: 129, co: 129, stock: 290 }),
    ] });
}

// ── PRICE.CHECKOUT_ABOVE_DISPLAYED ──────────────────────────────────────────────────
C({ id: 'ca-01', src: 'handwritten; catalogue 3A CA positive 2 pattern', start: '2026-03-22 20:00',
  desc: 'card live 9.9, checkout 12.9, no shipping fee disclosed',
  steps: [
    p('0:15', { sku: 'CA-TISSUE', name: '湿厕纸 4包', listed: 19.9, live: 9.9, co: 12.9, stock: 2000 }, CA),
    s('0:25', '湿厕纸囤货的宝宝看过来'),
    s('0:40', '可以直接冲进马桶，不堵'),
  ] });
C({ id: 'ca-02', src: 'handwritten; catalogue 3A CA positive 3 pattern', platform: 'taobao', start: '2026-06-30 20:00',
  desc: 'live 199, checkout 219 (an undisclosed service-fee line)',
  steps: [
    p('0:15', { sku: 'CA-CUSHION', name: '腰部按摩靠垫', listed: 259, live: 199, co: 219, stock: 80 }, CA),
    s('0:25', '按摩靠垫，办公室午休用'),
    s('0:40', '有三档力度'),
  ] });
C({ id: 'ca-03', src: 'handwritten', platform: 'kuaishou', start: '2026-10-05 20:00',
  desc: 'listed 89 with no live price, checkout 96',
  steps: [
    s('0:08', '老铁们，看这个收纳箱'),
    p('0:15', { sku: 'CA-BOX', name: '折叠收纳箱 3个装', listed: 89, co: 96, stock: 300 }, CA),
    s('0:28', '不用的时候能折起来'),
  ] });
{
  const k = { sku: 'CA-COMB', name: '负离子梳子' };
  C({ id: 'ca-04', src: 'handwritten; catalogue 3A CA positive 1 (double: both rules)', start: '2026-08-14 20:00',
    desc: '"五十九包邮到家，不收别的钱", card live 59, checkout 65 → checkout above displayed AND spoken price not honored',
    steps: [
      p('0:20', { ...k, listed: 79, live: 59, stock: 300 }),
      s('0:40', '五十九包邮到家，不收别的钱'),
      p('2:00', { ...k, listed: 79, live: 59, co: 65, stock: 296 }, [CA, SP]),
      s('2:10', '梳完头发顺顺的'),
    ] });
}
// negatives
C({ id: 'ca-n01', neg: true, src: 'handwritten; catalogue 3A CA hard negative 1', start: '2026-02-19 20:00',
  desc: 'live 59, checkout 59',
  steps: [
    p('0:10', { sku: 'CAN-MUG', name: '马克杯 带盖', listed: 79, live: 59, co: 59, stock: 200 }),
    s('0:20', '马克杯，带盖带勺'),
  ] });
{
  const k = { sku: 'CAN-RACK', name: '落地衣帽架' };
  C({ id: 'ca-n02', neg: true, src: 'handwritten; catalogue 3A CA hard negative 2 (fee disclosed)', start: '2026-05-18 20:00',
    desc: 'the streamer disclosed a 6-yuan shipping fee before; live 59, checkout 65 → the delta equals the disclosed fee',
    steps: [
      p('0:10', { ...k, listed: 59, stock: 100 }),
      s('0:20', '衣帽架，放门口挂外套'),
      s('0:35', '这个比较大件，不包邮哈，运费六块，大家拍之前注意一下'),
      p('1:30', { ...k, listed: 59, co: 65, stock: 98 }),
    ] });
}
C({ id: 'ca-n03', neg: true, src: 'handwritten; catalogue 3A CA hard negative 3 (subsidy)', start: '2026-07-07 20:00',
  desc: 'live 99, checkout 95 (platform subsidy) → more favourable',
  steps: [
    p('0:10', { sku: 'CAN-LAMP', name: '小夜灯 感应', listed: 129, live: 99, co: 95, stock: 300 }),
    s('0:20', '感应小夜灯，起夜不用摸开关'),
    s('0:33', '平台还有补贴，结算的时候会更便宜一点'),
  ] });
C({ id: 'ca-n04', neg: true, src: 'handwritten; rounding tolerance', platform: 'kuaishou', start: '2026-09-19 20:00',
  desc: 'live 39.9, checkout 40.2 → 0.3 gap within the 0.50 tolerance',
  steps: [
    p('0:10', { sku: 'CAN-BRUSH', name: '电动牙刷头 4支', listed: 49.9, live: 39.9, co: 40.2, stock: 500 }),
    s('0:20', '牙刷头四支，三个月换一次'),
  ] });

// ── PRICE.UNDISCLOSED_PRICE_CONDITION ───────────────────────────────────────────────
{
  const k = { sku: 'UC-SERUM', name: '玻尿酸原液 10支' };
  C({ id: 'uc-01', src: 'handwritten; catalogue 3A UC positive 1 pattern', start: '2026-03-09 20:00',
    desc: 'headline "到手价统一四十九" (card 59); 3 minutes later "得是店铺会员才是四十九" → the condition is revealed late',
    steps: [
      p('0:20', { ...k, listed: 59, stock: 500 }),
      s('0:50', '今天进来的宝宝，到手价统一四十九'),
      s('1:30', '十支原液，一天一支'),
      s('3:30', '忘了说，得是店铺会员才是四十九', UC),
      s('3:45', '开会员不要钱的，点一下就行'),
    ] });
}
{
  const k = { sku: 'UC-SNACK', name: '辣条大礼包' };
  C({ id: 'uc-02', src: 'handwritten; catalogue 3A UC positive 2 + logic step 4 (both alerts)', platform: 'kuaishou', start: '2026-06-06 21:00',
    desc: '"九块九包邮"; checkout 15.9 (spoken price not honored); then "前一百名才是九块九" (late condition)',
    steps: [
      p('0:20', { ...k, listed: 15.9, stock: 3000 }),
      s('0:40', '辣条大礼包，九块九包邮'),
      p('2:00', { ...k, listed: 15.9, co: 15.9, stock: 2950 }, SP),
      s('2:40', '不过只有前一百名才是九块九，后面的按十五块九', UC),
    ] });
}
{
  const k = { sku: 'UC-TOWEL', name: '洗脸巾 抽取式 6包' };
  C({ id: 'uc-03', src: 'handwritten; coupon revealed late', start: '2026-08-03 20:00',
    desc: '"到手六十九" (card 79); later "先领券再叠个店铺红包才是六十九"',
    steps: [
      p('0:15', { ...k, listed: 79, stock: 800 }),
      s('0:30', '洗脸巾六大包，到手六十九'),
      s('1:10', '珍珠纹的，擦脸不掉屑'),
      s('2:20', '记得先领券再叠个店铺红包才是六十九', UC),
    ] });
}
{
  const k = { sku: 'UC-EARBUD', name: '蓝牙耳机 半入耳' };
  C({ id: 'uc-04', src: 'handwritten; 新人首单 revealed late', platform: 'taobao', start: '2026-10-14 20:00',
    desc: '"到手价三十九" (card 49); later "新人首单才是三十九"',
    steps: [
      p('0:15', { ...k, listed: 49, stock: 600 }),
      s('0:30', '蓝牙耳机到手价三十九'),
      s('1:20', '续航六个小时，通勤够用'),
      s('2:30', '新人首单才是三十九哈，老粉是四十九', UC),
    ] });
}
{
  const k = { sku: 'UC-DUVET', name: '大豆纤维被 200x230' };
  C({ id: 'uc-05', src: 'handwritten; 这个价 + 才是 reveal', start: '2026-12-08 20:00',
    desc: '"到手一百二十九" (card 159); later "要拍两件才是这个价"',
    steps: [
      p('0:15', { ...k, listed: 159, stock: 200 }),
      s('0:30', '冬被来了，到手一百二十九'),
      s('1:30', '盖着轻，又暖和'),
      s('2:10', '不过要拍两件才是这个价哈', UC),
    ] });
}
// negatives
{
  const k = { sku: 'UCN-BREAD', name: '全麦吐司 1kg' };
  C({ id: 'uc-n01', neg: true, src: 'handwritten; catalogue 3A UC hard negative 1', start: '2026-02-25 20:00',
    desc: 'condition stated upfront in the same sentence: "拍两件九十八到手，只拍一件就是五十九"; checkout 59',
    steps: [
      p('0:10', { ...k, listed: 59, stock: 300 }),
      s('0:22', '拍两件九十八到手，只拍一件就是五十九'),
      p('1:20', { ...k, listed: 59, co: 59, stock: 298 }),
    ] });
}
C({ id: 'uc-n02', neg: true, src: 'handwritten; catalogue 3A UC hard negative 2', platform: 'kuaishou', start: '2026-05-02 20:00',
  desc: 'the card title says 第2件0元 and the spoken price is per unit',
  steps: [
    p('0:10', { sku: 'UCN-LIQUID', name: '薰衣草洗衣液 2kg 第2件0元', listed: 39.9, stock: 600 }),
    s('0:22', '一瓶三十九块九，第二件不要钱，标题上写着呢'),
    s('0:36', '薰衣草味的，香味很淡'),
  ] });
{
  const k = { sku: 'UCN-CLASS', name: '少儿美术体验课 4节' };
  C({ id: 'uc-n03', neg: true, src: 'handwritten; catalogue 3A UC hard negative 3', start: '2026-07-28 19:00',
    desc: '"新人专享" said first, then the price; repeating the condition later is not a late reveal',
    steps: [
      p('0:10', { ...k, listed: 39, stock: 100 }),
      s('0:22', '新人专享，新人到手二十九'),
      s('1:40', '上课地点在门店，可以预约周末'),
      s('2:30', '再说一遍，新人才有这个价哈'),
    ] });
}
{
  const k = { sku: 'UCN-WATER', name: '苏打水 24瓶' };
  C({ id: 'uc-n04', neg: true, src: 'handwritten; coupon is an extra, card already equals the headline', start: '2026-09-09 20:00',
    desc: '"到手六十九" equals the card 69; "领券后还能再便宜五块" is an extra saving, not a condition of the 69',
    steps: [
      p('0:10', { ...k, listed: 69, stock: 500 }),
      s('0:22', '苏打水二十四瓶，到手六十九'),
      s('1:30', '领券后还能再便宜五块'),
    ] });
}

// ── PRICE.FAKE_SCARCITY_STOCK ───────────────────────────────────────────────────────
C({ id: 'fs-01', src: 'handwritten; catalogue 3A FS positive 1 pattern', start: '2026-04-11 20:00',
  desc: '"最后十单了" (repeated inside one segment = one claim) while the card stock is 2000',
  steps: [
    p('0:20', { sku: 'FS-NOODLE', name: '酸辣粉 12桶', listed: 49.9, stock: 2000 }),
    s('0:35', '酸辣粉十二桶，宿舍囤货'),
    s('1:00', '最后十单了，最后十单！', FS),
    s('1:15', '没抢到的宝宝扣个没抢到'),
  ] });
{
  const k = { sku: 'FS-SCARF', name: '真丝方巾 70cm' };
  C({ id: 'fs-02', src: 'handwritten; catalogue 3A FS positive 2 (three claims, no depletion)', start: '2026-06-19 20:00',
    desc: 'three "最后五单" claims in 6 minutes while stock goes 20 → 18 → 22 (silently restocked) → fires at the third claim',
    steps: [
      p('0:10', { ...k, listed: 89, stock: 20 }),
      s('0:30', '这个方巾只剩五单了姐妹们'),
      p('3:00', { ...k, listed: 89, stock: 18 }),
      s('3:20', '还剩五单，手慢就没了'),
      p('6:00', { ...k, listed: 89, stock: 22 }),
      s('6:20', '最后五单，真的是最后五单', FS),
    ] });
}
C({ id: 'fs-03', src: 'handwritten; catalogue 3A FS positive 3 pattern', platform: 'kuaishou', start: '2026-08-22 21:00',
  desc: '"库存就剩三件" while stock is 350',
  steps: [
    p('0:10', { sku: 'FS-JEANS', name: '高腰直筒牛仔裤', listed: 129, stock: 350 }),
    s('0:22', '牛仔裤高腰的，显腿长'),
    s('0:40', '库存就剩三件了老铁们', FS),
  ] });
C({ id: 'fs-04', src: 'handwritten; ASR spacing + Arabic digit', start: '2026-10-03 20:00',
  desc: '"只 剩 最后8单 了" (ASR spaces) while stock is 600',
  steps: [
    p('0:10', { sku: 'FS-GLOVES', name: '触屏保暖手套', listed: 39, stock: 600 }),
    s('0:22', '手套可以触屏，骑电动车不冻手'),
    s('0:40', '只 剩 最后8单 了 家人们', FS),
  ] });
C({ id: 'fs-05', src: 'handwritten', platform: 'wechat-channels', start: '2026-12-27 19:30',
  desc: '"还剩二十个" while stock is 1000',
  steps: [
    p('0:10', { sku: 'FS-CALENDAR', name: '2027台历 国风', listed: 29.9, stock: 1000 }),
    s('0:22', '明年的台历，每一页都是一幅画'),
    s('0:38', '还剩二十个，要的抓紧', FS),
  ] });
// negatives
C({ id: 'fs-n01', neg: true, src: 'handwritten; catalogue 3A FS hard negative 1', start: '2026-03-25 20:00',
  desc: '"最后一排的宝宝" has no quantity',
  steps: [
    p('0:10', { sku: 'FSN-SPEAKER', name: '蓝牙音箱 便携', listed: 159, stock: 500 }),
    s('0:22', '最后一排的宝宝看得清吗，我把音箱举高一点'),
    s('0:36', '防水的，洗澡的时候也能听歌'),
  ] });
{
  const k = { sku: 'FSN-BROOCH', name: '珍珠胸针' };
  C({ id: 'fs-n02', neg: true, src: 'handwritten; catalogue 3A FS hard negative 2 (true sell-out)', platform: 'kuaishou', start: '2026-05-29 20:00',
    desc: '"最后五单" with stock 5 → 2 → 0, "已经抢完了"',
    steps: [
      p('0:10', { ...k, listed: 69, stock: 5 }),
      s('0:20', '最后五单了'),
      p('1:00', { ...k, listed: 69, stock: 2 }),
      p('1:40', { ...k, listed: 69, stock: 0 }),
      s('1:50', '已经抢完了，没抢到的等下一场'),
    ] });
}
{
  const k = { sku: 'FSN-PLANT', name: '多肉组合盆栽' };
  C({ id: 'fs-n03', neg: true, src: 'handwritten; catalogue 3A FS hard negative 3 (honest restock after sell-out)', start: '2026-07-24 20:00',
    desc: '"最后三单", stock goes to 0, then an announced restock of 200',
    steps: [
      p('0:10', { ...k, listed: 39, stock: 3 }),
      s('0:20', '最后三单'),
      p('0:50', { ...k, listed: 39, stock: 0 }),
      s('1:00', '卖完了卖完了'),
      s('3:00', '跟仓库说了，补货了，仓库刚又上了两百单'),
      p('3:10', { ...k, listed: 39, stock: 200 }),
    ] });
}
{
  const k = { sku: 'FSN-TEA', name: '红茶礼盒' };
  C({ id: 'fs-n04', neg: true, src: 'handwritten; stock close to the claim', platform: 'taobao', start: '2026-09-14 20:00',
    desc: '"最后十单" while stock is 12, then it sells out',
    steps: [
      p('0:10', { ...k, listed: 88, stock: 12 }),
      s('0:20', '红茶礼盒最后十单'),
      p('2:00', { ...k, listed: 88, stock: 4 }),
      p('3:30', { ...k, listed: 88, stock: 0 }),
    ] });
}

// ── PRICE.FAKE_COUNTDOWN ────────────────────────────────────────────────────────────
{
  const k = { sku: 'CD-MASSAGER', name: '颈部按摩仪' };
  C({ id: 'cd-01', src: 'handwritten; catalogue 3A CD positive 1 pattern', start: '2026-04-04 20:00',
    desc: '"给大家计时五分钟，五分钟一到马上恢复三百九十九"; 25 minutes later the card is still live 199',
    steps: [
      p('0:20', { ...k, listed: 399, orig: 399, live: 199, stock: 300 }),
      s('1:00', '给大家计时五分钟，五分钟一到马上恢复三百九十九'),
      p('8:00', { ...k, listed: 399, orig: 399, live: 199, stock: 280 }),
      s('8:10', '还没拍的抓紧'),
      p('26:00', { ...k, listed: 399, orig: 399, live: 199, stock: 260 }, CD),
      s('26:10', '还是这个价，一百九十九'),
    ] });
}
{
  const k = { sku: 'CD-HONEY', name: '土蜂蜜 500g' };
  C({ id: 'cd-02', src: 'handwritten; catalogue 3A CD positive 2 (deadline carried to the next session)', platform: 'kuaishou', start: '2026-03-17 20:30',
    desc: '"今晚十二点截止" at live 59; next evening\'s session still shows live 59 with a new "今晚截止"',
    steps: [
      p('0:10', { ...k, listed: 79, live: 59, stock: 400 }),
      s('0:30', '这个价今晚十二点截止，过了十二点就恢复七十九'),
      r('2:10:00', { status: 'ended' }),
      ns('23:30:00'),
      p('23:30:20', { ...k, listed: 79, live: 59, stock: 380 }, CD),
      s('23:30:40', '今晚截止啊，今晚十二点前五十九'),
    ] });
}
{
  const k = { sku: 'CD-HEADSET', name: '头戴式降噪耳机' };
  C({ id: 'cd-03', src: 'handwritten', start: '2026-07-11 20:00',
    desc: '"限时十分钟，十分钟一过马上恢复一百二十九"; 34 minutes later still live 79',
    steps: [
      p('0:20', { ...k, listed: 129, live: 79, stock: 200 }),
      s('1:00', '限时十分钟，十分钟一过马上恢复一百二十九'),
      p('15:00', { ...k, listed: 129, live: 79, stock: 190 }),
      s('15:10', '头梁是软的，戴久了不夹头'),
      p('35:00', { ...k, listed: 129, live: 79, stock: 180 }, CD),
    ] });
}
{
  const k = { sku: 'CD-SLIPPER', name: '棉拖鞋 情侣款' };
  C({ id: 'cd-04', src: 'handwritten; catalogue 3A CD positive 3 pattern', platform: 'wechat-channels', start: '2026-11-05 19:30',
    desc: '"只有三分钟，三分钟后涨回八十九"; 20 minutes in the price is still 59',
    steps: [
      p('0:10', { ...k, listed: 89, live: 59, stock: 300 }),
      s('0:30', '这个价只有三分钟，三分钟后涨回八十九'),
      p('5:00', { ...k, listed: 89, live: 59, stock: 290 }),
      s('12:00', '棉拖鞋厚底的，踩着软'),
      p('20:00', { ...k, listed: 89, live: 59, stock: 285 }, CD),
    ] });
}
// negatives
{
  const k = { sku: 'CDN-GRILL', name: '电烤盘 多功能' };
  C({ id: 'cd-n01', neg: true, src: 'handwritten; catalogue 3A CD hard negative 1', start: '2026-02-07 20:00',
    desc: '"五分钟后恢复原价"; 6 minutes later the card is back at 399',
    steps: [
      p('0:20', { ...k, listed: 399, live: 199, stock: 200 }),
      s('1:00', '五分钟后恢复原价三百九十九'),
      p('7:00', { ...k, listed: 399, stock: 180 }),
      s('7:10', '时间到了，已经恢复原价了哈'),
      p('20:00', { ...k, listed: 399, stock: 178 }),
    ] });
}
{
  const k = { sku: 'CDN-WALNUT', name: '纸皮核桃 2斤' };
  C({ id: 'cd-n02', neg: true, src: 'handwritten; catalogue 3A CD hard negative 2', platform: 'kuaishou', start: '2026-10-18 20:00',
    desc: '"今晚截止，过了今晚恢复一百二十九"; the next session is back at 129',
    steps: [
      p('0:10', { ...k, listed: 129, live: 99, stock: 300 }),
      s('0:30', '今晚截止，过了今晚恢复一百二十九'),
      r('1:45:00', { status: 'ended' }),
      ns('24:00:00'),
      p('24:00:20', { ...k, listed: 129, stock: 260 }),
      s('24:00:40', '核桃今天恢复原价了，一百二十九'),
    ] });
}
{
  const k = { sku: 'CDN-ROBOT', name: '扫拖一体机器人' };
  C({ id: 'cd-n03', neg: true, src: 'handwritten; catalogue 3A CD hard negative 3 (extension announced before the deadline)', start: '2026-12-01 20:00',
    desc: 'countdown of 5 minutes; at minute 3 "给大家延长五分钟"; then the price is restored',
    steps: [
      p('0:20', { ...k, listed: 1999, live: 1499, stock: 100 }),
      s('1:00', '倒计时五分钟，五分钟后恢复一千九百九十九'),
      s('4:00', '付款的人太多了，再给大家延长五分钟'),
      p('12:00', { ...k, listed: 1999, stock: 80 }),
      s('12:10', '时间到，已经恢复原价了'),
      p('25:00', { ...k, listed: 1999, stock: 79 }),
    ] });
}

// ── PRICE.HISTORIC_LOW_CLAIM_CONTRADICTED ───────────────────────────────────────────
{
  const k = { sku: 'HL-LOTION', name: '身体乳 400ml' };
  C({ id: 'hl-01', src: 'handwritten; catalogue 3A HL positive 1 pattern', start: '2026-11-28 20:00',
    desc: '"双十一都没这个价" at 139, but on 11-11 this room sold it at 115 and 119',
    steps: [
      o('2026-11-11 20:10', k.sku, 115), o('2026-11-11 20:40', k.sku, 119), o('2026-11-20 20:00', k.sku, 139),
      p('0:10', { ...k, listed: 139, stock: 300 }),
      s('0:25', '身体乳一百三十九，双十一都没这个价', HL),
      s('0:40', '香味是白茶的，很淡'),
    ] });
}
{
  const k = { sku: 'HL-TOOTH', name: '美白牙膏 3支' };
  C({ id: 'hl-02', src: 'handwritten; catalogue 3A HL positive 2 pattern', platform: 'kuaishou', start: '2026-08-15 20:00',
    desc: '"今年最低了" at 59; in March the same room sold it at 49 and 52',
    steps: [
      o('2026-03-10 20:00', k.sku, 49), o('2026-03-12 20:30', k.sku, 52), o('2026-07-20 20:00', k.sku, 59),
      p('0:10', { ...k, listed: 59, stock: 500 }),
      s('0:25', '今年最低了老铁们，五十九三支', HL),
    ] });
}
{
  const k = { sku: 'HL-ROBOT', name: '扫地机器人 自动集尘' };
  C({ id: 'hl-03', src: 'handwritten; catalogue 3A HL positive 3 pattern', start: '2026-05-12 20:00',
    desc: '"史低" at 1299; 40 days ago this room sold it at 1199',
    steps: [
      o('-40d 20:15', k.sku, 1199), o('-20d 20:30', k.sku, 1399),
      p('0:10', { ...k, listed: 1299, stock: 60 }),
      s('0:25', '扫地机器人今天史低，一千二百九十九', HL),
      s('0:40', '自动集尘，一个月倒一次垃圾'),
    ] });
}
{
  const k = { sku: 'HL-SHEET', name: '全棉床笠' };
  C({ id: 'hl-04', src: 'handwritten; catalogue 3A HL logic (historic-low and absolute-term alerts are separate)', start: '2026-09-06 20:00',
    desc: '"历史最低价" at 89 with orders two months ago at 79 → historic-low contradicted AND absolute term 最低价',
    steps: [
      o('-62d 20:20', k.sku, 79), o('-61d 20:40', k.sku, 79),
      p('0:10', { ...k, listed: 89, stock: 300 }),
      s('0:25', '床笠八十九，历史最低价了姐妹们', [HL, AB]),
    ] });
}
{
  const k = { sku: 'HL-WATCH', name: '儿童电话手表' };
  C({ id: 'hl-05', src: 'handwritten; named past promotion', platform: 'taobao', start: '2026-07-20 20:00',
    desc: '"比618还便宜" at 239; on 6-18 this room sold it at 219',
    steps: [
      o('2026-06-18 20:10', k.sku, 219), o('2026-06-18 21:00', k.sku, 225), o('2026-07-05 20:00', k.sku, 259),
      p('0:10', { ...k, listed: 239, stock: 150 }),
      s('0:25', '电话手表今天二百三十九，比618还便宜', HL),
    ] });
}
{
  const k = { sku: 'HL-LUNCHBOX', name: '304保温饭盒' };
  C({ id: 'hl-06', src: 'handwritten; default 365-day window', start: '2026-10-10 20:00',
    desc: '"从来没这么便宜过" at 45; 100 days ago this room sold it at 39',
    steps: [
      o('-100d 20:00', k.sku, 39), o('-30d 20:00', k.sku, 55),
      p('0:10', { ...k, listed: 45, stock: 400 }),
      s('0:25', '四十五块钱，我们家从来没这么便宜过', HL),
    ] });
}
// negatives
{
  const k = { sku: 'HLN-GLOVE', name: '洗碗手套 5双' };
  C({ id: 'hl-n01', neg: true, src: 'handwritten; catalogue 3A HL hard negative 1', start: '2026-11-25 20:00',
    desc: '"比双十一还便宜" at 99 and the 双十一 orders were 109 → true',
    steps: [
      o('2026-11-11 20:00', k.sku, 109), o('2026-11-11 21:00', k.sku, 109),
      p('0:10', { ...k, listed: 99, stock: 300 }),
      s('0:25', '九十九，比双十一还便宜'),
    ] });
}
{
  const k = { sku: 'HLN-SOAP', name: '手工皂 3块' };
  C({ id: 'hl-n02', neg: true, src: 'handwritten; catalogue 3A HL hard negative 2', platform: 'kuaishou', start: '2026-06-14 20:00',
    desc: '"今年最低" at 59 with no cheaper order this year',
    steps: [
      o('2026-02-10 20:00', k.sku, 69), o('2026-05-01 20:00', k.sku, 69),
      p('0:10', { ...k, listed: 59, stock: 300 }),
      s('0:25', '手工皂今年最低，五十九三块'),
    ] });
}
{
  const k = { sku: 'HLN-CHIPS', name: '薯片 12包' };
  C({ id: 'hl-n03', neg: true, src: 'handwritten; catalogue 3A HL hard negative 3', start: '2026-04-17 20:00',
    desc: '"比昨天又便宜了十块钱" — yesterday it sold at 79, today 69 → verified true',
    steps: [
      o('-1d 20:10', k.sku, 79), o('-1d 20:30', k.sku, 79),
      p('0:10', { ...k, listed: 69, stock: 500 }),
      s('0:25', '薯片今天六十九，比昨天又便宜了十块钱'),
    ] });
}
{
  const k = { sku: 'HLN-CREAM', name: '护手霜 礼盒' };
  C({ id: 'hl-n04', neg: true, src: 'handwritten; other venue', start: '2026-11-29 20:00',
    desc: '"双十一那天都没这么便宜过" at 139; this room sold at 149 on 11-11; the cheaper 109 orders were in another room',
    steps: [
      o('2026-11-11 14:00', k.sku, 109, 'other'), o('2026-11-11 20:10', k.sku, 149), o('2026-11-11 20:50', k.sku, 149),
      p('0:10', { ...k, listed: 139, stock: 200 }),
      s('0:25', '护手霜礼盒一百三十九，双十一那天都没这么便宜过'),
    ] });
}
{
  const k = { sku: 'HLN-MOP', name: '平板拖把' };
  C({ id: 'hl-n05', neg: true, src: 'handwritten; 今年 window starts on 1 January', platform: 'taobao', start: '2026-02-20 20:00',
    desc: '"今年最低" at 59; a cheaper 45 sale was last December (previous year), this year it sold at 59',
    steps: [
      o('2025-12-12 20:00', k.sku, 45), o('2026-01-15 20:00', k.sku, 59),
      p('0:10', { ...k, listed: 59, stock: 200 }),
      s('0:25', '拖把五十九，今年最低'),
    ] });
}

// ── PRICE.GIFT_VALUE_OVERSTATED ─────────────────────────────────────────────────────
C({ id: 'gv-01', src: 'handwritten; catalogue 3A GV positive 1 pattern', start: '2026-03-13 20:00',
  desc: '"送你们一支修护精华，价值二百九十九的" while that serum is listed at 89 in this room',
  steps: [
    p('0:20', { sku: 'GV-ESS', name: '修护精华 30ml', listed: 89, stock: 300 }),
    s('0:30', '这个精华单买八十九'),
    p('3:00', { sku: 'GV-CREAM', name: '保湿面霜 50g', listed: 199, stock: 200 }),
    s('3:30', '面霜拍一瓶，我再送你们一支修护精华，价值二百九十九的', GV),
  ] });
C({ id: 'gv-02', src: 'handwritten; gift sku seen in an earlier session', platform: 'kuaishou', start: '2026-06-24 20:00',
  desc: '"拍炖锅的宝宝赠一个保温杯，这个杯子价值一百九十九"; the same cup was sold in this room at 59 twenty days ago',
  steps: [
    hp('-20d 20:00', { sku: 'GV-CUP', name: '保温杯 500ml', listed: 59, stock: 300 }),
    p('0:15', { sku: 'GV-POT', name: '陶瓷炖锅 3L', listed: 269, stock: 100 }),
    s('0:40', '拍炖锅的宝宝赠一个保温杯，这个杯子价值一百九十九', GV),
  ] });
C({ id: 'gv-03', src: 'handwritten; value stated after the item', start: '2026-09-03 20:00',
  desc: '"附赠护理套装一套，价值五百块" while the set sells at 168 here',
  steps: [
    p('0:15', { sku: 'GV-SET', name: '头皮护理套装', listed: 168, stock: 200 }),
    s('0:30', '护理套装一百六十八'),
    p('2:00', { sku: 'GV-DRYER', name: '高速吹风机', listed: 399, stock: 100 }),
    s('2:20', '吹风机今天还附赠护理套装一套，价值五百块', GV),
  ] });
C({ id: 'gv-04', src: 'handwritten', platform: 'taobao', start: '2026-12-03 20:00',
  desc: '"送价值一百二十九的洗脸巾" while the face towels sell at 19.9 here',
  steps: [
    p('0:10', { sku: 'GV-TOWEL', name: '洗脸巾 抽取式', listed: 19.9, stock: 800 }),
    p('1:00', { sku: 'GV-BRUSH', name: '硅胶洁面仪', listed: 159, stock: 200 }),
    s('1:20', '洁面仪今天送价值一百二十九的洗脸巾', GV),
  ] });
// negatives
C({ id: 'gv-n01', neg: true, src: 'handwritten; catalogue 3A GV hard negative 1', start: '2026-04-19 20:00',
  desc: '"再送一支修护精华，价值八十九" and the serum is listed at 89',
  steps: [
    p('0:10', { sku: 'GVN-ESS', name: '修护精华 30ml', listed: 89, stock: 300 }),
    p('1:00', { sku: 'GVN-CREAM', name: '保湿面霜 50g', listed: 199, stock: 200 }),
    s('1:20', '拍面霜的再送一支修护精华，价值八十九'),
  ] });
C({ id: 'gv-n02', neg: true, src: 'handwritten; catalogue 3A GV hard negative 2', start: '2026-07-19 20:00',
  desc: '"送一个小样" states no value',
  steps: [
    p('0:10', { sku: 'GVN-LIP', name: '丝绒口红', listed: 99, stock: 300 }),
    s('0:22', '口红今天拍再送一个小样'),
  ] });
C({ id: 'gv-n03', neg: true, src: 'handwritten; catalogue 3A GV hard negative 3 (no such sku → info)', platform: 'kuaishou', start: '2026-08-30 20:00',
  desc: '"送价值三百的按摩梳" but no such sku is sold in this room → info only',
  steps: [
    p('0:10', { sku: 'GVN-SHAMPOO', name: '生姜洗发水', listed: 79, stock: 300 }),
    s('0:22', '洗发水拍一瓶送价值三百的按摩梳'),
  ] });
C({ id: 'gv-n04', neg: true, src: 'handwritten; within the 1.2× margin', start: '2026-10-26 20:00',
  desc: '"送价值六十九的杯子" while the cup is listed at 59 (69 ≤ 1.2 × 59)',
  steps: [
    p('0:10', { sku: 'GVN-CUP', name: '玻璃杯 带盖', listed: 59, stock: 300 }),
    p('1:00', { sku: 'GVN-TEA', name: '花果茶 组合装', listed: 79, stock: 300 }),
    s('1:20', '花果茶送价值六十九的杯子'),
  ] });

// ── PRICE.FALSE_GOVERNMENT_PRICING ──────────────────────────────────────────────────
C({ id: 'gp-01', src: 'handwritten', start: '2026-03-01 20:00',
  desc: '"这款普洱是国家统一定价，全国都是一百六十八"',
  steps: [
    p('0:10', { sku: 'GP-PUER', name: '普洱熟茶 357g 饼', listed: 168, stock: 200 }),
    s('0:25', '这款普洱是国家统一定价，全国都是一百六十八', GP),
  ] });
C({ id: 'gp-02', src: 'handwritten', platform: 'kuaishou', start: '2026-05-16 20:00',
  desc: '"物价局定的价，我们也便宜不了"',
  steps: [
    p('0:10', { sku: 'GP-LIQUOR', name: '浓香型白酒 500ml', listed: 99, stock: 300 }),
    s('0:22', '老铁们别砍价了'),
    s('0:30', '物价局定的价，我们也便宜不了，九十九', GP),
  ] });
C({ id: 'gp-03', src: 'handwritten', start: '2026-08-11 20:00',
  desc: '"苹果价格是政府指导的，你去哪儿都是五十八一箱"',
  steps: [
    p('0:10', { sku: 'GP-APPLE', name: '烟台红富士 10斤', listed: 58, stock: 500 }),
    s('0:25', '苹果价格是政府指导的，你去哪儿都是五十八一箱', GP),
  ] });
C({ id: 'gp-04', src: 'handwritten; 价格…是…规定的 order', platform: 'wechat-channels', start: '2026-10-21 19:30',
  desc: '"价格都是发改委规定的，我们不敢乱卖"',
  steps: [
    p('0:10', { sku: 'GP-GAS', name: '家用燃气灶', listed: 899, stock: 50 }),
    s('0:25', '这个价格都是发改委规定的，我们不敢乱卖', GP),
  ] });
C({ id: 'gp-05', src: 'handwritten; traditional characters', start: '2026-12-24 20:00',
  desc: 'traditional: "這個價格是國家統一定價的"',
  steps: [
    p('0:10', { sku: 'GP-MOONCAKE', name: '广式月饼礼盒', listed: 128, stock: 300 }),
    s('0:25', '這個價格是國家統一定價的，一百二十八', GP),
  ] });
// negatives
C({ id: 'gp-n01', neg: true, src: 'handwritten; catalogue 3A GP hard negative 1 (real subsidy)', start: '2026-04-01 20:00',
  desc: '"以旧换新，国家补贴下来再立减百分之十五" — a real subsidy, not a government-set price',
  steps: [
    p('0:10', { sku: 'GPN-FRIDGE', name: '十字对开门冰箱 500L', listed: 2999, stock: 30 }),
    s('0:25', '冰箱可以走以旧换新，国家补贴下来再立减百分之十五'),
  ] });
C({ id: 'gp-n02', neg: true, src: 'handwritten; catalogue 3A GP hard negative 2 (negated)', platform: 'kuaishou', start: '2026-06-22 20:00',
  desc: '"那种政府定价的东西我们这不卖" — negated, about goods the room does not sell',
  steps: [
    p('0:10', { sku: 'GPN-TEA', name: '高山绿茶 250g', listed: 69, stock: 300 }),
    s('0:22', '有宝宝问卖不卖食盐，那种政府定价的东西我们这不卖'),
  ] });
C({ id: 'gp-n03', neg: true, src: 'handwritten; catalogue 3A GP hard negative 3 (quoting the rule)', start: '2026-09-08 20:00',
  desc: '"国家有规定，原价不能瞎写，所以我们这个链接就没挂划线价"',
  steps: [
    p('0:10', { sku: 'GPN-BAG', name: '帆布托特包', listed: 49, stock: 300 }),
    s('0:22', '国家有规定，原价不能瞎写，所以我们这个链接就没挂划线价'),
  ] });
C({ id: 'gp-n04', neg: true, src: 'handwritten; 消费券', platform: 'wechat-channels', start: '2026-11-11 19:00',
  desc: '"可以用政府发的消费券" is a real programme, not a government-set price',
  steps: [
    p('0:10', { sku: 'GPN-TV', name: '65寸智能电视', listed: 2599, stock: 40 }),
    s('0:22', '本地的宝宝可以用政府发的消费券，叠加使用'),
  ] });

// ── IP.COUNTERFEIT_SLANG ────────────────────────────────────────────────────────────
C({ id: 'cs-01', src: 'handwritten; catalogue 3B CS positive 1 pattern', platform: 'kuaishou', start: '2026-03-04 21:00',
  desc: 'card "老花手提托特包" 399 (老花 = LV cue on leather goods); "一比一还原的，五金走线跟专柜那只没区别"',
  steps: [
    p('0:10', { sku: 'CS-TOTE', name: '老花手提托特包', listed: 399, stock: 80 }),
    s('0:20', '姐妹们看这只托特包'),
    s('0:35', '这只托特是一比一还原的，五金走线跟专柜那只没区别', CS),
    s('0:50', '容量很大，通勤装电脑没问题'),
  ] });
C({ id: 'cs-02', src: 'handwritten; catalogue 3B CS positive 2 (split utterance)', start: '2026-04-13 20:00',
  desc: 'split: "咱们这个包呢，就是那个" / "G家的竹节经典款，一比一做的"',
  steps: [
    p('0:10', { sku: 'CS-BAMBOO', name: '经典竹节手提包', listed: 459, stock: 50 }),
    s('0:40', '咱们这个包呢，就是那个'),
    s('0:43', 'G家的竹节经典款，一比一做的，懂吧', CS),
    s('0:58', '五金很亮，皮子是软的'),
  ] });
C({ id: 'cs-03', src: 'handwritten; catalogue 3B CS positive 3 (evasion)', platform: 'kuaishou', start: '2026-05-09 22:00',
  desc: 'evasion: "A 货" (space), 狗家 (Gucci nickname), "🔥纯🔥原🔥"',
  steps: [
    p('0:10', { sku: 'CS-CROSS', name: '印花斜挎包', listed: 299, stock: 60 }),
    s('0:25', '狗家的这批 A 货，🔥纯🔥原🔥 版本', CS),
    s('0:40', '喜欢的直接拍，三二一上车'),
  ] });
C({ id: 'cs-04', src: 'handwritten; catalogue 3B CS positive 4 (weak cue + price anomaly)', start: '2026-06-02 20:00',
  desc: 'weak cue 厂里淘汰 + nickname 香香 + price 200 far below the Chanel apparel floor',
  steps: [
    p('0:10', { sku: 'CS-PANTS', name: '小香风阔腿裤', listed: 200, stock: 100 }),
    s('0:25', '香香家的阔腿裤，厂里淘汰下来的，所以两百块就能拿', CS),
    s('0:40', '腰是松紧的，微胖也能穿'),
  ] });
C({ id: 'cs-05', src: 'handwritten', platform: 'kuaishou', start: '2026-07-16 21:30',
  desc: '"巴黎世家的老爹鞋，纯原版本，莆田出的"',
  steps: [
    p('0:10', { sku: 'CS-SNEAKER', name: '复古老爹鞋 增高', listed: 369, stock: 120 }),
    s('0:20', '老铁们，鞋子来了'),
    s('0:32', '巴黎世家的老爹鞋，纯原版本，莆田出的', CS),
  ] });
C({ id: 'cs-06', src: 'handwritten; traditional characters; 顶级 goes to the counterfeit reading (§1.5)', start: '2026-08-25 20:00',
  desc: 'traditional "這款勞力士水鬼是頂級A貨，跟正品沒區別" → counterfeit only, no absolute-term alert for 顶级',
  steps: [
    p('0:10', { sku: 'CS-WATCH', name: '潜航者机械腕表', listed: 888, stock: 40 }),
    s('0:25', '這款勞力士水鬼是頂級A貨，跟正品沒區別', CS),
    s('0:40', '表带可以免费调节'),
  ] });
C({ id: 'cs-07', src: 'handwritten; 专柜验 pattern', platform: 'taobao', start: '2026-09-18 20:00',
  desc: '"迪奥的这个包拿去专柜验都没问题"',
  steps: [
    p('0:10', { sku: 'CS-SADDLE', name: '复古马鞍包', listed: 599, stock: 30 }),
    s('0:25', '迪奥的这个包拿去专柜验都没问题', CS),
  ] });
C({ id: 'cs-08', src: 'handwritten', start: '2026-10-07 20:00',
  desc: '"卡地亚的钉子手镯，公司级的做工"',
  steps: [
    p('0:10', { sku: 'CS-BANGLE', name: '钉子手镯 玫瑰金色', listed: 299, stock: 90 }),
    s('0:25', '卡地亚的钉子手镯，公司级的做工', CS),
    s('0:38', '不掉色，洗澡也不用摘'),
  ] });
C({ id: 'cs-09', src: 'handwritten; weak cue + concealment (BRAND_CODE absorbed by precedence)', platform: 'kuaishou', start: '2026-11-13 21:00',
  desc: 'weak cue 外贸尾单 + 驴家 (no price anomaly at 1280); the concealment cue in the next segment completes it; brand-code alert is absorbed',
  steps: [
    p('0:10', { sku: 'CS-MESSENGER', name: '邮差斜挎包', listed: 1280, stock: 25 }),
    s('0:20', '驴家这批是外贸尾单'),
    s('0:30', '懂的都懂，logo不能露，我拿手挡一下', CS),
  ] });
C({ id: 'cs-10', src: 'handwritten; weak cue + off-platform → three alerts', start: '2026-12-09 20:30',
  desc: '蒙口 brand context, weak cue 工厂流出的尾货, then "加我薇❤拿货，私下发" → counterfeit, branded-goods private channel and off-platform diversion',
  steps: [
    p('0:10', { sku: 'CS-DOWN', name: '男款连帽羽绒服', listed: 1299, stock: 30 }),
    s('0:20', '蒙口今年这款，你们应该见过'),
    s('0:35', '这批是工厂流出来的尾货，数量不多'),
    s('0:50', '要的宝宝加我薇❤拿货，私下发', [CS, BP, OP]),
  ] });
C({ id: 'cs-11', src: 'handwritten; cute code mimi + weak cue + price anomaly', platform: 'kuaishou', start: '2026-02-21 21:00',
  desc: '"买mimi送uu" then "缪家的发夹，跟专柜一模一样" at 39 (far below the Miu Miu accessory floor)',
  steps: [
    p('0:10', { sku: 'CS-CLIP', name: '珍珠发夹 两件套', listed: 39, stock: 500 }),
    s('0:20', '买mimi送uu，宝宝们懂吧'),
    s('0:32', '缪家的发夹，跟专柜一模一样', CS),
  ] });
// negatives
C({ id: 'cs-n01', neg: true, src: 'handwritten; catalogue 3B CS hard negative 1 (mixing ratio)', start: '2026-03-08 20:00',
  desc: '"奶粉跟温水一比一兑着喝" is a mixing ratio',
  steps: [
    p('0:10', { sku: 'CSN-MILK', name: '全脂奶粉 800g', listed: 109, stock: 300 }),
    s('0:25', '奶粉跟温水一比一兑着喝，别冲太浓'),
  ] });
C({ id: 'cs-n02', neg: true, src: 'handwritten; catalogue 3B CS hard negative 2 (原单号)', start: '2026-04-25 20:00',
  desc: '"快递单上填原单号寄回来" — 原单号 is an order number',
  steps: [
    p('0:10', { sku: 'CSN-HOODIE', name: '纯色卫衣', listed: 89, stock: 300 }),
    s('0:22', '要换码的宝宝，快递单上填原单号寄回来就行'),
  ] });
C({ id: 'cs-n03', neg: true, src: 'handwritten; catalogue 3B CS hard negative 3 (warning clause, authorized room)', auth: ['安踏', 'Anta'], start: '2026-05-30 20:00',
  desc: 'authorized 安踏 room: "市面上高仿的鞋不少，认准鞋舌里的防伪码，我们是安踏官方旗舰店" (warning clause; authorized claim)',
  steps: [
    p('0:10', { sku: 'CSN-ANTA', name: '安踏 缓震跑鞋', brand: 'Anta', listed: 299, stock: 200 }),
    s('0:25', '市面上高仿的鞋不少，认准鞋舌里的防伪码，我们是安踏官方旗舰店'),
  ] });
C({ id: 'cs-n04', neg: true, src: 'handwritten; catalogue 3B CS hard negative 4 (own brand 复刻 + recipe)', auth: ['沪香斋'], start: '2026-06-28 20:00',
  desc: 'the room\'s own authorized brand: "我们沪香斋复刻的老配方"',
  steps: [
    p('0:10', { sku: 'CSN-CAKE', name: '沪香斋 桃酥礼盒', brand: '沪香斋', listed: 59, stock: 300 }),
    s('0:25', '这款桃酥是我们沪香斋复刻的老配方，八十年代那个味道'),
  ] });
C({ id: 'cs-n05', neg: true, src: 'handwritten; A类 textile class', start: '2026-07-31 20:00',
  desc: '"A类面料，宝宝贴身穿" (a textile safety class)',
  steps: [
    p('0:10', { sku: 'CSN-ROMPER', name: '婴儿连体衣 纯棉', listed: 69, stock: 300 }),
    s('0:25', 'A类面料，宝宝贴身穿没问题'),
  ] });
C({ id: 'cs-n06', neg: true, src: 'handwritten; weak cue without brand context', platform: 'kuaishou', start: '2026-08-21 20:00',
  desc: '"版型做得跟专柜一模一样" with no brand at all; own design',
  steps: [
    p('0:10', { sku: 'CSN-COAT', name: '原创羊毛呢大衣', listed: 399, stock: 80 }),
    s('0:25', '版型做得跟专柜一模一样，我们是自家设计的原创款'),
  ] });
C({ id: 'cs-n07', neg: true, src: 'handwritten; 高仿 in a warning clause', start: '2026-10-12 20:00',
  desc: 'a viewer asks about 香奈儿; the anchor warns "买大牌谨防高仿，一定去专柜" while selling own-brand perfume',
  steps: [
    p('0:10', { sku: 'CSN-PERFUME', name: '原创木质调香水 50ml', listed: 129, stock: 300 }),
    s('0:25', '有宝宝问香奈儿，我们不卖哈，买大牌谨防高仿，一定去专柜'),
    s('0:40', '我们这个是自己调的木质香'),
  ] });
C({ id: 'cs-n08', neg: true, src: 'handwritten; 复刻 + 老味道, no third-party brand', platform: 'wechat-channels', start: '2026-11-21 19:30',
  desc: '"复刻经典老味道的麦乳精"',
  steps: [
    p('0:10', { sku: 'CSN-MALT', name: '怀旧麦乳精 罐装', listed: 39.9, stock: 300 }),
    s('0:25', '复刻经典老味道的麦乳精，七零后八零后都喝过'),
  ] });
C({ id: 'cs-n09', neg: true, src: 'handwritten; genuine resale (nominative use)', start: '2026-12-18 20:00',
  desc: 'second-hand shop describing genuine LV goods; no counterfeit cue, price above the floor',
  steps: [
    p('0:10', { sku: 'CSN-VINTAGE', name: '二手中古 老花手袋 已鉴定', brand: 'Louis Vuitton', listed: 6800, stock: 1 }),
    s('0:25', '我们是二手中古店，这只驴家老花每只都有鉴定证书'),
    s('0:40', '边角有一点磨损，介意的慎拍'),
  ] });

// ── IP.BRAND_CODE_WITH_CONCEALMENT ──────────────────────────────────────────────────
C({ id: 'bc-01', src: 'handwritten; catalogue 3B BC positive 1 pattern', platform: 'kuaishou', start: '2026-03-27 21:00',
  desc: 'D家 + "领口的标我用胶带粘上了，懂的都懂"; card 299 (critical by price)',
  steps: [
    p('0:10', { sku: 'BC-BLAZER', name: '秀场同款西装外套', listed: 299, stock: 60 }),
    s('0:30', '这件就是D家秀场上那款，领口的标我用胶带粘上了，懂的都懂', BC),
  ] });
C({ id: 'bc-02', src: 'handwritten; catalogue 3B BC positive 2 pattern', start: '2026-05-21 20:00',
  desc: '驴家 + "牌子不能说，说了会被封"',
  steps: [
    p('0:10', { sku: 'BC-POSTMAN', name: '老花邮差包', listed: 459, stock: 40 }),
    s('0:30', '驴家老花，牌子不能说，说了会被封', BC),
  ] });
C({ id: 'bc-03', src: 'handwritten; catalogue 3B BC positive 3 pattern', platform: 'kuaishou', start: '2026-07-09 21:00',
  desc: '某驰 + "五金上的标我拿手遮住了"',
  steps: [
    p('0:10', { sku: 'BC-BAMBOO', name: '竹节手提包', listed: 520, stock: 30 }),
    s('0:30', '某驰家那只竹节包，五金上的标我拿手遮住了', BC),
  ] });
C({ id: 'bc-04', src: 'handwritten; nickname and concealment in two segments', start: '2026-09-24 20:00',
  desc: 'split: "小香那款链条包" / "不方便露标哈，标签我用贴纸盖住了"',
  steps: [
    p('0:10', { sku: 'BC-CHAIN', name: '菱格链条包', listed: 399, stock: 50 }),
    s('1:00', '小香那款链条包，今天就这一批'),
    s('1:20', '不方便露标哈，标签我用贴纸盖住了', BC),
  ] });
C({ id: 'bc-05', src: 'handwritten; YSL nickname 杨树林', platform: 'kuaishou', start: '2026-11-27 21:00',
  desc: '"杨树林的小金条，壳子上的标我贴了贴纸" at 59 (critical by price)',
  steps: [
    p('0:10', { sku: 'BC-LIP', name: '哑光口红 小金条', listed: 59, stock: 300 }),
    s('0:25', '杨树林的小金条，壳子上的标我贴了贴纸，你们懂的', BC),
  ] });
// negatives
C({ id: 'bc-n01', neg: true, src: 'handwritten; catalogue 3B BC hard negative 1', start: '2026-04-06 20:00',
  desc: 'nickname in a "go to the counter" comparison; own design with no logo at all (not concealment)',
  steps: [
    p('0:10', { sku: 'BCN-CANVAS', name: '原创帆布包 无logo', listed: 59, stock: 300 }),
    s('0:25', '有宝宝说像驴牌，想要驴牌的去专柜，我们这是自家设计的帆布包，一个logo都没有'),
  ] });
C({ id: 'bc-n02', neg: true, src: 'handwritten; catalogue 3B BC hard negative 2 (authorized brand)', auth: ['Dior', '迪奥'], start: '2026-06-16 20:00',
  desc: 'authorized Dior room: "品牌方要求直播不露logo，所以我先挡一下"',
  steps: [
    p('0:10', { sku: 'BCN-DIOR', name: '迪奥 烈艳蓝金唇膏', brand: 'Dior', listed: 350, stock: 100 }),
    s('0:25', '迪家这支口红，品牌方要求直播不露logo，所以我先挡一下'),
  ] });
C({ id: 'bc-n03', neg: true, src: 'handwritten; catalogue 3B BC hard negative 3 (no brand context)', platform: 'kuaishou', start: '2026-08-02 21:00',
  desc: '"这个价懂的都懂，真香" with no brand',
  steps: [
    p('0:10', { sku: 'BCN-SNACK', name: '辣条 20包', listed: 19.9, stock: 1000 }),
    s('0:25', '这个价懂的都懂，真香'),
  ] });
C({ id: 'bc-n04', neg: true, src: 'handwritten; nickname alone never fires', start: '2026-10-16 20:00',
  desc: '"这个配色像驴牌" without concealment',
  steps: [
    p('0:10', { sku: 'BCN-WALLET', name: '棋盘格长款钱包', listed: 79, stock: 200 }),
    s('0:25', '好多宝宝说这个配色像驴牌，其实是我们自己的设计'),
  ] });

// ── IP.UNAUTHORIZED_BRAND_CLAIM ─────────────────────────────────────────────────────
C({ id: 'ub-01', src: 'handwritten; catalogue 3B UB positive 1 pattern', auth: ['飞利浦', 'Philips'], start: '2026-03-21 20:00',
  desc: '"我们直播间是戴森品牌授权的" but the room is authorized only for Philips',
  steps: [
    p('0:10', { sku: 'UB-DYSON', name: '戴森 吹风机', brand: 'Dyson', listed: 2299, stock: 30 }),
    s('0:25', '我们直播间是戴森品牌授权的，假一赔十', UB),
  ] });
C({ id: 'ub-02', src: 'handwritten; catalogue 3B UB positive 2 pattern', auth: [], start: '2026-05-05 20:00',
  desc: '"品牌方直发，欧莱雅官方直供" with no authorizations',
  steps: [
    p('0:10', { sku: 'UB-LOREAL', name: '欧莱雅 复颜面霜 50ml', brand: "L'Oréal", listed: 199, stock: 200 }),
    s('0:25', '品牌方直发，欧莱雅官方直供', UB),
  ] });
C({ id: 'ub-03', src: 'handwritten; catalogue 3B UB positive 3 pattern', auth: ['李宁'], platform: 'kuaishou', start: '2026-07-23 20:00',
  desc: '"我们家是安踏总代理" in a room authorized only for 李宁; card carries no brand',
  steps: [
    p('0:10', { sku: 'UB-RUN', name: '运动跑鞋 男款', listed: 199, stock: 200 }),
    s('0:25', '我们家是安踏总代理，货都是从总仓直接发的', UB),
  ] });
C({ id: 'ub-04', src: 'handwritten', auth: ['波司登'], start: '2026-10-01 20:00',
  desc: '"我们是始祖鸟授权直播间" with authorization for another brand only',
  steps: [
    p('0:10', { sku: 'UB-SHELL', name: '始祖鸟 硬壳冲锋衣', brand: "Arc'teryx", listed: 4200, stock: 20 }),
    s('0:25', '我们是始祖鸟授权直播间，放心拍', UB),
  ] });
C({ id: 'ub-05', src: 'handwritten; 专柜正品 + 官方渠道', auth: [], platform: 'taobao', start: '2026-12-14 20:00',
  desc: '"专柜正品，飞利浦官方渠道拿的货" with no authorizations',
  steps: [
    p('0:10', { sku: 'UB-BRUSH', name: '飞利浦 电动牙刷', brand: 'Philips', listed: 299, stock: 100 }),
    s('0:25', '专柜正品，飞利浦官方渠道拿的货', UB),
  ] });
// negatives
C({ id: 'ub-n01', neg: true, src: 'handwritten; catalogue 3B UB hard negative 1', auth: ['欧莱雅', "L'Oréal"], start: '2026-02-28 20:00',
  desc: 'authorized L\'Oréal room: "我们是欧莱雅品牌方授权的直播间"',
  steps: [
    p('0:10', { sku: 'UBN-LOREAL', name: '欧莱雅 玻尿酸精华', brand: "L'Oréal", listed: 239, stock: 200 }),
    s('0:25', '我们是欧莱雅品牌方授权的直播间，放心拍'),
  ] });
C({ id: 'ub-n02', neg: true, src: 'handwritten; catalogue 3B UB hard negative 2 (negated; genuine resale)', auth: [], start: '2026-04-22 20:00',
  desc: '"我们不是官方渠道哈，是二手寄卖，每只都有鉴定证书"',
  steps: [
    p('0:10', { sku: 'UBN-ROLEX', name: '二手 日志型腕表 已鉴定', brand: 'Rolex', listed: 52000, stock: 1 }),
    s('0:25', '我们不是官方渠道哈，是二手寄卖，每只都有鉴定证书'),
  ] });
C({ id: 'ub-n03', neg: true, src: 'handwritten; catalogue 3B UB hard negative 3 (another shop)', auth: [], platform: 'kuaishou', start: '2026-08-06 20:00',
  desc: '"这个篮球品牌的官方旗舰店也在卖" is about another shop, no claim about ourselves',
  steps: [
    p('0:10', { sku: 'UBN-BALL', name: '篮球 7号', listed: 89, stock: 200 }),
    s('0:25', '这个篮球品牌的官方旗舰店也在卖，大家可以对比一下价格'),
  ] });
C({ id: 'ub-n04', neg: true, src: 'handwritten; catalogue 3B UB logic step 2 (authorizations unknown → info)', auth: null, start: '2026-11-09 20:00',
  desc: 'sellerAuthorizations not sent: "我们是戴森官方授权的" → info only',
  steps: [
    p('0:10', { sku: 'UBN-DYSON', name: '戴森 无绳吸尘器', brand: 'Dyson', listed: 3490, stock: 20 }),
    s('0:25', '我们是戴森官方授权的'),
  ] });

// ── IP.BRAND_CARD_PRICE_ANOMALY ─────────────────────────────────────────────────────
C({ id: 'ba-01', src: 'handwritten; catalogue 3B BA positive 1 pattern', platform: 'kuaishou', start: '2026-03-18 21:00',
  desc: 'card brand Louis Vuitton, 268, no authorization',
  steps: [
    p('0:10', { sku: 'BA-LV', name: '经典老花斜挎包', brand: 'Louis Vuitton', listed: 268, stock: 50 }, BA),
    s('0:25', '这个包容量不小，手机钥匙都放得下'),
  ] });
C({ id: 'ba-02', src: 'handwritten; catalogue 3B BA positive 2 pattern', start: '2026-05-28 20:00',
  desc: 'card brand Rolex, 888',
  steps: [
    s('0:05', '来看下一个，手表'),
    p('0:10', { sku: 'BA-ROLEX', name: '绿水鬼 机械表', brand: 'Rolex', listed: 888, stock: 20 }, BA),
    s('0:25', '夜光很亮，晚上也看得清'),
  ] });
C({ id: 'ba-03', src: 'handwritten; catalogue 3B BA positive 3 pattern', platform: 'taobao', start: '2026-11-24 20:00',
  desc: 'card brand Moncler, 599',
  steps: [
    p('0:10', { sku: 'BA-MONCLER', name: '男款亮面羽绒服', brand: 'Moncler', listed: 599, stock: 60 }, BA),
    s('0:25', '亮面的，下雪天也不怕'),
  ] });
C({ id: 'ba-04', src: 'handwritten', platform: 'kuaishou', start: '2026-07-04 21:00',
  desc: 'card brand Gucci, belt at 199',
  steps: [
    p('0:10', { sku: 'BA-GUCCI', name: '双G扣腰带', brand: 'Gucci', listed: 199, stock: 100 }, BA),
    s('0:25', '腰带长度可以剪'),
  ] });
C({ id: 'ba-05', src: 'handwritten', start: '2026-09-29 20:00',
  desc: 'card brand Cartier, bangle at 329',
  steps: [
    p('0:10', { sku: 'BA-CARTIER', name: '钉子手镯', brand: 'Cartier', listed: 329, stock: 80 }, BA),
    s('0:25', '手镯戴着不挑手腕'),
  ] });
// negatives
C({ id: 'ba-n01', neg: true, src: 'handwritten; catalogue 3B BA hard negative 1', start: '2026-04-09 20:00',
  desc: 'Louis Vuitton second-hand, authenticated, 6800 (≥20% of the floor)',
  steps: [
    p('0:10', { sku: 'BAN-LV', name: '二手中古 已鉴定 邮差包', brand: 'Louis Vuitton', listed: 6800, stock: 1 }),
    s('0:25', '中古的包，成色九成新'),
  ] });
C({ id: 'ba-n02', neg: true, src: 'handwritten; catalogue 3B BA hard negative 2', auth: ['欧莱雅', "L'Oréal"], start: '2026-06-05 20:00',
  desc: 'L\'Oréal 199 in an authorized room (and not a floor-table brand)',
  steps: [
    p('0:10', { sku: 'BAN-LOREAL', name: '欧莱雅 紫熨斗眼霜', brand: "L'Oréal", listed: 199, stock: 300 }),
    s('0:25', '眼霜早晚各一次'),
  ] });
C({ id: 'ba-n03', neg: true, src: 'handwritten; catalogue 3B BA hard negative 3', start: '2026-08-17 20:00',
  desc: 'Dyson 399 — not in the floor table',
  steps: [
    p('0:10', { sku: 'BAN-DYSON', name: '吹风机 配件 风嘴', brand: 'Dyson', listed: 399, stock: 100 }),
    s('0:25', '这个风嘴是配件，不是整机哈'),
  ] });
C({ id: 'ba-n04', neg: true, src: 'handwritten; above 20% of the floor', platform: 'taobao', start: '2026-10-23 20:00',
  desc: 'Prada 2999 (floor 3000 → threshold 600)',
  steps: [
    p('0:10', { sku: 'BAN-PRADA', name: '尼龙双肩包', brand: 'Prada', listed: 2999, stock: 5 }),
    s('0:25', '尼龙的很轻，背着不累'),
  ] });
C({ id: 'ba-n05', neg: true, src: 'handwritten; authorized floor-table brand', auth: ['Gucci', '古驰'], start: '2026-12-22 20:00',
  desc: 'Gucci keychain at 499 in a Gucci-authorized room',
  steps: [
    p('0:10', { sku: 'BAN-GUCCI', name: '古驰 钥匙扣', brand: 'Gucci', listed: 499, stock: 30 }),
    s('0:25', '钥匙扣挂包上也好看'),
  ] });

// ── IP.PIRATED_CONTENT ──────────────────────────────────────────────────────────────
C({ id: 'pc-01', src: 'handwritten; catalogue 3B PC positive 1 pattern', start: '2026-03-10 20:00',
  desc: '"考研全程班的课加配套讲义电子版，拍下后网盘自动发"',
  steps: [
    p('0:10', { sku: 'PC-KAOYAN', name: '考研全程网课+讲义资料', listed: 9.9, stock: 9999 }),
    s('0:25', '考研全程班的课加配套讲义电子版，拍下后网盘自动发，九块九', PC),
  ] });
C({ id: 'pc-02', src: 'handwritten; catalogue 3B PC positive 2 pattern', platform: 'kuaishou', start: '2026-05-19 20:00',
  desc: '"这一套正版要三百多，我们这个是影印版的"',
  steps: [
    p('0:10', { sku: 'PC-BOOKS', name: '小学必读课外书 20本', listed: 39, stock: 500 }),
    s('0:25', '这一套正版要三百多，我们这个是影印版的，三十九二十本', PC),
  ] });
C({ id: 'pc-03', src: 'handwritten; catalogue 3B PC positive 3 pattern', start: '2026-07-13 21:00',
  desc: '"永久激活，破解版的"',
  steps: [
    p('0:10', { sku: 'PC-SOFT', name: '修图软件 永久激活码', listed: 19.9, stock: 9999 }),
    s('0:25', '永久激活，破解版的，一次买断终身用', PC),
  ] });
C({ id: 'pc-04', src: 'handwritten', platform: 'wechat-channels', start: '2026-09-21 19:00',
  desc: '"内部资料，百度云打包发你，下单后自动发"',
  steps: [
    p('0:10', { sku: 'PC-EXAM', name: '考公全套资料包', listed: 29.9, stock: 9999 }),
    s('0:25', '内部资料，百度云打包发你，下单后自动发', PC),
  ] });
C({ id: 'pc-05', src: 'handwritten', start: '2026-11-30 20:00',
  desc: '"高清复印的，跟原版一模一样" for picture books',
  steps: [
    p('0:10', { sku: 'PC-PICTURE', name: '英文原版绘本 30册', listed: 49, stock: 300 }),
    s('0:25', '高清复印的，跟原版一模一样，三十本四十九', PC),
  ] });
// negatives
C({ id: 'pc-n01', neg: true, src: 'handwritten; catalogue 3B PC hard negative 1', start: '2026-02-23 20:00',
  desc: '"书都是正版的，出版社授权，封底扫码可以验真" (genuine; 扫码 is a verification, not a channel)',
  steps: [
    p('0:10', { sku: 'PCN-DICT', name: '新华字典 第12版', listed: 29.9, stock: 500 }),
    s('0:25', '书都是正版的，出版社授权，封底扫码可以验真'),
  ] });
C({ id: 'pc-n02', neg: true, src: 'handwritten; catalogue 3B PC hard negative 2', start: '2026-06-12 20:00',
  desc: '"说明书有电子版，盒子侧面那个二维码扫一下就能看" (a manual, not a sale)',
  steps: [
    p('0:10', { sku: 'PCN-FRYER', name: '空气炸锅 4.5L', listed: 199, stock: 100 }),
    s('0:25', '说明书有电子版，盒子侧面那个二维码扫一下就能看'),
  ] });
C({ id: 'pc-n03', neg: true, src: 'handwritten; catalogue 3B PC hard negative 3', platform: 'kuaishou', start: '2026-09-26 19:30',
  desc: '"课程都是我们机构老师自己录的，版权归我们自己"',
  steps: [
    p('0:10', { sku: 'PCN-CODE', name: '少儿编程网课 12节', listed: 99, stock: 9999 }),
    s('0:25', '课程都是我们机构老师自己录的，版权归我们自己'),
  ] });

// ── IP.AI_PERSONA_IMPERSONATION ─────────────────────────────────────────────────────
C({ id: 'ai-01', src: 'handwritten; catalogue 3B AI positive 1 pattern', anchor: 'digital-human', label: true, start: '2026-03-16 20:00',
  desc: 'digital human: "我是中央电视台的主持人赵某，今天来给大家带一款鱼油"',
  steps: [
    p('0:10', { sku: 'AI-FISHOIL', name: '深海鱼油凝胶糖果', listed: 99, stock: 500 }),
    s('0:25', '观众朋友们好，我是中央电视台的主持人赵某，今天来给大家带一款鱼油', AI),
  ] });
C({ id: 'ai-02', src: 'handwritten; catalogue 3B AI positive 2 pattern', anchor: 'digital-human', label: true, platform: 'kuaishou', start: '2026-05-23 20:00',
  desc: 'digital human: "我是第十八代非遗传承人"',
  steps: [
    p('0:10', { sku: 'AI-EJIAO', name: '阿胶糕 500g', listed: 129, stock: 300 }),
    s('0:25', '我是第十八代非遗传承人，这个阿胶糕是祖上传下来的方子', AI),
  ] });
C({ id: 'ai-03', src: 'handwritten; catalogue 3B AI positive 3 pattern (PROFESSIONAL_ENDORSEMENT suppressed)', anchor: 'digital-human', label: true, start: '2026-07-30 20:00',
  desc: 'digital human: "我是北京某三甲医院的主任医师陈某，这款益生菌我经常推荐给病人" → AI persona only',
  steps: [
    p('0:10', { sku: 'AI-PROBIO', name: '益生菌粉（保健食品）', listed: 159, stock: 300 }),
    s('0:25', '我是北京某三甲医院的主任医师陈某，这款益生菌我经常推荐给病人', AI),
  ] });
C({ id: 'ai-04', src: 'handwritten', anchor: 'digital-human', label: true, platform: 'taobao', start: '2026-09-11 20:00',
  desc: 'digital human: "我是奥运冠军张某某"',
  steps: [
    p('0:10', { sku: 'AI-SHOES', name: '碳板竞速跑鞋', listed: 599, stock: 100 }),
    s('0:25', '我是奥运冠军张某某，这双跑鞋我训练一直穿', AI),
  ] });
C({ id: 'ai-05', src: 'handwritten', anchor: 'digital-human', label: true, start: '2026-12-05 19:30',
  desc: 'digital human: "我是从医三十年的老中医"',
  steps: [
    p('0:10', { sku: 'AI-FOOT', name: '艾草泡脚包 30袋', listed: 39, stock: 800 }),
    s('0:25', '我是从医三十年的老中医，这个泡脚包我自己天天用', AI),
  ] });
// negatives
C({ id: 'ai-n01', neg: true, src: 'handwritten; catalogue 3B AI hard negative 1', anchor: 'digital-human', label: true, start: '2026-04-02 20:00',
  desc: 'digital human honestly says it is an AI persona',
  steps: [
    p('0:10', { sku: 'AIN-TOWEL', name: '纯棉毛巾 3条', listed: 29.9, stock: 500 }),
    s('0:25', '跟大家说明一下，我是品牌的AI虚拟主播小岚，由AI生成'),
  ] });
C({ id: 'ai-n02', neg: true, src: 'handwritten; catalogue 3B AI hard negative 2', start: '2026-06-20 20:00',
  desc: 'human anchor: "我就是这家茶叶店的老板老王"',
  steps: [
    p('0:10', { sku: 'AIN-TEA', name: '明前龙井 100g', listed: 168, stock: 200 }),
    s('0:25', '我就是这家茶叶店的老板老王，茶园在我家后山'),
  ] });
C({ id: 'ai-n03', neg: true, src: 'handwritten; catalogue 3B AI hard negative 3', anchor: 'digital-human', label: true, platform: 'kuaishou', start: '2026-08-29 20:00',
  desc: 'digital human mentions a CCTV programme without self-identification',
  steps: [
    p('0:10', { sku: 'AIN-PAN', name: '电饼铛', listed: 159, stock: 200 }),
    s('0:25', '昨天央视有个美食节目讲电饼铛，好多宝宝看了，我们今天也来聊聊'),
  ] });
C({ id: 'ai-n04', neg: true, src: 'handwritten; third-person mention of an endorser', anchor: 'digital-human', label: true, start: '2026-10-28 20:00',
  desc: 'digital human says the brand once hired an Olympic champion; it does not claim to be one',
  steps: [
    p('0:10', { sku: 'AIN-BAND', name: '运动手环', listed: 199, stock: 300 }),
    s('0:25', '我们品牌以前请过奥运冠军做代言，今天由我这个数字人来给大家介绍'),
  ] });

// ── IP.BRANDED_GOODS_PRIVATE_CHANNEL (always with LIVE.OFF_PLATFORM_DIVERSION) ─────
C({ id: 'bp-01', src: 'handwritten; catalogue 3B BP positive 1 pattern', platform: 'kuaishou', start: '2026-03-29 22:00',
  desc: '"一线大牌的款平台上挂不了，想看实物的加我威信"',
  steps: [
    p('0:10', { sku: 'BP-BAG', name: '真皮单肩包', listed: 699, stock: 20 }),
    s('0:25', '一线大牌的款平台上挂不了，想看实物的加我威信', [BP, OP]),
  ] });
C({ id: 'bp-02', src: 'handwritten; catalogue 3B BP positive 2 pattern', start: '2026-06-07 21:00',
  desc: '香家 brand context, then "想看货的私聊我，微信发你细节图"',
  steps: [
    p('0:10', { sku: 'BP-CHAIN', name: '菱格链条包', listed: 899, stock: 15 }),
    s('0:20', '香家那款链条包，好多宝宝在问'),
    s('0:35', '想看货的私聊我，微信发你细节图', [BP, OP]),
  ] });
C({ id: 'bp-03', src: 'handwritten; catalogue 3B BP positive 3 pattern', platform: 'kuaishou', start: '2026-10-19 21:30',
  desc: '"蒙口的几件羽绒服不上车了，想要的进群看货"',
  steps: [
    p('0:10', { sku: 'BP-DOWN', name: '短款羽绒服', listed: 799, stock: 30 }),
    s('0:25', '蒙口的几件羽绒服不上车了，想要的进群看货', [BP, OP]),
  ] });
C({ id: 'bp-04', src: 'handwritten; 绿泡泡 folding', start: '2026-12-11 20:30',
  desc: '"LV老花那几只链接不好挂，绿泡泡找我拿货"',
  steps: [
    p('0:10', { sku: 'BP-WALLET', name: '老花长款钱包', listed: 499, stock: 10 }),
    s('0:25', 'LV老花那几只链接不好挂，绿泡泡找我拿货', [BP, OP]),
  ] });
// negatives
C({ id: 'bp-n01', neg: true, src: 'handwritten; catalogue 3B BP hard negative 1', start: '2026-04-16 20:00',
  desc: '"大牌平替都放在小黄车里了，三号和五号链接" (in-platform)',
  steps: [
    p('0:10', { sku: 'BPN-TOTE', name: '通勤托特包 平替款', listed: 89, stock: 300 }),
    s('0:25', '大牌平替都放在小黄车里了，三号和五号链接'),
  ] });
C({ id: 'bp-n02', neg: true, src: 'handwritten; catalogue 3B BP hard negative 2', auth: ['欧莱雅', "L'Oréal"], start: '2026-07-25 20:00',
  desc: 'authorized L\'Oréal room: "有问题私信客服" (in-platform IM)',
  steps: [
    p('0:10', { sku: 'BPN-LOREAL', name: '欧莱雅 小蜜罐面霜', brand: "L'Oréal", listed: 229, stock: 200 }),
    s('0:25', '欧莱雅的小蜜罐，有问题私信客服'),
  ] });
C({ id: 'bp-n03', neg: true, src: 'handwritten; catalogue 3B BP hard negative 3', platform: 'kuaishou', start: '2026-09-15 21:00',
  desc: 'brand look-alike talk with no channel: "我拉近镜头给你们看看细节"',
  steps: [
    p('0:10', { sku: 'BPN-BAG', name: '棋盘格斜挎包', listed: 129, stock: 200 }),
    s('0:25', '有人说这配色像驴家，我拉近镜头给你们看看细节'),
  ] });

// ── AD.ABSOLUTE_TERMS ───────────────────────────────────────────────────────────────
C({ id: 'ab-01', src: 'handwritten; catalogue 3C AB positive 1 pattern', platform: 'kuaishou', start: '2026-03-02 20:00',
  desc: '"全网最低价了，全网第一，闭眼冲" (one alert for the segment)',
  steps: [
    p('0:10', { sku: 'AB-DISH', name: '洗碗块 60颗', listed: 39.9, stock: 800 }),
    s('0:25', '全网最低价了，全网第一，闭眼冲', AB),
  ] });
C({ id: 'ab-02', src: 'handwritten; catalogue 3C AB positive 2 pattern', start: '2026-04-18 20:00',
  desc: '"国家级实验室出的配方，用料是最高级的"',
  steps: [
    p('0:10', { sku: 'AB-CREAM', name: '修护面霜 50g', listed: 169, stock: 200 }),
    s('0:25', '这面霜是国家级实验室出的配方，用料是最高级的', AB),
  ] });
C({ id: 'ab-03', src: 'handwritten; catalogue 3C AB positive 3 (spaced out)', start: '2026-05-24 20:00',
  desc: 'spaced-out "这 款 吹 风 机 绝 对 是 最 好 用 的"',
  steps: [
    p('0:10', { sku: 'AB-DRYER', name: '负离子吹风机', listed: 199, stock: 200 }),
    s('0:25', '这 款 吹 风 机 绝 对 是 最 好 用 的', AB),
  ] });
C({ id: 'ab-04', src: 'handwritten; mixed-language superlatives', platform: 'kuaishou', start: '2026-06-15 21:00',
  desc: '"独one无two的设计，行业NO.1"',
  steps: [
    p('0:10', { sku: 'AB-LAMP', name: '氛围落地灯', listed: 259, stock: 100 }),
    s('0:25', '独one无two的设计，行业NO.1', AB),
  ] });
C({ id: 'ab-05', src: 'handwritten; catalogue 3C AB positive 4 pattern (flags only 销量第一)', start: '2026-07-03 20:00',
  desc: '"第一次来的宝宝先点关注" (excluded) next to "平台销量第一" (flagged)',
  steps: [
    p('0:10', { sku: 'AB-WASHER', name: '台式洗碗机 免安装', listed: 1699, stock: 50 }),
    s('0:25', '第一次来的宝宝先点关注，这台洗碗机是平台销量第一的', AB),
  ] });
C({ id: 'ab-06', src: 'handwritten; health-food context (high)', start: '2026-08-09 20:00',
  desc: '"这是市面上最好的护肝片" in a health-food context',
  steps: [
    p('0:10', { sku: 'AB-LIVER', name: '护肝片（保健食品）', listed: 198, stock: 200 }),
    s('0:25', '这是市面上最好的护肝片，应酬多的男士看过来', AB),
    s('0:40', '本品不能代替药物，按说明书吃'),
  ] });
C({ id: 'ab-07', src: 'handwritten; traditional characters', platform: 'taobao', start: '2026-09-02 20:00',
  desc: 'traditional "這是全網最便宜的，沒有之一"',
  steps: [
    p('0:10', { sku: 'AB-RICE', name: '泰国香米 10kg', listed: 89, stock: 300 }),
    s('0:25', '這是全網最便宜的，沒有之一', AB),
  ] });
C({ id: 'ab-08', src: 'handwritten; split across segments', start: '2026-10-08 20:00',
  desc: 'split "我们这款销量" / "第一，真的卖爆了" → anchored at the second segment',
  steps: [
    p('0:10', { sku: 'AB-TOWEL', name: '超细纤维毛巾 5条', listed: 29.9, stock: 900 }),
    s('0:30', '我们这款销量'),
    s('0:33', '第一，真的卖爆了', AB),
  ] });
C({ id: 'ab-09', src: 'handwritten; 万能', platform: 'kuaishou', start: '2026-11-04 20:00',
  desc: '"万能清洁膏，厨房卫生间什么都能擦"',
  steps: [
    p('0:10', { sku: 'AB-PASTE', name: '多功能清洁膏', listed: 19.9, stock: 1000 }),
    s('0:25', '万能清洁膏，厨房卫生间什么都能擦', AB),
  ] });
C({ id: 'ab-10', src: 'handwritten; hard negatives inside a positive', start: '2026-12-06 20:00',
  desc: '"最近天冷了，大家最好提前备一件" (excluded) then "顶级的羊绒" (flagged)',
  steps: [
    p('0:10', { sku: 'AB-CASH', name: '羊绒开衫', listed: 399, stock: 100 }),
    s('0:20', '最近天冷了，大家最好提前备一件'),
    s('0:35', '这件用的是顶级的羊绒，摸着跟云一样', AB),
  ] });
C({ id: 'ab-11', src: 'handwritten; TOP1', platform: 'wechat-channels', start: '2026-02-09 19:30',
  desc: '"这款养生壶在榜单上是TOP1"',
  steps: [
    p('0:10', { sku: 'AB-KETTLE', name: '养生壶 1.5L', listed: 129, stock: 200 }),
    s('0:25', '这款养生壶在榜单上是TOP1，卖得特别好', AB),
  ] });
// negatives
C({ id: 'ab-n01', neg: true, src: 'handwritten; catalogue 3C AB hard negative 1', start: '2026-03-05 20:00',
  desc: '最近 / 最后一排 / 第一次 — ordinal and adverb exclusions',
  steps: [
    p('0:10', { sku: 'ABN-SCARF', name: '针织围巾', listed: 59, stock: 300 }),
    s('0:20', '最近降温了，最后一排的宝宝看得见吗'),
    s('0:30', '第一次来的点点关注，左上角'),
  ] });
C({ id: 'ab-n02', neg: true, src: 'handwritten; catalogue 3C AB hard negative 2 (quoting the law)', start: '2026-04-28 20:00',
  desc: 'quoting the law: "按广告法，最高级、国家级这种词主播不能讲"',
  steps: [
    p('0:10', { sku: 'ABN-SERUM', name: '保湿精华', listed: 129, stock: 200 }),
    s('0:25', '按广告法，最高级、国家级这种词主播不能讲，我就说它挺好用的'),
  ] });
C({ id: 'ab-n03', neg: true, src: 'handwritten; catalogue 3C AB hard negative 3 (self-comparison, usage tips, advice)', platform: 'kuaishou', start: '2026-05-31 20:00',
  desc: '"我们店今年最新上的" (self-comparison) / "最佳冲泡水温" (usage tip) / "最好晚上用" (advice)',
  steps: [
    p('0:10', { sku: 'ABN-TEA', name: '白毫银针 100g', listed: 199, stock: 100 }),
    s('0:20', '这是我们店今年最新上的白茶'),
    s('0:35', '白茶最佳冲泡水温在八十五度左右'),
    s('0:50', '配的那个眼霜最好晚上用'),
  ] });
C({ id: 'ab-n04', neg: true, src: 'handwritten; quantity limits', start: '2026-07-08 20:00',
  desc: '"一号链接，一单最多拍三件，最少两件起拍"',
  steps: [
    p('0:10', { sku: 'ABN-PEACH', name: '水蜜桃 5斤', listed: 49, stock: 500 }),
    s('0:25', '一号链接，一单最多拍三件，最少两件起拍'),
  ] });
C({ id: 'ab-n05', neg: true, src: 'handwritten; 最好 as advice', platform: 'taobao', start: '2026-08-12 20:00',
  desc: '"你最好提前量一下尺码" / "大家最好别用热水洗"',
  steps: [
    p('0:10', { sku: 'ABN-SWEATER', name: '羊毛毛衣', listed: 239, stock: 100 }),
    s('0:20', '你最好提前量一下尺码再拍'),
    s('0:35', '大家最好别用热水洗，会缩'),
  ] });
C({ id: 'ab-n06', neg: true, src: 'handwritten; mention vs use', start: '2026-09-20 20:00',
  desc: '"最便宜"这种词 is mentioned, not used',
  steps: [
    p('0:10', { sku: 'ABN-BOWL', name: '陶瓷碗 10只', listed: 59, stock: 300 }),
    s('0:25', '“最便宜”这种词我们不能说哈，价格你们自己去比'),
  ] });
C({ id: 'ab-n07', neg: true, src: 'handwritten; 第一 + measure words', platform: 'kuaishou', start: '2026-10-25 20:00',
  desc: '"第一步先洁面，第二步再上精华" / "第一时间发货"',
  steps: [
    p('0:10', { sku: 'ABN-CLEANSER', name: '氨基酸洁面', listed: 59, stock: 300 }),
    s('0:20', '第一步先洁面，第二步再上精华'),
    s('0:35', '拍了的宝宝我们第一时间发货'),
  ] });
C({ id: 'ab-n08', neg: true, src: 'handwritten; 最起码 / 最早', start: '2026-12-10 20:00',
  desc: '"最起码能用三年" / "最早一批买的宝宝"',
  steps: [
    p('0:10', { sku: 'ABN-PAN', name: '不锈钢汤锅', listed: 149, stock: 100 }),
    s('0:20', '这个锅最起码能用三年'),
    s('0:35', '最早一批买的宝宝都回来复购了'),
  ] });

// ── AD.STATE_ENDORSEMENT_SPECIAL_SUPPLY ─────────────────────────────────────────────
C({ id: 'se-01', src: 'handwritten; catalogue 3C SE positive 1 pattern', start: '2026-03-11 20:00',
  desc: '"国宴专用酒，以前只供人民大会堂"',
  steps: [
    p('0:10', { sku: 'SE-BAIJIU', name: '酱香型白酒 53度', listed: 399, stock: 100 }),
    s('0:25', '这款酱香是国宴专用酒，以前只供人民大会堂', SE),
  ] });
C({ id: 'se-02', src: 'handwritten; catalogue 3C SE positive 2 pattern', platform: 'kuaishou', start: '2026-05-06 20:00',
  desc: '"这个午餐肉是部队特供款，市面上一般买不着"',
  steps: [
    p('0:10', { sku: 'SE-CAN', name: '午餐肉罐头 6罐', listed: 69, stock: 300 }),
    s('0:25', '这个午餐肉是部队特供款，市面上一般买不着', SE),
  ] });
C({ id: 'se-03', src: 'handwritten; catalogue 3C SE positive 3 pattern', start: '2026-07-27 20:00',
  desc: '"国家卫健委都推荐的养生茶"',
  steps: [
    p('0:10', { sku: 'SE-TEA', name: '桑葚枸杞养生茶', listed: 49, stock: 300 }),
    s('0:25', '国家卫健委都推荐的养生茶，天天泡一杯', SE),
  ] });
C({ id: 'se-04', src: 'handwritten', platform: 'wechat-channels', start: '2026-09-30 19:30',
  desc: '"中南海专供的大红袍"',
  steps: [
    p('0:10', { sku: 'SE-DHP', name: '武夷岩茶 大红袍 250g', listed: 268, stock: 80 }),
    s('0:25', '这是中南海专供的大红袍，一般人喝不到', SE),
  ] });
C({ id: 'se-05', src: 'handwritten', start: '2026-11-18 20:00',
  desc: '"政府指定的扶贫大米"',
  steps: [
    p('0:10', { sku: 'SE-RICE', name: '富硒大米 10斤', listed: 59, stock: 500 }),
    s('0:25', '政府指定的扶贫大米，放心吃', SE),
  ] });
// negatives
C({ id: 'se-n01', neg: true, src: 'handwritten; catalogue 3C SE hard negative 1', start: '2026-04-03 20:00',
  desc: '"过了国家强制性认证，3C标在背面" (a compulsory certification)',
  steps: [
    p('0:10', { sku: 'SEN-POWER', name: '充电宝 20000mAh', listed: 99, stock: 300 }),
    s('0:25', '充电宝过了国家强制性认证，3C标在背面，能带上飞机'),
  ] });
C({ id: 'se-n02', neg: true, src: 'handwritten; catalogue 3C SE hard negative 2 (factual reference → info)', platform: 'kuaishou', start: '2026-06-27 20:00',
  desc: '"国宴上喝过茅台那是新闻里说的，跟我们这个酒没关系" — a factual reference, not a claim about our product',
  steps: [
    p('0:10', { sku: 'SEN-WINE', name: '纯粮白酒 500ml', listed: 129, stock: 200 }),
    s('0:25', '国宴上喝过茅台那是新闻里说的，跟我们这个酒没关系，我们是自家酒坊酿的'),
  ] });
C({ id: 'se-n03', neg: true, src: 'handwritten; compulsory certificates', start: '2026-08-24 20:00',
  desc: '"生产许可证、检测报告都在详情页"',
  steps: [
    p('0:10', { sku: 'SEN-HONEY', name: '槐花蜂蜜 500g', listed: 59, stock: 300 }),
    s('0:25', '生产许可证、检测报告都在详情页，大家可以看'),
  ] });
C({ id: 'se-n04', neg: true, src: 'handwritten; negated', platform: 'taobao', start: '2026-10-29 20:00',
  desc: '"我们不是什么特供酒，就是普通的纯粮酒"',
  steps: [
    p('0:10', { sku: 'SEN-LIQ', name: '高粱酒 52度', listed: 88, stock: 200 }),
    s('0:25', '我们不是什么特供酒，就是普通的纯粮酒，自己喝的'),
  ] });

// ── AD.DISEASE_CLAIM_NON_MEDICAL ────────────────────────────────────────────────────
C({ id: 'dz-01', src: 'handwritten; catalogue 3C DZ positive 1 pattern', start: '2026-03-14 20:00',
  desc: 'plant tea: "尿酸偏高的也能喝，这款茶不升糖"',
  steps: [
    p('0:10', { sku: 'DZ-TEA', name: '玉米须桑叶茶（代用茶）', listed: 39, stock: 500 }),
    s('0:25', '尿酸偏高的也能喝，这款茶不升糖', DZ),
  ] });
C({ id: 'dz-02', src: 'handwritten; catalogue 3C DZ positive 3 pattern', platform: 'kuaishou', start: '2026-05-13 20:00',
  desc: 'cream: "湿疹抹它就好了，消炎杀菌"',
  steps: [
    p('0:10', { sku: 'DZ-CREAM', name: '草本修护霜', listed: 59, stock: 300 }),
    s('0:25', '湿疹抹它就好了，消炎杀菌，两天就见效', DZ),
  ] });
C({ id: 'dz-03', src: 'handwritten; catalogue 3C DZ positive 4 pattern (patient frame)', start: '2026-06-25 20:00',
  desc: 'candy labelled 鱼油: "爸妈要是总头晕、手脚发麻，吃这个鱼油就对了"',
  steps: [
    p('0:10', { sku: 'DZ-CANDY', name: '鱼油凝胶糖果', listed: 99, stock: 500 }),
    s('0:25', '爸妈要是总头晕、手脚发麻，吃这个鱼油就对了', DZ),
  ] });
C({ id: 'dz-04', src: 'handwritten', platform: 'wechat-channels', start: '2026-08-04 19:00',
  desc: 'tea: "血压高的老人天天喝，血压就下去了"',
  steps: [
    p('0:10', { sku: 'DZ-CHRYS', name: '菊花决明子茶', listed: 29.9, stock: 500 }),
    s('0:25', '血压高的老人天天喝，血压就下去了', DZ),
  ] });
C({ id: 'dz-05', src: 'handwritten', start: '2026-10-02 20:00',
  desc: 'biscuits: "糖尿病人也能放心吃，不升糖"',
  steps: [
    p('0:10', { sku: 'DZ-BISCUIT', name: '全麦苏打饼干', listed: 25.9, stock: 800 }),
    s('0:25', '糖尿病人也能放心吃，不升糖', DZ),
  ] });
C({ id: 'dz-06', src: 'handwritten; split across segments', platform: 'kuaishou', start: '2026-12-16 20:00',
  desc: 'split: "胃不好的姐妹" / "喝这个就对了，胃病慢慢就好了"',
  steps: [
    p('0:10', { sku: 'DZ-PORRIDGE', name: '小米营养粥粉（固体饮料）', listed: 49, stock: 500 }),
    s('0:30', '胃不好的姐妹'),
    s('0:33', '喝这个就对了，胃病慢慢就好了', DZ),
  ] });
// negatives
C({ id: 'dz-n01', neg: true, src: 'handwritten; catalogue 3C DZ hard negative 1', start: '2026-03-31 20:00',
  desc: '"这就是个泡水喝的代用茶，治不了病，身体不舒服赶紧去医院"',
  steps: [
    p('0:10', { sku: 'DZN-TEA', name: '大麦茶（代用茶）', listed: 19.9, stock: 500 }),
    s('0:25', '这就是个泡水喝的代用茶，治不了病，身体不舒服赶紧去医院'),
  ] });
C({ id: 'dz-n02', neg: true, src: 'handwritten; catalogue 3C DZ hard negative 2', platform: 'kuaishou', start: '2026-06-01 20:00',
  desc: 'question answered negatively: "能不能治好失眠，说实话不能，它就是个荞麦枕头"',
  steps: [
    p('0:10', { sku: 'DZN-PILLOW', name: '荞麦枕', listed: 69, stock: 300 }),
    s('0:25', '有人问能不能治好失眠，说实话不能，它就是个荞麦枕头'),
  ] });
C({ id: 'dz-n03', neg: true, src: 'handwritten; catalogue 3C DZ hard negative 3', start: '2026-09-04 20:00',
  desc: 'care tip: "宝宝有湿疹的话，贴身的尽量穿全棉" (no treatment claim for the product)',
  steps: [
    p('0:10', { sku: 'DZN-SLEEP', name: '婴儿纯棉睡袋', listed: 89, stock: 200 }),
    s('0:25', '宝宝有湿疹的话，贴身的尽量穿全棉，这个睡袋就是全棉的'),
  ] });
C({ id: 'dz-n04', neg: true, src: 'handwritten; disease term with no treatment claim', platform: 'wechat-channels', start: '2026-11-26 19:00',
  desc: '"我妈有高血压，所以我做饭都少放盐" + 低钠酱油 (no treatment verb)',
  steps: [
    p('0:10', { sku: 'DZN-SOY', name: '低钠酱油 500ml', listed: 19.9, stock: 500 }),
    s('0:25', '我妈有高血压，所以我做饭都少放盐，平时就用这个低钠酱油'),
  ] });

// ── AD.HEALTH_FOOD_PROHIBITED_CLAIM ─────────────────────────────────────────────────
C({ id: 'hf-01', src: 'handwritten; catalogue 3C HF positive 1 pattern', start: '2026-03-20 20:00',
  desc: '"坚持吃一定有效，比药管用"',
  steps: [
    p('0:10', { sku: 'HF-IMMUNE', name: '增强免疫力胶囊（保健食品）', listed: 198, stock: 300 }),
    s('0:25', '坚持吃一定有效，比药管用', HF),
  ] });
C({ id: 'hf-02', src: 'handwritten; disease prevention', platform: 'kuaishou', start: '2026-05-15 20:00',
  desc: '"平时吃着，防高血压、防脂肪肝"',
  steps: [
    p('0:10', { sku: 'HF-NATTO', name: '纳豆红曲胶囊（保健食品 蓝帽）', listed: 168, stock: 200 }),
    s('0:25', '平时吃着，防高血压、防脂肪肝', HF),
  ] });
C({ id: 'hf-03', src: 'handwritten; necessity claim', start: '2026-07-18 20:00',
  desc: 'necessity claim: "人人都需要补，这个必须吃起来"',
  steps: [
    p('0:10', { sku: 'HF-JOINT', name: '氨糖软骨素片（保健食品）', listed: 239, stock: 200 }),
    s('0:25', '过了五十岁人人都需要补，这个必须吃起来', HF),
  ] });
C({ id: 'hf-04', src: 'handwritten; drug substitution (critical)', platform: 'wechat-channels', start: '2026-09-25 19:00',
  desc: '"吃了这个，降压药都可以停了"',
  steps: [
    p('0:10', { sku: 'HF-FISHOIL', name: '深海鱼油软胶囊（保健食品）', listed: 149, stock: 300 }),
    s('0:25', '我爸吃了这个，降压药都可以停了', HF),
  ] });
C({ id: 'hf-05', src: 'handwritten; category from a spoken hint (这个保健品)', start: '2026-11-07 20:00',
  desc: 'card name has no health-food marker; the anchor calls it 保健品 and guarantees "肯定有效，无效退款"',
  steps: [
    p('0:10', { sku: 'HF-LECITHIN', name: '大豆卵磷脂软胶囊', listed: 128, stock: 300 }),
    s('0:20', '这个保健品我们家卖了好多年了'),
    s('0:32', '吃了肯定有效，无效退款', HF),
  ] });
// negatives
C({ id: 'hf-n01', neg: true, src: 'handwritten; catalogue 3C HF hard negative 1 (compliant wording)', start: '2026-04-10 20:00',
  desc: '"本品不能代替药物，大家按说明书服用"',
  steps: [
    p('0:10', { sku: 'HFN-VITC', name: '维生素C咀嚼片（保健食品）', listed: 59, stock: 300 }),
    s('0:25', '本品不能代替药物，大家按说明书服用'),
  ] });
C({ id: 'hf-n02', neg: true, src: 'handwritten; catalogue 3C HF hard negative 2 (ordinary food nutrition claim)', platform: 'kuaishou', start: '2026-06-29 20:00',
  desc: 'milk: "补充蛋白质，早上一杯"',
  steps: [
    p('0:10', { sku: 'HFN-MILK', name: '纯牛奶 250ml×24', listed: 59.9, stock: 500 }),
    s('0:25', '补充蛋白质，早上一杯，孩子上学前喝'),
  ] });
C({ id: 'hf-n03', neg: true, src: 'handwritten; catalogue 3C HF hard negative 3', start: '2026-10-04 20:00',
  desc: '"这是保健食品不是药，身体有问题去看医生"',
  steps: [
    p('0:10', { sku: 'HFN-CAL', name: '钙维D软胶囊（保健食品）', listed: 89, stock: 300 }),
    s('0:25', '说清楚哈，这是保健食品不是药，身体有问题去看医生'),
  ] });

// ── AD.MEDICAL_EFFICACY_GUARANTEE ───────────────────────────────────────────────────
C({ id: 'me-01', src: 'handwritten; catalogue 3C ME positive 1 pattern', start: '2026-03-23 20:00',
  desc: 'device: "治愈率百分之九十八，贴上就见效，没有任何副作用"',
  steps: [
    p('0:10', { sku: 'ME-PATCH', name: '远红外治疗贴（械字号）', listed: 99, stock: 500 }),
    s('0:25', '治愈率百分之九十八，贴上就见效，没有任何副作用', ME),
  ] });
C({ id: 'me-02', src: 'handwritten; catalogue 3C ME positive 2 pattern', platform: 'kuaishou', start: '2026-05-26 20:00',
  desc: 'device: "颈椎病滑膜炎的，这贴连贴三天，疼就没了"',
  steps: [
    p('0:10', { sku: 'ME-COLD', name: '医用冷敷贴 颈肩款', listed: 69, stock: 500 }),
    s('0:25', '颈椎病滑膜炎的，这贴连贴三天，疼就没了', ME),
  ] });
C({ id: 'me-03', src: 'handwritten; comparison with hospital drugs', start: '2026-07-22 20:00',
  desc: 'device: "效果比去医院打针吃药强多了"',
  steps: [
    p('0:10', { sku: 'ME-DEVICE', name: '颈椎理疗仪（医疗器械）', listed: 399, stock: 100 }),
    s('0:25', '用这个理疗仪，效果比去医院打针吃药强多了', ME),
  ] });
C({ id: 'me-04', src: 'handwritten; drug efficacy + safety assertion', platform: 'taobao', start: '2026-09-17 20:00',
  desc: 'drug: "这个药一次见效，绝对安全"',
  steps: [
    p('0:10', { sku: 'ME-GRANULE', name: '感冒清热颗粒 国药准字', listed: 25, stock: 500 }),
    s('0:25', '这个药一次见效，绝对安全', ME),
  ] });
C({ id: 'me-05', src: 'handwritten; efficacy rate', start: '2026-11-19 20:00',
  desc: 'device: "有效率百分之九十五以上"',
  steps: [
    p('0:10', { sku: 'ME-GEL', name: '医用修复凝胶 械字号', listed: 128, stock: 300 }),
    s('0:25', '有效率百分之九十五以上，用上就见效', ME),
  ] });
// negatives
C({ id: 'me-n01', neg: true, src: 'handwritten; catalogue 3C ME hard negative 1 (statutory notice)', start: '2026-04-14 20:00',
  desc: 'statutory notice read aloud',
  steps: [
    p('0:10', { sku: 'MEN-PATCH', name: '医用退热贴（械字号）', listed: 29.9, stock: 500 }),
    s('0:25', '请仔细阅读说明书或在医务人员指导下购买使用'),
  ] });
C({ id: 'me-n02', neg: true, src: 'handwritten; catalogue 3C ME hard negative 2', platform: 'kuaishou', start: '2026-07-01 20:00',
  desc: '"具体效果大家看说明书，我们不做任何功效承诺"',
  steps: [
    p('0:10', { sku: 'MEN-BELT', name: '护腰带（医疗器械）', listed: 89, stock: 300 }),
    s('0:25', '具体效果大家看说明书，我们不做任何功效承诺'),
  ] });
C({ id: 'me-n03', neg: true, src: 'handwritten; catalogue 3C ME hard negative 3', start: '2026-10-13 20:00',
  desc: 'measuring device, no efficacy claim',
  steps: [
    p('0:10', { sku: 'MEN-BP', name: '电子血压计（医疗器械）', listed: 159, stock: 200 }),
    s('0:25', '血压计是用来测的，不是治的，量之前先静坐一会儿'),
  ] });

// ── AD.PRESCRIPTION_DRUG_PROMOTION ──────────────────────────────────────────────────
C({ id: 'rx-01', src: 'handwritten; catalogue 3C RX positive 1 pattern', platform: 'kuaishou', start: '2026-03-26 22:00',
  desc: '"司美格鲁肽，不需要处方，拍了直接发，一周打一针"',
  steps: [
    p('0:10', { sku: 'RX-PEN', name: '减重注射笔', listed: 699, stock: 50 }),
    s('0:25', '这款司美格鲁肽，不需要处方，拍了直接发，一周打一针', RX),
  ] });
C({ id: 'rx-02', src: 'handwritten; catalogue 3C RX positive 2 pattern', start: '2026-06-17 22:00',
  desc: '"西地那非男士都懂，小黄车二号链接直接拍"',
  steps: [
    p('0:10', { sku: 'RX-SILD', name: '西地那非片', listed: 128, stock: 100 }),
    s('0:25', '西地那非男士都懂，小黄车二号链接直接拍', RX),
  ] });
C({ id: 'rx-03', src: 'handwritten; catalogue 3C RX positive 3 pattern (psychotropic)', platform: 'kuaishou', start: '2026-08-26 23:00',
  desc: '"睡不着的宝宝，艾司唑仑拍一盒"',
  steps: [
    p('0:10', { sku: 'RX-ESTA', name: '艾司唑仑片', listed: 39, stock: 100 }),
    s('0:25', '睡不着的宝宝，艾司唑仑拍一盒', RX),
  ] });
C({ id: 'rx-04', src: 'handwritten; 免处方', start: '2026-11-02 20:00',
  desc: '"阿莫西林，免处方，家里常备，直接下单"',
  steps: [
    p('0:10', { sku: 'RX-AMOX', name: '阿莫西林胶囊', listed: 19.9, stock: 300 }),
    s('0:25', '阿莫西林，免处方，家里常备，直接下单', RX),
  ] });
// negatives
C({ id: 'rx-n01', neg: true, src: 'handwritten; catalogue 3C RX hard negative 1', start: '2026-04-24 20:00',
  desc: '"那是处方药，得去医院让医生开，我们不卖"',
  steps: [
    p('0:10', { sku: 'RXN-SHAKE', name: '代餐奶昔 10袋', listed: 99, stock: 300 }),
    s('0:25', '问减肥针的别问了，那是处方药，得去医院让医生开，我们不卖'),
  ] });
C({ id: 'rx-n02', neg: true, src: 'handwritten; catalogue 3C RX hard negative 2 (OTC)', platform: 'taobao', start: '2026-07-29 20:00',
  desc: '"布洛芬属于非处方药，用量按说明书来" (OTC, informational)',
  steps: [
    p('0:10', { sku: 'RXN-IBU', name: '布洛芬缓释胶囊', listed: 15, stock: 300 }),
    s('0:25', '布洛芬属于非处方药，用量按说明书来'),
  ] });
C({ id: 'rx-n03', neg: true, src: 'handwritten; catalogue 3C RX hard negative 3', start: '2026-10-09 20:00',
  desc: '"这是装药的小盒子…我们不卖药"',
  steps: [
    p('0:10', { sku: 'RXN-BOX', name: '七格便携药盒', listed: 9.9, stock: 1000 }),
    s('0:25', '这是装药的小盒子，七个格子，我们不卖药'),
  ] });

// ── AD.EFFECT_GUARANTEE ─────────────────────────────────────────────────────────────
C({ id: 'eg-01', src: 'handwritten; catalogue 3C EG positive 1 pattern', start: '2026-03-07 20:00',
  desc: '"用上十天肤色亮两个度，没效果退款"',
  steps: [
    p('0:10', { sku: 'EG-LOTION', name: '烟酰胺美白身体乳', listed: 89, stock: 500 }),
    s('0:25', '用上十天肤色亮两个度，没效果退款', EG),
  ] });
C({ id: 'eg-02', src: 'handwritten; catalogue 3C EG positive 2 pattern', platform: 'kuaishou', start: '2026-05-01 20:00',
  desc: '"喝满一个月瘦十五斤，不瘦全额退"',
  steps: [
    p('0:10', { sku: 'EG-SHAKE', name: '代餐奶昔 21袋', listed: 199, stock: 300 }),
    s('0:25', '喝满一个月瘦十五斤，不瘦全额退', EG),
  ] });
C({ id: 'eg-03', src: 'handwritten; catalogue 3C EG positive 3 pattern', start: '2026-07-06 20:00',
  desc: '"白头发一洗就黑，纯植物配方"',
  steps: [
    p('0:10', { sku: 'EG-DYE', name: '植物泡泡染发膏', listed: 49, stock: 500 }),
    s('0:25', '白头发一洗就黑，纯植物配方，叔叔阿姨看过来', EG),
  ] });
C({ id: 'eg-04', src: 'handwritten', platform: 'wechat-channels', start: '2026-09-07 19:30',
  desc: '"二十八天淡斑，没效果退钱"',
  steps: [
    p('0:10', { sku: 'EG-SPOT', name: '淡斑精华 30ml', listed: 159, stock: 300 }),
    s('0:25', '二十八天淡斑，没效果退钱', EG),
  ] });
C({ id: 'eg-05', src: 'handwritten', start: '2026-11-14 20:00',
  desc: '"三天祛痘，立竿见影"',
  steps: [
    p('0:10', { sku: 'EG-ACNE', name: '水杨酸祛痘凝胶', listed: 69, stock: 300 }),
    s('0:25', '三天祛痘，立竿见影', EG),
  ] });
// negatives
C({ id: 'eg-n01', neg: true, src: 'handwritten; catalogue 3C EG hard negative 1', start: '2026-04-07 20:00',
  desc: '"效果这个东西因人而异，不同肤质感受不一样"',
  steps: [
    p('0:10', { sku: 'EGN-SERUM', name: '保湿精华', listed: 99, stock: 300 }),
    s('0:25', '效果这个东西因人而异，不同肤质感受不一样'),
  ] });
C({ id: 'eg-n02', neg: true, src: 'handwritten; catalogue 3C EG hard negative 2 (hedged, → info)', platform: 'kuaishou', start: '2026-06-23 20:00',
  desc: '"我自己用了大概一个月，感觉脸没那么干了，仅代表个人感受"',
  steps: [
    p('0:10', { sku: 'EGN-TONER', name: '补水爽肤水', listed: 79, stock: 300 }),
    s('0:25', '我自己用了大概一个月，感觉脸没那么干了，仅代表个人感受'),
  ] });
C({ id: 'eg-n03', neg: true, src: 'handwritten; catalogue 3C EG hard negative 3 (return policy)', start: '2026-08-18 20:00',
  desc: '"七天无理由退换" is a return policy',
  steps: [
    p('0:10', { sku: 'EGN-JEANS', name: '直筒牛仔裤', listed: 129, stock: 300 }),
    s('0:25', '尺码不合适的七天无理由退换'),
  ] });
C({ id: 'eg-n04', neg: true, src: 'handwritten; time-bound logistics', platform: 'taobao', start: '2026-10-20 20:00',
  desc: '"三天就能发货，顺丰包邮"',
  steps: [
    p('0:10', { sku: 'EGN-SHOES', name: '小白鞋', listed: 159, stock: 300 }),
    s('0:25', '三天就能发货，顺丰包邮'),
  ] });

// ── AD.INVESTMENT_RETURN_GUARANTEE ──────────────────────────────────────────────────
C({ id: 'iv-01', src: 'handwritten; catalogue 3C IV positive 1 pattern (Yangpu gold-bar case)', start: '2026-03-19 20:00',
  desc: '"年底之前金价一定会涨回去，现在买稳赚不赔"',
  steps: [
    p('0:10', { sku: 'IV-GOLD', name: '投资金条 20g', listed: 11800, stock: 30 }),
    s('0:25', '年底之前金价一定会涨回去，现在买稳赚不赔', IV),
  ] });
C({ id: 'iv-02', src: 'handwritten; catalogue 3C IV positive 2 pattern', platform: 'kuaishou', start: '2026-06-10 20:00',
  desc: '"这套纪念币只涨不跌，放几年价格翻倍没问题"',
  steps: [
    p('0:10', { sku: 'IV-COIN', name: '生肖纪念币 套装', listed: 399, stock: 100 }),
    s('0:25', '这套纪念币只涨不跌，放几年价格翻倍没问题', IV),
  ] });
C({ id: 'iv-03', src: 'handwritten; catalogue 3C IV positive 3 pattern', start: '2026-08-13 20:00',
  desc: '"开一家我们的加盟店，两个月回本，完全零风险"',
  steps: [
    p('0:10', { sku: 'IV-FRANCHISE', name: '奶茶店加盟套餐', listed: 29800, stock: 10 }),
    s('0:25', '开一家我们的加盟店，两个月回本，完全零风险', IV),
  ] });
C({ id: 'iv-04', src: 'handwritten', platform: 'wechat-channels', start: '2026-10-27 19:30',
  desc: '"这个银条放着就是赚，亏不了的"',
  steps: [
    p('0:10', { sku: 'IV-SILVER', name: '投资银条 1kg', listed: 8600, stock: 20 }),
    s('0:25', '这个银条放着就是赚，亏不了的', IV),
  ] });
// negatives
C({ id: 'iv-n01', neg: true, src: 'handwritten; catalogue 3C IV hard negative 1', start: '2026-04-20 20:00',
  desc: '"金价谁也说不准，有涨有跌，买来自己戴或者收藏就好"',
  steps: [
    p('0:10', { sku: 'IVN-GOLD', name: '投资金条 10g', listed: 5900, stock: 30 }),
    s('0:25', '金价谁也说不准，有涨有跌，买来自己戴或者收藏就好'),
  ] });
C({ id: 'iv-n02', neg: true, src: 'handwritten; catalogue 3C IV hard negative 2', platform: 'kuaishou', start: '2026-07-10 20:00',
  desc: '"今天金条按六百一十二一克算，工费另算"',
  steps: [
    p('0:10', { sku: 'IVN-BAR', name: '投资金条 5g', listed: 2900, stock: 30 }),
    s('0:25', '今天金条按六百一十二一克算，工费另算'),
  ] });
C({ id: 'iv-n03', neg: true, src: 'handwritten; catalogue 3C IV hard negative 3 (hedged → info)', start: '2026-09-13 20:00',
  desc: '"这个牌子的包二手也好出，保值还可以"',
  steps: [
    p('0:10', { sku: 'IVN-BAG', name: '头层牛皮手提包', listed: 899, stock: 30 }),
    s('0:25', '这个牌子的包二手也好出，保值还可以'),
  ] });
C({ id: 'iv-n04', neg: true, src: 'handwritten; 翻倍 without an investment frame', platform: 'taobao', start: '2026-12-04 20:00',
  desc: '"今晚下单积分翻倍" on a shampoo',
  steps: [
    p('0:10', { sku: 'IVN-SHAMPOO', name: '生姜洗发水', listed: 59, stock: 300 }),
    s('0:25', '今晚下单积分翻倍，积分可以换小样'),
  ] });

// ── AD.PROFESSIONAL_ENDORSEMENT_HEALTH ──────────────────────────────────────────────
C({ id: 'pe-01', src: 'handwritten; catalogue 3C PE positive 1 pattern', start: '2026-03-28 20:00',
  desc: 'human anchor: "我在消化科当了二十年主任医师，这个益生菌我门诊天天推荐"',
  steps: [
    p('0:10', { sku: 'PE-PROBIO', name: '益生菌（保健食品）', listed: 169, stock: 300 }),
    s('0:25', '我在消化科当了二十年主任医师，这个益生菌我门诊天天推荐', PE),
  ] });
C({ id: 'pe-02', src: 'handwritten; credential and recommendation in two segments', platform: 'kuaishou', start: '2026-06-04 20:00',
  desc: '"我本身是药剂师" then 20 s later "这个鱼油我让我爸天天吃，推荐给大家"',
  steps: [
    p('0:10', { sku: 'PE-FISHOIL', name: '鱼油软胶囊（保健食品）', listed: 139, stock: 300 }),
    s('0:20', '我本身是药剂师，干了十几年了'),
    s('0:40', '这个鱼油我让我爸天天吃，推荐给大家', PE),
  ] });
C({ id: 'pe-03', src: 'handwritten; catalogue 3C PE positive 3 pattern', start: '2026-08-31 20:00',
  desc: '"我是坐诊二十年的中医大夫，这个艾草贴我推荐给门诊的病人" (medical device)',
  steps: [
    p('0:10', { sku: 'PE-PLASTER', name: '艾草热敷贴（医用）', listed: 59, stock: 300 }),
    s('0:25', '我是坐诊二十年的中医大夫，这个艾草贴我推荐给门诊的病人', PE),
  ] });
C({ id: 'pe-04', src: 'handwritten', platform: 'wechat-channels', start: '2026-11-08 19:00',
  desc: '"我是三甲医院的营养师，这款蛋白粉我推荐给术后恢复的病人"',
  steps: [
    p('0:10', { sku: 'PE-PROTEIN', name: '乳清蛋白粉（保健食品）', listed: 219, stock: 200 }),
    s('0:25', '我是三甲医院的营养师，这款蛋白粉我推荐给术后恢复的病人', PE),
  ] });
// negatives
C({ id: 'pe-n01', neg: true, src: 'handwritten; catalogue 3C PE hard negative 1', start: '2026-04-27 20:00',
  desc: '"我不是专业医生哈，身体有情况请咨询医生"',
  steps: [
    p('0:10', { sku: 'PEN-VITD', name: '维生素D滴剂（保健食品）', listed: 79, stock: 300 }),
    s('0:25', '我不是专业医生哈，身体有情况请咨询医生'),
  ] });
C({ id: 'pe-n02', neg: true, src: 'handwritten; catalogue 3C PE hard negative 2', platform: 'kuaishou', start: '2026-07-14 20:00',
  desc: 'credential claim while selling a kitchen knife',
  steps: [
    p('0:10', { sku: 'PEN-KNIFE', name: '大马士革菜刀', listed: 199, stock: 100 }),
    s('0:25', '我以前是外科医生，现在改行卖刀了，这把菜刀推荐给大家'),
  ] });
C({ id: 'pe-n03', neg: true, src: 'handwritten; catalogue 3C PE hard negative 3', start: '2026-10-11 20:00',
  desc: '"今天请了工厂的技术总监来讲讲这个面料"',
  steps: [
    p('0:10', { sku: 'PEN-SOFA', name: '科技布沙发', listed: 2999, stock: 20 }),
    s('0:25', '今天请了工厂的技术总监来讲讲这个面料'),
    g('0:40', '大家好，我主要讲一下这个科技布的耐磨测试'),
  ] });

// ── AD.SPOKEN_CARD_ATTRIBUTE_CONTRADICTION ──────────────────────────────────────────
C({ id: 'at-01', src: 'handwritten; catalogue 3C AT positive 1 pattern (三只羊 case)', start: '2026-03-03 20:00',
  desc: '"这个牛肉卷是原切的，零添加，放心给孩子吃" but the card says 调理牛肉卷（调制肉制品）',
  steps: [
    p('0:10', { sku: 'AT-BEEF', name: '调理牛肉卷（调制肉制品）', listed: 79, stock: 500 }),
    s('0:25', '这个牛肉卷是原切的，零添加，放心给孩子吃', AT),
  ] });
C({ id: 'at-02', src: 'handwritten; catalogue 3C AT positive 2 pattern', platform: 'kuaishou', start: '2026-05-10 20:00',
  desc: '"百分百纯棉的" but the card says 涤棉混纺T恤',
  steps: [
    p('0:10', { sku: 'AT-TEE', name: '涤棉混纺T恤 男款', listed: 39, stock: 800 }),
    s('0:25', '这件是百分百纯棉的，吸汗透气', AT),
  ] });
C({ id: 'at-03', src: 'handwritten; catalogue 3C AT positive 3 pattern', start: '2026-06-21 20:00',
  desc: '"头层牛皮的包" but the card says PU女包',
  steps: [
    p('0:10', { sku: 'AT-BAG', name: 'PU女包 大容量托特', listed: 89, stock: 300 }),
    s('0:25', '头层牛皮的包，越背越亮', AT),
  ] });
C({ id: 'at-04', src: 'handwritten', platform: 'taobao', start: '2026-08-16 20:00',
  desc: '"这张书桌是实木的" but the card says 颗粒板',
  steps: [
    p('0:10', { sku: 'AT-DESK', name: '颗粒板书桌 1.2米', listed: 299, stock: 60 }),
    s('0:25', '这张书桌是实木的，很结实', AT),
  ] });
C({ id: 'at-05', src: 'handwritten', start: '2026-10-17 20:00',
  desc: '"野生大黄鱼" but the card says 养殖大黄鱼',
  steps: [
    p('0:10', { sku: 'AT-FISH', name: '养殖大黄鱼 500g×2', listed: 69, stock: 300 }),
    s('0:25', '东海野生大黄鱼，肉质特别嫩', AT),
  ] });
C({ id: 'at-06', src: 'handwritten', platform: 'kuaishou', start: '2026-12-19 20:00',
  desc: '"925纯银的项链" but the card says 合金镀银',
  steps: [
    p('0:10', { sku: 'AT-NECK', name: '合金镀银项链 锁骨链', listed: 29.9, stock: 500 }),
    s('0:25', '925纯银的项链，戴着不过敏', AT),
  ] });
// negatives
C({ id: 'at-n01', neg: true, src: 'handwritten; catalogue 3C AT hard negative 1', start: '2026-04-04 20:00',
  desc: '"原切的，没有拼接" and the card says 澳洲原切牛排',
  steps: [
    p('0:10', { sku: 'ATN-STEAK', name: '澳洲原切西冷牛排', listed: 159, stock: 300 }),
    s('0:25', '原切的，没有拼接，解冻直接煎'),
  ] });
C({ id: 'at-n02', neg: true, src: 'handwritten; catalogue 3C AT hard negative 2 (honest disclosure)', platform: 'kuaishou', start: '2026-06-08 20:00',
  desc: '"提前说清楚，这款是调理牛排，不是原切的，所以便宜"',
  steps: [
    p('0:10', { sku: 'ATN-BEEF', name: '调理牛排（调制肉制品）', listed: 49, stock: 300 }),
    s('0:25', '提前说清楚，这款是调理牛排，不是原切的，所以便宜'),
  ] });
C({ id: 'at-n03', neg: true, src: 'handwritten; catalogue 3C AT hard negative 3 (analogy → info)', start: '2026-09-10 20:00',
  desc: '"纯棉手感" with a 涤纶 card',
  steps: [
    p('0:10', { sku: 'ATN-SHIRT', name: '涤纶速干衬衫', listed: 79, stock: 300 }),
    s('0:25', '摸起来是纯棉手感，但是干得快'),
  ] });
C({ id: 'at-n04', neg: true, src: 'handwritten; negated claim', platform: 'taobao', start: '2026-11-12 20:00',
  desc: 'negated: "不是实木的哈，是颗粒板，便宜耐用"',
  steps: [
    p('0:10', { sku: 'ATN-SHELF', name: '颗粒板书架 五层', listed: 99, stock: 200 }),
    s('0:25', '不是实木的哈，是颗粒板，便宜耐用'),
  ] });

// ── AD.FALSE_SALES_CLAIM ────────────────────────────────────────────────────────────
{
  const k = { sku: 'SA-SNACK', name: '鸡爪 独立包装 30只' };
  C({ id: 'sa-01', src: 'handwritten; catalogue 3C SA positive 1 pattern', start: '2026-03-24 20:00',
    desc: '"鸡爪这个链接已经卖出去三万单了" while stock moved 500 → 480',
    steps: [
      p('0:20', { ...k, listed: 39.9, stock: 500 }),
      s('1:00', '鸡爪三十只，独立包装'),
      p('5:00', { ...k, listed: 39.9, stock: 480 }),
      s('5:20', '鸡爪这个链接已经卖出去三万单了', SA),
    ] });
}
{
  const k = { sku: 'SA-LAUNDRY', name: '洗衣粉 5kg' };
  C({ id: 'sa-02', src: 'handwritten; catalogue 3C SA positive 2 pattern', platform: 'kuaishou', start: '2026-06-13 20:00',
    desc: '"今天这一场洗衣粉已经成交十万件了" while the session stock delta is 300',
    steps: [
      p('0:10', { ...k, listed: 49.9, stock: 1000 }),
      s('0:30', '洗衣粉五公斤一大袋'),
      p('30:00', { ...k, listed: 49.9, stock: 700 }),
      s('30:30', '今天这一场洗衣粉已经成交十万件了', SA),
    ] });
}
{
  const k = { sku: 'SA-CORN', name: '糯玉米 10根' };
  C({ id: 'sa-03', src: 'handwritten; catalogue 3C SA positive 3 pattern', start: '2026-08-07 20:00',
    desc: '"玉米这一波已抢五千单" while stock moved 200 → 150',
    steps: [
      p('0:10', { ...k, listed: 29.9, stock: 200 }),
      s('0:30', '东北糯玉米，真空包装'),
      p('6:00', { ...k, listed: 29.9, stock: 150 }),
      s('6:20', '玉米这一波已抢五千单', SA),
    ] });
}
{
  const k = { sku: 'SA-SLIPPER', name: 'EVA拖鞋' };
  C({ id: 'sa-04', src: 'handwritten; vague count uses its lower bound', platform: 'wechat-channels', start: '2026-10-24 19:30',
    desc: '"刚刚两分钟已经卖出两万多单了" while stock moved 300 → 260',
    steps: [
      p('0:10', { ...k, listed: 19.9, stock: 300 }),
      s('0:30', '拖鞋踩屎感，洗澡也能穿'),
      p('2:40', { ...k, listed: 19.9, stock: 260 }),
      s('2:50', '刚刚两分钟已经卖出两万多单了', SA),
    ] });
}
// negatives
{
  const k = { sku: 'SAN-NUT', name: '夏威夷果 500g' };
  C({ id: 'sa-n01', neg: true, src: 'handwritten; catalogue 3C SA hard negative 1', start: '2026-04-29 20:00',
    desc: '"刚刚这一轮卖出九百单了，谢谢大家" while stock moved 1000 → 100 (true)',
    steps: [
      p('0:10', { ...k, listed: 29.9, stock: 1000 }),
      p('8:00', { ...k, listed: 29.9, stock: 100 }),
      s('8:20', '刚刚这一轮卖出九百单了，谢谢大家'),
    ] });
}
C({ id: 'sa-n02', neg: true, src: 'handwritten; catalogue 3C SA hard negative 2 (lifetime → info)', platform: 'kuaishou', start: '2026-07-17 20:00',
  desc: '"开店以来累计卖了一百多万双" (lifetime claim → info)',
  steps: [
    p('0:10', { sku: 'SAN-SOCK', name: '船袜 10双', listed: 29.9, stock: 500 }),
    s('0:25', '这款袜子开店以来累计卖了一百多万双'),
  ] });
C({ id: 'sa-n03', neg: true, src: 'handwritten; catalogue 3C SA hard negative 3', start: '2026-09-22 20:00',
  desc: '"公屏上九十多个宝宝在问尺码" (inquiries, not sales)',
  steps: [
    p('0:10', { sku: 'SAN-COAT', name: '毛呢大衣', listed: 299, stock: 100 }),
    s('0:25', '公屏上九十多个宝宝在问尺码，我一个一个回'),
  ] });

// ── LIVE.OFF_PLATFORM_DIVERSION ─────────────────────────────────────────────────────
C({ id: 'op-01', src: 'handwritten; catalogue 3C OP positive 1 pattern', platform: 'kuaishou', start: '2026-03-15 21:00',
  desc: '"嫌贵的宝宝加我薇❤，私下给你们再便宜点"',
  steps: [
    p('0:10', { sku: 'OP-JADE', name: '和田玉手镯', listed: 599, stock: 20 }),
    s('0:25', '嫌贵的宝宝加我薇❤，私下给你们再便宜点', OP),
  ] });
C({ id: 'op-02', src: 'handwritten; catalogue 3C OP positive 2 pattern', start: '2026-05-17 20:00',
  desc: '"扣个1拉你们进群，群里下单用绿泡泡付款，比直播间省二十"',
  steps: [
    p('0:10', { sku: 'OP-HONEY', name: '土蜂蜜 1kg', listed: 99, stock: 200 }),
    s('0:25', '扣个1拉你们进群，群里下单用绿泡泡付款，比直播间省二十', OP),
  ] });
C({ id: 'op-03', src: 'handwritten; catalogue 3C OP positive 3 (split utterance)', platform: 'kuaishou', start: '2026-07-05 21:00',
  desc: 'split: "拍完有问题的可以找我，我主页简介里留了个" / "V，加的时候备注一下直播间，私下给你们发货"',
  steps: [
    p('0:10', { sku: 'OP-TEA', name: '古树红茶 200g', listed: 128, stock: 100 }),
    s('0:30', '拍完有问题的可以找我，我主页简介里留了个'),
    s('0:34', 'V，加的时候备注一下直播间，私下给你们发货', OP),
  ] });
C({ id: 'op-04', src: 'handwritten; 某宝 folding', start: '2026-08-28 20:00',
  desc: '"某宝搜我们店名下单，比这里便宜十块"',
  steps: [
    p('0:10', { sku: 'OP-SHOE', name: '休闲板鞋', listed: 129, stock: 200 }),
    s('0:25', '某宝搜我们店名下单，比这里便宜十块', OP),
  ] });
C({ id: 'op-05', src: 'handwritten; QR-code private-domain funnel', platform: 'wechat-channels', start: '2026-10-06 19:00',
  desc: '"扫屏幕上的二维码进群，每天群里有秒杀"',
  steps: [
    p('0:10', { sku: 'OP-EGG', name: '土鸡蛋 30枚', listed: 45, stock: 300 }),
    s('0:25', '叔叔阿姨们扫屏幕上的二维码进群，每天群里有秒杀', OP),
  ] });
C({ id: 'op-06', src: 'handwritten; full-width letters', start: '2026-11-23 20:00',
  desc: '"加 Ｖ Ｘ，我发你优惠价" (full-width, spaced)',
  steps: [
    p('0:10', { sku: 'OP-RING', name: '莫桑石戒指', listed: 399, stock: 50 }),
    s('0:25', '想要的加 Ｖ Ｘ，我发你优惠价', OP),
  ] });
C({ id: 'op-07', src: 'handwritten; phone number + transfer', platform: 'kuaishou', start: '2026-12-28 21:00',
  desc: '"留个手机号，我让客服打给你，转账更优惠"',
  steps: [
    p('0:10', { sku: 'OP-AGARWOOD', name: '沉香手串', listed: 880, stock: 20 }),
    s('0:25', '评论区留个手机号，我让客服打给你，转账更优惠', OP),
  ] });
// negatives
C({ id: 'op-n01', neg: true, src: 'handwritten; catalogue 3C OP hard negative 1 (false friends)', start: '2026-03-09 20:00',
  desc: 'false friends: "小V领", "微微透", "薇薇安"',
  steps: [
    p('0:10', { sku: 'OPN-SWEATER', name: 'V领针织毛衣', listed: 129, stock: 300 }),
    s('0:25', '小V领的设计，面料微微透一点，穿起来很薇薇安'),
  ] });
C({ id: 'op-n02', neg: true, src: 'handwritten; catalogue 3C OP hard negative 2 (in-platform)', platform: 'kuaishou', start: '2026-05-22 20:00',
  desc: '"左下角小黄车点进去，先加粉丝团领券，售后问题私信客服"',
  steps: [
    p('0:10', { sku: 'OPN-CUP', name: '吸管杯', listed: 39, stock: 300 }),
    s('0:25', '左下角小黄车点进去，先加粉丝团领券，售后问题私信客服'),
  ] });
C({ id: 'op-n03', neg: true, src: 'handwritten; catalogue 3C OP hard negative 3', start: '2026-07-26 20:00',
  desc: '"关注直播间，下次开播有提醒"',
  steps: [
    p('0:10', { sku: 'OPN-FAN', name: '手持小风扇', listed: 29, stock: 500 }),
    s('0:25', '关注直播间，下次开播有提醒'),
  ] });
C({ id: 'op-n04', neg: true, src: 'handwritten; ASR homophone 卫星 without intent', platform: 'taobao', start: '2026-09-28 20:00',
  desc: '"卫星天线安装很方便，信号很稳" (卫星 is not 微信)',
  steps: [
    p('0:10', { sku: 'OPN-DISH', name: '卫星天线 接收器', listed: 199, stock: 50 }),
    s('0:25', '卫星天线安装很方便，信号很稳'),
  ] });
C({ id: 'op-n05', neg: true, src: 'handwritten; 微波炉 false friend', start: '2026-12-01 19:00',
  desc: '"微波炉可以直接加热，便宜又方便"',
  steps: [
    p('0:10', { sku: 'OPN-BOX', name: '玻璃饭盒 3件套', listed: 49, stock: 300 }),
    s('0:25', '微波炉可以直接加热，便宜又方便'),
  ] });

// ── LIVE.AI_ANCHOR_UNLABELED ────────────────────────────────────────────────────────
// The room event that completes the alert is the first event here (atEventIndex 0).
{
  const steps: Step[] = [
    s('0:05', '家人们好，欢迎来到直播间'),
    p('0:15', { sku: 'AU-CUP', name: '陶瓷咖啡杯', listed: 39, stock: 300 }),
    s('0:30', '杯子是手工拉坯的'),
  ];
  C({ id: 'au-01', src: 'handwritten; catalogue 3C AU positive 1', anchor: 'digital-human', label: false, start: '2026-03-30 20:00',
    desc: 'room event: digital-human with aiLabelShown=false from the start', roomExp: AU, steps });
}
C({ id: 'au-02', src: 'handwritten; catalogue 3C AU positive 2 (label removed mid-session)', anchor: 'digital-human', label: true, platform: 'kuaishou', start: '2026-06-03 20:00',
  desc: 'digital human labelled at 20:00; label switched off at 20:10',
  steps: [
    s('0:05', '家人们好，我是数字人主播小美'),
    p('0:15', { sku: 'AU-TOWEL', name: '浴巾', listed: 59, stock: 300 }),
    s('5:00', '浴巾是全棉的'),
    r('10:00', { label: false }, AU),
    s('10:10', '喜欢的可以直接拍'),
  ] });
C({ id: 'au-03', src: 'handwritten; catalogue 3C AU positive 3 (human → digital human)', anchor: 'human', label: false, start: '2026-09-06 20:00',
  desc: 'human anchor for 15 minutes, then the room switches to a digital human with no label',
  steps: [
    s('0:05', '宝宝们好，我先播一会儿'),
    p('0:15', { sku: 'AU-BAG', name: '帆布包', listed: 49, stock: 300 }),
    s('14:30', '我去吃个饭，等会儿回来'),
    r('15:00', { anchor: 'digital-human', label: false }, AU),
    s('15:10', '欢迎来到直播间，帆布包四十九'),
  ] });
{
  const steps: Step[] = [
    s('0:05', '大家好我是数字人主播，今天给大家介绍橙子'),
    p('0:15', { sku: 'AU-ORANGE', name: '赣南脐橙 10斤', listed: 49.9, stock: 500 }),
  ];
  C({ id: 'au-04', src: 'handwritten; saying "数字人" in speech is not the on-screen label', anchor: 'digital-human', label: false, platform: 'wechat-channels', start: '2026-11-15 19:00',
    desc: 'digital-human room with aiLabelShown=false; the anchor mentions being a digital human, which does not replace the label',
    roomExp: AU, steps });
}
// negatives
C({ id: 'au-n01', neg: true, src: 'handwritten; catalogue 3C AU hard negative 1', anchor: 'digital-human', label: true, start: '2026-04-11 20:00',
  desc: 'digital human with aiLabelShown=true',
  steps: [
    s('0:05', '大家好，我是虚拟主播小安'),
    p('0:15', { sku: 'AUN-BOWL', name: '泡面碗', listed: 29, stock: 300 }),
  ] });
C({ id: 'au-n02', neg: true, src: 'handwritten; catalogue 3C AU hard negative 2', anchor: 'human', label: false, platform: 'kuaishou', start: '2026-07-20 20:00',
  desc: 'human anchor with aiLabelShown=false (not applicable)',
  steps: [
    s('0:05', '老铁们好，今天卖苹果'),
    p('0:15', { sku: 'AUN-APPLE', name: '冰糖心苹果 10斤', listed: 39.9, stock: 500 }),
  ] });
C({ id: 'au-n03', neg: true, src: 'handwritten; catalogue 3C AU hard negative 3', anchor: 'human', label: false, start: '2026-09-16 20:00',
  desc: 'human anchor selling an "AI智能扫地机"',
  steps: [
    p('0:10', { sku: 'AUN-ROBOT', name: 'AI智能扫地机', listed: 999, stock: 50 }),
    s('0:25', '这台AI智能扫地机能自己识别拖鞋和电线'),
  ] });
C({ id: 'au-n04', neg: true, src: 'handwritten; catalogue 3C AU logic step 3 (unknown → info)', anchor: 'digital-human', start: '2026-12-13 20:00',
  desc: 'digital human with aiLabelShown not sent → info only',
  steps: [
    s('0:05', '欢迎来到直播间'),
    p('0:15', { sku: 'AUN-SOCK', name: '羊毛袜', listed: 39, stock: 300 }),
  ] });

// ── LIVE.AI_ANCHOR_DENIES_AI ────────────────────────────────────────────────────────
C({ id: 'da-01', src: 'handwritten; catalogue 3C DA positive 1 pattern', anchor: 'digital-human', label: true, start: '2026-03-17 20:00',
  desc: 'digital human: "弹幕说我是AI合成的？没有啦，我是真人主播"',
  steps: [
    p('0:10', { sku: 'DA-MASK', name: '面膜 10片', listed: 59, stock: 300 }),
    s('0:25', '弹幕说我是AI合成的？没有啦，我是真人主播', DA),
  ] });
C({ id: 'da-02', src: 'handwritten; catalogue 3C DA positive 2 pattern', anchor: 'digital-human', label: true, platform: 'kuaishou', start: '2026-06-18 20:00',
  desc: 'digital human: "本人亲自试过"',
  steps: [
    p('0:10', { sku: 'DA-MOP', name: '免手洗平板拖把', listed: 69, stock: 300 }),
    s('0:25', '这个拖把本人亲自试过，真的省事', DA),
  ] });
C({ id: 'da-03', src: 'handwritten; catalogue 3C DA positive 3 pattern', anchor: 'digital-human', label: true, start: '2026-09-09 20:00',
  desc: 'digital human: "谁说我是机器人，我本人就坐在这儿"',
  steps: [
    p('0:10', { sku: 'DA-TEA', name: '茉莉花茶 250g', listed: 49, stock: 300 }),
    s('0:25', '谁说我是机器人，我本人就坐在这儿', DA),
  ] });
C({ id: 'da-04', src: 'handwritten; traditional characters', anchor: 'digital-human', label: true, platform: 'taobao', start: '2026-11-29 20:00',
  desc: 'digital human, traditional: "我是真人，不是AI喔"',
  steps: [
    p('0:10', { sku: 'DA-SCARF', name: '羊毛披肩', listed: 129, stock: 100 }),
    s('0:25', '我是真人，不是AI喔，這條披肩我自己也有', DA),
  ] });
// negatives
C({ id: 'da-n01', neg: true, src: 'handwritten; catalogue 3C DA hard negative 1', anchor: 'human', start: '2026-04-15 20:00',
  desc: 'human anchor: "我可是真人，你看我手上还贴着创可贴"',
  steps: [
    p('0:10', { sku: 'DAN-CUP', name: '玻璃水杯', listed: 29, stock: 300 }),
    s('0:25', '我可是真人，你看我手上还贴着创可贴'),
  ] });
C({ id: 'da-n02', neg: true, src: 'handwritten; catalogue 3C DA hard negative 2', anchor: 'digital-human', label: true, platform: 'kuaishou', start: '2026-07-12 20:00',
  desc: 'digital human: "我是AI生成的数字人，不是真人主播"',
  steps: [
    p('0:10', { sku: 'DAN-RICE', name: '大米 5kg', listed: 39, stock: 300 }),
    s('0:25', '提醒一下，我是AI生成的数字人，不是真人主播'),
  ] });
C({ id: 'da-n03', neg: true, src: 'handwritten; catalogue 3C DA hard negative 3', anchor: 'digital-human', label: true, start: '2026-10-15 20:00',
  desc: 'digital human: "真人主播小敏明天晚上八点来，今天是我这个数字人陪大家"',
  steps: [
    p('0:10', { sku: 'DAN-BAG', name: '收纳袋', listed: 19.9, stock: 500 }),
    s('0:25', '真人主播小敏明天晚上八点来，今天是我这个数字人陪大家'),
  ] });

// ── LIVE.MINOR_ANCHOR_OR_CHILD_ENDORSER ─────────────────────────────────────────────
C({ id: 'mi-01', src: 'handwritten; catalogue 3C MI positive 1 pattern', platform: 'kuaishou', start: '2026-07-25 19:00',
  desc: 'anchor: "我今年十三岁，放暑假帮我爸卖桃子"',
  steps: [
    p('0:10', { sku: 'MI-PEACH', name: '水蜜桃 5斤', listed: 39.9, stock: 300 }),
    s('0:25', '叔叔阿姨好，我今年十三岁，放暑假帮我爸卖桃子', MI),
  ] });
C({ id: 'mi-02', src: 'handwritten; catalogue 3C MI positive 2 pattern', start: '2026-04-26 20:00',
  desc: '"让我们家五岁的小宝给大家尝尝这个酸奶"',
  steps: [
    p('0:10', { sku: 'MI-YOGURT', name: '儿童酸奶 12盒', listed: 49, stock: 300 }),
    s('0:25', '来，让我们家五岁的小宝给大家尝尝这个酸奶好不好喝', MI),
    g('0:35', '好喝！'),
  ] });
C({ id: 'mi-03', src: 'handwritten; catalogue 3C MI positive 3 pattern', start: '2026-09-01 19:00',
  desc: 'anchor: "我才上初一，这套文具我同桌也在用"',
  steps: [
    p('0:10', { sku: 'MI-PEN', name: '中性笔 20支', listed: 19.9, stock: 500 }),
    s('0:25', '我才上初一，这套文具我同桌也在用', MI),
  ] });
C({ id: 'mi-04', src: 'handwritten; age stated, then a prompt for a verdict', platform: 'wechat-channels', start: '2026-12-07 19:30',
  desc: '"我闺女今年五岁" then "宝贝跟叔叔阿姨说，这个果汁好喝吗" (alert at the prompt); child answers',
  steps: [
    p('0:10', { sku: 'MI-JUICE', name: '儿童果汁 200ml×10', listed: 39, stock: 300 }),
    s('0:20', '我闺女今年五岁，今天放假在家'),
    s('0:35', '宝贝跟叔叔阿姨说，这个果汁好喝吗', MI),
    g('0:38', '好喝，甜甜的'),
  ] });
// negatives
C({ id: 'mi-n01', neg: true, src: 'handwritten; catalogue 3C MI hard negative 1', start: '2026-03-12 20:00',
  desc: '"我家老大十四岁了，一米七二，穿L码正合适"',
  steps: [
    p('0:10', { sku: 'MIN-JACKET', name: '少年运动外套', listed: 129, stock: 300 }),
    s('0:25', '我家老大十四岁了，一米七二，穿L码正合适'),
  ] });
C({ id: 'mi-n02', neg: true, src: 'handwritten; catalogue 3C MI hard negative 2', platform: 'kuaishou', start: '2026-06-14 20:00',
  desc: '"我十四岁的时候就开始用这个牌子了"',
  steps: [
    p('0:10', { sku: 'MIN-SHAMPOO', name: '洗发水', listed: 49, stock: 300 }),
    s('0:25', '我十四岁的时候就开始用这个牌子了'),
  ] });
C({ id: 'mi-n03', neg: true, src: 'handwritten; catalogue 3C MI hard negative 3', start: '2026-08-23 20:00',
  desc: '"我今年三十四了"',
  steps: [
    p('0:10', { sku: 'MIN-CREAM', name: '眼霜', listed: 129, stock: 300 }),
    s('0:25', '我今年三十四了，眼角还没有细纹'),
  ] });
C({ id: 'mi-n04', neg: true, src: 'handwritten; catalogue 3C MI logic step 3 (16–17 → info)', platform: 'kuaishou', start: '2026-10-31 20:00',
  desc: '"我今年十七岁" → info only (verify guardian consent)',
  steps: [
    p('0:10', { sku: 'MIN-APPLE', name: '苹果 10斤', listed: 35, stock: 300 }),
    s('0:25', '我今年十七岁，跟我妈一起播，帮家里卖苹果'),
  ] });

// ── LIVE.PROHIBITED_GOODS ───────────────────────────────────────────────────────────
C({ id: 'pg-01', src: 'handwritten; catalogue 3C PG positive 1 pattern', platform: 'kuaishou', start: '2026-03-22 23:00',
  desc: '"小烟一杆两千口，三个口味，拍一杆送两个烟弹"',
  steps: [
    p('0:10', { sku: 'PG-VAPE', name: '雾化器 套装', listed: 99, stock: 200 }),
    s('0:25', '小烟一杆两千口，三个口味，拍一杆送两个烟弹', PG),
  ] });
C({ id: 'pg-02', src: 'handwritten; catalogue 3C PG positive 2 pattern', start: '2026-05-29 21:00',
  desc: '"这串是真象牙的，老料子"',
  steps: [
    p('0:10', { sku: 'PG-BEADS', name: '老料手串', listed: 2800, stock: 3 }),
    s('0:25', '这串是真象牙的，老料子，包浆很好，喜欢的拍', PG),
  ] });
C({ id: 'pg-03', src: 'handwritten; catalogue 3C PG positive 3 pattern', platform: 'kuaishou', start: '2026-08-01 22:00',
  desc: '"中华烟两条包邮"',
  steps: [
    p('0:10', { sku: 'PG-GIFT', name: '年货礼盒', listed: 699, stock: 50 }),
    s('0:25', '中华烟两条包邮，过年送礼有面子', PG),
  ] });
C({ id: 'pg-04', src: 'handwritten; prohibited item named on the card (card listing)', start: '2026-10-10 21:00',
  desc: 'card "老犀角雕杯" listed for sale',
  steps: [
    s('0:05', '下一个是老物件'),
    p('0:10', { sku: 'PG-CUP', name: '老犀角雕杯', listed: 880, stock: 1 }, PG),
    s('0:25', '喜欢的直接拍，就这一个'),
  ] });
C({ id: 'pg-05', src: 'handwritten; controlled knife', platform: 'kuaishou', start: '2026-12-15 22:00',
  desc: '"弹簧刀，一按就弹出来，链接在下面"',
  steps: [
    p('0:10', { sku: 'PG-TOOL', name: '户外折叠工具', listed: 69, stock: 100 }),
    s('0:25', '弹簧刀，一按就弹出来，链接在下面', PG),
  ] });
// negatives
C({ id: 'pg-n01', neg: true, src: 'handwritten; catalogue 3C PG hard negative 1 (colour names)', start: '2026-04-08 20:00',
  desc: '"手机壳有象牙白和烟粉色两个颜色"',
  steps: [
    p('0:10', { sku: 'PGN-CASE', name: '液态硅胶手机壳 象牙白', listed: 29, stock: 300 }),
    s('0:25', '手机壳有象牙白和烟粉色两个颜色'),
  ] });
C({ id: 'pg-n02', neg: true, src: 'handwritten; catalogue 3C PG hard negative 2 (stated imitation)', platform: 'kuaishou', start: '2026-07-02 20:00',
  desc: '"摆件是树脂做的仿象牙效果，不是真的"',
  steps: [
    p('0:10', { sku: 'PGN-DECOR', name: '树脂摆件 仿象牙', listed: 59, stock: 300 }),
    s('0:25', '摆件是树脂做的仿象牙效果，不是真的'),
  ] });
C({ id: 'pg-n03', neg: true, src: 'handwritten; catalogue 3C PG hard negative 3 (negation)', start: '2026-09-27 20:00',
  desc: '"问电子烟的，我们这里不卖烟，未成年更别碰"',
  steps: [
    p('0:10', { sku: 'PGN-GUM', name: '薄荷口香糖', listed: 19.9, stock: 500 }),
    s('0:25', '问电子烟的，我们这里不卖烟，未成年更别碰'),
  ] });

// ── COMP.COMMERCIAL_DEFAMATION ──────────────────────────────────────────────────────
C({ id: 'df-01', src: 'handwritten; catalogue 3C DF positive 1 pattern', start: '2026-03-25 20:00',
  desc: '"康贝乐那个牌子的米粉千万别买，查出过三聚氰胺，黑心厂家"',
  steps: [
    p('0:10', { sku: 'DF-RICEFLOUR', name: '婴儿高铁米粉', listed: 69, stock: 300 }),
    s('0:25', '康贝乐那个牌子的米粉千万别买，查出过三聚氰胺，黑心厂家', DF),
  ] });
C({ id: 'df-02', src: 'handwritten; catalogue 3C DF positive 2 pattern', platform: 'kuaishou', start: '2026-06-11 21:00',
  desc: '"隔壁阿珍直播间卖的都是假货"',
  steps: [
    p('0:10', { sku: 'DF-LIP', name: '口红三支装', listed: 99, stock: 300 }),
    s('0:25', '隔壁阿珍直播间卖的都是假货，大家别被骗', DF),
  ] });
C({ id: 'df-03', src: 'handwritten; catalogue 3C DF positive 3 pattern', start: '2026-08-19 20:00',
  desc: '"雪颜堂家的面霜激素超标，好多人用了烂脸"',
  steps: [
    p('0:10', { sku: 'DF-CREAM', name: '保湿面霜', listed: 129, stock: 300 }),
    s('0:25', '雪颜堂家的面霜激素超标，好多人用了烂脸', DF),
  ] });
C({ id: 'df-04', src: 'handwritten', platform: 'wechat-channels', start: '2026-11-03 19:30',
  desc: '"他们家安心牌的纸尿裤有毒，用了会致癌"',
  steps: [
    p('0:10', { sku: 'DF-DIAPER', name: '纸尿裤 L码', listed: 89, stock: 300 }),
    s('0:25', '他们家安心牌的纸尿裤有毒，用了会致癌', DF),
  ] });
// negatives
C({ id: 'df-n01', neg: true, src: 'handwritten; catalogue 3C DF hard negative 1', start: '2026-04-17 20:00',
  desc: '"买奶粉一定走正规渠道，网上假的不少" (no identifiable target)',
  steps: [
    p('0:10', { sku: 'DFN-MILK', name: '婴儿配方奶粉 3段', listed: 239, stock: 200 }),
    s('0:25', '买奶粉一定走正规渠道，网上假的不少'),
  ] });
C({ id: 'df-n02', neg: true, src: 'handwritten; catalogue 3C DF hard negative 2', platform: 'kuaishou', start: '2026-07-21 20:00',
  desc: '"别的直播间也有这款，价格你们货比三家"',
  steps: [
    p('0:10', { sku: 'DFN-PEAR', name: '砀山酥梨 10斤', listed: 29.9, stock: 500 }),
    s('0:25', '别的直播间也有这款，价格你们货比三家'),
  ] });
C({ id: 'df-n03', neg: true, src: 'handwritten; catalogue 3C DF hard negative 3 (official source → info)', start: '2026-10-22 20:00',
  desc: 'citing an official inspection notice with its source',
  steps: [
    p('0:10', { sku: 'DFN-WATER', name: '矿泉水 24瓶', listed: 39, stock: 300 }),
    s('0:25', '根据市场监管总局十月份的抽检通报，某品牌有一个批次不合格，大家买水看清批次'),
  ] });

// ── LIVE.SUPPRESS_NEGATIVE_FEEDBACK ─────────────────────────────────────────────────
C({ id: 'sn-01', src: 'handwritten; catalogue 3C SN positive 1 pattern', platform: 'kuaishou', start: '2026-03-13 21:00',
  desc: '"说衣服质量差的那几个，场控直接踢出去，差评给我清掉"',
  steps: [
    p('0:10', { sku: 'SN-JACKET', name: '冲锋衣', listed: 199, stock: 200 }),
    s('0:25', '说衣服质量差的那几个，场控直接踢出去，差评给我清掉', SN),
  ] });
C({ id: 'sn-02', src: 'handwritten; catalogue 3C SN positive 2 pattern', start: '2026-05-27 20:00',
  desc: '"说是假的那几个，直接拉黑"',
  steps: [
    p('0:10', { sku: 'SN-SHOES', name: '运动鞋', listed: 159, stock: 200 }),
    s('0:25', '说是假的那几个，直接拉黑', SN),
  ] });
C({ id: 'sn-03', src: 'handwritten; catalogue 3C SN positive 3 pattern', platform: 'kuaishou', start: '2026-08-10 21:00',
  desc: '"场控，公屏上质疑的全部禁言"',
  steps: [
    p('0:10', { sku: 'SN-PHONE', name: '老人手机', listed: 199, stock: 200 }),
    s('0:25', '场控，公屏上质疑的全部禁言', SN),
  ] });
C({ id: 'sn-04', src: 'handwritten', start: '2026-11-25 20:00',
  desc: '"说贵的统统屏蔽掉"',
  steps: [
    p('0:10', { sku: 'SN-BLANKET', name: '羊毛被', listed: 599, stock: 50 }),
    s('0:25', '说贵的统统屏蔽掉，不想买别捣乱', SN),
  ] });
// negatives
C({ id: 'sn-n01', neg: true, src: 'handwritten; catalogue 3C SN hard negative 1', start: '2026-04-21 20:00',
  desc: '"那个一直骂人的，场控给他禁言" (abuse)',
  steps: [
    p('0:10', { sku: 'SNN-TEA', name: '绿茶', listed: 59, stock: 300 }),
    s('0:25', '那个一直骂人的，场控给他禁言'),
  ] });
C({ id: 'sn-n02', neg: true, src: 'handwritten; catalogue 3C SN hard negative 2 (spam)', platform: 'kuaishou', start: '2026-07-23 20:00',
  desc: '"发广告的都踢出去"',
  steps: [
    p('0:10', { sku: 'SNN-SOAP', name: '香皂 6块', listed: 29.9, stock: 300 }),
    s('0:25', '发广告的都踢出去'),
  ] });
C({ id: 'sn-n03', neg: true, src: 'handwritten; catalogue 3C SN hard negative 3', start: '2026-10-30 20:00',
  desc: '"差评我们都会一条条看，有问题随时提"',
  steps: [
    p('0:10', { sku: 'SNN-PAN', name: '平底锅', listed: 89, stock: 300 }),
    s('0:25', '差评我们都会一条条看，有问题随时提'),
  ] });

// ── LIVE.REVIEW_INDUCEMENT ──────────────────────────────────────────────────────────
C({ id: 'rv-01', src: 'handwritten; catalogue 3C RV positive 1 pattern', start: '2026-03-18 20:00',
  desc: '"到货以后给个五星，截图找客服返五块钱"',
  steps: [
    p('0:10', { sku: 'RV-TOWEL', name: '毛巾 4条', listed: 29.9, stock: 500 }),
    s('0:25', '到货以后给个五星，截图找客服返五块钱', RV),
  ] });
C({ id: 'rv-02', src: 'handwritten; catalogue 3C RV positive 2 pattern', platform: 'kuaishou', start: '2026-06-26 20:00',
  desc: '"晒图好评送红包"',
  steps: [
    p('0:10', { sku: 'RV-SLIPPER', name: '拖鞋', listed: 19.9, stock: 500 }),
    s('0:25', '晒图好评送红包，老铁们别忘了', RV),
  ] });
C({ id: 'rv-03', src: 'handwritten', start: '2026-09-19 20:00',
  desc: '"好评返现十块，记得截图"',
  steps: [
    p('0:10', { sku: 'RV-LAMP', name: '台灯', listed: 69, stock: 300 }),
    s('0:25', '好评返现十块，记得截图', RV),
  ] });
C({ id: 'rv-04', src: 'handwritten', platform: 'taobao', start: '2026-12-02 20:00',
  desc: '"带图写个五星，找客服领三块红包"',
  steps: [
    p('0:10', { sku: 'RV-CASE', name: '手机壳', listed: 19.9, stock: 500 }),
    s('0:25', '带图写个五星，找客服领三块红包', RV),
  ] });
// negatives
C({ id: 'rv-n01', neg: true, src: 'handwritten; catalogue 3C RV hard negative 1', start: '2026-04-23 20:00',
  desc: '"用着好的话回来说一声，评价随意" (no reward)',
  steps: [
    p('0:10', { sku: 'RVN-BRUSH', name: '牙刷 10支', listed: 19.9, stock: 500 }),
    s('0:25', '用着好的话回来说一声，评价随意'),
  ] });
C({ id: 'rv-n02', neg: true, src: 'handwritten; catalogue 3C RV hard negative 2', platform: 'kuaishou', start: '2026-07-30 20:00',
  desc: '"不满意也可以照实写评价，我们虚心接受"',
  steps: [
    p('0:10', { sku: 'RVN-PILLOW', name: '记忆棉枕头', listed: 69, stock: 300 }),
    s('0:25', '不满意也可以照实写评价，我们虚心接受'),
  ] });
C({ id: 'rv-n03', neg: true, src: 'handwritten; catalogue 3C RV hard negative 3 (lottery)', start: '2026-11-06 20:00',
  desc: '"评论区扣1抽奖"',
  steps: [
    p('0:10', { sku: 'RVN-MUG', name: '马克杯', listed: 29, stock: 300 }),
    s('0:25', '评论区扣1抽奖，抽三个宝宝送杯子'),
  ] });

// ── LIVE.PRIZE_PROMOTION_VIOLATION ──────────────────────────────────────────────────
C({ id: 'pz-01', src: 'handwritten; catalogue 3C PZ positive 1 pattern', platform: 'kuaishou', start: '2026-03-31 21:00',
  desc: '"今晚抽奖，头奖现金十万"',
  steps: [
    p('0:10', { sku: 'PZ-WINE', name: '红酒 两支装', listed: 199, stock: 200 }),
    s('0:25', '今晚抽奖，头奖现金十万', PZ),
  ] });
C({ id: 'pz-02', src: 'handwritten; catalogue 3C PZ positive 2 pattern', start: '2026-06-28 20:00',
  desc: '"今晚福袋里有一台价值七万二的电动摩托，抽中就送"',
  steps: [
    p('0:10', { sku: 'PZ-HELMET', name: '摩托车头盔', listed: 299, stock: 100 }),
    s('0:25', '今晚福袋里有一台价值七万二的电动摩托，抽中就送', PZ),
  ] });
C({ id: 'pz-03', src: 'handwritten; catalogue 3C PZ positive 3 pattern (内定 → high)', platform: 'kuaishou', start: '2026-09-05 21:00',
  desc: '"说实话这个一等奖已经提前定好了，给老粉留的"',
  steps: [
    p('0:10', { sku: 'PZ-PHONE', name: '手机支架', listed: 19.9, stock: 500 }),
    s('0:25', '说实话这个一等奖已经提前定好了，给老粉留的', PZ),
  ] });
C({ id: 'pz-04', src: 'handwritten', start: '2026-12-23 20:00',
  desc: '"转盘头奖是一辆价值十二万的小汽车"',
  steps: [
    p('0:10', { sku: 'PZ-MAT', name: '汽车脚垫', listed: 199, stock: 100 }),
    s('0:25', '今晚转盘头奖是一辆价值十二万的小汽车', PZ),
  ] });
// negatives
C({ id: 'pz-n01', neg: true, src: 'handwritten; catalogue 3C PZ hard negative 1', start: '2026-04-30 20:00',
  desc: '"抽五个宝宝每人送一个价值一百五的杯子" (under the cap)',
  steps: [
    p('0:10', { sku: 'PZN-TEA', name: '茶具套装', listed: 199, stock: 100 }),
    s('0:25', '抽五个宝宝每人送一个价值一百五的杯子'),
  ] });
C({ id: 'pz-n02', neg: true, src: 'handwritten; catalogue 3C PZ hard negative 2', platform: 'kuaishou', start: '2026-08-05 20:00',
  desc: '"粉丝过十万的时候咱们办个大活动" (a follower count)',
  steps: [
    p('0:10', { sku: 'PZN-CAP', name: '棒球帽', listed: 39, stock: 300 }),
    s('0:25', '粉丝过十万的时候咱们办个大活动'),
  ] });
C({ id: 'pz-n03', neg: true, src: 'handwritten; catalogue 3C PZ hard negative 3', start: '2026-11-10 20:00',
  desc: '"一等奖是一根价值四万八的金条" (under the 50k cap)',
  steps: [
    p('0:10', { sku: 'PZN-RING', name: '银戒指', listed: 99, stock: 300 }),
    s('0:25', '一等奖是一根价值四万八的金条，抽一位'),
  ] });

// ── Longer mixed sessions ───────────────────────────────────────────────────────────
{
  const pan = { sku: 'MX1-PAN', name: '象牙白陶瓷不粘锅 28cm' }, peeler = { sku: 'MX1-PEELER', name: '不锈钢削皮刀' };
  C({ id: 'mx-n01', neg: true, src: 'handwritten; long compliant kitchen session full of traps (§5 pitfalls 1, 3, 5, 6, 8, 9)', start: '2026-11-27 20:00',
    desc: 'compliant kitchen session: 最近/第一次/最后一排, 象牙白, 二十八公分, honest 日常价 and 直降 (cheaper sales 9 days back are outside the window; peeler 19.5 sale within tolerance), conditional 券后 price, 一号链接, 你最好, 最多拍五把, 一比一兑水, 十分钟, 私信客服, 原单号, quoting 广告法',
    steps: [
      o('-9d 20:10', pan.sku, 119), o('-9d 20:30', pan.sku, 119), o('-6d 20:15', pan.sku, 139), o('-4d 20:40', pan.sku, 139),
      o('-3d 20:20', peeler.sku, 19.5), o('-2d 20:50', pan.sku, 139), o('-1d 20:05', peeler.sku, 19.9),
      s('0:05', '家人们晚上好，最近天气冷了，大家多穿点'),
      s('0:14', '第一次来的宝宝点个关注，最后一排的也看看'),
      s('0:25', '今天主推一口象牙白的陶瓷不粘锅，二十八公分'),
      p('0:30', { ...pan, listed: 139, orig: 139, live: 119, stock: 200 }),
      s('0:40', '这是我们家今年最新的一款，日常价一百三十九，今天直降二十，一百一十九'),
      s('0:55', '最佳使用温度两百度以内，别干烧'),
      s('1:10', '店铺满一百减十，券后一百零九，要领券哈'),
      s('1:25', '三二一，上链接！一号链接'),
      o('1:40', pan.sku, 119), o('1:55', pan.sku, 119),
      s('2:10', '九十九个宝宝在问能不能上电磁炉，能！'),
      s('2:25', '你最好提前把旧锅清一下，开锅用温水'),
      p('3:00', { ...peeler, listed: 19.9, orig: 19.9, live: 15.9, stock: 500 }),
      s('3:10', '削皮刀十五块九，一单最多拍五把'),
      s('3:25', '送的清洁剂一比一兑水，十分钟就能擦干净油污'),
      s('3:40', '有问题私信客服，七天无理由，退换用原单号寄回'),
      s('3:55', '广告法规定不能说最好、第一这种词，我们就实话实说'),
      s('4:10', '关注直播间，明天晚上八点继续'),
    ] });
}
C({ id: 'mx-n02', neg: true, src: 'handwritten; honest digital-human session', anchor: 'digital-human', label: true, platform: 'kuaishou', start: '2026-10-12 20:00',
  desc: 'labelled digital human says it is AI, sells an AI robot vacuum; 3C certification, 效果因人而异, 真人主播 schedule, spam removal, review without reward',
  steps: [
    s('0:05', '老铁们好，我是AI合成的数字人阿哲，不是真人哈，有问题随时问'),
    p('0:15', { sku: 'MX2-ROBOT', name: 'AI智能扫拖机器人', listed: 1599, live: 1399, stock: 80 }),
    s('0:30', '这台扫拖机器人能识别拖鞋和数据线'),
    s('0:45', '有国家3C认证，充电安全'),
    s('1:00', '每家户型不一样，清扫效果因人而异'),
    s('1:20', '三二一上车，一千三百九十九'),
    s('1:40', '有观众问真人主播什么时候来，周末晚上真人主播在'),
    s('2:00', '发广告的场控踢一下'),
    s('2:20', '用得好的话欢迎来评价'),
  ] });
C({ id: 'mx-n03', neg: true, src: 'handwritten; honest gold session', platform: 'taobao', start: '2026-09-18 20:00',
  desc: 'gold bars priced per gram with a risk disclaimer; 足金 ring matches its card; lottery under the cap; abuse removal',
  steps: [
    p('0:10', { sku: 'MX3-BAR', name: '投资金条 10g', listed: 6200, stock: 20 }),
    s('0:20', '金条按克计价，今天六百二一克'),
    s('0:35', '金价有起有落，按自己需要买，不构成投资建议'),
    p('1:00', { sku: 'MX3-RING', name: '足金戒指 3g', listed: 1980, stock: 30 }),
    s('1:10', '足金的戒指，证书都有，检测报告在详情页'),
    s('1:30', '今晚抽奖，一等奖是价值两千的金豆'),
    s('1:50', '评论区扣1参与抽奖'),
    s('2:10', '骂人的场控禁言一下'),
  ] });
C({ id: 'mx-n04', neg: true, src: 'handwritten; farm produce for an older audience', platform: 'wechat-channels', start: '2026-07-03 19:00',
  desc: 'mangoes: 最好放冷藏 (advice), 坏果包赔, disclosed remote shipping fee, adult age, honest 不是野生的',
  steps: [
    p('0:10', { sku: 'MX4-MANGO', name: '贵妃芒 5斤', listed: 39.9, stock: 500 }),
    s('0:20', '叔叔阿姨们好，今天卖芒果'),
    s('0:35', '最近雨水多，芒果最好放冷藏'),
    s('0:50', '坏果包赔，拍照找客服就行'),
    s('1:10', '三天内发货，偏远地区不包邮哈，运费十块'),
    s('1:30', '我今年四十五了，种了二十年芒果'),
    s('1:50', '这不是野生的，是果园里种的'),
    s('2:10', '一箱五斤，大概八到十个'),
  ] });
{
  const serum = { sku: 'MX5-SERUM', name: '胜肽紧致精华 30ml' }, mask = { sku: 'MX5-MASK', name: '修护面膜 10片' };
  C({ id: 'mx-05', src: 'handwritten; skincare session with several price-fraud patterns', start: '2026-12-01 20:00',
    desc: 'serum: 划线299 vs own 7-day basis 119 (another room\'s 89 ignored); spoken "之前…一直卖两百四十九" unsupported; "就剩十五单" with stock 800; mask: "今天六十九", checkout 79, then "得先加入会员才是六十九"',
    steps: [
      o('-6d 20:10', serum.sku, 129), o('-5d 14:00', serum.sku, 89, 'other'), o('-3d 20:30', serum.sku, 119), o('-1d 20:40', serum.sku, 129),
      s('0:05', '宝宝们晚上好，第一次来的点点关注'),
      p('0:30', { ...serum, listed: 299, orig: 299, live: 169, stock: 800 }, P7),
      s('0:40', '原价二百九十九，今天一百六十九'),
      s('1:00', '之前我们直播间一直卖两百四十九的', SR),
      s('1:30', '就剩十五单了，抓紧', FS),
      s('2:00', '效果因人而异哈，敏感肌先试用'),
      p('3:00', { ...mask, listed: 79, stock: 400 }),
      s('3:10', '面膜今天六十九，十片'),
      p('4:00', { ...mask, listed: 79, co: 79, stock: 396 }, SP),
      s('4:30', '哦对，得先加入会员才是六十九哈', UC),
    ] });
}
C({ id: 'mx-06', src: 'handwritten; counterfeit session in a digital-human room (like the seed, new wording)', anchor: 'digital-human', label: true, platform: 'kuaishou', start: '2026-11-06 21:00',
  desc: 'digital human says it is AI and labelled; 香奶奶 context, strong cue 一比一/进专柜无压力, then "想看实物的加V私聊" (diversion + branded private channel), 全网最低价, then the AI label is switched off',
  steps: [
    s('0:05', '家人们好，小雅是AI数字人主播，画面上有标识的哈'),
    p('0:20', { sku: 'MX6-CHAIN', name: '菱格链条包', listed: 329, stock: 60 }),
    s('0:30', '香奶奶家的经典款，老粉一眼就认出来了'),
    s('0:40', '这批是一比一做的，进专柜无压力', CS),
    s('1:20', '想看实物的加V私聊，细节图发你', [OP, BP]),
    s('1:45', '全网最低价了，别家没有这个价', AB),
    r('2:10', { label: false }, AU),
    s('2:30', '喜欢的直接拍，三二一上链接'),
  ] });
C({ id: 'mx-07', src: 'handwritten; health-food session for older viewers', platform: 'wechat-channels', start: '2026-09-24 19:00',
  desc: 'credential "心内科当了十五年医生" + recommendation; "比吃药还管用"; QR code into a private group',
  steps: [
    p('0:10', { sku: 'MX7-NATTO', name: '纳豆激酶软胶囊（保健食品）', listed: 298, stock: 200 }),
    s('0:20', '叔叔阿姨们好'),
    s('0:30', '我在心内科当了十五年医生'),
    s('0:50', '这个纳豆激酶我自己家里老人天天吃，推荐大家', PE),
    s('1:30', '吃了它比吃药还管用', HF),
    s('2:10', '扫屏幕上的二维码进群，群里有专家答疑', OP),
  ] });
{
  const k = { sku: 'MX8-TEA', name: '苦荞茶（代用茶）' };
  C({ id: 'mx-08', src: 'handwritten; food session with three different violations', platform: 'kuaishou', start: '2026-12-18 20:00',
    desc: '"人民大会堂特供的苦荞"; "血糖高的喝这个，血糖就降下来了"; "最后二十单" with stock 2990',
    steps: [
      p('0:10', { ...k, listed: 39.9, stock: 3000 }),
      s('0:20', '老铁们，苦荞茶来了'),
      s('0:35', '这是人民大会堂特供的苦荞', SE),
      s('1:40', '血糖高的喝这个，血糖就降下来了', DZ),
      p('2:40', { ...k, listed: 39.9, stock: 2990 }),
      s('2:50', '最后二十单，最后二十单', FS),
    ] });
}
C({ id: 'mx-n09', neg: true, src: 'handwritten; authorized book room', auth: ['人民文学出版社'], start: '2026-08-25 19:30',
  desc: 'genuine books: 正版/出版社授权/扫码验真, e-guide via QR code inside the book, 第一次, conditional 满减',
  steps: [
    p('0:10', { sku: 'MX9-BOOK', name: '红楼梦 精装 全两册', brand: '人民文学出版社', listed: 59, stock: 300 }),
    s('0:20', '正版图书，出版社授权，扫码验真'),
    s('0:35', '电子版的导读在书里的二维码，扫了就能看'),
    s('0:50', '学生党第一次读的话，先看前八十回'),
    s('1:05', '满一百减二十，凑单的可以再拍一本'),
  ] });
C({ id: 'mx-n10', neg: true, src: 'handwritten; honest second-hand luxury resale (§5 pitfall 4)', start: '2026-05-16 20:00',
  desc: 'resale of a genuine LV bag: 不是官方渠道 (negated), 鉴定证书, nickname 驴家, price above the floor, in-platform contact only',
  steps: [
    p('0:10', { sku: 'MX10-BAG', name: '二手中古 老花手袋 已鉴定', brand: 'Louis Vuitton', listed: 7200, stock: 1 }),
    s('0:20', '我们是二手寄卖，不是官方渠道哈'),
    s('0:35', '每只包都有第三方鉴定证书'),
    s('0:50', '驴家这只是二零一八年的，边角有使用痕迹'),
    s('1:05', '细节我拉近镜头给你们看'),
    s('1:20', '售后问题私信客服'),
  ] });

// ── Extra evasion spellings (squeezed view, homophones, traditional) ───────────────
C({ id: 'ev-01', src: 'handwritten; evasion "高 . 仿"', platform: 'kuaishou', start: '2026-04-03 22:00',
  desc: '巴黎家 (Balenciaga nickname) + "高 . 仿" split by spaces and a dot',
  steps: [
    p('0:10', { sku: 'EV-SNEAKER', name: '厚底运动鞋', listed: 259, stock: 80 }),
    s('0:22', '巴黎家这双，高 . 仿 做的，懂的来', CS),
    s('0:40', '鞋码正常拍，偏瘦的拍小半码'),
  ] });
C({ id: 'ev-02', src: 'handwritten; evasion "原🔥单"', start: '2026-06-09 21:30',
  desc: '某驴 (LV code) + "原🔥单" with an emoji inside the cue',
  steps: [
    p('0:10', { sku: 'EV-BAG', name: '老花水桶包', listed: 359, stock: 40 }),
    s('0:20', '跟你们说实话，某驴这批是原🔥单', CS),
    s('0:32', '数量不多，喜欢的直接拍'),
  ] });
C({ id: 'ev-03', src: 'handwritten; "V 信" with ASR spaces', platform: 'kuaishou', start: '2026-08-20 21:00',
  desc: '"想便宜的加 V 信 私聊" (spaced V信 → 微信, intent 加/便宜)',
  steps: [
    p('0:10', { sku: 'EV-TEA', name: '老白茶饼 357g', listed: 168, stock: 60 }),
    s('0:25', '想便宜的加 V 信 私聊，我给你们报价', OP),
  ] });
C({ id: 'ev-04', src: 'handwritten; homophone 薇信', start: '2026-10-11 20:00',
  desc: '"拿货价私聊，加我薇信" (薇信 → 微信)',
  steps: [
    p('0:10', { sku: 'EV-JADE', name: '翡翠平安扣', listed: 299, stock: 30 }),
    s('0:25', '批量拿货的私聊，加我薇信', OP),
  ] });
C({ id: 'ev-n01', neg: true, src: 'handwritten; traditional characters, quoting the law', platform: 'taobao', start: '2026-12-29 20:00',
  desc: 'traditional: "廣告法不讓說最好、第一" (quoting the rule) and "第一次來的朋友" (ordinal)',
  steps: [
    p('0:10', { sku: 'EVN-CUP', name: '手工茶杯', listed: 68, stock: 100 }),
    s('0:20', '第一次來的朋友點個關注'),
    s('0:35', '廣告法不讓說最好、第一這種詞，我們就說挺好用的'),
  ] });

// ───────────────────────────────────────────────────────────────────────────── output
const out = new URL('../../eval/labelled.jsonl', import.meta.url);
writeFileSync(out, cases.map((c) => JSON.stringify(c)).join('\n') + '\n');
const neg = cases.filter((c) => c.negative).length;
const perRule = new Map<string, number>();
for (const c of cases) for (const r of new Set(c.expected.map((e) => e.ruleHint))) perRule.set(r, (perRule.get(r) ?? 0) + 1);
const thin = RULES.filter((r) => (perRule.get(r) ?? 0) < 3);
console.log(`${cases.length} cases, ${neg} negative (${((100 * neg) / cases.length).toFixed(1)}%), ${cases.reduce((n, c) => n + c.events.length, 0)} events`);
for (const r of RULES) console.log(`  ${r.padEnd(42)} ${perRule.get(r) ?? 0}`);
if (thin.length > 0) {
  console.error(`rules with fewer than 3 positive cases: ${thin.join(', ')}`);
  process.exitCode = 1;
}

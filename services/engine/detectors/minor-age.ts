/**
 * `minor-age`: a streamer under the minimum age, or a young child used as an endorser
 * (catalogue LIVE.MINOR_ANCHOR_OR_CHILD_ENDORSER).
 *
 * Self-age: the anchor says how old they are now — 我今年十四岁, 我才15岁, 我今年十四, 我才上初二,
 * 我是小学生 — and the age is under `selfAge.minAge`; ages up to `selfAge.infoBelow` are advisory
 * (verify guardian consent). Only "我" (or 本主播 …) directly followed by time/degree words counts,
 * so 我儿子今年十四岁 is someone else; past tense (我十四岁的时候, 十四岁就开始…), hypotheticals and
 * guesses (看起来像十五岁) do not count.
 *
 * Child endorser: a child whose age is under `child.maxAge` was mentioned within the window
 * (六岁的小宝, 我女儿今年五岁, a guest saying 我今年七岁), and then either the anchor prompts the child
 * to speak to the audience about the product (让…来给大家说说, 宝贝跟叔叔阿姨说…好不好喝), or a
 * guest gives a verdict (好喝, 好吃). A prompt addressed to 叔叔阿姨 with a verdict word needs no
 * stated age. Ages said as suitability (三岁以上的宝宝, 适合三岁) are not a child present.
 */
import { z } from 'zod';
import { clauseAt, phrasesOf } from '../scope.js';
import type { RecentSegment } from '../state/room.js';
import { defineDetector, type CompileEnv, type EvidenceEvent, type Finding } from './types.js';

const words = z.array(z.string().min(1));

const Params = z.strictObject({
  selfAge: z.strictObject({
    /** Ages below this fire (未成年人保护法 Art. 76; 网络直播营销管理办法 Art. 17). */
    minAge: z.number().int().min(1).max(30).default(16),
    /** Ages from minAge up to below this are advisory (info). */
    infoBelow: z.number().int().min(1).max(30).default(18),
    /** Who "I" is. */
    subjects: words.default(['我', '本主播', '主播我', '俺', '人家我', '本宝宝', '小主播我']),
    /** Words allowed between the subject and the age (今年, 才, 刚满 …), any number of them. */
    fillers: words.default(['今年', '才', '刚', '满', '已经', '现在', '也就', '只有', '就', '还', '也', '都', '刚刚', '虚岁', '周岁', '实岁', '马上', '快']),
    /** School grades that mean the speaker is under minAge (我才上初二). */
    grades: words.default(['小学', '初一', '初二', '初三', '初中', '一年级', '二年级', '三年级', '四年级', '五年级', '六年级', '七年级', '八年级', '九年级']),
    /** Verbs between the subject and a grade (上, 读 …). */
    gradeVerbs: words.default(['上', '读', '在读', '念', '是', '在上']),
    /** "I am a pupil" nouns. */
    pupils: words.default(['小学生', '初中生', '初一学生', '初二学生', '初三学生']),
    /** Right after the age: another time (十四岁的时候, 十四岁就开始). */
    pastAfter: words.default(['的', '时候', '那年', '那会', '那阵', '时', '的时', '就开始', '就出来', '就已经', '开始', '以前', '之前', '起', '那时', '左右']),
    /** Anywhere in the clause: not a plain statement about oneself now. */
    clauseUnless: words.default(['是不是', '吗', '以为', '觉得', '像', '看起来', '看着', '猜', '显得', '说我', '问我', '如果', '要是', '假如', '心态', '冻龄', '小时候', '当年', '那时候', '曾经', '回到']),
    /** Speakers whose self-age counts as the streamer's (a segment without a label is the anchor). */
    speakers: words.default(['anchor', 'assistant']),
    summary: z.string().min(1),
  }),
  child: z.strictObject({
    /** A child below this age may not endorse (广告法 Art. 38 ¶2). */
    maxAge: z.number().int().min(1).max(18).default(10),
    windowSeconds: z.number().int().min(1).max(600).default(60),
    /** X岁的<noun>. */
    nouns: words.default(['孙子', '孙女', '外孙', '外孙女', '外甥女', '宝宝', '小朋友', '孩子', '女儿', '儿子', '闺女', '小宝', '宝贝', '小家伙', '娃', '妹妹', '弟弟', '小孩', '侄子', '侄女', '外甥', '小公主', '小王子', '小可爱', '大宝', '二宝', '小棉袄']),
    /** <kin>(今年)?X岁. */
    kin: words.default(['他', '她', '侄子', '侄女', '外甥', '孙子', '孙女', '外孙', '儿子', '女儿', '闺女', '孩子', '宝宝', '小宝', '娃', '宝贝', '大宝', '二宝', '小朋友', '小家伙', '妹妹', '弟弟']),
    /** Before the age: suitability, not a child present (适合三岁). */
    suitabilityBefore: words.default(['适合', '适用', '满', '建议', '以上', '超过']),
    /** The anchor asks the child to tell the audience. */
    prompts: words.default(['尝尝', '尝一尝', '尝一下', '尝一口', '试试', '试一下', '喝一口', '吃一口', '好不好喝', '好不好吃', '好不好用', '好喝吗', '好吃吗', '好用吗', '香不香', '甜不甜', '给大家说', '跟大家说', '和大家说', '给大家讲', '跟大家讲', '给大家推荐', '跟大家推荐', '给大家尝', '给大家试', '给大家介绍', '给大家展示', '告诉大家', '跟叔叔阿姨', '和叔叔阿姨', '告诉叔叔阿姨', '给叔叔阿姨', '跟哥哥姐姐', '告诉哥哥姐姐', '给哥哥姐姐', '跟家人们说', '给家人们说', '给家人们推荐', '告诉家人们', '跟粉丝']),
    /** Right before a prompt (at most `gapChars` between): the child being addressed or made to speak (小宝来给大家说说). */
    addressees: words.default(['她', '他', '侄子', '侄女', '外甥', '外甥女', '孙子', '孙女', '外孙', '外孙女', '宝贝', '宝宝', '小朋友', '儿子', '女儿', '闺女', '小宝', '娃', '大宝', '二宝', '小家伙', '妹妹', '弟弟', '小公主', '小王子']),
    /** Characters allowed between the addressee and the prompt (来, 你, 快 …), at most three of them. */
    gapChars: z.string().default('来你快去也再先就说这个那'),
    /** At most this many gap characters between the addressee and the prompt. */
    maxGap: z.number().int().min(0).max(8).default(4),
    /** A prompt to these with a verdict word needs no stated age (a small child's address). */
    addressAlone: words.default(['叔叔阿姨', '叔叔们阿姨们', '阿姨们叔叔们']),
    /** A verdict about the product. */
    verdicts: words.default(['好喝', '好吃', '好用', '好不好', '香不香', '甜不甜', '喜不喜欢', '喜欢', '推荐', '好玩', '舒服', '味道', '香香', '甜甜', '爱吃', '爱喝', '可好', '超好', '特别好']),
    /** Speakers whose verdict counts as the child's when a child was mentioned. */
    guestSpeakers: words.default(['guest']),
    summary: z.string().min(1),
  }),
});
type P = z.infer<typeof Params>;

const AGE = 1;
const PROMPT = 2;
const VERDICT = 4;

/** The word lists of the params, normalised once at compile time. */
type Lists = {
  clauseUnless: string[];
  pastAfter: string[];
  suitabilityBefore: string[];
  prompts: string[];
  addressees: string[];
  addressAlone: string[];
  verdicts: string[];
};

type Compiled = {
  p: P;
  norm: (s: string) => string;
  l: Lists;
  /** Subjects as written and in simplified form: a segment without one holds no self-age. */
  subjects: string[];
  /** Normalised subjects: every self-age pattern starts with one of them. */
  nSubjects: string[];
  /** Youngest child age per recent segment (segments are shared from one room state to the next). */
  recentChild: WeakMap<object, number | null>;
  terms: string[];
  termFlags: number[];
  selfRe: RegExp;
  bareRe: RegExp;
  gradeRe: RegExp;
  pupilRe: RegExp;
  childNounRe: RegExp;
  kinRe: RegExp;
  guestSelfRe: RegExp;
};

const CN_DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 幺: 1, 二: 2, 两: 2, 俩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const NUM = '(?:[0-9]{1,3}|[零〇一二两三四五六七八九十]{1,4})';

/** A small non-negative integer written in Arabic or Chinese numerals (十四, 三十四, 14); null if none. */
export function parseSmallInt(s: string): number | null {
  if (/^[0-9]+$/.test(s)) return Number(s);
  let total = 0;
  let cur = -1;
  for (const ch of s) {
    if (ch === '十') {
      total += (cur < 0 ? 1 : cur) * 10;
      cur = -1;
    } else if (CN_DIGIT[ch] !== undefined) {
      if (cur >= 0) return null; // 一九九-style digit strings are not ages
      cur = CN_DIGIT[ch]!;
    } else return null;
  }
  return total + (cur < 0 ? 0 : cur);
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alt = (xs: readonly string[]) => [...xs].sort((a, b) => b.length - a.length).map(esc).join('|');

function compile(p: P, env: CompileEnv): Compiled {
  const norm = (s: string) => env.normaliseTerm(s);
  const n = (xs: readonly string[]) => xs.map(norm).filter((x) => x.length > 0);
  const s = p.selfAge;
  const ch = p.child;
  const subj = alt(n(s.subjects));
  const fill = `(?:${alt(n(s.fillers))})*`;
  // Trigger terms: what each one can start (bit flags), so a segment with only a verdict word
  // said by the anchor costs nothing.
  const flags = new Map<string, number>();
  const mark = (xs: readonly string[], f: number) => {
    for (const x of xs) flags.set(x, (flags.get(x) ?? 0) | f);
  };
  mark(['岁', '今年', ...n(s.grades), ...n(s.pupils)], AGE);
  mark(n(ch.prompts), PROMPT);
  mark(n(ch.verdicts), VERDICT);
  return {
    p,
    norm,
    l: {
      clauseUnless: n(s.clauseUnless),
      pastAfter: n(s.pastAfter),
      suitabilityBefore: n(ch.suitabilityBefore),
      prompts: n(ch.prompts),
      addressees: n(ch.addressees),
      addressAlone: n(ch.addressAlone),
      verdicts: n(ch.verdicts),
    },
    subjects: [...new Set([...s.subjects, ...n(s.subjects), '我', '俺'])],
    nSubjects: n(s.subjects),
    recentChild: new WeakMap(),
    terms: [...flags.keys()],
    termFlags: [...flags.values()],
    // 我今年十四岁 / 我才15周岁
    selfRe: new RegExp(`(?:${subj})${fill}(${NUM})(?:周岁|岁)`, 'g'),
    // 我今年十四 (clause end or a particle after it)
    bareRe: new RegExp(`(?:${subj})(?:今年|才|刚满|今年才|今年刚满|都|已经|也就|今年也就)(${NUM})(?=$|\\s|了|啦|呀|哦|嘛|呢|哈|啊)`, 'g'), // an ASR space ends the phrase too
    gradeRe: new RegExp(`(?:${subj})${fill}(?:${alt(n(s.gradeVerbs))})?(?:${alt(n(s.grades))})`),
    pupilRe: new RegExp(`(?:${subj})${fill}是(?:一名|一个|个)?(?:${alt(n(s.pupils))}|(?:${alt(n(s.grades))})(?:的)?(?:学生|小学生))`),
    childNounRe: new RegExp(`(${NUM})(?:周岁|岁半|岁)(?:多)?(?:的|大的)(?:小)?(?:${alt(n(ch.nouns))})(?!们)`, 'g'),
    kinRe: new RegExp(`(?:${alt(n(ch.kin))})(?!们)(?:今年|现在|才|刚|已经|刚满|也|都)*(${NUM})(?:周岁|岁)`, 'g'),
    guestSelfRe: new RegExp(`(?:我|俺)(?:今年|才|已经|现在|刚满)*(${NUM})(?:周岁|岁)`, 'g'),
  };
}

/**
 * Clauses of an original text, normalised. With `phrases`, instead the phrases of the clauses
 * that hold a phrase break (unpunctuated ASR: "俺今年才十三 放暑假…"): a bare age ends its phrase.
 */
function clauses(c: Compiled, text: string, phrases = false): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    const [s, e] = clauseAt(text, i);
    const pieces = phrases ? phrasesOf(text, s, e) : [[s, e] as const];
    if (!phrases || pieces.length > 1) for (const [ps, pe] of pieces) out.push(c.norm(text.slice(ps, pe)));
    i = e + 1;
  }
  return out.filter((x) => x.length > 0);
}

type SelfAge = { age: number | null; grade: boolean; text: string };

/** The speaker's own present age (or school grade) said in a clause, if any. */
export function selfAgeIn(c: Compiled, clause: string): SelfAge | null {
  if (c.nSubjects.length > 0 && !c.nSubjects.some((x) => clause.includes(x))) return null; // every pattern starts with a subject
  const l = c.l;
  if (l.clauseUnless.some((u) => clause.includes(u))) return null;
  for (const re of [c.selfRe, c.bareRe]) {
    re.lastIndex = 0;
    for (let m = re.exec(clause); m !== null; m = re.exec(clause)) {
      const age = parseSmallInt(m[1]!);
      if (age === null) continue;
      const after = clause.slice(m.index + m[0].length);
      if (l.pastAfter.some((w) => after.startsWith(w))) continue;
      return { age, grade: false, text: m[0] };
    }
  }
  const g = c.gradeRe.exec(clause) ?? c.pupilRe.exec(clause);
  if (g !== null) {
    const after = clause.slice(g.index + g[0].length);
    if (!l.pastAfter.some((w) => after.startsWith(w))) return { age: null, grade: true, text: g[0] };
  }
  return null;
}

/** The youngest child age stated in a clause (六岁的小宝, 女儿今年五岁), ignoring suitability phrases. */
export function childAgeIn(c: Compiled, clause: string, selfIsChild: boolean): number | null {
  let best: number | null = null;
  const before = c.l.suitabilityBefore;
  const res = selfIsChild ? [c.childNounRe, c.kinRe, c.guestSelfRe] : [c.childNounRe, c.kinRe];
  for (const re of res) {
    re.lastIndex = 0;
    for (let m = re.exec(clause); m !== null; m = re.exec(clause)) {
      const age = parseSmallInt(m[1]!);
      if (age === null) continue;
      const head = clause.slice(Math.max(0, m.index - 3), m.index + m[0].indexOf(m[1]!));
      if (before.some((b) => head.includes(b))) continue;
      const tail = clause.slice(m.index + m[0].length, m.index + m[0].length + 3);
      if (tail.startsWith('以上') || tail.startsWith('以下') || tail.startsWith('以内')) continue;
      if (best === null || age < best) best = age;
    }
  }
  return best;
}

type ChildMention = { age: number; seg: RecentSegment | null };

const has = (xs: readonly string[], text: string): boolean => xs.some((x) => text.includes(x));

export const minorAge = defineDetector({
  kind: 'minor-age',
  summary: 'A streamer stating an age under 16 (or a primary/middle-school grade), or a child under 10 prompted to endorse a product.',
  params: Params,
  on: ['transcript'],
  needsHits: true,
  compile: (p: P, env: CompileEnv): Compiled => compile(p, env),
  terms: (c) => c.terms,
  initial: () => null,
  evaluate({ event, room, rule: c, state, hits }) {
    if (event.type !== 'transcript' || hits === undefined) return { state, findings: [] };
    const p = c.p;
    const speaker = event.speaker ?? 'anchor';
    const isGuest = p.child.guestSpeakers.includes(speaker);
    let hit = 0;
    for (const h of hits) hit |= c.termFlags[h.term]!;
    const selfAge = (hit & AGE) !== 0 && p.selfAge.speakers.includes(speaker) && c.subjects.some((x) => event.text.includes(x));
    if (!selfAge && !(hit & (isGuest ? VERDICT : PROMPT))) return { state, findings: [] };
    let cls: string[] | null = null;
    const findings: Finding[] = [];

    // 1. Self-age of the streamer.
    if (selfAge) {
      for (const clause of [...(cls ??= clauses(c, event.text)), ...clauses(c, event.text, true)]) {
        const self = selfAgeIn(c, clause);
        if (self === null) continue;
        if (self.age !== null && self.age >= p.selfAge.infoBelow) continue;
        const info = self.age !== null && self.age >= p.selfAge.minAge;
        findings.push({
          dedupeKey: 'self-age',
          sku: room.activeSku,
          summary: p.selfAge.summary.replace('{age}', self.age === null ? self.text : `${self.age}岁`),
          values: { age: self.age, grade: self.grade, said: self.text, speaker },
          ...(info ? { severity: 'info' as const } : {}),
        });
        break;
      }
      if (findings.some((f) => f.severity === undefined)) return { state, findings };
    }

    // 2. Child endorser: a prompt by the anchor, or a guest's verdict, after a child's age.
    const norm = c.norm(event.text);
    let prompt = false;
    let needsAge = true;
    if (!isGuest) {
      for (const pr of c.l.prompts) {
        const i = norm.indexOf(pr);
        if (i < 0) continue;
        const head = norm.slice(0, i);
        const addressed = c.l.addressees.some((an) => {
          const j = head.lastIndexOf(an);
          if (j < 0) return false;
          const gap = head.slice(j + an.length);
          return gap.length <= p.child.maxGap && [...gap].every((g) => p.child.gapChars.includes(g));
        });
        if (!addressed) continue;
        prompt = true;
        if (has(c.l.addressAlone, norm) && has(c.l.verdicts, norm.slice(i))) needsAge = false;
        break;
      }
    } else prompt = has(c.l.verdicts, norm);
    if (!prompt) return { state, findings };

    let mention: ChildMention | null = null;
    const selfIsChild = isGuest;
    for (const clause of (cls ??= clauses(c, event.text))) {
      const age = childAgeIn(c, clause, selfIsChild);
      if (age !== null && (mention === null || age < mention.age)) mention = { age, seg: null };
    }
    const windowMs = p.child.windowSeconds * 1000;
    for (const r of room.recent) {
      if (event.at - r.at > windowMs) continue;
      let age = c.recentChild.get(r);
      if (age === undefined) {
        // The youngest age over the segment's clauses (the first of equals: the segment is the same).
        const guestSeg = p.child.guestSpeakers.includes(r.speaker ?? 'anchor');
        age = null;
        for (const clause of clauses(c, r.text)) {
          const a = childAgeIn(c, clause, guestSeg);
          if (a !== null && (age === null || a < age)) age = a;
        }
        c.recentChild.set(r, age);
      }
      if (age !== null && (mention === null || age < mention.age)) mention = { age, seg: r };
    }
    if (mention !== null && mention.age >= p.child.maxAge) return { state, findings };
    if (mention === null && needsAge) return { state, findings };
    const events: EvidenceEvent[] = [];
    if (mention?.seg) events.push({ ...mention.seg.coords, type: 'transcript', ts: mention.seg.ts, excerpt: mention.seg.text.slice(0, 200) });
    findings.length = 0;
    findings.push({
      dedupeKey: 'child-endorser',
      sku: room.activeSku,
      summary: p.child.summary.replace('{age}', mention === null ? '年幼' : `${mention.age}岁`),
      values: { childAge: mention?.age ?? null, speaker, prompt: isGuest ? 'guest-verdict' : 'anchor-prompt' },
      ...(events.length > 0 ? { events } : {}),
    });
    return { state, findings };
  },
});

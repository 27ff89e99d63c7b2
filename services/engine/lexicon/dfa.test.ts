import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildNormaliserTables, createNormaliser } from '../normalise/normalise.js';
import { buildAutomaton } from './automaton.js';
import { buildDfa } from './dfa.js';

// The reference implementations: the map-based automaton (same callback order) and indexOf.
function naive(patterns: readonly string[], text: string): string[] {
  const found: string[] = [];
  patterns.forEach((p, id) => {
    if (p.length === 0) return;
    for (let i = text.indexOf(p); i !== -1; i = text.indexOf(p, i + 1)) found.push(`${id}@${i}-${i + p.length}`);
  });
  return found.sort();
}

function viaAutomaton(patterns: readonly string[], text: string): string[] {
  const found: string[] = [];
  buildAutomaton(patterns).scan(text, (id, s, e) => found.push(`${id}@${s}-${e}`));
  return found;
}

function viaDfa(patterns: readonly string[], text: string): string[] {
  const found: string[] = [];
  buildDfa(patterns).scan(text, (id, s, e) => found.push(`${id}@${s}-${e}`));
  return found;
}

/** Deterministic generator (mulberry32): the same cases on every run. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const str = (alphabet: readonly string[], min: number, max: number): string => {
    let s = '';
    for (let i = min + int(max - min + 1); i > 0; i--) s += pick(alphabet);
    return s;
  };
  return { next, int, pick, str };
}

const t2s = JSON.parse(readFileSync(new URL('../../../seeds/normalise/t2s.json', import.meta.url), 'utf8')) as Record<string, string>;
const tables = buildNormaliserTables(t2s, { '❤': '心', '〇': '零' });
const normalise = createNormaliser(tables);

const CJK = [...'最好全网低价第一级国家行业品牌销量世界顶尖绝对百分之治疗癌症根治保证收益无效退款'];
const TRAD = [...'網價級國業銷無對絕療證'];
const ASCII = [...'abcxyzno1290AB'];
const SEPS = [' ', '，', '。', '!', '🔥', '😀', '\u200b', '\ufe0f', '·', '-', '.', ':', '：', '．', 'Ｎ', 'ｏ', '１', '❤', '〇'];

describe('buildDfa', () => {
  it('reports a shorter term that ends where a longer one ends', () => {
    expect(viaDfa(['行业最好', '最好'], '我们是行业最好的')).toEqual(['0@3-7', '1@5-7']);
  });

  it('reports overlapping, repeated and duplicate patterns, skips empty ones', () => {
    const patterns = ['aa', 'a', '', 'aa', 'aaa'];
    expect(viaDfa(patterns, 'aaaa')).toEqual(viaAutomaton(patterns, 'aaaa'));
    expect([...viaDfa(patterns, 'aaaa')].sort()).toEqual(naive(patterns, 'aaaa'));
    expect(viaDfa([], 'abc')).toEqual([]);
    expect(viaDfa([''], 'abc')).toEqual([]);
  });

  it('characters outside every pattern lead back to the root', () => {
    const d = buildDfa(['最好', 'no.1']);
    expect(d.classes).toBe(7); // class 0 + 最 好 n o . 1
    expect(viaDfa(['最好'], '最x好最好')).toEqual(['0@3-5']);
  });

  it('agrees with the automaton (same order) and indexOf on random Chinese text', () => {
    const g = rng(20261126);
    for (let round = 0; round < 60; round++) {
      const alphabet = [...CJK.slice(0, 4 + g.int(CJK.length - 4)), ...ASCII.slice(0, g.int(5))];
      const patterns = Array.from({ length: 1 + g.int(40) }, () => g.str(alphabet, 1, 6));
      const dfa = buildDfa(patterns);
      const ac = buildAutomaton(patterns);
      for (let n = 0; n < 25; n++) {
        const text = g.str(alphabet, 0, 80);
        const a: string[] = [];
        const b: string[] = [];
        dfa.scan(text, (id, s, e) => a.push(`${id}@${s}-${e}`));
        ac.scan(text, (id, s, e) => b.push(`${id}@${s}-${e}`));
        expect(a).toEqual(b);
        expect([...a].sort()).toEqual(naive(patterns, text));
      }
    }
  });

  it('agrees on real-ish selling speech with a few hundred terms', () => {
    const g = rng(7);
    const terms = Array.from({ length: 400 }, () => g.str(CJK, 2, 5));
    terms.push('最好', '全网最低价', '第一', '国家级', '行业第一', '世界级', '最');
    const filler = ['家人们', '这个价格', '真的', '今天直播间', '给大家', '福利', '拍一发一', '赶紧', '冲'];
    const dfa = buildDfa(terms);
    const ac = buildAutomaton(terms);
    for (let n = 0; n < 300; n++) {
      let text = '';
      while (text.length < 34) text += g.next() < 0.1 ? g.pick(terms) : g.pick(filler);
      const a: string[] = [];
      const b: string[] = [];
      dfa.scan(text, (id, s, e) => a.push(`${id}@${s}-${e}`));
      ac.scan(text, (id, s, e) => b.push(`${id}@${s}-${e}`));
      expect(a).toEqual(b);
    }
  });
});

describe('scanRaw: normalisation fused into the scan', () => {
  const reference = (patterns: readonly string[], raw: string): string[] => {
    const n = normalise(raw);
    const out: string[] = [];
    buildAutomaton(patterns).scan(n.text, (id, s, e) => out.push(`${id}@${s}-${e} raw ${n.map[s]}-${n.map[e - 1]! + 1}`));
    return out;
  };
  const fused = (patterns: readonly string[], raw: string): string[] => {
    const out: string[] = [];
    buildDfa(patterns).scanRaw(raw, tables, (id, s, e, rs, re) => out.push(`${id}@${s}-${e} raw ${rs}-${re}`));
    return out;
  };

  it('sees through spaces, emoji, full-width and traditional characters', () => {
    const patterns = ['最好', '全网最低价', 'no.1', 'vx', '心动'].map((t) => normalise(t).text);
    expect(fused(patterns, '全 网 最🔥低 價，ＮＯ．１ 的 V X ❤动')).toEqual(reference(patterns, '全 网 最🔥低 價，ＮＯ．１ 的 V X ❤动'));
    expect(fused(patterns, '全 网 最🔥低 價')).toEqual(['1@0-5 raw 0-10']);
  });

  it("keeps '.' and ':' only between ASCII letters or digits, zero-width characters ignored", () => {
    const patterns = ['no.1', 'no1', '9.9', '1:1', 'a.', '.b'];
    for (const raw of ['no.1', 'no .1', 'no. 1', 'no.\u200b1', 'no..1', '最.1', 'no.最', '9.9元', '1：1', '.b', 'a.', 'a.\u200b']) {
      expect(fused(patterns, raw)).toEqual(reference(patterns, raw));
    }
  });

  it('equals normalise() + scan() on random raw text', () => {
    const g = rng(99);
    const alphabet = [...CJK.slice(0, 12), ...TRAD, ...ASCII, ...SEPS];
    for (let round = 0; round < 50; round++) {
      const patterns = Array.from({ length: 1 + g.int(30) }, () => normalise(g.str(alphabet, 1, 6)).text);
      const dfa = buildDfa(patterns);
      const ac = buildAutomaton(patterns);
      for (let n = 0; n < 40; n++) {
        const raw = g.str(alphabet, 0, 60);
        const norm = normalise(raw);
        const want: string[] = [];
        ac.scan(norm.text, (id, s, e) => want.push(`${id}@${s}-${e} raw ${norm.map[s]}-${norm.map[e - 1]! + 1}`));
        const got: string[] = [];
        dfa.scanRaw(raw, tables, (id, s, e, rs, re) => got.push(`${id}@${s}-${e} raw ${rs}-${re}`));
        expect(got).toEqual(want);
      }
    }
  });

  it('is re-entrant: a scan started from onMatch does not disturb the outer one', () => {
    const dfa = buildDfa(['最好', '第一']);
    const raw = '最 好，第 一，最好';
    const inner: string[] = [];
    const outer: string[] = [];
    dfa.scanRaw(raw, tables, (id, s, e, rs, re) => {
      outer.push(`${id}@${s}-${e} raw ${rs}-${re}`);
      dfa.scanRaw('第一第一', tables, (i2) => inner.push(String(i2)));
    });
    expect(outer).toEqual(reference(['最好', '第一'], raw));
    expect(inner).toHaveLength(6);
  });

  it('rejects a table too large to hold', () => {
    const many = Array.from({ length: 6000 }, (_, i) => String.fromCharCode(0x4e00 + i) + String.fromCharCode(0x4e00 + ((i * 7) % 6000)) + String.fromCharCode(0x9000 + i));
    expect(() => buildDfa(many)).toThrow(RangeError);
  });
});

/**
 * Lexicon matching, ours beside its npm peers, in the same run on the same data (issue 5).
 *
 * Corpus (deterministic, seeded): the transcript texts of bench/generate.ts (natural selling
 * speech) as segments, a lexicon of the loaded ruleset's real terms plus generated 3–6 character
 * terms up to LEXICON_TERMS, and ≈2 % of segments with a planted lexicon term, half of them evaded
 * (spaces, emoji, zero-width, full-width, traditional characters) so only a normalising matcher
 * sees them.
 *
 * Measured, each as median/min/max of `runs` passes over every segment:
 *   - ours            raw segment → matches, normalisation fused into the DFA pass (scanRaw);
 *   - oursNormaliseThenScan  the engine's path: normalise() (squeezed string + map), then scan;
 *   - oursMatchOnly   scan of the already normalised text;
 *   - peers           match only, on our normalised text (none of them can normalise);
 *   - upperBound      a charCodeAt loop over the raw segments summing the codes.
 * Each figure is given in wall time (`segmentsPerSec`) and in this process's CPU time
 * (`cpuSegmentsPerSec`), which stays meaningful when other processes share the cores.
 * Slow peers (RegExp, indexOf) are timed on the first 5,000 segments (`timedOn`).
 * Every peer's matches are compared with ours on every segment (one untimed pass); disagreements
 * count the segments whose match sets differ. A peer that reports positions is compared on
 * (term, start) occurrences; mint-filter reports only the words found, so it is compared on the
 * set of distinct terms.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { AhoCorasick } from '@monyone/aho-corasick/fast';
import * as mintModule from 'mint-filter';
import type { Ruleset } from '../services/engine/index.js';
import { buildDfa, type Dfa } from '../services/engine/lexicon/dfa.js';
import { buildNormaliserTables, createNormaliser, type NormaliserTables } from '../services/engine/normalise/normalise.js';
import { VariantSeedSchema } from '../services/engine/normalise/variants.js';
import { DEFAULT_SEEDS_DIR } from '../services/shared/rules-fs.js';
import { generateEvents, mulberry32, type Rng } from './generate.js';
import { roundSpread, spread, type Spread } from './stats.js';

export const LEXICON_TERMS = 5_000;
const PLANT_RATE = 0.02;

type Peer = { name: string; compareOn: 'occurrences' | 'distinct terms'; timedOn: number; segmentsPerSec: Spread; cpuSegmentsPerSec: Spread; disagreements: number; examples: string[] };

export type LexiconResults = {
  corpus: { segments: number; avgChars: number; terms: number; realTerms: number; planted: number; plantedEvaded: number; segmentsWithMatches: number; matches: number };
  dfa: { states: number; classes: number; tableMiB: number; buildMs: number };
  ours: Rates & { how: string };
  oursNormaliseThenScan: Rates;
  oursMatchOnly: Rates;
  /** The fused pass with only the loaded ruleset's own terms: the DFA the engine runs today. */
  oursEngineLexicon: Rates & { terms: number; states: number; classes: number; tableMiB: number };
  /** name@version → segments/s (median of the runs). */
  peers: Record<string, number>;
  peerDetails: Peer[];
  upperBound: Rates & { how: string };
  /** Wall-clock ratios of medians; `cpu`: the same from process CPU time (steadier on a shared machine). */
  ratios: { oursVsBestPeer: number; bestPeer: string; oursVsUpperBound: number; matchOnlyVsBestPeer: number; cpu: { oursVsBestPeer: number; oursVsUpperBound: number; matchOnlyVsBestPeer: number } };
  /** The fused pass and normalise()+scan must agree on every segment (squeezed and raw spans). */
  fusedDisagreements: number;
  runs: number;
};

function version(pkg: string): string {
  // A dependency's package.json is not always exported: read it next to the resolved entry.
  const entry = createRequire(import.meta.url).resolve(pkg);
  const name = pkg.startsWith('@') ? pkg.split('/').slice(0, 2).join('/') : pkg.split('/')[0]!;
  const root = entry.slice(0, entry.lastIndexOf(`/node_modules/${name}/`));
  return (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
}

/** The normaliser tables exactly as the ruleset loader builds them from seeds/normalise. */
export function loadNormaliserTables(seedsDir = DEFAULT_SEEDS_DIR): NormaliserTables {
  const t2s = JSON.parse(readFileSync(join(seedsDir, 'normalise', 't2s.json'), 'utf8')) as Record<string, string>;
  const v = VariantSeedSchema.parse(parseYaml(readFileSync(join(seedsDir, 'normalise', 'variants.yaml'), 'utf8')));
  return buildNormaliserTables(t2s, v.symbols);
}

// ───────────────────────────── corpus ─────────────────────────────

const EVADE_SEPS = [' ', ' ', '  ', '🔥', '😀', '\u200b', '，', '~', '·'];

function evade(term: string, g: Rng, s2t: ReadonlyMap<string, string>): string {
  let out = '';
  for (const ch of term) {
    if (out.length > 0 && g.next() < 0.6) out += EVADE_SEPS[Math.floor(g.next() * EVADE_SEPS.length)]!;
    const code = ch.charCodeAt(0);
    if (((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) && g.next() < 0.7) out += String.fromCharCode(code - (code >= 0x61 ? 0x20 : 0) + 0xfee0);
    else out += g.next() < 0.4 ? (s2t.get(ch) ?? ch) : ch;
  }
  return out;
}

export function buildCorpus(ruleset: Ruleset, tables: NormaliserTables, segments: number, seed: number) {
  const normalise = createNormaliser(tables);
  const g = mulberry32(seed ^ 0x5eed);
  // Segments: the generator's transcript texts, repeated with a varying filler if it runs short.
  const texts: string[] = [];
  const events = generateEvents(Math.ceil((segments * 1.6) / 0.68) + 1_000, seed);
  // Utterances are short: consecutive ones are joined into segments of about 34 characters.
  let pending = '';
  for (const e of events) {
    if (texts.length >= segments) break;
    const o = JSON.parse(e) as { type: string; text?: string };
    if (o.type !== 'transcript' || o.text === undefined) continue;
    pending = pending === '' ? o.text : `${pending}，${o.text}`;
    if (pending.length >= 21) {
      texts.push(pending);
      pending = '';
    }
  }
  for (let i = 0; texts.length < segments; i++) texts.push(texts[i]!);
  // Lexicon: the real terms, then generated ones from the corpus's own CJK characters.
  const real = [...new Set(ruleset.automaton.patterns.filter((p) => p.length > 0))];
  const pool = [...new Set(texts.slice(0, 20_000).join(''))].filter((c) => c >= '\u4e00' && c <= '\u9fff');
  const extra = ['家', '品', '质', '保', '证', '效', '果', '正', '宗', '特', '级', '原', '装', '进', '口', '限', '量', '抢', '购'];
  const chars = [...new Set([...pool, ...extra])];
  const terms = new Set(real);
  while (terms.size < LEXICON_TERMS) {
    let t = '';
    for (let k = 3 + Math.floor(g.next() * 4); k > 0; k--) t += chars[Math.floor(g.next() * chars.length)]!;
    terms.add(normalise(t).text);
  }
  const lexicon = [...terms];
  // Planting: ≈2 % of segments get a term, half of them evaded.
  const s2t = new Map<string, string>();
  const t2s = JSON.parse(readFileSync(join(DEFAULT_SEEDS_DIR, 'normalise', 't2s.json'), 'utf8')) as Record<string, string>;
  for (const [t, s] of Object.entries(t2s)) if (!s2t.has(s) && t.length === 1 && s.length === 1) s2t.set(s, t);
  let planted = 0;
  let plantedEvaded = 0;
  for (let i = 0; i < texts.length; i++) {
    if (g.next() >= PLANT_RATE) continue;
    const term = lexicon[Math.floor(g.next() * lexicon.length)]!;
    const evaded = g.next() < 0.5;
    const raw = evaded ? evade(term, g, s2t) : term;
    const text = texts[i]!;
    const at = Math.floor(g.next() * (text.length + 1));
    texts[i] = text.slice(0, at) + raw + text.slice(at);
    planted++;
    if (evaded) plantedEvaded++;
  }
  // Joining and splicing above leave rope (cons) strings, on which every charCodeAt first
  // follows a pointer; the engine's texts come out of JSON.parse flat. Flatten them the same way,
  // or every scan here (ours, the peers' normalised input aside, and the charCodeAt bound) is
  // timed on strings the engine never sees.
  return { texts: texts.map((t) => JSON.parse(JSON.stringify(t)) as string), lexicon, realTerms: real.length, planted, plantedEvaded };
}

// ───────────────────────────── peers ─────────────────────────────

type Matcher = {
  name: string;
  compareOn: Peer['compareOn'];
  /** Timed: returns a checksum so the work is observable. */
  count(text: string): number;
  /** Untimed: canonical match set of one segment. */
  keys(text: string): string;
  /** Timed on the first `timedOn` segments only (the slow ones). */
  timedOn?: number;
};

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function peers(lexicon: readonly string[]): Matcher[] {
  const id = new Map(lexicon.map((t, i) => [t, i] as const));
  const occ = (xs: Array<[number, number]>): string =>
    xs
      .map(([t, s]) => `${t}@${s}`)
      .sort()
      .join(' ');
  const monyone = new AhoCorasick([...lexicon]);
  const ns = mintModule as unknown as { Mint?: MintCtor; default?: { Mint?: MintCtor } };
  const MintClass = ns.Mint ?? ns.default?.Mint;
  if (MintClass === undefined) throw new Error('mint-filter: no Mint export');
  const mint = new MintClass([...lexicon]);
  const re = new RegExp([...lexicon].sort((a, b) => b.length - a.length).map(escapeRe).join('|'), 'g');
  return [
    {
      name: `@monyone/aho-corasick@${version('@monyone/aho-corasick/fast')} (fast)`,
      compareOn: 'occurrences',
      count: (t) => monyone.matchInText(t).length,
      keys: (t) => occ(monyone.matchInText(t).map((m) => [id.get(m.keyword) ?? -1, m.begin])),
    },
    {
      name: `mint-filter@${version('mint-filter')}`,
      compareOn: 'distinct terms',
      count: (t) => mint.filter(t, { replace: false }).words.length,
      keys: (t) =>
        [...new Set(mint.filter(t, { replace: false }).words.map((w) => id.get(w) ?? id.get(w.toLowerCase()) ?? -1))]
          .sort((a, b) => a - b)
          .join(' '),
    },
    {
      name: `RegExp alternation (V8 ${process.versions.v8}, longest first)`,
      compareOn: 'occurrences',
      timedOn: 5_000,
      count: (t) => {
        re.lastIndex = 0;
        let n = 0;
        while (re.exec(t) !== null) n++;
        return n;
      },
      keys: (t) => {
        const xs: Array<[number, number]> = [];
        re.lastIndex = 0;
        for (let m = re.exec(t); m !== null; m = re.exec(t)) xs.push([id.get(m[0])!, m.index]);
        return occ(xs);
      },
    },
    {
      name: 'indexOf per term (naive)',
      compareOn: 'occurrences',
      timedOn: 5_000,
      count: (t) => {
        let n = 0;
        for (let k = 0; k < lexicon.length; k++) for (let i = t.indexOf(lexicon[k]!); i !== -1; i = t.indexOf(lexicon[k]!, i + 1)) n++;
        return n;
      },
      keys: (t) => {
        const xs: Array<[number, number]> = [];
        for (let k = 0; k < lexicon.length; k++) for (let i = t.indexOf(lexicon[k]!); i !== -1; i = t.indexOf(lexicon[k]!, i + 1)) xs.push([k, i]);
        return occ(xs);
      },
    },
  ];
}
type MintCtor = new (keys: string[]) => { filter(text: string, o: { replace: boolean }): { words: string[] } };

// ───────────────────────────── passes ─────────────────────────────

let sink = 0;

/** One pass: segments per second of wall time and of this process's CPU time. */
function pass(segments: readonly string[], fn: (s: string) => number): { wall: number; cpu: number } {
  let acc = 0;
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < segments.length; i++) acc += fn(segments[i]!);
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  const c = process.cpuUsage(c0);
  sink += acc;
  return { wall: segments.length / secs, cpu: segments.length / ((c.user + c.system) / 1e6) };
}

type Rates = { segmentsPerSec: Spread; cpuSegmentsPerSec: Spread };
const rates = (xs: ReadonlyArray<{ wall: number; cpu: number }>): Rates => ({
  segmentsPerSec: roundSpread(spread(xs.map((x) => x.wall))),
  cpuSegmentsPerSec: roundSpread(spread(xs.map((x) => x.cpu))),
});

export function lexiconBench(ruleset: Ruleset, opts: { segments: number; runs: number; seed: number; log?: (s: string) => void }): LexiconResults {
  const log = opts.log ?? (() => undefined);
  const runs = Math.max(1, opts.runs);
  const tables = loadNormaliserTables();
  const normalise = createNormaliser(tables);
  log(`bench: lexicon corpus (${opts.segments.toLocaleString('en-US')} segments, ${LEXICON_TERMS.toLocaleString('en-US')} terms)…`);
  const corpus = buildCorpus(ruleset, tables, opts.segments, opts.seed);
  const { texts, lexicon } = corpus;
  const squeezed = texts.map((t) => normalise(t).text);

  let t = process.hrtime.bigint();
  const dfa: Dfa = buildDfa(lexicon);
  const buildMs = Number(process.hrtime.bigint() - t) / 1e6;

  // ── correctness first: fused == normalise()+scan, and ours is the reference for the peers
  const ourKeys: string[] = new Array<string>(texts.length);
  const ourTerms: string[] = new Array<string>(texts.length);
  let fusedDisagreements = 0;
  let matches = 0;
  let withMatches = 0;
  for (let i = 0; i < texts.length; i++) {
    const n = normalise(texts[i]!);
    const a: string[] = [];
    const b: string[] = [];
    const occ: string[] = [];
    const terms = new Set<number>();
    dfa.scan(n.text, (p, s, e) => {
      a.push(`${p}@${s}-${e}:${n.map[s]}-${n.map[e - 1]! + 1}`);
      occ.push(`${p}@${s}`);
      terms.add(p);
    });
    dfa.scanRaw(texts[i]!, tables, (p, s, e, rs, re) => b.push(`${p}@${s}-${e}:${rs}-${re}`));
    if (a.join(' ') !== b.join(' ')) fusedDisagreements++;
    matches += a.length;
    if (a.length > 0) withMatches++;
    ourKeys[i] = occ.sort().join(' ');
    ourTerms[i] = [...terms].sort((x, y) => x - y).join(' ');
  }

  const matchers = peers(lexicon);
  const details: Peer[] = [];
  for (const m of matchers) {
    log(`bench: lexicon peer ${m.name}…`);
    let disagreements = 0;
    const examples: string[] = [];
    for (let i = 0; i < squeezed.length; i++) {
      const k = m.keys(squeezed[i]!);
      const want = m.compareOn === 'occurrences' ? ourKeys[i]! : ourTerms[i]!;
      if (k !== want) {
        disagreements++;
        if (examples.length < 3) examples.push(`${squeezed[i]} — ours [${want.split(' ').filter(Boolean).map((x) => lexicon[Number(x.split('@')[0])]).join(',')}] theirs [${k.split(' ').filter(Boolean).map((x) => lexicon[Number(x.split('@')[0])] ?? '?').join(',')}]`);
      }
    }
    const sample = m.timedOn !== undefined ? squeezed.slice(0, m.timedOn) : squeezed;
    pass(sample.slice(0, 2_000), m.count); // warm
    const r = rates(Array.from({ length: runs }, () => pass(sample, m.count)));
    details.push({ name: m.name, compareOn: m.compareOn, timedOn: sample.length, ...r, disagreements, examples });
  }

  log('bench: lexicon ours…');
  const onMatch = (p: number, _s: number, e: number): void => {
    sink += p + e;
  };
  const onRaw = (p: number, _s: number, e: number, _rs: number, re: number): void => {
    sink += p + e + re;
  };
  const fusedFn = (s: string): number => (dfa.scanRaw(s, tables, onRaw), 1);
  const matchFn = (s: string): number => (dfa.scan(s, onMatch), 1);
  const normScanFn = (s: string): number => (dfa.scan(normalise(s).text, onMatch), 1);
  const boundFn = (s: string): number => {
    let h = 0;
    for (let i = 0; i < s.length; i++) h += s.charCodeAt(i);
    return h;
  };
  // Warm every path, then interleave the runs so drift hits them alike.
  for (const [fn, xs] of [[fusedFn, texts], [matchFn, squeezed], [normScanFn, texts], [boundFn, texts]] as const) for (let w = 0; w < 2; w++) pass(xs.slice(0, 20_000), fn);
  const engineDfa = buildDfa(lexicon.slice(0, corpus.realTerms));
  const engineFn = (s: string): number => (engineDfa.scanRaw(s, tables, onRaw), 1);
  for (let w = 0; w < 2; w++) pass(texts.slice(0, 20_000), engineFn);
  const fused: Array<{ wall: number; cpu: number }> = [];
  const engine: typeof fused = [];
  const matchOnly: typeof fused = [];
  const normScan: typeof fused = [];
  const bound: typeof fused = [];
  for (let r = 0; r < runs; r++) {
    fused.push(pass(texts, fusedFn));
    matchOnly.push(pass(squeezed, matchFn));
    normScan.push(pass(texts, normScanFn));
    bound.push(pass(texts, boundFn));
    engine.push(pass(texts, engineFn));
  }

  const ours = rates(fused);
  const best = details.reduce((a, b) => (b.segmentsPerSec.median > a.segmentsPerSec.median ? b : a));
  const r4 = (x: number): number => Math.round(x * 100) / 100;
  const upper = rates(bound);
  const only = rates(matchOnly);
  return {
    corpus: {
      segments: texts.length,
      avgChars: Math.round((10 * texts.reduce((a, s) => a + s.length, 0)) / texts.length) / 10,
      terms: lexicon.length,
      realTerms: corpus.realTerms,
      planted: corpus.planted,
      plantedEvaded: corpus.plantedEvaded,
      segmentsWithMatches: withMatches,
      matches,
    },
    dfa: { states: dfa.states, classes: dfa.classes, tableMiB: Math.round((10 * dfa.tableBytes) / 2 ** 20) / 10, buildMs: Math.round(buildMs) },
    ours: { ...ours, how: 'raw segment → every match (squeezed + raw spans), normalisation fused into the DFA pass' },
    oursNormaliseThenScan: rates(normScan),
    oursMatchOnly: only,
    oursEngineLexicon: { ...rates(engine), terms: corpus.realTerms, states: engineDfa.states, classes: engineDfa.classes, tableMiB: Math.round((10 * engineDfa.tableBytes) / 2 ** 20) / 10 },
    peers: Object.fromEntries(details.map((d) => [d.name, d.segmentsPerSec.median])),
    peerDetails: details,
    upperBound: { ...upper, how: 'charCodeAt over every UTF-16 unit of the raw segments, summed' },
    ratios: {
      bestPeer: best.name,
      oursVsBestPeer: r4(ours.segmentsPerSec.median / best.segmentsPerSec.median),
      oursVsUpperBound: r4(ours.segmentsPerSec.median / upper.segmentsPerSec.median),
      matchOnlyVsBestPeer: r4(only.segmentsPerSec.median / best.segmentsPerSec.median),
      cpu: {
        oursVsBestPeer: r4(ours.cpuSegmentsPerSec.median / best.cpuSegmentsPerSec.median),
        oursVsUpperBound: r4(ours.cpuSegmentsPerSec.median / upper.cpuSegmentsPerSec.median),
        matchOnlyVsBestPeer: r4(only.cpuSegmentsPerSec.median / best.cpuSegmentsPerSec.median),
      },
    },
    fusedDisagreements,
    runs,
  };
}

const fmt = (x: number): string => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : '–');
const fmtSpread = (s: Spread): string => `${fmt(s.median)}  (${fmt(s.min)} … ${fmt(s.max)})`;
const fmtRates = (r: Rates): string => `${fmtSpread(r.segmentsPerSec)}  cpu ${fmt(r.cpuSegmentsPerSec.median)}`;

/** Table rows for bench/run.ts. */
export function lexiconRows(r: LexiconResults): Array<[string, string]> {
  const c = r.corpus;
  return [
    [`lexicon, segments/s (${fmt(c.segments)} segments ≈${c.avgChars} chars, ${fmt(c.terms)} terms incl. ${c.realTerms} real, ${fmt(c.planted)} planted / ${fmt(c.plantedEvaded)} evaded)`, ''],
    ['ours: normalise+match, fused', `${fmtRates(r.ours)}  (${r.ratios.oursVsBestPeer}× best peer, ${r.ratios.oursVsUpperBound}× bound; cpu ${r.ratios.cpu.oursVsBestPeer}×, ${r.ratios.cpu.oursVsUpperBound}×)`],
    ['ours: normalise() then scan', fmtRates(r.oursNormaliseThenScan)],
    [`ours: fused, ruleset terms only (${fmt(r.oursEngineLexicon.states)}×${fmt(r.oursEngineLexicon.classes)})`, fmtRates(r.oursEngineLexicon)],
    ['ours: match only', `${fmtRates(r.oursMatchOnly)}  (${r.ratios.matchOnlyVsBestPeer}× best peer; cpu ${r.ratios.cpu.matchOnlyVsBestPeer}×)`],
    ...r.peerDetails.map((p): [string, string] => [
      p.name,
      `${fmtRates(p)}  disagree ${fmt(p.disagreements)}${p.timedOn < c.segments ? `  (timed on ${fmt(p.timedOn)})` : ''}`,
    ]),
    ['upper bound: charCodeAt', fmtRates(r.upperBound)],
    ['DFA', `${fmt(r.dfa.states)} states × ${fmt(r.dfa.classes)} classes, ${r.dfa.tableMiB} MiB, built in ${fmt(r.dfa.buildMs)} ms; fused ≠ normalise+scan: ${r.fusedDisagreements}`],
  ];
}

export const lexiconSink = (): number => sink;

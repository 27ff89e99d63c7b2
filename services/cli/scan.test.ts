import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateEvents, mulberry32 } from '../../bench/generate.js';
import { loadRuleset, type RoomState, type Ruleset } from '../engine/index.js';
import { archiveRuleset, loadArchivedRuleset } from '../shared/ruleset-manager.js';
import { loadRulesFromDisk } from '../shared/rules-fs.js';
import { CHUNK_LINES, roomIdOf, scanFile, scanLine, threadOf, type ScanStats } from './scan.js';

/** A real stream that keeps what is written to it. */
function sink(): Writable & { text: () => string } {
  const chunks: string[] = [];
  const w = new Writable({
    write(chunk: Buffer | string, _enc, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return Object.assign(w, { text: () => chunks.join('') });
}

async function scan(file: string, ruleset: Ruleset, threads: number, updates = true, chunkLines?: number): Promise<{ out: string; err: string; stats: ScanStats }> {
  const out = sink();
  const err = sink();
  const stats = await scanFile(file, ruleset, { updates, out, err, threads, ...(chunkLines !== undefined ? { chunkLines } : {}) });
  return { out: out.text(), err: err.text(), stats };
}

describe('roomIdOf: the room a line belongs to, as decoding would read it', () => {
  it.each([
    ['the plain key', '{"type":"order","roomId":"r-1","sku":"A"}', 'r-1'],
    ['spaces around the colon', '{"type":"order", "roomId" : "r-2" }', 'r-2'],
    ['an escaped id (from JSON.parse)', '{"roomId":"r\\"3\\u0041"}', 'r"3A'],
    ['a duplicate key: the last wins, as in JSON.parse', '{"roomId":"a","roomId":"b"}', 'b'],
    ['"roomId" as a string value before the key', '{"text":"roomId","roomId":"r-4"}', 'r-4'],
    ['"roomId" as the only string value', '{"speaker":"roomId"}', undefined],
    ['an id that is not a string', '{"roomId":7}', undefined],
    ['not JSON', '{"roomId":"r-5"', 'r-5'],
    ['not JSON, and no key', 'roomId', undefined],
    ['a JSON array', '[1,2]', undefined],
  ])('%s', (_name, line, id) => {
    expect(roomIdOf(line)).toBe(id);
  });

  it('agrees with JSON.parse on 2,000 seeded random objects with a string roomId (quotes, backslashes, unicode, nested keys)', () => {
    const g = mulberry32(20261127);
    const rng = g.next;
    const alphabet = ['a', 'Z', '0', '-', '"', '\\', ':', ' ', '直', '播', '\u2028', '\n', '}', '{', 'roomId'];
    const str = (max: number) => Array.from({ length: Math.floor(rng() * max) }, () => alphabet[Math.floor(rng() * alphabet.length)]).join('');
    for (let i = 0; i < 2000; i++) {
      const obj: Record<string, unknown> = {};
      const fields = Math.floor(rng() * 4);
      for (let f = 0; f < fields; f++) obj[rng() < 0.3 ? 'text' : `k${f}`] = rng() < 0.2 ? { roomId: str(6) } : rng() < 0.3 ? 'roomId' : str(10);
      if (rng() < 0.9) obj.roomId = rng() < 0.1 ? Math.floor(rng() * 9) : str(12);
      const line = JSON.stringify(obj, null, rng() < 0.2 ? 1 : undefined).replace(/\n/g, ' ');
      // A line with no top-level string roomId cannot decode to an event: any answer routes it.
      if (typeof obj.roomId === 'string') expect(roomIdOf(line), line).toBe(obj.roomId);
    }
  });

  it('threadOf keeps a room on one thread and spreads rooms over all of them', () => {
    const seen = new Set<number>();
    for (let r = 0; r < 200; r++) {
      const k = threadOf(`{"roomId":"room-${r}","type":"order"}`, 4);
      expect(threadOf(`{"type":"transcript", "roomId": "room-${r}"}`, 4)).toBe(k);
      seen.add(k);
    }
    expect([...seen].sort()).toEqual([0, 1, 2, 3]);
  });
});

describe('scanFile over worker threads', () => {
  let ruleset: Ruleset;
  let file: string;
  let dir: string;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  beforeAll(() => {
    const loaded = loadRulesFromDisk();
    if (!loaded.ok) throw new Error('the project rules do not load');
    ruleset = loaded.ruleset;
    // The bench's realistic stream, with bad lines, blank lines and CRLF breaks among it.
    const lines = generateEvents(6000, 7);
    const mixed: string[] = [];
    lines.forEach((l, i) => {
      mixed.push(l);
      if (i % 997 === 5) mixed.push('{"type":"transcript","roomId":"r-bad"}');
      if (i % 1499 === 9) mixed.push('not json at all');
      if (i % 1201 === 3) mixed.push('');
    });
    dir = mkdtempSync(join(tmpdir(), 'scan-test-'));
    file = join(dir, 'events.jsonl');
    writeFileSync(file, mixed.map((l, i) => (i % 3 === 0 ? `${l}\r\n` : `${l}\n`)).join(''));
  });

  it('writes the same alerts, updates and errors, byte for byte and in line order, as one thread', { timeout: 120_000 }, async () => {
    const one = await scan(file, ruleset, 1);
    expect(one.stats.alerts).toBeGreaterThan(50);
    expect(one.stats.updates).toBeGreaterThan(0);
    expect(one.stats.bad).toBeGreaterThan(5);
    for (const threads of [2, 3]) {
      const many = await scan(file, ruleset, threads);
      expect(many.stats).toEqual(one.stats);
      expect(many.err).toBe(one.err);
      expect(many.out).toBe(one.out);
    }
    // Offsets in the output are line numbers of the file, increasing.
    const offsets = one.out.trim().split('\n').map((l) => (JSON.parse(l) as { data: { evidence: { trigger: { offset: number } } } }).data.evidence.trigger.offset);
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
    expect(one.err.split('\n')[0]).toMatch(/^events\.jsonl:\d+: DECODE_/);
  });

  it("evaluates each room's lines together, and prints exactly what evaluating the lines one by one in file order prints", { timeout: 120_000 }, async () => {
    // The reference: every non-blank line through the engine in file order, one room map.
    const rooms = new Map<string, RoomState>();
    const counts = { events: 0, bad: 0, alerts: 0, updates: 0 };
    let out = '';
    let err = '';
    const all = readFileSync(file, 'utf8').split(/\r\n|\n|\r(?!\n)/);
    if (all[all.length - 1] === '') all.pop(); // the final line break ends the last line
    all.forEach((line, offset) => {
      if (line.trim().length === 0) return;
      const r = scanLine(line, offset, 'events.jsonl', rooms, ruleset, true, counts);
      out += r.out;
      err += r.err;
    });
    expect(CHUNK_LINES).toBeGreaterThan(all.length); // the default chunk is the whole file: the order changes most
    const ids = all.map((l) => roomIdOf(l));
    expect(ids.some((id, i) => i > 0 && id !== undefined && ids[i - 1] !== undefined && id !== ids[i - 1])).toBe(true);
    for (const [threads, chunkLines] of [[1, undefined], [1, 500], [2, 700], [2, undefined]] as const) {
      const got = await scan(file, ruleset, threads, true, chunkLines);
      expect({ ...got.stats, lines: 0 }).toEqual({ ...counts, lines: 0 });
      expect(got.stats.lines).toBe(all.length);
      expect(got.err).toBe(err);
      expect(got.out).toBe(out);
    }
  });

  it('an archived ruleset (supervisor scan --ruleset) runs in the threads as it is, not the rules on disk', { timeout: 120_000 }, async () => {
    // A past version: AD.ABSOLUTE_TERMS at version 7, archived, then loaded back from the archive.
    const ruleFiles = new Set(ruleset.rules.map((r) => r.file));
    const rules = ruleset.sources.filter((f) => ruleFiles.has(f.path)).map((f) => (f.path.endsWith('/AD.ABSOLUTE_TERMS.yaml') ? { ...f, text: f.text.replace(/^version: \d+$/m, 'version: 7') } : f));
    const past = loadRuleset({ rules, seeds: ruleset.sources.filter((f) => !ruleFiles.has(f.path)) });
    if (!past.ok) throw new Error('the edited ruleset does not load');
    archiveRuleset(dir, past.ruleset, new Date());
    const archived = loadArchivedRuleset(dir, past.ruleset.version);
    const one = await scan(file, archived, 1);
    const two = await scan(file, archived, 2);
    expect(two.out).toBe(one.out);
    const absolute = two.out.trim().split('\n').map((l) => (JSON.parse(l) as { data: { ruleId: string; ruleVersion: number; rulesetVersion: string } }).data).filter((d) => d.ruleId === 'AD.ABSOLUTE_TERMS');
    expect(absolute.length).toBeGreaterThan(0);
    expect(absolute.every((d) => d.ruleVersion === 7 && d.rulesetVersion === past.ruleset.version)).toBe(true);
    expect(past.ruleset.version).not.toBe(ruleset.version);
  });

  it('fails with the reason when a thread cannot rebuild the ruleset, instead of scanning under another', { timeout: 60_000 }, async () => {
    const forged: Ruleset = { ...ruleset, version: '0000000000000000' };
    await expect(scan(file, forged, 2)).rejects.toThrow(/ruleset 0000000000000000 loaded as [0-9a-f]{16}/);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateEvents } from '../bench/generate.js';
import { lexiconTerms, padLexicon, roomTranscripts, writePaddedSeeds } from '../bench/pad-lexicon.js';
import { decodeEvent, evaluate, EVENT_TYPE_TOPIC, type EventType, type RoomState, type Ruleset } from '../services/engine/index.js';
import { loadRulesFromDisk, readSources } from '../services/shared/rules-fs.js';

// The engine bench's ruleset at the scale (bench/pad-lexicon.ts), on a small real stream.
describe('bench lexicon padding', () => {
  let own: Ruleset;
  let events: string[];
  let roomTexts: string[][];

  const alertsOf = (ruleset: Ruleset): string[] => {
    const rooms = new Map<string, RoomState>();
    const out: string[] = [];
    events.forEach((e, offset) => {
      const type = (JSON.parse(e) as { type: EventType }).type;
      const d = decodeEvent({ value: Buffer.from(e), coords: { topic: EVENT_TYPE_TOPIC[type], partition: 0, offset }, expectedTopicType: type });
      if (!d.ok) return;
      const r = evaluate(d.value, rooms.get(d.value.roomId), ruleset);
      rooms.set(d.value.roomId, r.room);
      for (const a of [...r.alerts, ...r.updates]) out.push(`${a.data.ruleId}:${a.id}:${a.data.occurrences}`);
    });
    return out;
  };

  beforeAll(() => {
    const loaded = loadRulesFromDisk();
    if (!loaded.ok) throw new Error('ruleset does not load');
    own = loaded.ruleset;
    events = generateEvents(3_000, 7);
    roomTexts = roomTranscripts(events);
  });

  it('groups the transcripts by room in stream order, and nothing else', () => {
    const lines = [
      JSON.stringify({ type: 'transcript', roomId: 'a', text: '一' }),
      JSON.stringify({ type: 'price', roomId: 'a', productName: '不是口播' }),
      JSON.stringify({ type: 'transcript', roomId: 'b', text: '二' }),
      JSON.stringify({ type: 'transcript', roomId: 'a', text: '三' }),
    ];
    expect(roomTranscripts(lines)).toEqual([['一', '三'], ['二']]);
    expect(roomTexts.flat().length).toBe(events.filter((e) => (JSON.parse(e) as { type: string }).type === 'transcript').length);
  });

  it('writes seeds the binary loads as the padded ruleset (the end-to-end and scan benches pass them as SUPERVISOR_SEEDS_DIR)', () => {
    const root = mkdtempSync(join(tmpdir(), 'pad-seeds-test-'));
    try {
      const { seedsDir, pad } = writePaddedSeeds(roomTexts, lexiconTerms(own) + 300, 5, root);
      const fromDisk = loadRulesFromDisk(undefined, seedsDir);
      if (!fromDisk.ok) throw new Error(fromDisk.problems.map((p) => p.message).join('; '));
      expect(fromDisk.ruleset.version).toBe(pad.ruleset.version);
      expect(lexiconTerms(fromDisk.ruleset)).toBe(pad.totalTerms);
      expect(pad.totalTerms).toBeGreaterThanOrEqual(lexiconTerms(own) + 300);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('reaches the target term count with terms the stream never says, and raises the same alerts', () => {
    const target = lexiconTerms(own) + 700;
    const pad = padLexicon(readSources(), own, roomTexts, target, 11);
    expect(pad.ownTerms).toBe(lexiconTerms(own));
    expect(pad.totalTerms).toBeGreaterThanOrEqual(target);
    expect(pad.generatedTerms).toBeGreaterThanOrEqual(700);
    expect(pad.ruleset.version).not.toBe(own.version);
    // Every generated pattern is absent from every room's transcripts joined in order.
    const added = pad.ruleset.automaton.patterns.filter((p) => !own.automaton.patterns.includes(p));
    expect(added.length).toBeGreaterThanOrEqual(700);
    const said = roomTexts.map((t) => own.normalise(t.join('')).text);
    expect(added.filter((p) => said.some((t) => t.includes(p)))).toEqual([]);
    expect(alertsOf(pad.ruleset)).toEqual(alertsOf(own));
  });

  it('drops a candidate the stream says: the terms picked for one stream are refused once a room says them', () => {
    const first = padLexicon(readSources(), own, roomTexts, lexiconTerms(own) + 50, 3);
    const picked = first.ruleset.automaton.patterns.filter((p) => !own.automaton.patterns.includes(p));
    const again = padLexicon(readSources(), own, [...roomTexts, [picked.join('。')]], lexiconTerms(own) + 50, 3);
    const pickedAgain = again.ruleset.automaton.patterns.filter((p) => !own.automaton.patterns.includes(p));
    expect(pickedAgain.filter((p) => picked.includes(p))).toEqual([]);
  });
});

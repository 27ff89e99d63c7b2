/**
 * A `supervisor scan` worker thread (see scan.ts): loads the main thread's ruleset from its
 * sources (and checks it hashes to the same version), then runs the engine over each chunk of
 * lines it is sent (scanChunk), keeping the state of the rooms it owns, and answers with each
 * line's output.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadRuleset, type RoomState } from '../engine/index.js';
import { scanChunk, type LineCounts, type ThreadAnswer, type ThreadChunk, type ThreadSetup } from './scan.js';

const setup = workerData as ThreadSetup;
const loaded = loadRuleset({ rules: setup.rules, seeds: setup.seeds });
if (!loaded.ok) throw new Error(`scan thread: the ruleset does not load: ${loaded.problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join('; ')}`);
if (loaded.ruleset.version !== setup.version) throw new Error(`scan thread: ruleset ${setup.version} loaded as ${loaded.ruleset.version}`);
const ruleset = loaded.ruleset;
const rooms = new Map<string, RoomState>();

parentPort!.on('message', ({ lines, offsets }: ThreadChunk) => {
  const counts: LineCounts = { events: 0, bad: 0, alerts: 0, updates: 0 };
  const { outs, errs } = scanChunk(lines, offsets, setup.topic, rooms, ruleset, setup.updates, counts);
  const answer: ThreadAnswer = { outs, errs, counts };
  parentPort!.postMessage(answer);
});

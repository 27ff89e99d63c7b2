/**
 * Ruleset reload in a running worker, on the real broker: a broken rule file is rejected with
 * file and line while alerts keep flowing under the previous ruleset; a good change (by file
 * watch, or by SIGHUP with watching off) becomes the version stamped on new alerts.
 */
import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULES_DIR, DEFAULT_SEEDS_DIR } from '../../services/shared/rules-fs.js';
import { testBrokers } from '../harness/brokers.js';
import { json, produce, readTopic, resetTopics, testKafka } from '../harness/kafka-tools.js';
import { spawnSupervisor, type SupervisorProcess } from '../harness/supervisor-process.js';

const brokers = testBrokers();
const kafka = testKafka(brokers);
const ABS = 'violation/AD.ABSOLUTE_TERMS.yaml';

describe('ruleset reload in a running worker', () => {
  let dir: string;
  let original: string;
  const procs: SupervisorProcess[] = [];
  beforeAll(async () => {
    await resetTopics(kafka);
    dir = mkdtempSync(join(tmpdir(), 'reload-'));
    cpSync(DEFAULT_RULES_DIR, join(dir, 'rules'), { recursive: true });
    cpSync(DEFAULT_SEEDS_DIR, join(dir, 'seeds'), { recursive: true });
    original = readFileSync(join(dir, 'rules', ABS), 'utf8');
    alerts = await readTopic(kafka, 'supervisor.alerts');
  });
  afterAll(async () => {
    await alerts.stop();
    await Promise.all(procs.map((p) => p.kill('SIGKILL')));
    rmSync(dir, { recursive: true, force: true });
  });

  const say = async (roomId: string) => {
    const ts = '2026-11-26T20:00:00+08:00';
    await produce(kafka, [{ topic: 'live.transcript', key: roomId, value: JSON.stringify({ type: 'transcript', roomId, sessionId: `s-${roomId}`, ts, text: '这款是全网最低价，闭眼入' }) }]);
  };
  let alerts: Awaited<ReturnType<typeof readTopic>>;
  const alertFor = async (roomId: string) => {
    const match = (a: any) => a.subject === roomId && a.data.ruleId === 'AD.ABSOLUTE_TERMS';
    await alerts.waitUntil((recs) => recs.map(json).some(match), 30_000, `an alert for ${roomId}`);
    return alerts.records.map(json).find(match);
  };

  it.each([
    ['file watch', '1'],
    ['SIGHUP', '0'],
  ])('by %s: bad rules rejected with file:line, alerts keep flowing, a good change takes over', async (how, watch) => {
    const rulesDir = join(dir, 'rules');
    writeFileSync(join(rulesDir, ABS), original);
    const sup = spawnSupervisor(['start', '--roles', 'worker'], {
      KAFKA_BROKERS: brokers.join(','),
      PORT: '0',
      SUPERVISOR_WORKER_GROUP: `reload-${randomUUID().slice(0, 8)}`,
      SUPERVISOR_RULES_DIR: rulesDir,
      SUPERVISOR_SEEDS_DIR: join(dir, 'seeds'),
      SUPERVISOR_DATA_DIR: join(dir, `data-${watch}`),
      SUPERVISOR_WATCH_RULES: watch,
    });
    procs.push(sup);
    await sup.waitFor(/"worker consuming"/);
    const tag = `${watch}-${randomUUID().slice(0, 6)}`;
    const nudge = () => (watch === '0' ? sup.proc.kill('SIGHUP') : true);

    await say(`before-${tag}`);
    const v1 = (await alertFor(`before-${tag}`)).data.rulesetVersion as string;

    writeFileSync(join(rulesDir, ABS), original.replace('detector: lexicon', 'detector: no-such-kind'));
    nudge();
    const rejected = await sup.waitFor(/ruleset rejected; still running/);
    expect(rejected).toContain(v1);
    expect(sup.lines.join('\n')).toMatch(/rules\/violation\/AD\.ABSOLUTE_TERMS\.yaml:\d+: unknown detector .{0,2}no-such-kind/);
    await say(`broken-${tag}`);
    expect((await alertFor(`broken-${tag}`)).data.rulesetVersion).toBe(v1);

    writeFileSync(join(rulesDir, ABS), original.replace('version: 1', `version: ${watch === '1' ? 2 : 3}`));
    nudge();
    const active = await sup.waitFor(/"ruleset [0-9a-f]{16} active/);
    const v2 = /ruleset ([0-9a-f]{16}) active/.exec(active)![1]!;
    expect(v2).not.toBe(v1);
    await say(`after-${tag}`);
    const after = await alertFor(`after-${tag}`);
    expect(after.data.rulesetVersion).toBe(v2);
    expect(after.data.ruleVersion).toBe(watch === '1' ? 2 : 3);
    await sup.kill();
    void how;
  });
});

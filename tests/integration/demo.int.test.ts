/**
 * What `npm start` does, minus the broker start: `supervisor start --demo` on the real broker,
 * and a WebSocket client that must see the demo sessions' alerts (catalogue rules implemented so
 * far) within 60 seconds of start.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import { testBrokers } from '../harness/brokers.js';
import { resetTopics, testKafka } from '../harness/kafka-tools.js';
import { spawnSupervisor, type SupervisorProcess } from '../harness/supervisor-process.js';

const TOKEN = 'demo-token-0123456789abcdef';
let sup: SupervisorProcess | null = null;

afterAll(async () => {
  await sup?.kill();
});

it('npm start: the demo feed produces alerts on the WebSocket within 60 s', async () => {
  const brokers = testBrokers();
  await resetTopics(testKafka(brokers));
  const port = 18000 + Math.floor(Math.random() * 1000);
  const started = Date.now();
  sup = spawnSupervisor(['start', '--demo', '--demo-speed', '5'], {
    KAFKA_BROKERS: brokers.join(','),
    PORT: String(port),
    SUPERVISOR_DEV_TOKEN: TOKEN,
    SUPERVISOR_WORKER_GROUP: `demo-w-${randomUUID()}`,
    SUPERVISOR_GATEWAY_GROUP: `demo-g-${randomUUID()}`,
  });
  const printed = await sup.waitFor(/WebSocket: ws:\/\//);
  expect(printed).toContain(`:${port}/v1/stream`);
  await sup.waitFor(/Token: +demo-token/);
  const ws = new WebSocket(`ws://127.0.0.1:${port}/v1/stream?token=${TOKEN}`);
  const rules = new Map<string, number>();
  ws.on('message', (d) => {
    const f = JSON.parse(d.toString());
    if (f.type === 'alert' && !rules.has(f.alert.data.ruleId)) rules.set(f.alert.data.ruleId, Date.now() - started);
  });
  await new Promise((r, j) => (ws.once('open', r), ws.once('error', j)));
  const expected = ['AD.ABSOLUTE_TERMS', 'LIVE.AI_ANCHOR_UNLABELED', 'PRICE.ORIGINAL_PRICE_ABOVE_7DAY_MIN', 'IP.COUNTERFEIT_SLANG', 'PRICE.SPOKEN_PRICE_NOT_HONORED'];
  while (!expected.every((id) => rules.has(id)) && Date.now() - started < 75_000) await new Promise((r) => setTimeout(r, 250));
  ws.close();
  console.log(`[demo] first alert per rule, ms after start: ${JSON.stringify(Object.fromEntries(rules))}`);
  expect([...rules.keys()]).toEqual(expect.arrayContaining(expected));
}, 90_000);

/**
 * Webhooks end to end on the real broker with real receivers: a receiver down for ~20 s while
 * 500 alerts are raised (the 5-minute version is `npm run acceptance:webhooks`), 410 disabling
 * the subscription, manual redelivery with the same webhook-id, secret rotation with both
 * signatures valid during the overlap, refusal of private targets, and `kill -9` of the gateway
 * in the middle of deliveries with nothing missing afterwards.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gateway } from '../../services/gateway/gateway.js';
import { runWebhookOutage } from '../acceptance/webhook-outage.js';
import { testBrokers } from '../harness/brokers.js';
import { alertMessages, createReceiver, DEV_TOKEN, http, makeAlert, startGateway, until } from '../harness/gateway-tools.js';
import { produce, resetTopics, testKafka } from '../harness/kafka-tools.js';
import { spawnSupervisor, START_AFTER_KILL_MS, type SupervisorProcess } from '../harness/supervisor-process.js';

const brokers = testBrokers();
const kafka = testKafka(brokers);
const FAST_RETRY = { baseMs: 200, maxMs: 1_000, maxAttempts: 200, timeoutMs: 2_000 };

beforeAll(async () => {
  await resetTopics(kafka);
});

it('receiver down ~20 s while 500 alerts are raised: all delivered, all verify, same webhook-id on retries', async () => {
  const f = await runWebhookOutage({ brokers, alerts: 500, downMs: Number(process.env.WEBHOOK_OUTAGE_MS ?? 20_000), retry: FAST_RETRY });
  console.log(`[webhooks] outage: ${JSON.stringify(f)}`);
  expect(f.uniqueDelivered).toBe(500);
  expect(f.verified).toBe(f.receivedRequests);
  expect(f.failedAttempts).toBeGreaterThan(500);
  expect(f.tamperedRejected).toBe(true);
});

describe('subscription lifecycle', () => {
  let gw: Gateway;
  let api: ReturnType<typeof http>;
  beforeAll(async () => {
    gw = await startGateway(brokers, { retry: FAST_RETRY, webhookPollMs: 200, rotationOverlapMs: 60_000 });
    api = http(gw.httpUrl());
  });
  afterAll(async () => {
    await gw?.stop();
  });

  it('a 410 disables the subscription; re-enabled, a manual retry redelivers with the same webhook-id', async () => {
    const P = `p410-${Date.now()}`;
    let answer = 410;
    const receiver = createReceiver({ status: () => answer });
    await receiver.start();
    const hook = (await api('POST', '/v1/webhooks', DEV_TOKEN, { url: receiver.url(), platform: P })).body;
    const a = makeAlert({ platform: P });
    await produce(kafka, alertMessages([a]));
    await until(async () => (await api('GET', `/v1/webhooks/${hook.id}`, DEV_TOKEN)).body.enabled === false, 30_000, 'subscription disabled');
    const log = await api('GET', `/v1/webhooks/${hook.id}/deliveries`, DEV_TOKEN);
    expect(log.body.items).toMatchObject([{ alertId: a.id, messageId: a.id, state: 'dead', lastStatus: 410, attempts: 1 }]);
    expect((await api('GET', `/v1/webhooks/${hook.id}`, DEV_TOKEN)).body.disabledReason).toMatch(/410/);

    answer = 204;
    const d = log.body.items[0].id;
    expect((await api('PATCH', `/v1/webhooks/${hook.id}`, DEV_TOKEN, { enabled: true })).status).toBe(200);
    expect((await api('POST', `/v1/webhooks/${hook.id}/deliveries/${d}/retry`, DEV_TOKEN)).status).toBe(202);
    await until(() => receiver.received.length >= 2, 10_000, 'redelivery');
    expect(receiver.received.map((r) => r.headers['webhook-id'])).toEqual([a.id, a.id]);
    const detail = await api('GET', `/v1/webhooks/${hook.id}/deliveries/${d}`, DEV_TOKEN);
    expect(detail.body).toMatchObject({ delivery: { state: 'delivered' }, attempts: [{ status: 410 }, { status: 204 }] });
    await receiver.stop();
  });

  it('rotation: during the overlap a delivery verifies with the old and the new secret', async () => {
    const P = `prot-${Date.now()}`;
    const receiver = createReceiver();
    await receiver.start();
    const t = (await api('POST', '/v1/tokens', DEV_TOKEN, { role: `platform:${P}` })).body.token;
    const hook = (await api('POST', '/v1/webhooks', t, { url: receiver.url(), filter: { severities: ['high', 'critical'] } })).body;
    expect(hook.platform).toBe(P);
    const rotated = await api('POST', `/v1/webhooks/${hook.id}/rotate`, t);
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(hook.secret);
    const [low, high] = [makeAlert({ platform: P, severity: 'low' }), makeAlert({ platform: P, severity: 'high' })];
    await produce(kafka, alertMessages([low, high]));
    await until(() => receiver.received.length >= 1, 20_000, 'delivery');
    await new Promise((r) => setTimeout(r, 500));
    expect(receiver.received.map((r) => r.headers['webhook-id'])).toEqual([high.id]); // filter: high and critical only
    const r = receiver.received[0]!;
    expect(new Webhook(hook.secret).verify(r.body, r.headers)).toMatchObject({ id: high.id });
    expect(new Webhook(rotated.body.secret).verify(r.body, r.headers)).toMatchObject({ id: high.id });
    expect(() => new Webhook(rotated.body.secret).verify(r.body.replace(high.id, low.id), r.headers)).toThrow();
    await receiver.stop();
  });

  it('refuses private and loopback targets that are not allow-listed, saying why', async () => {
    for (const url of ['http://10.1.2.3/hook', 'http://192.168.1.10/hook', 'http://[::1]:8080/hook', 'http://169.254.169.254/latest']) {
      const r = await api('POST', '/v1/webhooks', DEV_TOKEN, { url, platform: 'x' });
      expect(r.status, url).toBe(400);
      expect(r.body.error).toBe('WEBHOOK_URL_REFUSED');
    }
    expect((await api('POST', '/v1/webhooks', DEV_TOKEN, { url: 'ftp://example.com/x', platform: 'x' })).status).toBe(400);
  });
});

describe('crash', () => {
  const procs: SupervisorProcess[] = [];
  afterAll(async () => {
    await Promise.all(procs.map((p) => p.kill('SIGKILL')));
  });

  it('kill -9 of the gateway in the middle of deliveries, then restart: nothing missing from the store or the receiver', async () => {
    const P = `pkill-${Date.now()}`;
    const dataDir = mkdtempSync(join(tmpdir(), 'supervisor-kill-'));
    const port = 19000 + Math.floor(Math.random() * 1000);
    const env = {
      KAFKA_BROKERS: brokers.join(','),
      PORT: String(port),
      SUPERVISOR_DATA_DIR: dataDir,
      SUPERVISOR_DEV_TOKEN: DEV_TOKEN,
      SUPERVISOR_GATEWAY_GROUP: `gw-kill-${randomUUID()}`,
      SUPERVISOR_WEBHOOK_ALLOW: '127.0.0.1',
      SUPERVISOR_WEBHOOK_RETRY_BASE_MS: '200',
      SUPERVISOR_WEBHOOK_RETRY_MAX_MS: '1000',
    };
    const receiver = createReceiver({ delayMs: 15 });
    await receiver.start();
    const start = async ({ afterKill = false } = {}) => {
      const p = spawnSupervisor(['start', '--roles', 'gateway'], env);
      procs.push(p);
      await p.waitFor(/"gateway listening"/, afterKill ? START_AFTER_KILL_MS : undefined);
      return p;
    };
    let gwp = await start();
    const api = http(`http://127.0.0.1:${port}`);
    const hook = await api('POST', '/v1/webhooks', DEV_TOKEN, { url: receiver.url(), platform: P });
    expect(hook.status).toBe(201);

    const first = Array.from({ length: 400 }, (_, i) => makeAlert({ platform: P, roomId: `room-${i % 11}` }));
    await produce(kafka, alertMessages(first));
    await until(() => receiver.received.length >= 40, 60_000, 'deliveries under way');
    await gwp.kill('SIGKILL');
    const atKill = new Set(receiver.received.map((r) => r.headers['webhook-id'])).size;
    const second = Array.from({ length: 100 }, (_, i) => makeAlert({ platform: P, roomId: `room-${i % 11}` }));
    await produce(kafka, alertMessages(second)); // raised while the gateway is down
    gwp = await start({ afterKill: true });

    const all = [...first, ...second].map((a) => a.id);
    const got = () => new Set(receiver.received.map((r) => r.headers['webhook-id']));
    await until(() => all.every((id) => got().has(id)), 120_000, 'every alert at the receiver');
    const stored = new Set<string>();
    for (let after: string | null = null; ; ) {
      const page: { status: number; body: any } = await api('GET', `/v1/alerts?platform=${P}&limit=500${after ? `&after=${after}` : ''}`, DEV_TOKEN);
      for (const item of page.body.items) stored.add(item.alert.id);
      after = page.body.next;
      if (after === null) break;
    }
    expect(all.filter((id) => !stored.has(id))).toEqual([]);
    const wh = new Webhook(hook.body.secret);
    for (const r of receiver.received) wh.verify(r.body, r.headers);
    console.log(`[webhooks] kill -9: ${atKill} of 400 delivered at the kill; after restart ${got().size} unique of ${all.length}, ${receiver.received.length - got().size} repeats`);
    await gwp.kill();
    await receiver.stop();
  });
});

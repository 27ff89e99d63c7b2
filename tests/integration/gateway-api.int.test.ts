/**
 * The gateway on the real broker, with a real HTTP server, real WebSocket clients and real
 * webhook receivers: tokens (invalid, expired, revoked → 401 / refused upgrade; roles → 403),
 * tenancy over WebSocket, HTTP and webhooks with two platforms' alerts in flight, inspector
 * actions as update frames with a verifiable audit chain, resume with `since` after 1,000
 * missed alerts, and a slow reader cut while the others keep up.
 */
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gateway } from '../../services/gateway/gateway.js';
import { testBrokers } from '../harness/brokers.js';
import { alertMessages, connectStream, createReceiver, DEV_TOKEN, http, makeAlert, startGateway, until, upgradeStatus } from '../harness/gateway-tools.js';
import { produce, resetTopics, testKafka } from '../harness/kafka-tools.js';

const brokers = testBrokers();
const kafka = testKafka(brokers);
let gw: Gateway;
let api: ReturnType<typeof http>;
const wsUrl = (q = '') => `${gw.url()}${q}`;

async function token(role: string, extra: Record<string, unknown> = {}): Promise<{ token: string; id: string }> {
  const r = await api('POST', '/v1/tokens', DEV_TOKEN, { role, ...extra });
  expect(r.status).toBe(201);
  return { token: r.body.token, id: r.body.record.id };
}

beforeAll(async () => {
  await resetTopics(kafka);
  gw = await startGateway(brokers);
  api = http(gw.httpUrl());
});
afterAll(async () => {
  await gw?.stop();
});

describe('tokens', () => {
  it('invalid, expired and revoked tokens get 401 on HTTP and a refused upgrade; roles get 403', async () => {
    const expiring = await token('inspector', { expires: '1s' });
    const revoked = await token('inspector');
    const auditor = await token('auditor');
    expect((await api('GET', '/v1/alerts', revoked.token)).status).toBe(200);
    expect(await upgradeStatus(wsUrl(`?token=${revoked.token}`))).toBe(101);
    expect((await api('DELETE', `/v1/tokens/${revoked.id}`, DEV_TOKEN)).status).toBe(204);
    await new Promise((r) => setTimeout(r, 1100));

    for (const [t, code] of [[null, 'AUTH_MISSING'], ['sv_not_a_real_token', 'TOKEN_UNKNOWN'], [expiring.token, 'TOKEN_EXPIRED'], [revoked.token, 'TOKEN_REVOKED']] as const) {
      const r = await api('GET', '/v1/alerts', t);
      expect(r.status, String(code)).toBe(401);
      expect(r.body.error).toBe(code);
      expect(await upgradeStatus(wsUrl(t ? `?token=${t}` : ''))).toBe(401);
      if (t) expect(await upgradeStatus(wsUrl(), { authorization: `Bearer ${t}` })).toBe(401);
    }
    // An auditor reads but cannot act, nor create tokens.
    expect((await api('GET', '/v1/alerts', auditor.token)).status).toBe(200);
    const act = await api('POST', '/v1/alerts/whatever/actions', auditor.token, { type: 'ack' });
    expect(act.status).toBe(403);
    expect(act.body.message).toMatch(/inspector, admin/);
    expect((await api('POST', '/v1/tokens', auditor.token, { role: 'admin' })).status).toBe(403);
    // 4xx bodies say what is wrong.
    const bad = await api('POST', '/v1/tokens', DEV_TOKEN, { role: 'wizard' });
    expect(bad).toMatchObject({ status: 400, body: { error: 'BAD_ROLE' } });
    const badQuery = await api('GET', '/v1/alerts?severity=urgent', DEV_TOKEN);
    expect(badQuery.status).toBe(400);
    expect(badQuery.body.message).toMatch(/severity/);
  });
});

describe('tenancy', () => {
  it('platform A never receives one of B’s alerts (and the reverse) over WebSocket, HTTP and webhooks', async () => {
    const A = `pa-${Date.now()}`;
    const B = `pb-${Date.now()}`;
    const ta = await token(`platform:${A}`);
    const tb = await token(`platform:${B}`);
    const recvA = createReceiver();
    const recvB = createReceiver();
    await recvA.start();
    await recvB.start();
    const hookA = await api('POST', '/v1/webhooks', ta.token, { url: recvA.url() });
    expect(hookA.status).toBe(201);
    expect((await api('POST', '/v1/webhooks', ta.token, { url: recvB.url(), platform: B })).status).toBe(403); // not its platform
    const hookB = await api('POST', '/v1/webhooks', DEV_TOKEN, { url: recvB.url(), platform: B });
    expect(hookB.status).toBe(201);
    const wsA = await connectStream(wsUrl(), { authorization: `Bearer ${ta.token}` });
    // B asks for A's platform in its filter: tenancy comes first, so it still gets nothing of A.
    const wsB = await connectStream(wsUrl(`?token=${tb.token}&platforms=${A},${B}`));
    const inspector = await connectStream(wsUrl(`?token=${DEV_TOKEN}`));

    const alerts = Array.from({ length: 200 }, (_, i) => makeAlert({ platform: i % 2 ? A : B }));
    await produce(kafka, alertMessages(alerts));
    const mine = (p: string) => alerts.filter((a) => a.data.room.platform === p).map((a) => a.id).sort();
    await inspector.waitFor((f) => f.filter((x) => x.type === 'alert' && [A, B].includes(x.alert!.data.room.platform!)).length >= 200, 60_000, 'inspector frames');
    await until(() => recvA.received.length >= 100 && recvB.received.length >= 100, 60_000, 'webhooks');
    await wsA.waitFor((f) => f.filter((x) => x.type === 'alert').length >= 100, 10_000, 'A frames');
    await wsB.waitFor((f) => f.filter((x) => x.type === 'alert').length >= 100, 10_000, 'B frames');

    expect(wsA.alerts().map((f) => f.alert!.id).sort()).toEqual(mine(A));
    expect(wsB.alerts().map((f) => f.alert!.id).sort()).toEqual(mine(B));
    const ids = (r: typeof recvA) => r.received.map((x) => JSON.parse(x.body).id).sort();
    expect(ids(recvA)).toEqual(mine(A));
    expect(ids(recvB)).toEqual(mine(B));
    const whA = new Webhook(hookA.body.secret);
    for (const r of recvA.received) expect(() => whA.verify(r.body, r.headers)).not.toThrow();

    const listA = await api('GET', '/v1/alerts?limit=500', ta.token);
    expect(listA.body.items.map((x: any) => x.alert.id).sort()).toEqual(mine(A));
    expect((await api('GET', `/v1/alerts?platform=${B}`, ta.token)).status).toBe(403);
    const oneOfB = alerts.find((a) => a.data.room.platform === B)!;
    expect((await api('GET', `/v1/alerts/${oneOfB.id}`, ta.token)).status).toBe(404);
    expect((await api('GET', `/v1/alerts/${oneOfB.id}`, tb.token)).status).toBe(200);
    expect((await api('GET', `/v1/webhooks/${hookB.body.id}`, ta.token)).status).toBe(404);
    expect((await api('GET', '/v1/webhooks', ta.token)).body.items.map((w: any) => w.id)).toEqual([hookA.body.id]);
    // A platform cannot act on alerts.
    expect((await api('POST', `/v1/alerts/${alerts[1]!.id}/actions`, ta.token, { type: 'ack' })).status).toBe(403);

    for (const c of [wsA, wsB, inspector]) c.close();
    await recvA.stop();
    await recvB.stop();
  });
});

describe('inspector workflow', () => {
  it('actions arrive as update frames, are listed on the alert and chained in the audit log', async () => {
    const P = `pi-${Date.now()}`;
    const inspector = await token('inspector');
    const auditor = await token('auditor');
    const ws = await connectStream(wsUrl(`?token=${auditor.token}&platforms=${P}`));
    const [a] = [makeAlert({ platform: P, category: 'price-fraud', severity: 'high' })];
    await produce(kafka, alertMessages([a!]));
    await ws.waitFor((f) => f.some((x) => x.type === 'alert' && x.alert!.id === a!.id), 30_000, 'alert frame');

    const ack = await api('POST', `/v1/alerts/${a!.id}/actions`, inspector.token, { type: 'ack' });
    expect(ack).toMatchObject({ status: 201, body: { status: 'acknowledged' } });
    expect((await api('POST', `/v1/alerts/${a!.id}/actions`, inspector.token, { type: 'ack' })).status).toBe(409);
    const noReason = await api('POST', `/v1/alerts/${a!.id}/actions`, inspector.token, { type: 'dismiss' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.message).toMatch(/reason/);
    expect((await api('POST', `/v1/alerts/${a!.id}/actions`, inspector.token, { type: 'note', comment: '已联系平台' })).status).toBe(201);
    expect((await api('POST', `/v1/alerts/${a!.id}/actions`, inspector.token, { type: 'dismiss', reason: 'false-positive' })).status).toBe(201);

    await ws.waitFor((f) => f.filter((x) => x.type === 'alert.update').length >= 3, 10_000, 'update frames');
    const updates = ws.frames.filter((x) => x.type === 'alert.update');
    expect(updates.map((u) => [(u.action as any).type, u.status])).toEqual([['ack', 'acknowledged'], ['note', 'acknowledged'], ['dismiss', 'dismissed']]);
    expect(updates.every((u) => (u.action as any).actor === inspector.id)).toBe(true);
    const cursors = ws.frames.filter((x) => x.cursor).map((x) => Number(x.cursor));
    expect([...cursors].sort((x, y) => x - y)).toEqual(cursors);

    const one = await api('GET', `/v1/alerts/${a!.id}`, auditor.token);
    expect(one.body).toMatchObject({ status: 'dismissed', actions: [{ type: 'ack' }, { type: 'note', comment: '已联系平台' }, { type: 'dismiss', reason: 'false-positive' }] });
    const filtered = await api('GET', `/v1/alerts?platform=${P}&status=dismissed&category=price-fraud`, auditor.token);
    expect(filtered.body.items).toHaveLength(1);
    const audit = await api('GET', '/v1/audit?limit=1000', auditor.token);
    expect(audit.body.items.filter((e: any) => e.alertId === a!.id).map((e: any) => e.action)).toEqual(['alert.raised', 'alert.ack', 'alert.note', 'alert.dismiss']);
    expect(await api('GET', '/v1/audit/verify', auditor.token)).toMatchObject({ status: 200, body: { ok: true } });
    expect((await api('GET', '/v1/audit', inspector.token)).status).toBe(403);
    ws.close();
  });
});

describe('stream resume', () => {
  it('a client disconnected for 1,000 alerts resumes with since: exactly the missed ones, in order, then live ones', async () => {
    const P = `pr-${Date.now()}`;
    const ws1 = await connectStream(wsUrl(`?token=${DEV_TOKEN}&platforms=${P}`));
    const first = Array.from({ length: 10 }, () => makeAlert({ platform: P }));
    await produce(kafka, alertMessages(first));
    await ws1.waitFor((f) => f.filter((x) => x.type === 'alert').length >= 10, 30_000, 'first alerts');
    const last = ws1.alerts().at(-1)!.cursor!;
    ws1.close();
    await ws1.closed;

    const missed = Array.from({ length: 1000 }, (_, i) => makeAlert({ platform: P, roomId: `room-${i % 13}` }));
    await produce(kafka, alertMessages(missed));
    await until(async () => (await gw.store().listAlerts({ platform: P, limit: 2000 })).items.length >= 1010, 60_000, 'store has the missed alerts');

    const t0 = Date.now();
    const ws2 = await connectStream(wsUrl(`?token=${DEV_TOKEN}&platforms=${P}&since=${last}`));
    await ws2.waitFor((f) => f.some((x) => x.type === 'live'), 30_000, 'live marker');
    const replayMs = Date.now() - t0;
    const live = Array.from({ length: 20 }, () => makeAlert({ platform: P }));
    await produce(kafka, alertMessages(live));
    await ws2.waitFor((f) => f.filter((x) => x.type === 'alert').length >= 1020, 30_000, 'live alerts after replay');
    await new Promise((r) => setTimeout(r, 300));

    // Kafka orders per partition (room); the store's order is the gateway's commit order.
    const got = ws2.alerts().map((f) => f.alert!.id);
    expect(got).toHaveLength(1020);
    expect(new Set(got.slice(0, 1000))).toEqual(new Set(missed.map((a) => a.id)));
    expect(new Set(got.slice(1000))).toEqual(new Set(live.map((a) => a.id)));
    for (let room = 0; room < 13; room++) {
      const sent = missed.filter((a) => a.subject === `room-${room}`).map((a) => a.id);
      expect(got.filter((id) => sent.includes(id))).toEqual(sent);
    }
    const cursors = ws2.alerts().map((f) => Number(f.cursor));
    expect(cursors.every((c, i) => i === 0 || c > cursors[i - 1]!)).toBe(true);
    expect(cursors[0]).toBeGreaterThan(Number(last));
    console.log(`[resume] 1000 missed alerts replayed in ${replayMs} ms`);
    ws2.close();
  });

  it('subscribe frame narrows the stream and can replay from a cursor', async () => {
    const P = `ps-${Date.now()}`;
    const ws = await connectStream(wsUrl(`?token=${DEV_TOKEN}`));
    const start = ws.frames[0]!.cursor!;
    ws.ws.send(JSON.stringify({ type: 'subscribe', filter: { platforms: [P], severities: ['critical'] } }));
    await ws.waitFor((f) => f.some((x) => x.type === 'subscribed'), 5_000, 'subscribed');
    const alerts = [makeAlert({ platform: P, severity: 'critical' }), makeAlert({ platform: P, severity: 'low' }), makeAlert({ platform: 'other', severity: 'critical' })];
    await produce(kafka, alertMessages(alerts));
    await ws.waitFor((f) => f.some((x) => x.type === 'alert'), 30_000, 'critical alert');
    await new Promise((r) => setTimeout(r, 500));
    expect(ws.alerts().map((f) => f.alert!.id)).toEqual([alerts[0]!.id]);
    const before = ws.frames.length;
    ws.ws.send(JSON.stringify({ type: 'subscribe', filter: { platforms: [P] }, since: start }));
    await ws.waitFor((f) => f.some((x) => x.type === 'live'), 10_000, 'replay done');
    // The replay resends everything after `start` that the new filter lets through (in store order).
    const replayed = ws.frames.slice(before).filter((x) => x.type === 'alert').map((f) => f.alert!.id);
    expect(replayed.sort()).toEqual([alerts[0]!.id, alerts[1]!.id].sort());
    expect(await upgradeStatus(wsUrl(`?token=${DEV_TOKEN}&since=999999999`))).toBe(400); // ahead of the store
    ws.ws.send('{"type":"subscribe","filter":{"colour":["red"]}}');
    await ws.waitFor((f) => f.some((x) => x.type === 'error'), 5_000, 'error frame');
    expect(ws.frames.find((x) => x.type === 'error')).toMatchObject({ code: 'STREAM_BAD_FRAME' });
    ws.close();
  });
});

describe('system', () => {
  it('serves the OpenAPI document, probes and metrics', async () => {
    const doc = await api('GET', '/v1/openapi.json', null);
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/v1/alerts', '/v1/alerts/{id}', '/v1/alerts/{id}/actions', '/v1/webhooks', '/v1/webhooks/{id}/deliveries/{d}/retry']));
    expect((await api('GET', '/healthz', null)).status).toBe(200);
    expect(await api('GET', '/readyz', null)).toMatchObject({ status: 200, body: { checks: { broker: true, store: true } } });
    expect((await api('GET', '/metrics', null)).status).toBe(401);
    // Consumer lag is read from the broker on a timer; the first refresh runs at start.
    await until(async () => String((await api('GET', '/metrics', DEV_TOKEN)).body).includes('supervisor_consumer_lag_messages{'), 10_000, 'consumer lag on /metrics');
    const m = await api('GET', '/metrics', DEV_TOKEN);
    expect(m.status).toBe(200);
    for (const name of ['supervisor_alerts_total', 'supervisor_ws_clients', 'supervisor_webhook_deliveries_total', 'supervisor_alert_latency_seconds_bucket', 'supervisor_gateway_batch_record_age_seconds'])
      expect(m.body).toContain(name);
    expect(m.body).toMatch(/^supervisor_consumer_lag_messages\{group="gw-test-[^"]+",topic="supervisor\.alerts",partition="0"\} \d+$/m);
  });
});

/**
 * The "receiver down while alerts are raised" scenario, shared by the integration test (scaled
 * down: ~20 s) and the opt-in acceptance script (the real 5 minutes). A real gateway on the real
 * broker, a real HTTP receiver that is stopped, `alerts` alerts produced onto supervisor.alerts
 * while it is down, then the receiver is started again. Returns figures; throws if any alert is
 * missing, any delivery fails verification, or a retried delivery changed its webhook-id.
 */
import { Webhook } from 'standardwebhooks';
import type { RetryPolicy } from '../../services/gateway/webhooks/retry.js';
import { alertMessages, createReceiver, DEV_TOKEN, http, makeAlert, startGateway, until } from '../harness/gateway-tools.js';
import { produce, testKafka } from '../harness/kafka-tools.js';

export type OutageFigures = {
  alerts: number;
  downMs: number;
  receivedRequests: number;
  uniqueDelivered: number;
  duplicates: number;
  failedAttempts: number;
  maxAttemptsForOneDelivery: number;
  drainMsAfterRestart: number;
  verified: number;
  tamperedRejected: boolean;
  gatewayRssMb: number;
};

export async function runWebhookOutage(o: { brokers: string[]; alerts: number; downMs: number; retry: Partial<RetryPolicy>; log?: (m: string) => void }): Promise<OutageFigures> {
  const log = o.log ?? (() => {});
  const kafka = testKafka(o.brokers);
  const platform = `outage-${Date.now()}`;
  const gw = await startGateway(o.brokers, { retry: o.retry, webhookPollMs: 250 });
  const receiver = createReceiver();
  try {
    const api = http(gw.httpUrl());
    await receiver.start();
    const hook = await api('POST', '/v1/webhooks', DEV_TOKEN, { url: receiver.url(), platform });
    if (hook.status !== 201) throw new Error(`subscription failed: ${JSON.stringify(hook.body)}`);
    await receiver.stop();
    const downAt = Date.now();
    log(`receiver stopped; raising ${o.alerts} alerts`);
    const alerts = Array.from({ length: o.alerts }, (_, i) => makeAlert({ platform, roomId: `room-${i % 17}` }));
    // Raised over the first half of the outage, in 10 bursts.
    const bursts = 10;
    for (let b = 0; b < bursts; b++) {
      await produce(kafka, alertMessages(alerts.slice((b * alerts.length) / bursts, ((b + 1) * alerts.length) / bursts)));
      await new Promise((r) => setTimeout(r, o.downMs / 2 / bursts));
    }
    await until(async () => (await gw.store().deliveryCounts()).pending >= o.alerts, 60_000, 'outbox rows for every alert');
    const left = downAt + o.downMs - Date.now();
    if (left > 0) await new Promise((r) => setTimeout(r, left));
    const restartAt = Date.now();
    await receiver.start();
    log(`receiver started after ${restartAt - downAt} ms`);
    const wanted = new Set(alerts.map((a) => a.id));
    const delivered = () => new Set(receiver.received.map((r) => r.headers['webhook-id']).filter((id) => id !== undefined && wanted.has(id)));
    await until(() => delivered().size >= o.alerts, Math.max(120_000, o.retry.maxMs ?? 0) * 3, 'every alert delivered');
    const drainMs = Date.now() - restartAt;

    const wh = new Webhook(hook.body.secret);
    let verified = 0;
    for (const r of receiver.received) {
      const body = wh.verify(r.body, r.headers) as { id: string };
      if (body.id !== r.headers['webhook-id']) throw new Error(`webhook-id ${r.headers['webhook-id']} does not name the alert ${body.id}`);
      verified++;
    }
    const sample = receiver.received[0]!;
    let tamperedRejected = false;
    try {
      wh.verify(sample.body.replace('"occurrences":1', '"occurrences":2'), sample.headers);
    } catch {
      tamperedRejected = true;
    }
    if (!tamperedRejected) throw new Error('an altered body verified');

    // Every delivery in the log is delivered, its attempts failed while the receiver was down,
    // and its webhook-id is the alert id on every attempt (the row keeps one message id). The
    // receiver holds a request before the gateway has its answer and records the row as
    // delivered, so the log is read once no row is left in flight.
    const listAll = async () => {
      const all = [];
      for (let after: number | undefined = 0; after !== undefined; ) {
        const page = await gw.store().listDeliveries(hook.body.id, { limit: 500, after });
        all.push(...page.items);
        after = page.next === null ? undefined : Number(page.next);
      }
      return all;
    };
    let deliveries = await listAll();
    const settledBy = Date.now() + 30_000;
    while (deliveries.some((d) => d.state === 'pending') && Date.now() < settledBy) {
      await new Promise((r) => setTimeout(r, 100));
      deliveries = await listAll();
    }
    const notDelivered = deliveries.filter((d) => d.state !== 'delivered');
    if (deliveries.length !== o.alerts || notDelivered.length > 0) throw new Error(`${deliveries.length} deliveries, ${notDelivered.length} not delivered`);
    if (deliveries.some((d) => d.messageId !== d.alertId)) throw new Error('a delivery changed its webhook-id');
    const failedAttempts = deliveries.reduce((n, d) => n + d.attempts - 1, 0);
    const all = [...wanted];
    if (all.some((id) => !delivered().has(id))) throw new Error('an alert is missing at the receiver');
    return {
      alerts: o.alerts,
      downMs: restartAt - downAt,
      receivedRequests: receiver.received.length,
      uniqueDelivered: delivered().size,
      duplicates: receiver.received.length - delivered().size,
      failedAttempts,
      maxAttemptsForOneDelivery: Math.max(...deliveries.map((d) => d.attempts)),
      drainMsAfterRestart: drainMs,
      verified,
      tamperedRejected,
      gatewayRssMb: Math.round(process.memoryUsage().rss / 1e6),
    };
  } finally {
    await receiver.stop();
    await gw.stop();
  }
}

/**
 * Group commit in the gateway, on the real broker with each Kafka client: alerts waiting on
 * every partition of supervisor.alerts when the gateway starts are stored in far fewer
 * transactions than handler calls (the partitions of a fetch are written together), none larger
 * than the bound, each alert exactly once, and streamed in cursor order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOPICS } from '../../services/engine/index.js';
import { GATEWAY_MAX_BATCH, GATEWAY_PARTITIONS_CONCURRENTLY, type Gateway } from '../../services/gateway/gateway.js';
import { createKafkaPort } from '../../services/shared/kafka/create-port.js';
import type { KafkaClientKind } from '../../services/shared/kafka/port.js';
import { testBrokers } from '../harness/brokers.js';
import { alertMessages, connectStream, DEV_TOKEN, makeAlert, startGateway, until } from '../harness/gateway-tools.js';
import { produce, resetTopics, testKafka } from '../harness/kafka-tools.js';

const brokers = testBrokers();
const kafka = testKafka(brokers);
const ALERTS = 1_500;

describe.each(['kafkajs', 'rdkafka'] as const)('gateway on %s', (client: KafkaClientKind) => {
  let gw: Gateway | undefined;
  let ids: string[] = [];
  let partitionsHolding = 0;

  beforeAll(async () => {
    await resetTopics(kafka);
    const alerts = Array.from({ length: ALERTS }, (_, i) => makeAlert({ platform: 'douyin', roomId: `room-${i % 24}` }));
    ids = alerts.map((a) => a.id);
    await produce(kafka, alertMessages(alerts));
    const admin = kafka.admin();
    await admin.connect();
    partitionsHolding = (await admin.fetchTopicOffsets(TOPICS.alerts)).filter((p) => Number(p.high) > 0).length;
    await admin.disconnect();
  });
  afterAll(async () => {
    await gw?.stop();
  });

  it('stores the calls of several partitions in one transaction, none over the bound, each alert once, streamed in cursor order', async () => {
    expect(partitionsHolding).toBeGreaterThan(2); // the keys spread the alerts, or the test says nothing
    gw = await startGateway(brokers, { kafka: await createKafkaPort(client, brokers) });
    await until(() => gw!.counters.alerts === ALERTS, 60_000, `${ALERTS} alerts stored`);
    // One transaction per handler call would take at least ALERTS / GATEWAY_MAX_BATCH (15);
    // none holds more than GATEWAY_MAX_BATCH × GATEWAY_PARTITIONS_CONCURRENTLY (600) alerts.
    expect(gw.counters.storeWrites).toBeLessThan(Math.ceil(ALERTS / GATEWAY_MAX_BATCH));
    expect(gw.counters.storeWrites).toBeGreaterThanOrEqual(Math.ceil(ALERTS / (GATEWAY_MAX_BATCH * GATEWAY_PARTITIONS_CONCURRENTLY)));
    expect(gw.counters.duplicates).toBe(0);

    // Everything stored once, and replayed from the start in cursor order.
    const ws = await connectStream(`${gw.url()}?token=${DEV_TOKEN}&since=0`);
    await ws.waitFor(() => ws.alerts().length === ALERTS, 60_000, 'replay of every alert');
    const frames = ws.alerts();
    expect(new Set(frames.map((f) => f.alert!.id))).toEqual(new Set(ids));
    const cursors = frames.map((f) => Number(f.cursor));
    expect(cursors).toEqual([...cursors].sort((a, b) => a - b));
    ws.close();
  });
});

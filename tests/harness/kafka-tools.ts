/**
 * Test-side Kafka tools on kafkajs directly (the system under test uses its own adapters):
 * recreate the supervisor topics, produce raw messages, and read a topic from the beginning.
 */
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Admin, type Producer } from 'kafkajs';
import { INPUT_TOPICS, TOPICS } from '../../services/engine/contracts/topics.js';
import { topicSpecs } from '../../services/shared/topics.js';

export type ReadRecord = { topic: string; partition: number; offset: string; key: string | null; value: Buffer | null; headers: Record<string, string> };

export function testKafka(brokers: string[]): Kafka {
  return new Kafka({ clientId: 'supervisor-tests', brokers, logLevel: logLevel.NOTHING, retry: { retries: 8 } });
}

const ALL = [...INPUT_TOPICS, TOPICS.alerts, TOPICS.dlq, TOPICS.state];

/** Deletes and recreates every supervisor topic, so a test file starts from empty topics. */
export async function resetTopics(kafka: Kafka, partitions = 6): Promise<void> {
  const admin: Admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const doomed = ALL.filter((t) => existing.has(t));
    if (doomed.length > 0) await admin.deleteTopics({ topics: doomed, timeout: 30_000 });
    for (let i = 0; i < 100; i++) {
      const left = (await admin.listTopics()).filter((t) => doomed.includes(t as never));
      if (left.length === 0) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const specs = topicSpecs(partitions);
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.createTopics({
          waitForLeaders: true,
          topics: specs.map((s) => ({ topic: s.topic, numPartitions: s.numPartitions, replicationFactor: 1, configEntries: Object.entries(s.configs ?? {}).map(([name, value]) => ({ name, value })) })),
        });
        break;
      } catch (err) {
        if (attempt >= 20) throw err;
        await new Promise((r) => setTimeout(r, 500)); // deletion still settling
      }
    }
  } finally {
    await admin.disconnect();
  }
}

export async function produce(kafka: Kafka, messages: Array<{ topic: string; key: string | null; value: string | Buffer | null }>): Promise<void> {
  const producer: Producer = kafka.producer();
  await producer.connect();
  try {
    const byTopic = new Map<string, Array<{ key: string | null; value: string | Buffer | null }>>();
    for (const m of messages) {
      let list = byTopic.get(m.topic);
      if (!list) byTopic.set(m.topic, (list = []));
      list.push({ key: m.key, value: m.value });
    }
    for (const [topic, list] of byTopic) {
      for (let i = 0; i < list.length; i += 1000) await producer.send({ topic, acks: -1, messages: list.slice(i, i + 1000) });
    }
  } finally {
    await producer.disconnect();
  }
}

/** Reads a topic from the beginning, continuously, until stop(). */
export async function readTopic(kafka: Kafka, topic: string) {
  const records: ReadRecord[] = [];
  const consumer = kafka.consumer({ groupId: `test-reader-${randomUUID()}`, maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ topic: t, partition, message }) => {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(message.headers ?? {})) if (v !== undefined) headers[k] = Buffer.isBuffer(v) ? v.toString('utf8') : String(v);
      records.push({ topic: t, partition, offset: message.offset, key: message.key?.toString('utf8') ?? null, value: message.value, headers });
    },
  });
  return {
    records,
    async waitUntil(done: (recs: ReadRecord[]) => boolean, timeoutMs = 60_000, what = 'records'): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      while (!done(records)) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} on ${topic} (${records.length} read)`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    stop: () => consumer.disconnect(),
  };
}

export const json = (r: ReadRecord): any => JSON.parse(r.value!.toString('utf8'));

/**
 * The broker the int project runs against really is Kafka: admin creates a topic, a producer
 * writes with acks=all and a consumer group reads the record back and commits it.
 */
import { randomUUID } from 'node:crypto';
import kafkajs from 'kafkajs';
import { afterAll, describe, expect, it } from 'vitest';
import { testBrokers } from '../harness/brokers.js';

const { Kafka, Partitioners, logLevel } = kafkajs;

describe('integration Kafka broker', () => {
  // NOTHING: the first group join on a fresh broker logs a transient "group coordinator is
  // not available" ERROR while __consumer_offsets is created; kafkajs retries it by itself.
  const kafka = new Kafka({ clientId: 'int-broker-check', brokers: testBrokers(), logLevel: logLevel.NOTHING });
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  });

  it('is also exported to workers as KAFKA_BROKERS', () => {
    expect(process.env.KAFKA_BROKERS?.split(',')).toEqual(testBrokers());
  });

  it('creates a topic, takes an acks=all write and serves it to a consumer group', async () => {
    const topic = `int-broker-check-${randomUUID()}`;
    const groupId = `${topic}-group`;
    const admin = kafka.admin();
    await admin.connect();
    cleanups.push(() => admin.disconnect());
    await admin.createTopics({ topics: [{ topic, numPartitions: 3, replicationFactor: 1 }], waitForLeaders: true });
    cleanups.push(() => admin.deleteTopics({ topics: [topic] }));

    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    cleanups.push(() => producer.disconnect());
    await producer.send({ topic, acks: -1, messages: [{ key: 'room-1', value: 'hello' }] });

    const consumer = kafka.consumer({ groupId });
    await consumer.connect();
    cleanups.push(() => consumer.disconnect());
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    const received = new Promise<{ partition: number; offset: string; value: string }>((resolve) => {
      void consumer.run({
        autoCommit: false,
        eachBatch: async ({ batch, resolveOffset, commitOffsetsIfNecessary }) => {
          for (const m of batch.messages) {
            resolveOffset(m.offset);
            resolve({ partition: batch.partition, offset: m.offset, value: m.value?.toString() ?? '' });
          }
          await commitOffsetsIfNecessary({
            topics: [{ topic, partitions: batch.messages.slice(-1).map((m) => ({ partition: batch.partition, offset: String(Number(m.offset) + 1) })) }],
          });
        },
      });
    });
    const record = await received;
    expect(record.value).toBe('hello');

    await consumer.stop();
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    const partition = committed?.partitions.find((p) => p.partition === record.partition);
    expect(partition?.offset).toBe(String(Number(record.offset) + 1));
  });
});

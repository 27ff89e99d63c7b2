/**
 * Watermarks and a consumer group's committed offsets, for consumer lag. The KafkaPort's Admin
 * has no offset queries, so this reads them through a small kafkajs admin client of its own
 * (kafkajs is a hard dependency and speaks to any broker, whichever adapter KAFKA_CLIENT picks
 * for consuming).
 */
import { Kafka, logLevel, type Admin as KjsAdmin } from 'kafkajs';

export type PartitionOffsets = {
  topic: string;
  partition: number;
  /** Log start offset. */
  low: number;
  /** High watermark: the offset the next record will get. */
  high: number;
  /** The group's committed offset (the next record it will read); null when none. */
  committed: number | null;
};

/** Reads watermarks and a group's committed offsets. */
export type OffsetsSource = {
  read(groupId: string, topics: readonly string[]): Promise<PartitionOffsets[]>;
  close(): Promise<void>;
};

const toNum = (s: string): number => Number(s);

/**
 * OffsetsSource on a dedicated kafkajs admin: short timeouts and one retry, so a broker outage
 * makes a refresh fail fast instead of piling up; connects lazily and again after a failure.
 */
export function kafkajsOffsetsSource(brokers: readonly string[], clientId = 'live-room-supervisor-lag'): OffsetsSource {
  const kafka = new Kafka({ clientId, brokers: [...brokers], logLevel: logLevel.NOTHING, connectionTimeout: 3_000, requestTimeout: 5_000, retry: { retries: 1, initialRetryTime: 200 } });
  let admin: KjsAdmin | null = null;
  const connected = async (): Promise<KjsAdmin> => {
    if (admin) return admin;
    const a = kafka.admin();
    await a.connect();
    admin = a;
    return a;
  };
  const drop = async () => {
    const a = admin;
    admin = null;
    await a?.disconnect().catch(() => undefined);
  };
  return {
    async read(groupId, topics) {
      try {
        const a = await connected();
        const out: PartitionOffsets[] = [];
        const committedByTopic = new Map<string, Map<number, number>>();
        for (const t of await a.fetchOffsets({ groupId, topics: [...topics] })) {
          const m = new Map<number, number>();
          for (const p of t.partitions) m.set(p.partition, toNum(p.offset));
          committedByTopic.set(t.topic, m);
        }
        for (const topic of topics) {
          const committed = committedByTopic.get(topic);
          for (const w of await a.fetchTopicOffsets(topic)) {
            const c = committed?.get(w.partition);
            out.push({ topic, partition: w.partition, low: toNum(w.low), high: toNum(w.high), committed: c === undefined || c < 0 ? null : c });
          }
        }
        return out;
      } catch (err) {
        await drop(); // reconnect on the next refresh
        throw err;
      }
    },
    close: drop,
  };
}

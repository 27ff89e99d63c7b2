/**
 * A consumer-group member in a process of its own, so a test can stall it (SIGSTOP) and let it
 * go on (SIGCONT) as a real pause would. It consumes MEMBER_TOPICS in MEMBER_GROUP with a
 * checkpoint every MEMBER_INTERVAL_MS whose flush only reports itself, and prints one JSON
 * line per event on stdout, stamped with its own clock (Date.now()):
 *   {"event":"assigned","at":…,"partitions":[…],"lost":…}   {"event":"flush","at":…}
 *   {"event":"consuming","at":…}
 * Env: KAFKA_CLIENT (kafkajs | rdkafka), KAFKA_BROKERS, MEMBER_GROUP, MEMBER_TOPICS (comma
 * separated), MEMBER_SESSION_MS, MEMBER_INTERVAL_MS. SIGTERM stops it cleanly.
 */
import { createKafkaPort } from '../../services/shared/kafka/create-port.js';
import type { KafkaClientKind } from '../../services/shared/kafka/port.js';

const env = (name: string): string => {
  const v = process.env[name];
  if (v === undefined || v === '') throw new Error(`${name} is not set`);
  return v;
};
const say = (event: string, extra: Record<string, unknown> = {}) => process.stdout.write(`${JSON.stringify({ event, at: Date.now(), ...extra })}\n`);

const port = await createKafkaPort(env('KAFKA_CLIENT') as KafkaClientKind, env('KAFKA_BROKERS').split(','), { clientId: 'checkpoint-member' });
const consumer = port.consumer({
  groupId: env('MEMBER_GROUP'),
  topics: env('MEMBER_TOPICS').split(','),
  sessionTimeoutMs: Number(env('MEMBER_SESSION_MS')),
  checkpoint: { intervalMs: Number(env('MEMBER_INTERVAL_MS')), flush: async () => void say('flush') },
  onAssignment: (tps, { lost }) => say('assigned', { partitions: tps.map((tp) => tp.partition).sort(), lost }),
});
process.once('SIGTERM', () => {
  void consumer.stop().finally(() => process.exit(0));
});
await consumer.run(async () => {});
say('consuming');

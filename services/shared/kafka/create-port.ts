/**
 * Picks the KafkaPort adapter (KAFKA_CLIENT). rdkafka.ts is imported lazily: node-rdkafka is
 * an optional native dependency, and loading the kafkajs path must never touch it.
 */
import type { Logger } from 'pino';
import { createKafkajsPort } from './kafkajs.js';
import type { KafkaClientKind, KafkaPort } from './port.js';

export async function createKafkaPort(
  kind: KafkaClientKind,
  brokers: string[],
  opts: { clientId?: string; log?: Logger } = {},
): Promise<KafkaPort> {
  if (kind === 'kafkajs') return createKafkajsPort({ brokers, ...opts });
  const { createRdkafkaPort } = await import('./rdkafka.js');
  return createRdkafkaPort({ brokers, ...opts });
}

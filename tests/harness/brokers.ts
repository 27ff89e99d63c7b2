import { inject } from 'vitest';
import { parseBrokerList } from '../../services/shared/kafka/resolve-broker.js';
// Type-only: brings in the ProvidedContext augmentation that types inject('kafkaBrokers').
import type {} from './global-setup.js';

/** The broker list of the integration run, from globalSetup (inject) or KAFKA_BROKERS. */
export function testBrokers(): string[] {
  const provided = inject('kafkaBrokers');
  if (provided && provided.length > 0) return provided;
  const fromEnv = parseBrokerList(process.env.KAFKA_BROKERS);
  if (fromEnv) return fromEnv;
  throw new Error('no Kafka broker: run the int project (its globalSetup starts one) or set KAFKA_BROKERS');
}

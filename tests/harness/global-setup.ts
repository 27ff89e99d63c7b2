/**
 * vitest globalSetup of the `int` project: one real Kafka broker for the whole run
 * (KAFKA_BROKERS, else a testcontainers container, else the local JDK broker), stopped in
 * teardown. Tests read it with testBrokers() from ./brokers.js.
 */
import type { TestProject } from 'vitest/node';
import { resolveBrokers } from '../../services/shared/kafka/resolve-broker.js';

declare module 'vitest' {
  export interface ProvidedContext {
    kafkaBrokers: string[];
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = Date.now();
  // KAFKA_PORT picks the local broker's port (default 9092), e.g. to test beside a running one.
  const port = Number(process.env.KAFKA_PORT ?? 9092);
  const target = await resolveBrokers({ local: { port }, log: (msg) => console.log(`[int] ${msg}`) });
  console.log(`[int] kafka ${target.source}: ${target.brokers.join(',')} (${Date.now() - started} ms)`);

  project.provide('kafkaBrokers', target.brokers);
  // Workers are forked after globalSetup and inherit the env, so code that reads
  // KAFKA_BROKERS itself (the CLI, services under test) finds the same broker.
  process.env.KAFKA_BROKERS = target.brokers.join(',');

  return async () => {
    await target.stop();
  };
}

import { defineConfig } from 'vitest/config';

// Two projects: `unit` (pure code, no broker) and `int` (a real Kafka broker from
// tests/harness/broker.ts: KAFKA_BROKERS, else testcontainers, else infra/kafka).
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['services/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/*.test.ts'] } },
      {
        test: {
          name: 'int',
          include: ['tests/integration/**/*.int.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          globalSetup: ['tests/harness/global-setup.ts'],
        },
      },
    ],
  },
});

/**
 * Opt-in acceptance run (npm run acceptance:webhooks): a webhook receiver stopped for
 * ACCEPT_DOWN_MS (default 5 minutes) while ACCEPT_ALERTS (default 500) alerts are raised, then
 * started. Uses KAFKA_BROKERS, else the local broker on KAFKA_PORT (default 39400). Prints figures as JSON.
 */
import { resolveBrokers } from '../../services/shared/kafka/resolve-broker.js';
import { resetTopics, testKafka } from '../harness/kafka-tools.js';
import { runWebhookOutage } from './webhook-outage.js';

const downMs = Number(process.env.ACCEPT_DOWN_MS ?? 300_000);
const alerts = Number(process.env.ACCEPT_ALERTS ?? 500);
const target = await resolveBrokers({ local: { port: Number(process.env.KAFKA_PORT ?? 39400) }, log: (m) => console.error(`[accept] ${m}`) });
try {
  await resetTopics(testKafka(target.brokers));
  const started = Date.now();
  // Production-shaped schedule, compressed only in its cap: 5 s first backoff doubling to 60 s.
  const figures = await runWebhookOutage({
    brokers: target.brokers,
    alerts,
    downMs,
    retry: { baseMs: 5_000, maxMs: 60_000, maxAttempts: 40, timeoutMs: 5_000 },
    log: (m) => console.error(`[accept] ${m} (+${Math.round((Date.now() - started) / 1000)} s)`),
  });
  console.log(JSON.stringify({ scenario: 'webhook receiver down while alerts are raised', ...figures, totalSeconds: Math.round((Date.now() - started) / 1000) }, null, 2));
} finally {
  await target.stop();
}
process.exit(0);

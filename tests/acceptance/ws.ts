/**
 * Opt-in acceptance run (npm run acceptance:ws): ACCEPT_CLIENTS (default 1,000) WebSocket
 * clients on loopback against a real `supervisor start --roles gateway` process, one of them not
 * reading. Reports the readers' latency, when and how the slow one was cut, and the gateway
 * process's RSS. Uses KAFKA_BROKERS, else the local broker on KAFKA_PORT (default 39400).
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolveBrokers } from '../../services/shared/kafka/resolve-broker.js';
import { DEV_TOKEN } from '../harness/gateway-tools.js';
import { resetTopics, testKafka } from '../harness/kafka-tools.js';
import { spawnSupervisor } from '../harness/supervisor-process.js';
import { readServerStats, runWsFanout } from './ws-fanout.js';

const env = (k: string, d: number) => Number(process.env[k] ?? d);
const target = await resolveBrokers({ local: { port: env('KAFKA_PORT', 39400) }, log: (m) => console.error(`[accept] ${m}`) });
const port = 19500 + Math.floor(Math.random() * 400);
const gw = spawnSupervisor(['start', '--roles', 'gateway'], {
  KAFKA_BROKERS: target.brokers.join(','),
  PORT: String(port),
  SUPERVISOR_DEV_TOKEN: DEV_TOKEN,
  SUPERVISOR_GATEWAY_GROUP: `gw-accept-${randomUUID()}`,
  LOG_LEVEL: 'info',
  ...(process.env.SUPERVISOR_WS_MAX_BUFFERED_BYTES ? { SUPERVISOR_WS_MAX_BUFFERED_BYTES: process.env.SUPERVISOR_WS_MAX_BUFFERED_BYTES } : {}),
});
const rssMb = () => {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${gw.proc.pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : 0;
  } catch {
    return 0;
  }
};
try {
  await resetTopics(testKafka(target.brokers));
  await gw.waitFor(/"gateway listening"/, 60_000);
  const started = Date.now();
  const figures = await runWsFanout({
    brokers: target.brokers,
    target: {
      wsUrl: `ws://127.0.0.1:${port}/v1/stream`,
      token: DEV_TOKEN,
      rssMb,
      cuts: () => readServerStats(`http://127.0.0.1:${port}`, DEV_TOKEN),
    },
    clients: env('ACCEPT_CLIENTS', 1000),
    alerts: env('ACCEPT_ALERTS', 1200),
    ratePerSec: env('ACCEPT_RATE', 20),
    padBytes: env('ACCEPT_PAD_BYTES', 2000),
    log: (m) => console.error(`[accept] ${m} (+${Math.round((Date.now() - started) / 1000)} s)`),
  });
  console.log(JSON.stringify({ scenario: 'WebSocket fan-out with one client not reading', ...figures, totalSeconds: Math.round((Date.now() - started) / 1000) }, null, 2));
} finally {
  await gw.kill();
  await target.stop();
}
process.exit(0);

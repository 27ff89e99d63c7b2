/**
 * `supervisor start [--roles worker,gateway] [--demo]`: ordered steps with guaranteed teardown.
 * broker (KAFKA_BROKERS, else a container, else the local broker from infra/kafka) → kafka
 * client → topics → worker → gateway → demo feed. Ctrl-C (SIGINT/SIGTERM) stops everything in
 * reverse, the local broker last.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { INPUT_TOPICS, type Ruleset } from '../engine/index.js';
import { createGateway } from '../gateway/gateway.js';
import { createKafkaPort } from '../shared/kafka/create-port.js';
import type { KafkaPort } from '../shared/kafka/port.js';
import { resolveBrokers } from '../shared/kafka/resolve-broker.js';
import type { Logger } from '../shared/log.js';
import { DEFAULT_SEEDS_DIR } from '../shared/rules-fs.js';
import { runSteps, type Step } from '../shared/steps.js';
import { ensureTopics } from '../shared/topics.js';
import type { WorkerCounters } from '../worker/handle-batch.js';
import { createWorkerHttp } from '../worker/http.js';
import { createWorker, DEFAULT_WORKER_GROUP } from '../worker/worker.js';
import type { Config } from './config.js';
import { feed } from './feed.js';

export const ROLES = ['worker', 'gateway'] as const;
export type Role = (typeof ROLES)[number];

export type StartOptions = { roles: Role[]; demo: boolean; demoSpeed: number; ruleset(): Ruleset };

export async function start(config: Config, opts: StartOptions, log: Logger, signal: AbortSignal): Promise<void> {
  let kafka: KafkaPort | null = null;
  let brokers: string[] = [];
  const k = () => kafka!;
  const steps: Step[] = [];
  let stopBroker: () => Promise<void> = async () => {};
  let workerCounters: WorkerCounters | null = null;

  steps.push({
    name: 'broker',
    async start() {
      const env = { ...(config.KAFKA_BROKERS ? { KAFKA_BROKERS: config.KAFKA_BROKERS } : {}), ...(config.KAFKA_VERSION ? { KAFKA_VERSION: config.KAFKA_VERSION } : {}) };
      const local = { port: config.KAFKA_PORT, ...(config.KAFKA_CONTROLLER_PORT ? { controllerPort: config.KAFKA_CONTROLLER_PORT } : {}) };
      const resolved = await resolveBrokers({ env, local, log: (m) => log.info(m) });
      brokers = resolved.brokers;
      stopBroker = resolved.stop;
      log.info({ brokers, source: resolved.source }, 'kafka broker ready');
    },
    stop: () => stopBroker(),
  });
  steps.push({
    name: 'kafka-client',
    async start() {
      kafka = await createKafkaPort(config.KAFKA_CLIENT, brokers, { log });
    },
    async stop() {},
  });
  steps.push({
    name: 'topics',
    async start() {
      const admin = await k().admin();
      try {
        const r = await ensureTopics(admin, config.SUPERVISOR_PARTITIONS);
        log.info(r, 'topics ensured');
      } finally {
        await admin.close();
      }
    },
    async stop() {},
  });
  if (opts.roles.includes('worker')) {
    let worker: ReturnType<typeof createWorker> | null = null;
    let consuming = false;
    if (!opts.roles.includes('gateway')) {
      // Alone, the worker answers probes and scrapes itself (with the gateway, the gateway does).
      const http = createWorkerHttp({
        counters: () => workerCounters,
        view: { partitions: () => worker?.assigned().length ?? 0, rooms: () => worker?.rooms.size() ?? 0, rulesetVersion: () => opts.ruleset().version },
        consuming: () => consuming,
        tokens: [config.SUPERVISOR_METRICS_TOKEN, config.devTokenGenerated ? undefined : config.devToken].filter((t): t is string => t !== undefined),
        port: config.PORT,
        host: config.HOST,
        log,
      });
      steps.push({ name: 'worker-http', start: () => http.start(), stop: () => http.stop() });
    }
    steps.push({
      name: 'worker',
      async start() {
        worker = createWorker({
          kafka: k(),
          ruleset: opts.ruleset,
          log,
          ...(config.SUPERVISOR_WORKER_GROUP ? { groupId: config.SUPERVISOR_WORKER_GROUP } : {}),
          ...(config.SUPERVISOR_MAX_ROOMS ? { maxRooms: config.SUPERVISOR_MAX_ROOMS } : {}),
          ...(config.SUPERVISOR_CHECKPOINT_MS !== undefined ? { checkpointMs: config.SUPERVISOR_CHECKPOINT_MS } : {}),
          ...(config.SUPERVISOR_CHECKPOINT_IDLE_MS !== undefined ? { checkpointIdleMs: config.SUPERVISOR_CHECKPOINT_IDLE_MS } : {}),
          ...(config.SUPERVISOR_WORKER_SESSION_MS !== undefined ? { sessionTimeoutMs: config.SUPERVISOR_WORKER_SESSION_MS } : {}),
        });
        workerCounters = worker.counters;
        await worker.start();
        consuming = true;
      },
      async stop() {
        consuming = false;
        await worker?.stop();
      },
    });
  }
  if (opts.roles.includes('gateway')) {
    let gateway: ReturnType<typeof createGateway> | null = null;
    steps.push({
      name: 'gateway',
      async start() {
        gateway = createGateway({
          kafka: k(),
          log,
          devToken: config.devToken,
          dataDir: config.SUPERVISOR_DATA_DIR,
          webhookAllow: config.webhookAllow,
          ...(config.webhookRetry ? { retry: config.webhookRetry } : {}),
          ...(config.SUPERVISOR_WS_MAX_BUFFERED_BYTES ? { maxBufferedBytes: config.SUPERVISOR_WS_MAX_BUFFERED_BYTES } : {}),
          worker: () => workerCounters,
          // The worker's input lag is the broker's to tell, wherever the worker runs.
          lagGroups: [{ groupId: config.SUPERVISOR_WORKER_GROUP || DEFAULT_WORKER_GROUP, topics: INPUT_TOPICS }],
          port: config.PORT,
          host: config.HOST,
          ...(config.SUPERVISOR_GATEWAY_GROUP ? { groupId: config.SUPERVISOR_GATEWAY_GROUP } : {}),
        });
        await gateway.start();
        const host = config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST;
        const url = gateway.url().replace(/ws:\/\/[^:]+:/, `ws://${host}:`);
        process.stdout.write(
          `\n  WebSocket: ${url}\n  HTTP API:  ${url.replace(/^ws:/, 'http:').replace(/\/v1\/stream$/, '/v1/alerts')}   (OpenAPI: /v1/openapi.json; docs/stream-protocol.md, docs/webhooks.md)` +
            `\n  Token:     ${config.devToken}${config.devTokenGenerated ? '   (generated; set SUPERVISOR_DEV_TOKEN to fix it)' : ''}\n` +
            `  Try:       uwsc '${url}?token=${config.devToken}'\n\n`,
        );
      },
      stop: async () => gateway?.stop(),
    });
  }
  if (opts.demo) {
    const feedAbort = new AbortController();
    let running: Promise<number> | null = null;
    steps.push({
      name: 'demo-feed',
      async start() {
        const dir = join(DEFAULT_SEEDS_DIR, 'sessions');
        const files = readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort().map((f) => join(dir, f));
        const producer = await k().producer();
        log.info({ files: files.length, speed: opts.demoSpeed }, 'demo feed looping');
        running = feed(files, producer, {
          speed: opts.demoSpeed,
          loop: true,
          signal: feedAbort.signal,
          onRound: (file, round, sent) => log.info({ file, round, events: sent }, 'demo session sent'),
        })
          .catch((err: unknown) => {
            log.error({ err }, 'demo feed failed');
            return 0;
          })
          .finally(() => producer.close());
      },
      async stop() {
        feedAbort.abort();
        await running;
      },
    });
  }
  await runSteps(steps, signal, log);
}

/**
 * The gateway role: supervisor.alerts → WebSocket hub, plus the HTTP surface (/healthz,
 * /readyz, /v1/stream). Alerts read back from Kafka are validated (another role, maybe
 * another version, wrote them); an unreadable one is counted and skipped, never fatal.
 */
import { createServer, type Server } from 'node:http';
import { AlertEnvelopeSchema, TOPICS } from '../engine/index.js';
import type { KafkaPort, RawRecord } from '../shared/kafka/port.js';
import type { Logger } from '../shared/log.js';
import type { Step } from '../shared/steps.js';
import type { Authenticator } from './auth.js';
import { createHub } from './hub/hub.js';

export const DEFAULT_PORT = 8080;
export const DEFAULT_GATEWAY_GROUP = 'supervisor-gateway';

export type GatewayOptions = {
  kafka: KafkaPort;
  auth: Authenticator;
  log: Logger;
  port: number;
  host?: string;
  groupId?: string;
  heartbeatMs?: number;
};

export type Gateway = Step & { url(): string; hub: ReturnType<typeof createHub>; counters: { alerts: number; invalid: number } };

export function createGateway(opts: GatewayOptions): Gateway {
  const log = opts.log.child({ component: 'gateway' });
  const hub = createHub({ auth: opts.auth, log: opts.log, ...(opts.heartbeatMs ? { heartbeatMs: opts.heartbeatMs } : {}) });
  const counters = { alerts: 0, invalid: 0 };
  let ready = false;
  let server: Server | null = null;
  let boundPort = opts.port;

  const consumer = opts.kafka.consumer({ groupId: opts.groupId ?? DEFAULT_GATEWAY_GROUP, topics: [TOPICS.alerts], fromBeginning: false });

  async function onBatch(batch: readonly RawRecord[]): Promise<void> {
    for (const rec of batch) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(rec.value?.toString('utf8') ?? '');
      } catch {
        parsed = undefined;
      }
      const alert = AlertEnvelopeSchema.safeParse(parsed);
      if (!alert.success) {
        counters.invalid++;
        log.warn({ partition: rec.partition, offset: rec.offset }, 'invalid alert skipped');
        continue;
      }
      counters.alerts++;
      hub.broadcast(alert.data, `${rec.partition}:${rec.offset}`, rec.headers['alert-kind'] === 'update' ? 'alert.update' : 'alert');
    }
  }

  return {
    name: 'gateway',
    hub,
    counters,
    url: () => `ws://${opts.host ?? '127.0.0.1'}:${boundPort}/v1/stream`,
    async start() {
      server = createServer((req, res) => {
        const path = new URL(req.url ?? '/', 'http://localhost').pathname;
        const json = (status: number, body: unknown) => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(body));
        };
        if (path === '/healthz') return json(200, { status: 'ok' });
        if (path === '/readyz') return json(ready ? 200 : 503, { status: ready ? 'ready' : 'starting', clients: hub.clients() });
        return json(404, { error: 'NOT_FOUND', message: `no route ${path}` });
      });
      hub.attach(server);
      const srv = server;
      await new Promise<void>((resolve, reject) => {
        srv.once('error', reject);
        srv.listen(opts.port, opts.host ?? '0.0.0.0', () => resolve());
      });
      const addr = srv.address();
      if (addr !== null && typeof addr === 'object') boundPort = addr.port;
      await consumer.run(onBatch);
      ready = true;
      log.info({ port: boundPort }, 'gateway listening');
    },
    async stop() {
      ready = false;
      await consumer.stop();
      await hub.close();
      if (server) {
        server.closeAllConnections();
        await new Promise<void>((r) => server!.close(() => r()));
      }
    },
  };
}

/**
 * A worker running alone (`supervisor start --roles worker`) answers probes and Prometheus
 * scrapes on its own port, as the gateway does for a process that holds both roles:
 *   GET /healthz  no token: the process answers
 *   GET /readyz   no token: 200 once the consumer runs, 503 before and while stopping
 *   GET /metrics  Bearer token (SUPERVISOR_METRICS_TOKEN or SUPERVISOR_DEV_TOKEN): the worker's
 *                 counters (shared/worker-metrics.ts), its partitions, rooms and ruleset version,
 *                 and the process's default metrics
 * Every other path is a 404, every other method a 405, each with a JSON `{ error, message }`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { collectDefaultMetrics, Registry } from 'prom-client';
import type { Logger } from '../shared/log.js';
import { bearerOf, digestOf, matchesDigest } from '../shared/secret.js';
import { registerWorkerMetrics, registerWorkerProcessMetrics, type WorkerCountersView, type WorkerProcessView } from '../shared/worker-metrics.js';

export type WorkerHttpOptions = {
  /** The worker's counters, null until it has started. */
  counters(): WorkerCountersView | null;
  view: WorkerProcessView;
  /** Whether the worker's consumer runs (readiness). */
  consuming(): boolean;
  /** Tokens that may read /metrics; none means /metrics refuses every request. */
  tokens: readonly string[];
  port: number;
  host: string;
  log: Logger;
  /** Node's default process metrics (off in unit tests that read exact samples). */
  defaults?: boolean;
};

function send(res: ServerResponse, status: number, body: unknown, contentType = 'application/json; charset=utf-8'): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  res.end(text);
}

export function createWorkerHttp(opts: WorkerHttpOptions) {
  const registry = new Registry();
  if (opts.defaults !== false) collectDefaultMetrics({ register: registry, prefix: 'supervisor_' });
  registerWorkerMetrics(registry, opts.counters);
  registerWorkerProcessMetrics(registry, opts.view);
  const allowed = opts.tokens.map(digestOf);
  const authorised = (token: string) => allowed.some((d) => matchesDigest(token, d));

  const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => Promise<void> | void> = {
    '/healthz': (_req, res) => send(res, 200, { status: 'ok' }),
    '/readyz': (_req, res) => {
      const consumer = opts.consuming();
      send(res, consumer ? 200 : 503, { status: consumer ? 'ready' : 'not-ready', checks: { consumer } });
    },
    '/metrics': async (req, res) => {
      const token = bearerOf(req.headers.authorization);
      if (token === null) return send(res, 401, { error: 'AUTH_MISSING', message: 'no token: send Authorization: Bearer <token> (SUPERVISOR_METRICS_TOKEN or SUPERVISOR_DEV_TOKEN)' });
      if (!authorised(token)) return send(res, 401, { error: 'TOKEN_UNKNOWN', message: 'token is not valid' });
      send(res, 200, await registry.metrics(), registry.contentType);
    },
  };

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const route = routes[path];
    if (route === undefined) return send(res, 404, { error: 'NOT_FOUND', message: `no route ${path}; a worker serves /healthz, /readyz and /metrics` });
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      return send(res, 405, { error: 'METHOD_NOT_ALLOWED', message: `${req.method} ${path}: only GET` });
    }
    Promise.resolve(route(req, res)).catch((err: unknown) => {
      opts.log.error({ err, path }, 'worker http request failed');
      if (!res.headersSent) send(res, 500, { error: 'INTERNAL', message: 'the request failed; see the worker log' });
    });
  });

  return {
    registry,
    url: () => {
      const a = server.address() as AddressInfo | null;
      const host = opts.host === '0.0.0.0' || opts.host === '::' ? '127.0.0.1' : opts.host;
      return a === null ? null : `http://${host}:${a.port}`;
    },
    async start(): Promise<void> {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(opts.port, opts.host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      if (opts.tokens.length === 0) opts.log.warn('worker /metrics: no SUPERVISOR_METRICS_TOKEN or SUPERVISOR_DEV_TOKEN is set, so it refuses every scrape');
      opts.log.info({ port: (server.address() as AddressInfo).port }, 'worker http listening');
    },
    async stop(): Promise<void> {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

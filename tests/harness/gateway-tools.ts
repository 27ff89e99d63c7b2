/**
 * Test-side tools for the gateway: an in-process gateway on the real broker (fresh data dir and
 * consumer group), alert envelopes to produce onto supervisor.alerts, a real HTTP webhook
 * receiver that can be stopped and started on the same port, a WebSocket client that collects
 * frames, and a small HTTP client.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import WebSocket from 'ws';
import type { AlertEnvelope } from '../../services/engine/contracts/alert.js';
import { createGateway, type Gateway, type GatewayOptions } from '../../services/gateway/gateway.js';
import { createKafkaPort } from '../../services/shared/kafka/create-port.js';

export const DEV_TOKEN = 'gateway-test-dev-token-0123456789';

export const tempDir = (prefix = 'supervisor-gw-') => mkdtempSync(join(tmpdir(), prefix));

export async function startGateway(brokers: string[], over: Partial<GatewayOptions> = {}): Promise<Gateway> {
  const kafka = await createKafkaPort('kafkajs', brokers);
  const gw = createGateway({
    kafka,
    log: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    port: 0,
    host: '127.0.0.1',
    dataDir: tempDir(),
    devToken: DEV_TOKEN,
    groupId: `gw-test-${randomUUID()}`,
    webhookAllow: ['127.0.0.1'],
    ...over,
  });
  await gw.start();
  return gw;
}

let seq = 0;
/** A valid alert envelope; ids are unique per call unless given. */
export function makeAlert(o: {
  platform: string | null;
  roomId?: string;
  id?: string;
  category?: AlertEnvelope['data']['category'];
  severity?: AlertEnvelope['data']['severity'];
  occurrences?: number;
  /** Bytes of filler evidence, to make frames the size of real alerts with excerpts. */
  padBytes?: number;
}): AlertEnvelope {
  const n = ++seq;
  const roomId = o.roomId ?? `room-${o.platform ?? 'none'}-${n % 7}`;
  const at = new Date().toISOString();
  return {
    specversion: '1.0',
    id: o.id ?? `t${randomUUID().replace(/-/g, '').slice(0, 21)}`,
    source: 'supervisor/engine',
    type: 'supervisor.alert.v1',
    subject: roomId,
    time: at,
    datacontenttype: 'application/json',
    data: {
      ruleId: 'AD.ABSOLUTE_TERMS',
      ruleVersion: 1,
      rulesetVersion: 'test',
      category: o.category ?? 'violation',
      severity: o.severity ?? 'medium',
      title: '绝对化用语',
      summary: `test alert ${n}`,
      legalBasis: [{ law: '广告法', article: '第九条' }],
      room: { roomId, sessionId: `s-${roomId}`, platform: o.platform, streamerId: null },
      occurrences: o.occurrences ?? 1,
      firstSeen: at,
      lastSeen: at,
      evidence: { trigger: { topic: 'live.transcript', partition: 0, offset: n }, events: [], matches: [], values: o.padBytes ? { pad: 'x'.repeat(o.padBytes) } : {} },
      detectedAt: at,
    },
  };
}

export const alertMessages = (alerts: readonly AlertEnvelope[]) => alerts.map((a) => ({ topic: 'supervisor.alerts', key: a.subject, value: JSON.stringify(a) }));

export type Received = { headers: Record<string, string>; body: string; at: number };

/** A webhook receiver on a fixed port: `status` decides the answer; stop() refuses connections. */
export function createReceiver(opts: { status?: (req: IncomingMessage, body: string) => number; delayMs?: number } = {}) {
  const received: Received[] = [];
  let server: Server | null = null;
  let port = 0;
  const sockets = new Set<import('node:net').Socket>();
  return {
    received,
    get port() {
      return port;
    },
    url: (path = '/hook') => `http://127.0.0.1:${port}${path}`,
    async start(): Promise<void> {
      server = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
          const answer = () => {
            received.push({ headers, body, at: Date.now() });
            res.writeHead(opts.status?.(req, body) ?? 204);
            res.end();
          };
          if (opts.delayMs) setTimeout(answer, opts.delayMs);
          else answer();
        });
      });
      server.on('connection', (s) => {
        sockets.add(s);
        s.on('close', () => sockets.delete(s));
      });
      const srv = server;
      await new Promise<void>((resolve, reject) => {
        srv.once('error', reject);
        srv.listen(port, '127.0.0.1', () => resolve());
      });
      port = (srv.address() as AddressInfo).port;
    },
    async stop(): Promise<void> {
      const srv = server;
      server = null;
      if (!srv) return;
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => srv.close(() => r()));
    },
  };
}

export type Frame = { type: string; cursor?: string; alert?: AlertEnvelope; status?: string; [k: string]: unknown };

/** Opens a WebSocket and collects its frames; rejects on a refused upgrade with the status. */
export async function connectStream(url: string, headers: Record<string, string> = {}) {
  const frames: Frame[] = [];
  const ws = new WebSocket(url, { headers });
  ws.on('message', (d) => frames.push(JSON.parse(d.toString()) as Frame));
  const closed = new Promise<{ code: number; reason: string }>((r) => ws.once('close', (code, reason) => r({ code, reason: reason.toString() })));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', (_req, res) => reject(Object.assign(new Error(`upgrade refused: ${res.statusCode}`), { status: res.statusCode })));
    ws.once('error', reject);
  });
  return {
    ws,
    frames,
    closed,
    alerts: () => frames.filter((f) => f.type === 'alert'),
    async waitFor(pred: (frames: Frame[]) => boolean, timeoutMs = 30_000, what = 'frames'): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      while (!pred(frames)) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (${frames.length} frames)`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    close: () => ws.close(),
  };
}

/** Status of a WebSocket upgrade attempt (101 when it opened). */
export function upgradeStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('open', () => (ws.close(), resolve(101)));
    ws.on('error', () => resolve(-1));
  });
}

export function http(base: string) {
  return async (method: string, path: string, token: string | null, body?: unknown): Promise<{ status: number; body: any }> => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text.length ? JSON.parse(text) : null;
    } catch {
      /* not JSON (metrics) */
    }
    return { status: res.status, body: parsed };
  };
}

export async function until(pred: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await pred())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

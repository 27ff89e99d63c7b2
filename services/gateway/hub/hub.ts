/**
 * The WebSocket hub at /v1/stream. Authenticates the upgrade (Bearer header or `token` query),
 * sends a hello frame, then every alert the client may see as
 *   {"type":"alert"|"alert.update","cursor":"<partition>:<offset>","alert":{…}}
 * serialised once per broadcast. Lossy on purpose: a client whose send buffer passes the limit
 * is cut (close code 4008) and resumes from its cursor. Ping every 30 s; a client that missed a
 * pong is terminated (the ws README heartbeat).
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, WebSocket } from 'ws';
import type { AlertEnvelope } from '../../engine/index.js';
import type { Logger } from '../../shared/log.js';
import { canSee, tokenOf, type Authenticator, type Principal } from '../auth.js';

export const STREAM_PATH = '/v1/stream';
export const DEFAULT_HEARTBEAT_MS = 30_000;
export const DEFAULT_MAX_BUFFERED_BYTES = 4 * 1024 * 1024;
export const MAX_CLIENT_FRAME_BYTES = 16 * 1024;
export const CLOSE_SLOW_CONSUMER = 4008;

type Client = { ws: WebSocket; principal: Principal; alive: boolean };

export type HubOptions = { auth: Authenticator; log: Logger; heartbeatMs?: number; maxBufferedBytes?: number };

export type Hub = ReturnType<typeof createHub>;

export function createHub(opts: HubOptions) {
  const log = opts.log.child({ component: 'gateway.hub' });
  const maxBuffered = opts.maxBufferedBytes ?? DEFAULT_MAX_BUFFERED_BYTES;
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_CLIENT_FRAME_BYTES, clientTracking: false });
  const clients = new Set<Client>();
  const stats = { connected: 0, refused: 0, cut: 0, sent: 0 };

  const heartbeat = setInterval(() => {
    for (const c of clients) {
      if (!c.alive) {
        c.ws.terminate();
        continue;
      }
      c.alive = false;
      c.ws.ping();
    }
  }, opts.heartbeatMs ?? DEFAULT_HEARTBEAT_MS);
  heartbeat.unref();

  function refuse(socket: Duplex, status: number, reason: string): void {
    stats.refused++;
    socket.write(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\n${reason}\n`);
    socket.destroy();
  }

  function onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path !== STREAM_PATH) return refuse(socket, 404, 'Not Found');
    const token = tokenOf(req);
    const principal = token === null ? null : opts.auth(token);
    if (principal === null) return refuse(socket, 401, 'Unauthorized');
    wss.handleUpgrade(req, socket, head, (ws) => {
      const client: Client = { ws, principal, alive: true };
      clients.add(client);
      stats.connected++;
      ws.on('pong', () => (client.alive = true));
      ws.on('close', () => clients.delete(client));
      ws.on('error', (err) => log.debug({ err }, 'client socket error'));
      ws.on('message', () => {
        // Subscribe/filter frames arrive with the alert-delivery work; ignored for now.
      });
      ws.send(JSON.stringify({ type: 'hello', protocol: 1, role: principal.role }));
    });
  }

  return {
    attach(server: Server): void {
      server.on('upgrade', onUpgrade);
    },
    broadcast(alert: AlertEnvelope, cursor: string, kind: 'alert' | 'alert.update' = 'alert'): void {
      if (clients.size === 0) return;
      const frame = JSON.stringify({ type: kind, cursor, alert });
      for (const c of clients) {
        if (c.ws.readyState !== WebSocket.OPEN || !canSee(c.principal, alert)) continue;
        if (c.ws.bufferedAmount > maxBuffered) {
          stats.cut++;
          log.warn({ tokenId: c.principal.tokenId, buffered: c.ws.bufferedAmount }, 'slow client cut');
          c.ws.close(CLOSE_SLOW_CONSUMER, 'slow consumer: resume from your last cursor');
          c.ws.terminate();
          clients.delete(c);
          continue;
        }
        c.ws.send(frame);
        stats.sent++;
      }
    },
    clients: () => clients.size,
    stats,
    async close(): Promise<void> {
      clearInterval(heartbeat);
      for (const c of clients) c.ws.close(1001, 'server shutting down');
      clients.clear();
      await new Promise<void>((r) => wss.close(() => r()));
    },
  };
}

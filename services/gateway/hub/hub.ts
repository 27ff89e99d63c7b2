/**
 * The WebSocket hub at /v1/stream (protocol: docs/stream-protocol.md). Authenticates the upgrade
 * (Bearer header or `token` query), sends a hello frame, then every change the client may see
 * (tenancy first, then its filter) as
 *   {"type":"alert"|"alert.update","cursor":"<seq>","status":"open",…,"alert":{…}}
 * serialised once per broadcast. The cursor is the store's change sequence, so `since=<cursor>`
 * replays what was missed from the store, then continues live with no gap and no repeat:
 * while a client replays, live changes for it are buffered and flushed after the replay,
 * skipping what the replay already sent.
 *
 * Lossy on purpose (STYLE §13): a client whose send buffer passes the limit is cut with close
 * code 4008 and resumes from its cursor. Ping every heartbeat; a client that missed a pong is
 * terminated (the ws README heartbeat).
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, WebSocket } from 'ws';
import { z } from 'zod';
import type { Logger } from '../../shared/log.js';
import type { Change } from '../../store/types.js';
import { tokenOf, type Authenticator } from '../auth.js';
import { canSee, type Principal } from '../policy.js';
import { ClientFrameSchema, decodeStreamQuery, matchesStream, type StreamFilter } from './filter.js';

export const STREAM_PATH = '/v1/stream';
export const PROTOCOL_VERSION = 1;
export const DEFAULT_HEARTBEAT_MS = 30_000;
export const DEFAULT_MAX_BUFFERED_BYTES = 4 * 1024 * 1024;
export const MAX_CLIENT_FRAME_BYTES = 16 * 1024;
export const REPLAY_PAGE = 500;
/** Live changes held for a client while it replays; past this the replay just reads further. */
export const MAX_REPLAY_BUFFER = 10_000;
/** How long a cut client gets to read the close frame before its socket is destroyed. */
export const DEFAULT_CUT_GRACE_MS = 2_000;

export const CLOSE_CODES = {
  SERVER_SHUTDOWN: 1001,
  POLICY: 1008,
  TOO_BIG: 1009,
  SLOW_CONSUMER: 4008,
} as const;

export type HubStore = { changesSince(since: number, limit: number): Promise<Change[]>; headSeq(): Promise<number> };

export type HubOptions = {
  auth: Authenticator;
  store: HubStore;
  log: Logger;
  heartbeatMs?: number;
  maxBufferedBytes?: number;
  cutGraceMs?: number;
};

type Client = {
  ws: WebSocket;
  principal: Principal;
  filter: StreamFilter;
  alive: boolean;
  /** Seq of the last change sent (or skipped by the filter) to this client. */
  cursor: number;
  replaying: boolean;
  buffer: Change[] | null;
  overflowed: boolean;
  cut: boolean;
};

export type HubStats = { connected: number; refused: number; cut: number; timedOut: number; sent: number; replayed: number };

export type Hub = ReturnType<typeof createHub>;

/**
 * The frame of a change; built once per broadcast, sent to every client that may see it. The
 * alert's stored JSON text, when the change carries it, is spliced in rather than serialised again.
 */
export function toFrame(c: Change): string {
  const head = { type: c.kind, cursor: String(c.seq), status: c.status, ...(c.action ? { action: c.action } : {}) };
  if (c.envelope === undefined) return JSON.stringify({ ...head, alert: c.alert });
  return `${JSON.stringify(head).slice(0, -1)},"alert":${c.envelope}}`;
}

export function createHub(opts: HubOptions) {
  const log = opts.log.child({ component: 'gateway.hub' });
  const maxBuffered = opts.maxBufferedBytes ?? DEFAULT_MAX_BUFFERED_BYTES;
  const heartbeatMs = opts.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
  const cutGraceMs = opts.cutGraceMs ?? DEFAULT_CUT_GRACE_MS;
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_CLIENT_FRAME_BYTES, clientTracking: false });
  const clients = new Set<Client>();
  const stats: HubStats = { connected: 0, refused: 0, cut: 0, timedOut: 0, sent: 0, replayed: 0 };

  const heartbeat = setInterval(() => {
    for (const c of clients) {
      if (!c.alive) {
        stats.timedOut++;
        clients.delete(c);
        log.warn({ tokenId: c.principal.tokenId, cursor: c.cursor }, 'client missed a heartbeat; terminated');
        c.ws.terminate();
        continue;
      }
      c.alive = false;
      c.ws.ping();
    }
  }, heartbeatMs);
  heartbeat.unref();

  function refuse(socket: Duplex, status: number, reason: string, message: string): void {
    stats.refused++;
    const body = JSON.stringify({ error: reason, message });
    socket.write(`HTTP/1.1 ${status} ${status === 401 ? 'Unauthorized' : status === 400 ? 'Bad Request' : 'Not Found'}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    socket.destroy();
  }

  function cut(c: Client, why: string): void {
    if (c.cut) return;
    c.cut = true;
    stats.cut++;
    clients.delete(c);
    log.warn({ tokenId: c.principal.tokenId, buffered: c.ws.bufferedAmount, cursor: c.cursor, why }, 'slow client cut');
    // The close frame queues behind what the client has not read; if it does not drain within
    // the grace period, the socket is destroyed (the client then sees 1006) — resume either way.
    c.ws.close(CLOSE_CODES.SLOW_CONSUMER, 'slow consumer: reconnect with since=<last cursor>');
    setTimeout(() => c.ws.terminate(), cutGraceMs).unref();
  }

  /** Sends a change to one client if it may see it; false when the client was cut instead. */
  function deliver(c: Client, change: Change, frame: Buffer | null): boolean {
    if (change.seq <= c.cursor) return true;
    c.cursor = change.seq;
    if (!canSee(c.principal, change.alert) || !matchesStream(c.filter, change.alert)) return true;
    if (c.ws.bufferedAmount > maxBuffered) {
      cut(c, 'send buffer over limit');
      return false;
    }
    // A Buffer sent as a text frame: encoded once per broadcast, not once per client.
    c.ws.send(frame ?? Buffer.from(toFrame(change)), { binary: false });
    stats.sent++;
    return true;
  }

  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  /** Replays changes after c.cursor from the store, then flushes what arrived live meanwhile. */
  async function replay(c: Client): Promise<void> {
    c.replaying = true;
    c.buffer = [];
    c.overflowed = false;
    let count = 0;
    try {
      for (;;) {
        const page = await opts.store.changesSince(c.cursor, REPLAY_PAGE);
        for (const ch of page) {
          if (c.cut || c.ws.readyState !== WebSocket.OPEN) return;
          // Replay waits for the client rather than cutting it at once: it asked for the backlog.
          let waited = 0;
          while (c.ws.bufferedAmount > maxBuffered / 2 && waited < 30_000 && c.ws.readyState === WebSocket.OPEN) {
            await sleep(20);
            waited += 20;
          }
          if (!deliver(c, ch, null)) return;
          count++;
        }
        if (page.length < REPLAY_PAGE) {
          if (!c.overflowed) break;
          c.overflowed = false; // live changes were dropped from the buffer: read them from the store
          c.buffer = [];
        }
      }
      const held = c.buffer;
      c.buffer = null;
      c.replaying = false;
      for (const ch of held) if (!deliver(c, ch, null)) return;
      stats.replayed += count;
      if (c.ws.readyState === WebSocket.OPEN) c.ws.send(JSON.stringify({ type: 'live', cursor: String(c.cursor), replayed: count }));
    } catch (err) {
      log.error({ err }, 'replay failed');
      c.ws.close(1011, 'replay failed');
    } finally {
      c.replaying = false;
      c.buffer = null;
    }
  }

  function sendError(c: Client, code: string, message: string): void {
    if (c.ws.readyState === WebSocket.OPEN) c.ws.send(JSON.stringify({ type: 'error', code, message }));
  }

  function onMessage(c: Client, data: WebSocket.RawData, isBinary: boolean): void {
    if (isBinary) return sendError(c, 'STREAM_BINARY', 'frames are JSON text');
    let raw: unknown;
    try {
      raw = JSON.parse(data.toString());
    } catch {
      return sendError(c, 'STREAM_NOT_JSON', 'frame is not JSON');
    }
    const parsed = ClientFrameSchema.safeParse(raw);
    if (!parsed.success) return sendError(c, 'STREAM_BAD_FRAME', z.prettifyError(parsed.error));
    const f = parsed.data;
    if (f.type === 'ping') {
      c.ws.send(JSON.stringify({ type: 'pong', cursor: String(c.cursor) }));
      return;
    }
    if (f.filter) c.filter = f.filter;
    c.ws.send(JSON.stringify({ type: 'subscribed', filter: c.filter, cursor: String(c.cursor) }));
    if (f.since !== undefined) {
      if (c.replaying) return sendError(c, 'STREAM_REPLAYING', 'a replay is already running on this connection');
      const since = Number(f.since);
      void opts.store.headSeq().then((newest) => {
        if (since > newest) return sendError(c, 'STREAM_BAD_CURSOR', `cursor ${since} is ahead of this store (newest ${newest})`);
        c.cursor = since;
        void replay(c);
      });
    }
  }

  async function onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    socket.on('error', () => socket.destroy());
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== STREAM_PATH) return refuse(socket, 404, 'NOT_FOUND', `no stream at ${url.pathname}`);
    const auth = await opts.auth(tokenOf(req));
    if (!auth.ok) return refuse(socket, 401, auth.code, auth.message);
    const q = decodeStreamQuery(url.searchParams);
    if (!q.ok) return refuse(socket, 400, 'STREAM_BAD_QUERY', q.message);
    const newest = await opts.store.headSeq();
    // A cursor ahead of the store (a store that was reset, another deployment's cursor) would
    // silently skip every change up to it: refuse it and say so.
    if (q.since !== null && q.since > newest) return refuse(socket, 400, 'STREAM_BAD_CURSOR', `cursor ${q.since} is ahead of this store (newest ${newest}); reconnect without since`);
    const head0 = q.since ?? newest;
    if (socket.destroyed) return;
    wss.handleUpgrade(req, socket, head, (ws) => {
      const client: Client = { ws, principal: auth.principal, filter: q.filter, alive: true, cursor: head0, replaying: false, buffer: null, overflowed: false, cut: false };
      clients.add(client);
      stats.connected++;
      ws.on('pong', () => (client.alive = true));
      ws.on('close', () => clients.delete(client));
      ws.on('error', (err) => log.debug({ err }, 'client socket error'));
      ws.on('message', (data, isBinary) => onMessage(client, data, isBinary));
      ws.send(
        JSON.stringify({
          type: 'hello',
          protocol: PROTOCOL_VERSION,
          role: auth.principal.role,
          ...(auth.principal.platform ? { platform: auth.principal.platform } : {}),
          cursor: String(head0),
          heartbeatMs,
          maxFrameBytes: MAX_CLIENT_FRAME_BYTES,
        }),
      );
      if (q.since !== null) void replay(client);
    });
  }

  return {
    attach(server: Server): void {
      server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
        onUpgrade(req, socket, head).catch((err: unknown) => {
          log.error({ err }, 'upgrade failed');
          socket.destroy();
        });
      });
    },
    /** Fans out committed changes, in seq order. Call only after the store has them. */
    broadcast(changes: readonly Change[]): void {
      if (clients.size === 0) return;
      for (const change of changes) {
        const frame = Buffer.from(toFrame(change));
        for (const c of clients) {
          if (c.ws.readyState !== WebSocket.OPEN) continue;
          if (c.replaying) {
            if (c.buffer === null) continue;
            if (c.buffer.length >= MAX_REPLAY_BUFFER) {
              c.overflowed = true;
              c.buffer.length = 0;
            }
            if (!c.overflowed) c.buffer.push(change);
            continue;
          }
          deliver(c, change, frame);
        }
      }
    },
    clients: () => clients.size,
    stats,
    async close(): Promise<void> {
      clearInterval(heartbeat);
      for (const c of clients) c.ws.close(CLOSE_CODES.SERVER_SHUTDOWN, 'server shutting down');
      clients.clear();
      await new Promise<void>((r) => wss.close(() => r()));
    },
  };
}

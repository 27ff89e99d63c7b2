/**
 * Who is calling. For now one role: the admin dev token (SUPERVISOR_DEV_TOKEN), compared in
 * constant time. Roles (inspector, auditor, platform:<name>) and tenancy plug in here: every
 * HTTP and WebSocket request goes through `authenticate`, and the hub filters by `canSee`.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { AlertEnvelope } from '../engine/index.js';

export type Principal = { role: 'admin' | 'inspector' | 'auditor' | 'platform'; platform?: string; tokenId: string };

export type Authenticator = (token: string) => Principal | null;

const digest = (s: string) => createHash('sha256').update(s).digest();

export function createDevTokenAuth(devToken: string): Authenticator {
  const expected = digest(devToken);
  return (token) => (token.length > 0 && timingSafeEqual(digest(token), expected) ? { role: 'admin', tokenId: 'dev' } : null);
}

/** The token of a request: `Authorization: Bearer …`, else the `token` query parameter. */
export function tokenOf(req: IncomingMessage): string | null {
  const h = req.headers.authorization;
  if (typeof h === 'string') {
    const m = /^Bearer\s+(\S+)$/i.exec(h.trim());
    if (m) return m[1]!;
  }
  const url = new URL(req.url ?? '/', 'http://localhost');
  return url.searchParams.get('token');
}

/** Tenancy: a platform sees only alerts of rooms on its own platform. */
export function canSee(p: Principal, alert: AlertEnvelope): boolean {
  if (p.role !== 'platform') return true;
  return alert.data.room.platform === p.platform;
}

/**
 * Who is calling. Tokens come from the store (random, stored hashed, may expire or be revoked);
 * SUPERVISOR_DEV_TOKEN, when set, is an admin token for local runs, compared in constant time.
 * Every HTTP and WebSocket request goes through `authenticate`; what the principal may then see
 * is policy.ts's business.
 */
import type { IncomingMessage } from 'node:http';
import { bearerOf, digestOf, matchesDigest } from '../shared/secret.js';
import type { AlertStore } from '../store/types.js';
import type { Principal } from './policy.js';

export { canSee, type Principal } from './policy.js';

export type AuthFailure = 'AUTH_MISSING' | 'TOKEN_UNKNOWN' | 'TOKEN_EXPIRED' | 'TOKEN_REVOKED';
export type AuthResult = { ok: true; principal: Principal } | { ok: false; code: AuthFailure; message: string };
export type Authenticator = (token: string | null) => Promise<AuthResult>;

const MESSAGES: Record<AuthFailure, string> = {
  AUTH_MISSING: 'no token: send Authorization: Bearer <token> (or ?token= on the WebSocket)',
  TOKEN_UNKNOWN: 'token is not valid',
  TOKEN_EXPIRED: 'token has expired',
  TOKEN_REVOKED: 'token has been revoked',
};

export function createAuthenticator(deps: { store: Pick<AlertStore, 'lookupToken'>; devToken?: string | null; now?: () => number }): Authenticator {
  const dev = deps.devToken ? digestOf(deps.devToken) : null;
  const now = deps.now ?? Date.now;
  const fail = (code: AuthFailure): AuthResult => ({ ok: false, code, message: MESSAGES[code] });
  return async (token) => {
    if (token === null || token.length === 0) return fail('AUTH_MISSING');
    if (dev !== null && matchesDigest(token, dev)) return { ok: true, principal: { role: 'admin', tokenId: 'dev' } };
    const found = await deps.store.lookupToken(token, now());
    if (!found.ok) return fail(found.code);
    return { ok: true, principal: { role: found.token.role, platform: found.token.platform, tokenId: found.token.id } };
  };
}

/** The token of a request: `Authorization: Bearer …`, else the `token` query parameter. */
export function tokenOf(req: Pick<IncomingMessage, 'headers' | 'url'>): string | null {
  const bearer = bearerOf(req.headers.authorization);
  if (bearer !== null) return bearer;
  const url = new URL(req.url ?? '/', 'http://localhost');
  return url.searchParams.get('token');
}

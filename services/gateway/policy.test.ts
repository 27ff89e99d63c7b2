import { describe, expect, it } from 'vitest';
import type { AlertEnvelope } from '../engine/contracts/alert.js';
import { createAuthenticator } from './auth.js';
import { canAct, canManageWebhooksOf, canReadAudit, canReadWebhooksOf, canSee, parseRole, type Principal } from './policy.js';

const alertOf = (platform: string | null) => ({ data: { room: { platform } } }) as unknown as AlertEnvelope;
const p = (role: Principal['role'], platform?: string): Principal => ({ role, tokenId: 't', ...(platform ? { platform } : {}) });

describe('policy', () => {
  it('a platform sees only its own rooms; other roles see everything', () => {
    expect(canSee(p('platform', 'douyin'), alertOf('douyin'))).toBe(true);
    expect(canSee(p('platform', 'douyin'), alertOf('kuaishou'))).toBe(false);
    expect(canSee(p('platform', 'douyin'), alertOf(null))).toBe(false);
    for (const r of ['inspector', 'auditor', 'admin'] as const) expect(canSee(p(r), alertOf('kuaishou'))).toBe(true);
  });
  it('auditors read but never act; platforms manage only their own webhooks', () => {
    expect(canAct(p('auditor'))).toBe(false);
    expect(canAct(p('inspector'))).toBe(true);
    expect(canAct(p('platform', 'douyin'))).toBe(false);
    expect(canReadAudit(p('auditor'))).toBe(true);
    expect(canReadAudit(p('inspector'))).toBe(false);
    expect(canManageWebhooksOf(p('platform', 'douyin'), 'douyin')).toBe(true);
    expect(canManageWebhooksOf(p('platform', 'douyin'), 'kuaishou')).toBe(false);
    expect(canManageWebhooksOf(p('auditor'), 'douyin')).toBe(false);
    expect(canReadWebhooksOf(p('auditor'), 'douyin')).toBe(true);
  });
  it('parses roles', () => {
    expect(parseRole('platform:douyin')).toEqual({ role: 'platform', platform: 'douyin' });
    expect(parseRole('inspector')).toEqual({ role: 'inspector', platform: null });
    expect(parseRole('platform:')).toBeNull();
    expect(parseRole('root')).toBeNull();
  });
});

describe('createAuthenticator', () => {
  const store = {
    lookupToken: async (token: string) =>
      token === 'good'
        ? ({ ok: true, token: { id: 'k1', role: 'platform', platform: 'douyin', label: null, createdAt: '', expiresAt: null, revokedAt: null } } as const)
        : ({ ok: false, code: token === 'old' ? 'TOKEN_EXPIRED' : 'TOKEN_UNKNOWN' } as const),
  };
  const auth = createAuthenticator({ store, devToken: 'dev-token-0123456789' });
  it('maps tokens to principals and failures to codes', async () => {
    expect(await auth('good')).toEqual({ ok: true, principal: { role: 'platform', platform: 'douyin', tokenId: 'k1' } });
    expect(await auth('dev-token-0123456789')).toEqual({ ok: true, principal: { role: 'admin', tokenId: 'dev' } });
    expect(await auth('old')).toMatchObject({ ok: false, code: 'TOKEN_EXPIRED' });
    expect(await auth(null)).toMatchObject({ ok: false, code: 'AUTH_MISSING' });
    expect(await auth('nope')).toMatchObject({ ok: false, code: 'TOKEN_UNKNOWN' });
  });
});

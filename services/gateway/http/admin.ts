/** /v1/tokens (admin only): create (the token is in the response, once), list, revoke. */
import { z } from 'zod';
import { parseDuration } from '../../store/secrets.js';
import { canManageTokens, parseRole } from '../policy.js';
import type { HttpDeps } from './deps.js';
import { defineRoute, err, ok, type AnyRoute } from './route.js';

export const TokenCreateSchema = z.strictObject({
  role: z.string().describe('inspector | auditor | admin | platform:<name>'),
  label: z.string().max(200).optional(),
  expires: z.string().optional().describe('a duration such as 30d, 12h'),
});

export function tokenRoutes(deps: HttpDeps): AnyRoute[] {
  return [
    defineRoute({
      method: 'POST',
      path: '/v1/tokens',
      tag: 'tokens',
      summary: 'Create a token; the response is the only time it is shown',
      access: canManageTokens,
      who: 'admin',
      body: TokenCreateSchema,
      responses: { 201: '{ token, record }' },
      async handler({ body, principal }) {
        const role = parseRole(body.role);
        if (role === null) return err(400, 'BAD_ROLE', `role "${body.role}" is not one of inspector, auditor, admin, platform:<name>`);
        let expiresAt: Date | null = null;
        if (body.expires !== undefined) {
          const ms = parseDuration(body.expires);
          if (ms === null) return err(400, 'BAD_EXPIRES', `expires "${body.expires}" is not a duration such as 30d, 12h, 45m`);
          expiresAt = new Date(Date.now() + ms);
        }
        const created = await deps.store.createToken({ ...role, label: body.label ?? null, expiresAt }, principal.tokenId);
        return ok(created, 201);
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/v1/tokens',
      tag: 'tokens',
      summary: 'List tokens (never the secrets)',
      access: canManageTokens,
      who: 'admin',
      responses: { 200: '{ items: [TokenRecord] }' },
      async handler() {
        return ok({ items: await deps.store.listTokens() });
      },
    }),
    defineRoute({
      method: 'DELETE',
      path: '/v1/tokens/:id',
      tag: 'tokens',
      summary: 'Revoke a token',
      access: canManageTokens,
      who: 'admin',
      params: z.object({ id: z.string().min(1) }),
      responses: { 204: 'revoked', 404: 'no such token, or already revoked' },
      async handler({ params, principal }) {
        return (await deps.store.revokeToken(params.id, principal.tokenId)) ? { status: 204, body: null } : err(404, 'TOKEN_NOT_FOUND', `no active token ${params.id}`);
      },
    }),
  ];
}

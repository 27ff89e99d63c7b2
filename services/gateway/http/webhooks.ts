/**
 * /v1/webhooks: subscriptions (admin, or the platform itself for its own), their delivery log,
 * manual redelivery and secret rotation. Target URLs resolving to private or loopback addresses
 * are refused unless allow-listed (webhooks/address-guard.ts).
 */
import { z } from 'zod';
import { CATEGORIES, SEVERITIES } from '../../engine/contracts/alert.js';
import type { WebhookRecord } from '../../store/types.js';
import { canManageWebhooksOf, canReadWebhooksOf, type Principal } from '../policy.js';
import type { HttpDeps } from './deps.js';
import { defineRoute, err, ok, type AnyRoute, type Reply } from './route.js';

const FilterSchema = z.strictObject({ categories: z.array(z.enum(CATEGORIES)).max(8).optional(), severities: z.array(z.enum(SEVERITIES)).max(8).optional() });
const UrlSchema = z.url({ protocol: /^https?$/ }).max(2048);

export const WebhookCreateSchema = z.strictObject({
  url: UrlSchema,
  platform: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/).optional().describe('required for admin; a platform token may omit it (its own)'),
  filter: FilterSchema.optional(),
});
export const WebhookPatchSchema = z.strictObject({ url: UrlSchema.optional(), enabled: z.boolean().optional(), filter: FilterSchema.optional() });
const IdParams = z.object({ id: z.string().min(1).max(64) });
const DeliveryParams = z.object({ id: z.string().min(1).max(64), d: z.coerce.number().int().positive() });

export function webhookRoutes(deps: HttpDeps): AnyRoute[] {
  /** The subscription if the principal may see it (404 otherwise, so ids of others do not leak). */
  async function load(id: string, p: Principal, write: boolean): Promise<{ ok: true; hook: WebhookRecord } | { ok: false; reply: Reply }> {
    const hook = await deps.store.getWebhook(id);
    if (hook === null || !canReadWebhooksOf(p, hook.platform)) return { ok: false, reply: err(404, 'WEBHOOK_NOT_FOUND', `no webhook ${id}`) };
    if (write && !canManageWebhooksOf(p, hook.platform)) return { ok: false, reply: err(403, 'FORBIDDEN', `role ${p.role} may not change webhooks`) };
    return { ok: true, hook };
  }
  const anyWebhookRole = (p: Principal) => p.role === 'admin' || p.role === 'platform' || p.role === 'auditor';
  const writers = (p: Principal) => p.role === 'admin' || p.role === 'platform';

  return [
    defineRoute({
      method: 'POST',
      path: '/v1/webhooks',
      tag: 'webhooks',
      summary: 'Subscribe a URL to the alerts of a platform; the response carries the signing secret',
      access: writers,
      who: 'admin, or platform:<name> for its own platform',
      body: WebhookCreateSchema,
      responses: { 201: 'the subscription, with its secret (shown on create and rotate only)' },
      async handler({ body, principal }) {
        const platform = body.platform ?? (principal.role === 'platform' ? principal.platform : undefined);
        if (!platform) return err(400, 'BAD_REQUEST', 'body: platform is required');
        if (!canManageWebhooksOf(principal, platform)) return err(403, 'FORBIDDEN_PLATFORM', `a platform:${principal.platform} token may only subscribe its own platform`);
        const target = await deps.checkTarget(body.url);
        if (!target.ok) return err(400, 'WEBHOOK_URL_REFUSED', target.message);
        const hook = await deps.store.createWebhook({ platform, url: body.url, ...(body.filter ? { filter: body.filter } : {}) }, principal.tokenId);
        return ok(hook, 201);
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/v1/webhooks',
      tag: 'webhooks',
      summary: 'List subscriptions (a platform sees its own)',
      access: anyWebhookRole,
      who: 'admin, auditor, platform (own)',
      responses: { 200: '{ items: [Webhook] }' },
      async handler({ principal }) {
        return ok({ items: await deps.store.listWebhooks(principal.role === 'platform' ? (principal.platform ?? '\0') : undefined) });
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/v1/webhooks/:id',
      tag: 'webhooks',
      summary: 'One subscription',
      access: anyWebhookRole,
      who: 'admin, auditor, platform (own)',
      params: IdParams,
      responses: { 200: 'Webhook', 404: 'no such webhook (or not yours)' },
      async handler({ params, principal }) {
        const r = await load(params.id, principal, false);
        return r.ok ? ok(r.hook) : r.reply;
      },
    }),
    defineRoute({
      method: 'PATCH',
      path: '/v1/webhooks/:id',
      tag: 'webhooks',
      summary: 'Change the URL or filter, or enable/disable (re-enabling resumes its pending deliveries)',
      access: writers,
      who: 'admin, platform (own)',
      params: IdParams,
      body: WebhookPatchSchema,
      responses: { 200: 'Webhook', 404: 'no such webhook' },
      async handler({ params, body, principal }) {
        const r = await load(params.id, principal, true);
        if (!r.ok) return r.reply;
        if (body.url !== undefined) {
          const target = await deps.checkTarget(body.url);
          if (!target.ok) return err(400, 'WEBHOOK_URL_REFUSED', target.message);
        }
        const hook = await deps.store.updateWebhook(params.id, body, principal.tokenId);
        deps.kickWebhooks();
        return ok(hook);
      },
    }),
    defineRoute({
      method: 'DELETE',
      path: '/v1/webhooks/:id',
      tag: 'webhooks',
      summary: 'Delete a subscription (its pending deliveries stop)',
      access: writers,
      who: 'admin, platform (own)',
      params: IdParams,
      responses: { 204: 'deleted', 404: 'no such webhook' },
      async handler({ params, principal }) {
        const r = await load(params.id, principal, true);
        if (!r.ok) return r.reply;
        await deps.store.deleteWebhook(params.id, principal.tokenId);
        return { status: 204, body: null };
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/v1/webhooks/:id/rotate',
      tag: 'webhooks',
      summary: 'Rotate the signing secret; the old one stays valid (both signatures sent) during the overlap',
      access: writers,
      who: 'admin, platform (own)',
      params: IdParams,
      body: z.strictObject({ overlapSeconds: z.number().int().min(0).max(7 * 86_400).optional() }).optional(),
      responses: { 200: 'the subscription with its new secret and previousSecretExpiresAt' },
      async handler({ params, body, principal }) {
        const r = await load(params.id, principal, true);
        if (!r.ok) return r.reply;
        const overlapMs = body?.overlapSeconds !== undefined ? body.overlapSeconds * 1000 : deps.rotationOverlapMs;
        return ok(await deps.store.rotateWebhookSecret(params.id, overlapMs, principal.tokenId));
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/v1/webhooks/:id/deliveries',
      tag: 'webhooks',
      summary: 'The delivery log of a subscription, oldest first',
      access: anyWebhookRole,
      who: 'admin, auditor, platform (own)',
      params: IdParams,
      query: z.strictObject({
        state: z.enum(['pending', 'delivered', 'dead']).optional(),
        limit: z.coerce.number().int().min(1).max(500).default(100),
        after: z.coerce.number().int().min(0).optional(),
      }),
      responses: { 200: '{ items: [Delivery], next }' },
      async handler({ params, query, principal }) {
        const r = await load(params.id, principal, false);
        if (!r.ok) return r.reply;
        return ok(await deps.store.listDeliveries(params.id, { limit: query.limit, ...(query.state ? { state: query.state } : {}), ...(query.after !== undefined ? { after: query.after } : {}) }));
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/v1/webhooks/:id/deliveries/:d',
      tag: 'webhooks',
      summary: 'One delivery with every attempt (time, status, error, duration)',
      access: anyWebhookRole,
      who: 'admin, auditor, platform (own)',
      params: DeliveryParams,
      responses: { 200: '{ delivery, attempts }', 404: 'no such delivery' },
      async handler({ params, principal }) {
        const r = await load(params.id, principal, false);
        if (!r.ok) return r.reply;
        const d = await deps.store.getDelivery(params.id, params.d);
        return d ? ok(d) : err(404, 'DELIVERY_NOT_FOUND', `no delivery ${params.d} on webhook ${params.id}`);
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/v1/webhooks/:id/deliveries/:d/retry',
      tag: 'webhooks',
      summary: 'Redeliver now (same webhook-id), whatever its state',
      access: writers,
      who: 'admin, platform (own)',
      params: DeliveryParams,
      responses: { 202: 'the delivery, pending and due now', 404: 'no such delivery' },
      async handler({ params, principal }) {
        const r = await load(params.id, principal, true);
        if (!r.ok) return r.reply;
        const d = await deps.store.retryDelivery(params.id, params.d, principal.tokenId);
        if (d === null) return err(404, 'DELIVERY_NOT_FOUND', `no delivery ${params.d} on webhook ${params.id}`);
        deps.kickWebhooks();
        return ok(d, 202);
      },
    }),
  ];
}

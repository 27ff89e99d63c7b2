/** /v1/alerts: list and read (tenancy-scoped), inspector actions, and the audit log. */
import { z } from 'zod';
import { CATEGORIES, SEVERITIES } from '../../engine/contracts/alert.js';
import { ACTION_TYPES, ALERT_STATUSES, DISMISS_REASONS } from '../../store/types.js';
import { canAct, canReadAudit, canSee } from '../policy.js';
import type { HttpDeps } from './deps.js';
import { defineRoute, err, ok, type AnyRoute } from './route.js';

export const MAX_PAGE = 500;

const IdParams = z.object({ id: z.string().min(1).max(128) });
const time = z.iso.datetime({ offset: true }).transform((s) => Date.parse(s));

export const AlertQuerySchema = z.strictObject({
  room: z.string().min(1).optional(),
  session: z.string().min(1).optional(),
  platform: z.string().min(1).optional(),
  category: z.enum(CATEGORIES).optional(),
  severity: z.enum(SEVERITIES).optional(),
  status: z.enum(ALERT_STATUSES).optional(),
  rule: z.string().min(1).optional(),
  from: time.optional().describe('event time, inclusive (ISO-8601 with offset)'),
  to: time.optional().describe('event time, exclusive'),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(50),
  after: z.string().regex(/^\d+$/).optional().describe('`next` of the previous page'),
});

export const ActionSchema = z
  .strictObject({
    type: z.enum(ACTION_TYPES),
    reason: z.enum(DISMISS_REASONS).optional().describe('required for dismiss'),
    comment: z.string().min(1).max(2000).optional().describe('required for note'),
  })
  .refine((a) => a.type !== 'dismiss' || a.reason !== undefined, { message: `dismiss needs a reason: one of ${DISMISS_REASONS.join(', ')}`, path: ['reason'] })
  .refine((a) => a.type !== 'note' || a.comment !== undefined, { message: 'note needs a comment', path: ['comment'] });

export function alertRoutes(deps: HttpDeps): AnyRoute[] {
  return [
    defineRoute({
      method: 'GET',
      path: '/v1/alerts',
      tag: 'alerts',
      summary: 'List alerts, newest first, filtered and paginated',
      access: () => true,
      who: 'any role; a platform token sees only its own platform',
      query: AlertQuerySchema,
      responses: { 200: '{ items: [{ alert, status, seq, storedAt, updatedAt }], next }' },
      async handler({ query, principal }) {
        let platform = query.platform;
        if (principal.role === 'platform') {
          if (platform !== undefined && platform !== principal.platform) return err(403, 'FORBIDDEN_PLATFORM', `a platform:${principal.platform} token may only list its own platform`);
          platform = principal.platform ?? '\0';
        }
        const page = await deps.store.listAlerts({
          limit: query.limit,
          ...(query.room ? { roomId: query.room } : {}),
          ...(query.session ? { sessionId: query.session } : {}),
          ...(platform ? { platform } : {}),
          ...(query.category ? { category: query.category } : {}),
          ...(query.severity ? { severity: query.severity } : {}),
          ...(query.status ? { status: query.status } : {}),
          ...(query.rule ? { ruleId: query.rule } : {}),
          ...(query.from !== undefined ? { fromMs: query.from } : {}),
          ...(query.to !== undefined ? { toMs: query.to } : {}),
          ...(query.after ? { after: query.after } : {}),
        });
        return ok(page);
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/v1/alerts/:id',
      tag: 'alerts',
      summary: 'One alert with its status and the actions taken on it',
      access: () => true,
      who: 'any role; a platform token gets 404 for alerts of other platforms',
      params: IdParams,
      responses: { 200: '{ alert, status, seq, storedAt, updatedAt, actions }', 404: 'no such alert (or not yours)' },
      async handler({ params, principal }) {
        const a = await deps.store.getAlert(params.id);
        if (a === null || !canSee(principal, a.alert)) return err(404, 'ALERT_NOT_FOUND', `no alert ${params.id}`);
        return ok({ ...a, actions: await deps.store.actions(params.id) });
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/v1/alerts/:id/actions',
      tag: 'alerts',
      summary: 'Acknowledge, dismiss (with a reason), escalate, or add a note',
      access: canAct,
      who: 'inspector, admin',
      params: IdParams,
      body: ActionSchema,
      responses: { 201: '{ action, status, cursor }', 404: 'no such alert', 409: 'the alert is not in a state that allows this action' },
      async handler({ params, body, principal }) {
        const r = await deps.act(params.id, body, principal);
        if (!r.ok) return err(r.code === 'ALERT_BAD_TRANSITION' ? 409 : 404, r.code, r.message);
        return ok({ action: r.change.action, status: r.change.status, cursor: String(r.change.seq) }, 201);
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/v1/audit',
      tag: 'audit',
      summary: 'The hash-chained audit log, oldest first',
      access: canReadAudit,
      who: 'auditor, admin',
      query: z.strictObject({ after: z.coerce.number().int().min(0).default(0), limit: z.coerce.number().int().min(1).max(1000).default(100) }),
      responses: { 200: '{ items: [{ seq, at, actor, action, alertId, detail, prev, hash }] }' },
      async handler({ query }) {
        return ok({ items: await deps.store.auditLog(query) });
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/v1/audit/verify',
      tag: 'audit',
      summary: 'Recompute the audit hash chain and report the first broken entry, if any',
      access: canReadAudit,
      who: 'auditor, admin',
      responses: { 200: '{ ok: true, entries, head }', 409: '{ ok: false, entries, brokenAt, message }' },
      async handler() {
        const v = await deps.store.verifyAudit();
        return ok(v, v.ok ? 200 : 409);
      },
    }),
  ];
}

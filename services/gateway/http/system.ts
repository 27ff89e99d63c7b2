/** Probes, metrics and the OpenAPI document. Probes and the document need no token (load balancers, tooling). */
import { canReadMetrics } from '../policy.js';
import type { HttpDeps } from './deps.js';
import { defineRoute, ok, type AnyRoute } from './route.js';

export function systemRoutes(deps: HttpDeps): AnyRoute[] {
  return [
    defineRoute({
      method: 'GET',
      path: '/healthz',
      tag: 'system',
      summary: 'Liveness: the process answers',
      access: 'public',
      who: 'anyone (no token)',
      responses: { 200: '{ status: "ok" }' },
      handler: async () => ok({ status: 'ok' }),
    }),
    defineRoute({
      method: 'GET',
      path: '/readyz',
      tag: 'system',
      summary: 'Readiness: the broker consumer runs and the store answers',
      access: 'public',
      who: 'anyone (no token)',
      responses: { 200: '{ status: "ready", checks }', 503: '{ status: "not-ready", checks }' },
      async handler() {
        const r = await deps.readiness();
        return ok({ status: r.ready ? 'ready' : 'not-ready', checks: r.checks }, r.ready ? 200 : 503);
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/metrics',
      tag: 'system',
      summary: 'Prometheus metrics',
      access: canReadMetrics,
      who: 'admin, inspector, auditor',
      responses: { 200: 'Prometheus text format' },
      async handler() {
        const m = await deps.metrics();
        return { status: 200, body: m.body, contentType: m.contentType };
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/v1/openapi.json',
      tag: 'system',
      summary: 'This document',
      access: 'public',
      who: 'anyone (no token)',
      responses: { 200: 'OpenAPI 3.1' },
      handler: async () => ok(deps.openapi()),
    }),
  ];
}

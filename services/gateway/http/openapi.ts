/** The OpenAPI 3.1 document, generated from the route table and its zod schemas. */
import { z } from 'zod';
import type { AnyRoute } from './route.js';

const toSchema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;

export function toOpenApi(routes: readonly AnyRoute[], info: { title: string; version: string }): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.path.replace(/:([A-Za-z]+)/g, '{$1}');
    const parameters: unknown[] = [];
    for (const [where, schema] of [['path', r.params], ['query', r.query]] as const) {
      if (!schema) continue;
      const js = toSchema(schema) as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, s] of Object.entries(js.properties ?? {})) parameters.push({ name, in: where, required: where === 'path' || (js.required ?? []).includes(name), schema: s });
    }
    const op: Record<string, unknown> = {
      summary: r.summary,
      description: `Who may call: ${r.who}.`,
      tags: [r.tag],
      ...(r.access === 'public' ? { security: [] } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: toSchema(r.body) } } } } : {}),
      responses: Object.fromEntries(
        Object.entries({ ...r.responses, ...(r.access === 'public' ? {} : { 401: 'missing, unknown, expired or revoked token', 403: 'role may not call this' }), ...(r.params || r.query || r.body ? { 400: 'invalid input; the message says what is wrong' } : {}) }).map(([code, description]) => [
          code,
          { description, ...(Number(code) >= 400 ? { content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } } : {}) },
        ]),
      ),
    };
    (paths[path] ??= {})[r.method.toLowerCase()] = op;
  }
  return {
    openapi: '3.1.0',
    info: { ...info, description: 'Live-room supervisor gateway: alerts, inspector actions, audit log, webhooks. The alert stream is a WebSocket at /v1/stream (docs/stream-protocol.md).' },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'a token from `supervisor tokens create` or POST /v1/tokens' } },
      schemas: { Error: { type: 'object', required: ['error', 'message'], properties: { error: { type: 'string' }, message: { type: 'string' } } } },
    },
    paths,
  };
}

/**
 * Routes as data: method, path, who may call, zod schemas for params/query/body, and a handler
 * that returns a reply. The same table registers the fastify routes and generates the OpenAPI
 * document (openapi.ts), so the spec cannot drift from the code. Input is validated with zod
 * here and nowhere else; a 4xx body always says what is wrong: {"error": CODE, "message": "…"}.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Authenticator } from '../auth.js';
import { tokenOf } from '../auth.js';
import type { Principal } from '../policy.js';

export type Reply = { status: number; body: unknown; contentType?: string; headers?: Record<string, string> };

export type RouteDef<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> = {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** fastify syntax (`/v1/alerts/:id`); the OpenAPI path is derived from it. */
  path: string;
  summary: string;
  tag: string;
  /** 'public' routes take no token; otherwise who (after authentication) may call. */
  access: 'public' | ((p: Principal) => boolean);
  /** Who may call, in words, for the OpenAPI description. */
  who: string;
  params?: P;
  query?: Q;
  body?: B;
  responses: Record<number, string>;
  handler(ctx: { params: z.infer<P>; query: z.infer<Q>; body: z.infer<B>; principal: Principal }): Promise<Reply>;
};

export type AnyRoute = RouteDef<z.ZodType, z.ZodType, z.ZodType>;

export function defineRoute<P extends z.ZodType = z.ZodObject<{}>, Q extends z.ZodType = z.ZodObject<{}>, B extends z.ZodType = z.ZodUnknown>(r: RouteDef<P, Q, B>): AnyRoute {
  return r as unknown as AnyRoute;
}

export const err = (status: number, error: string, message: string): Reply => ({ status, body: { error, message } });
export const ok = (body: unknown, status = 200): Reply => ({ status, body });

const PUBLIC_PRINCIPAL: Principal = { role: 'auditor', tokenId: 'anonymous' };

export function registerRoutes(app: FastifyInstance, routes: readonly AnyRoute[], auth: Authenticator, onRequest?: (route: AnyRoute, status: number) => void): void {
  for (const route of routes) {
    app.route({
      method: route.method,
      url: route.path,
      handler: async (req: FastifyRequest, res: FastifyReply) => {
        const reply = await handle(route, req, auth);
        onRequest?.(route, reply.status);
        res.code(reply.status);
        if (reply.headers) res.headers(reply.headers);
        if (reply.contentType) {
          res.type(reply.contentType);
          return res.send(reply.body);
        }
        if (reply.status === 204) return res.send();
        return res.send(reply.body);
      },
    });
  }
}

async function handle(route: AnyRoute, req: FastifyRequest, auth: Authenticator): Promise<Reply> {
  let principal = PUBLIC_PRINCIPAL;
  if (route.access !== 'public') {
    const a = await auth(tokenOf(req.raw));
    if (!a.ok) return { ...err(401, a.code, a.message), headers: { 'www-authenticate': 'Bearer' } };
    if (!route.access(a.principal)) return err(403, 'FORBIDDEN', `role ${a.principal.role} may not ${route.method} ${route.path} (allowed: ${route.who})`);
    principal = a.principal;
  }
  const parse = (what: string, schema: z.ZodType | undefined, value: unknown): { ok: true; value: unknown } | { ok: false; reply: Reply } => {
    if (schema === undefined) return { ok: true, value: value ?? {} };
    const r = schema.safeParse(value ?? {});
    return r.success ? { ok: true, value: r.data } : { ok: false, reply: err(400, 'BAD_REQUEST', `${what}: ${z.prettifyError(r.error)}`) };
  };
  const params = parse('path', route.params, req.params);
  if (!params.ok) return params.reply;
  const query = parse('query', route.query, req.query);
  if (!query.ok) return query.reply;
  const body = parse('body', route.body, route.body ? req.body : undefined);
  if (!body.ok) return body.reply;
  return route.handler({ params: params.value, query: query.value, body: body.value, principal } as never);
}

/**
 * Administration on the gateway's store, without a running gateway:
 *   supervisor tokens create --role ROLE [--platform NAME] [--expires 30d] [--label TEXT]
 *   supervisor tokens list | revoke ID
 *   supervisor webhooks add --platform NAME --url URL [--categories a,b] [--severities a,b]
 *   supervisor webhooks list
 *   supervisor audit verify
 * `tokens create` prints the token alone on stdout (so `TOKEN=$(supervisor tokens create …)`
 * works); everything else about it goes to stderr. SQLite in WAL mode lets this run beside a
 * live gateway on the same data dir.
 */
import { parseArgs } from 'node:util';
import { CATEGORIES, SEVERITIES, type Category, type Severity } from '../engine/contracts/alert.js';
import { parseRole } from '../gateway/policy.js';
import { createAddressGuard } from '../gateway/webhooks/address-guard.js';
import { checkTarget } from '../gateway/webhooks/send.js';
import { parseDuration } from '../store/secrets.js';
import { openSqliteStore } from '../store/sqlite.js';
import type { AlertStore } from '../store/types.js';
import type { Config } from './config.js';

export const ADMIN_USAGE = `  supervisor tokens create --role ROLE [--platform NAME] [--expires 30d] [--label TEXT]
                                                      new token (printed alone); ROLE: inspector|auditor|admin|platform
  supervisor tokens list | revoke ID                  list tokens (never their values) | revoke one
  supervisor webhooks add --platform NAME --url URL [--categories a,b] [--severities a,b]
                                                      subscribe a URL; prints id and signing secret
  supervisor webhooks list                            list subscriptions
  supervisor audit verify                             recompute the audit log's hash chain
`;

type Io = { out: NodeJS.WritableStream; err: NodeJS.WritableStream };
const ACTOR = 'cli';

async function withStore<T>(config: Config, fn: (s: AlertStore) => Promise<T>): Promise<T> {
  const store = openSqliteStore({ dataDir: config.SUPERVISOR_DATA_DIR });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

function list<T extends string>(text: string | undefined, allowed: readonly T[], what: string): T[] | undefined {
  if (text === undefined) return undefined;
  const items = text.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = items.filter((i) => !(allowed as readonly string[]).includes(i));
  if (bad.length > 0) throw new Error(`${what}: unknown ${bad.join(', ')}; one of ${allowed.join(', ')}`);
  return items as T[];
}

export async function admin(command: string, args: string[], config: Config, io: Io = { out: process.stdout, err: process.stderr }): Promise<number> {
  const [sub, ...rest] = args;
  const fail = (msg: string, code = 2) => (io.err.write(`${command} ${sub ?? ''}: ${msg}\n`), code);
  try {
    if (command === 'tokens' && sub === 'create') {
      const { values } = parseArgs({ args: rest, options: { role: { type: 'string' }, platform: { type: 'string' }, expires: { type: 'string' }, label: { type: 'string' } } });
      if (!values.role) return fail('--role is required (inspector, auditor, admin, platform)');
      const roleText = values.role === 'platform' && values.platform ? `platform:${values.platform}` : values.role;
      const role = parseRole(roleText);
      if (role === null) return fail(`role "${roleText}" is not one of inspector, auditor, admin, platform:<name> (platform needs --platform NAME)`);
      if (role.role !== 'platform' && values.platform) return fail('--platform goes with --role platform only');
      let expiresAt: Date | null = null;
      if (values.expires !== undefined) {
        const ms = parseDuration(values.expires);
        if (ms === null) return fail(`--expires "${values.expires}" is not a duration such as 30d, 12h, 45m`);
        expiresAt = new Date(Date.now() + ms);
      }
      const created = await withStore(config, (s) => s.createToken({ ...role, label: values.label ?? null, expiresAt }, ACTOR));
      io.out.write(`${created.token}\n`);
      io.err.write(`token ${created.record.id}: ${roleText}${expiresAt ? `, expires ${expiresAt.toISOString()}` : ''} (shown once; stored hashed)\n`);
      return 0;
    }
    if (command === 'tokens' && sub === 'list') {
      for (const t of await withStore(config, (s) => s.listTokens())) io.out.write(`${JSON.stringify(t)}\n`);
      return 0;
    }
    if (command === 'tokens' && sub === 'revoke') {
      if (!rest[0]) return fail('usage: supervisor tokens revoke ID');
      const ok = await withStore(config, (s) => s.revokeToken(rest[0]!, ACTOR));
      return ok ? 0 : fail(`no active token ${rest[0]}`, 1);
    }
    if (command === 'webhooks' && sub === 'add') {
      const { values } = parseArgs({ args: rest, options: { platform: { type: 'string' }, url: { type: 'string' }, categories: { type: 'string' }, severities: { type: 'string' } } });
      if (!values.platform || !values.url) return fail('--platform NAME and --url URL are required');
      const categories = list<Category>(values.categories, CATEGORIES, '--categories');
      const severities = list<Severity>(values.severities, SEVERITIES, '--severities');
      const target = await checkTarget(values.url, createAddressGuard(config.webhookAllow));
      if (!target.ok) return fail(target.message, 1);
      const hook = await withStore(config, (s) =>
        s.createWebhook({ platform: values.platform!, url: values.url!, filter: { ...(categories ? { categories } : {}), ...(severities ? { severities } : {}) } }, ACTOR),
      );
      io.out.write(`${JSON.stringify({ id: hook.id, platform: hook.platform, url: hook.url, secret: hook.secret, filter: hook.filter })}\n`);
      return 0;
    }
    if (command === 'webhooks' && sub === 'list') {
      for (const w of await withStore(config, (s) => s.listWebhooks())) io.out.write(`${JSON.stringify(w)}\n`);
      return 0;
    }
    if (command === 'audit' && sub === 'verify') {
      const v = await withStore(config, (s) => s.verifyAudit());
      io.out.write(v.ok ? `audit: ${v.entries} entries, chain intact, head ${v.head}\n` : `audit: BROKEN at entry ${v.brokenAt}: ${v.message}\n`);
      return v.ok ? 0 : 1;
    }
  } catch (err) {
    return fail((err as Error).message, 1);
  }
  io.err.write(`usage:\n${ADMIN_USAGE}`);
  return 2;
}

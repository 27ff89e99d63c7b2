/**
 * One HTTP POST of a webhook request, on node:http/https with a lookup hook that refuses
 * addresses the guard does not allow (checked on the address actually connected to). Resolves
 * with the status, or with an error text for timeouts and network failures; never rejects.
 */
import { lookup as dnsLookup } from 'node:dns';
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { AddressGuard } from './address-guard.js';
import type { WebhookRequest } from './sign.js';

export type SendResult = { status: number | null; error: string | null; ms: number };
export type Sender = { send(url: string, req: WebhookRequest, timeoutMs: number): Promise<SendResult>; close(): void };

const MAX_RESPONSE_BYTES = 64 * 1024;

export function createSender(guard: AddressGuard): Sender {
  const lookup: LookupFunction = (hostname, options, cb) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return cb(err, '', 0);
      const list = (addresses as unknown as Array<{ address: string; family: number }>).filter((a) => guard.allowed(a.address));
      if (list.length === 0) return cb(Object.assign(new Error(`${hostname} resolves to a refused address (${guard.describe()})`), { code: 'EADDRREFUSED' }), '', 0);
      if ((options as { all?: boolean }).all) return (cb as unknown as (e: null, a: typeof list) => void)(null, list);
      cb(null, list[0]!.address, list[0]!.family);
    });
  };
  const agents = { http: new HttpAgent({ keepAlive: true, maxSockets: 32 }), https: new HttpsAgent({ keepAlive: true, maxSockets: 32 }) };
  return {
    send(url, req, timeoutMs) {
      const started = performance.now();
      return new Promise<SendResult>((resolve) => {
        let done = false;
        const finish = (status: number | null, error: string | null) => {
          if (done) return;
          done = true;
          resolve({ status, error, ms: performance.now() - started });
        };
        let u: URL;
        try {
          u = new URL(url);
        } catch {
          return finish(null, 'invalid url');
        }
        const isHttps = u.protocol === 'https:';
        const r = (isHttps ? httpsRequest : httpRequest)(
          u,
          { method: 'POST', headers: { ...req.headers, 'content-length': String(Buffer.byteLength(req.body)) }, agent: isHttps ? agents.https : agents.http, lookup, timeout: timeoutMs },
          (res) => {
            let n = 0;
            res.on('data', (c: Buffer) => {
              n += c.length;
              if (n > MAX_RESPONSE_BYTES) res.destroy();
            });
            res.on('end', () => finish(res.statusCode ?? null, null));
            res.on('close', () => finish(res.statusCode ?? null, null));
            res.on('error', () => finish(res.statusCode ?? null, null));
          },
        );
        r.on('timeout', () => {
          r.destroy(new Error(`timed out after ${timeoutMs} ms`));
        });
        r.on('error', (err: NodeJS.ErrnoException) => finish(null, err.code ? `${err.code}: ${err.message}` : err.message));
        r.end(req.body);
      });
    },
    close() {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}

/** Resolves a URL's host and reports whether every address is allowed (subscription time). */
export async function checkTarget(url: string, guard: AddressGuard): Promise<{ ok: true } | { ok: false; message: string }> {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { ok: false, message: 'url is not a valid URL' };
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return { ok: false, message: 'url must be http or https' };
  const host = u.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = (await import('node:dns/promises').then((d) => d.lookup(host, { all: true }))).map((a) => a.address);
  } catch (err) {
    return { ok: false, message: `cannot resolve ${host}: ${(err as Error).message}` };
  }
  const refused = addresses.filter((a) => !guard.allowed(a));
  if (refused.length > 0) return { ok: false, message: `${host} resolves to ${refused.join(', ')}: private, loopback or reserved addresses are refused unless allow-listed (SUPERVISOR_WEBHOOK_ALLOW)` };
  return { ok: true };
}

import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { WorkerCountersView } from '../shared/worker-metrics.js';
import { createWorkerHttp } from './http.js';

const TOKEN = 'scrape-token-0123456789';
const servers: Array<{ stop(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});

async function serve(over: { counters?: WorkerCountersView | null; consuming?: () => boolean; tokens?: string[]; version?: () => string } = {}) {
  const lines: string[] = [];
  const log = pino({ level: 'info' }, { write: (l: string) => lines.push(l) });
  const http = createWorkerHttp({
    counters: () => (over.counters === undefined ? { events: { transcript: 7, price: 2 }, dlq: { DECODE_SHAPE: 3 }, snapshots: 4, busySeconds: 0.5 } : over.counters),
    view: { partitions: () => 3, rooms: () => 120, rulesetVersion: over.version ?? (() => 'v-one') },
    consuming: over.consuming ?? (() => true),
    tokens: over.tokens ?? [TOKEN],
    port: 0,
    host: '127.0.0.1',
    log,
    defaults: false,
  });
  await http.start();
  servers.push(http);
  const get = (path: string, init: RequestInit = {}) => fetch(`${http.url()}${path}`, init);
  return { http, get, lines };
}

const auth = { headers: { authorization: `Bearer ${TOKEN}` } };

/** One sample's value from a Prometheus text exposition. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('worker http (a worker running alone)', () => {
  it('serves the worker counters, partitions, rooms and ruleset version to a token holder', async () => {
    const { get } = await serve();
    const res = await get('/metrics', auth);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(sample(text, 'supervisor_events_in_total{type="transcript"}')).toBe(7);
    expect(sample(text, 'supervisor_events_in_total{type="price"}')).toBe(2);
    expect(sample(text, 'supervisor_dlq_total{reason="DECODE_SHAPE"}')).toBe(3);
    expect(sample(text, 'supervisor_worker_busy_seconds_total')).toBe(0.5);
    expect(sample(text, 'supervisor_state_snapshots_total')).toBe(4);
    expect(sample(text, 'supervisor_worker_partitions')).toBe(3);
    expect(sample(text, 'supervisor_worker_rooms')).toBe(120);
    expect(sample(text, 'supervisor_ruleset_info{version="v-one"}')).toBe(1);
  });

  it('names only the ruleset in force after a reload', async () => {
    let version = 'v-one';
    const { get } = await serve({ version: () => version });
    await get('/metrics', auth);
    version = 'v-two';
    const text = await (await get('/metrics', auth)).text();
    expect(sample(text, 'supervisor_ruleset_info{version="v-two"}')).toBe(1);
    expect(text).not.toContain('version="v-one"');
  });

  it('refuses /metrics without a token, with a wrong one, and when no token is configured', async () => {
    const { get } = await serve();
    const none = await get('/metrics');
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ error: 'AUTH_MISSING' });
    const wrong = await get('/metrics', { headers: { authorization: 'Bearer not-the-token-at-all' } });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: 'TOKEN_UNKNOWN' });
    const { get: getUnconfigured, lines } = await serve({ tokens: [] });
    expect((await getUnconfigured('/metrics', auth)).status).toBe(401);
    expect(lines.join('\n')).toContain('refuses every scrape');
  });

  it('answers probes without a token: ready only while the consumer runs', async () => {
    let consuming = false;
    const { get } = await serve({ consuming: () => consuming });
    expect((await get('/healthz')).status).toBe(200);
    const before = await get('/readyz');
    expect(before.status).toBe(503);
    expect(await before.json()).toEqual({ status: 'not-ready', checks: { consumer: false } });
    consuming = true;
    const after = await get('/readyz');
    expect(after.status).toBe(200);
    expect(await after.json()).toEqual({ status: 'ready', checks: { consumer: true } });
  });

  it('exposes zeros before the worker has started, and says what it serves on other paths and methods', async () => {
    const { get } = await serve({ counters: null });
    const text = await (await get('/metrics', auth)).text();
    expect(sample(text, 'supervisor_worker_busy_seconds_total')).toBe(0);
    const missing = await get('/v1/alerts', auth);
    expect(missing.status).toBe(404);
    expect((await missing.json()).message).toContain('/metrics');
    const post = await get('/metrics', { ...auth, method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('fails to start with a clear error when its port is taken', async () => {
    const { http } = await serve();
    const port = Number(new URL(http.url()!).port);
    const second = createWorkerHttp({
      counters: () => null,
      view: { partitions: () => 0, rooms: () => 0, rulesetVersion: () => 'v' },
      consuming: () => false,
      tokens: [],
      port,
      host: '127.0.0.1',
      log: pino({ level: 'silent' }),
      defaults: false,
    });
    await expect(second.start()).rejects.toThrow(/EADDRINUSE/);
  });
});

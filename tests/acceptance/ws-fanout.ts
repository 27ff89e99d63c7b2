/**
 * The "many WebSocket clients, one of them not reading" scenario, shared by the integration
 * test (scaled down) and the opt-in acceptance script (1,000 clients). Alerts are produced onto
 * supervisor.alerts at a steady rate with `detectedAt` = the time they were produced, so a
 * reader's latency is produce → broker → gateway store → fan-out → reader. One client pauses
 * its socket after the hello frame; it must be cut while the others keep their latency and the
 * gateway's memory stays bounded.
 */
import WebSocket from 'ws';
import { alertMessages, makeAlert } from '../harness/gateway-tools.js';
import { testKafka } from '../harness/kafka-tools.js';

export type FanoutFigures = {
  clients: number;
  alerts: number;
  frameBytes: number;
  readersComplete: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  slow: { cut: boolean; closeCode: number | null; closeSeenAfterMs: number | null };
  server: ServerStats | null;
  gatewayRssMb: { before: number; max: number; after: number };
  connectMs: number;
};

export type ServerStats = { bufferCuts: number; heartbeatTimeouts: number; gatewayLatencyMs: { mean: number; p50le: number; p99le: number } };
export type FanoutTarget = { wsUrl: string; token: string; rssMb(): number; cuts?(): Promise<ServerStats> };

/** Cut counters and the gateway's own latency histogram (produce → stored → fan-out start), from /metrics. */
export async function readServerStats(httpBase: string, token: string): Promise<ServerStats> {
  const text = await (await fetch(`${httpBase}/metrics`, { headers: { authorization: `Bearer ${token}` } })).text();
  const read = (name: string) => Number(new RegExp(`^${name} ([\\d.e+-]+)`, 'm').exec(text)?.[1] ?? NaN);
  const buckets = [...text.matchAll(/^supervisor_alert_latency_seconds_bucket\{le="([^"]+)"\} (\d+)/gm)].map((m) => ({ le: m[1] === '+Inf' ? Infinity : Number(m[1]), n: Number(m[2]) }));
  const count = read('supervisor_alert_latency_seconds_count');
  const le = (q: number) => (buckets.find((b) => b.n >= q * count)?.le ?? NaN) * 1000;
  return {
    bufferCuts: read('supervisor_ws_cut_total'),
    heartbeatTimeouts: read('supervisor_ws_heartbeat_timeouts_total'),
    gatewayLatencyMs: { mean: Math.round((read('supervisor_alert_latency_seconds_sum') / count) * 1000), p50le: le(0.5), p99le: le(0.99) },
  };
}

const pct = (xs: number[], p: number) => (xs.length === 0 ? 0 : xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!);

export async function runWsFanout(o: {
  brokers: string[];
  target: FanoutTarget;
  clients: number;
  alerts: number;
  ratePerSec: number;
  padBytes: number;
  log?: (m: string) => void;
}): Promise<FanoutFigures> {
  const log = o.log ?? (() => {});
  const producer = testKafka(o.brokers).producer();
  await producer.connect();
  const platform = `fanout-${Date.now()}`;
  const url = `${o.target.wsUrl}?token=${encodeURIComponent(o.target.token)}&platforms=${platform}`;
  const rssBefore = o.target.rssMb();
  let rssMax = rssBefore;
  const sampler = setInterval(() => (rssMax = Math.max(rssMax, o.target.rssMb())), 250);

  type Reader = { ws: WebSocket; got: number; lat: number[] };
  const readers: Reader[] = [];
  const started = Date.now();
  let slowClose: { code: number; at: number } | null = null;
  let slowResumed = false;
  const connect = (slow: boolean) =>
    new Promise<Reader>((resolve, reject) => {
      const ws = new WebSocket(url);
      const r: Reader = { ws, got: 0, lat: [] };
      ws.on('message', (d: Buffer) => {
        if (slow) {
          if (!slowResumed) ws.pause(); // reads the hello frame, then stops reading: the kernel buffers fill, then the gateway's
          return;
        }
        const s = d.toString();
        if (!s.startsWith('{"type":"alert"')) return;
        const m = /"detectedAt":"([^"]+)"/.exec(s);
        r.got++;
        if (m) r.lat.push(Date.now() - Date.parse(m[1]!));
      });
      ws.once('open', () => resolve(r));
      ws.once('error', reject);
      if (slow) ws.once('close', (code) => (slowClose = { code, at: Date.now() }));
    });
  const slow = await connect(true);
  for (let i = 1; i < o.clients; i += 50) readers.push(...(await Promise.all(Array.from({ length: Math.min(50, o.clients - i) }, () => connect(false)))));
  const connectMs = Date.now() - started;
  log(`${o.clients} clients connected in ${connectMs} ms`);

  const sample = makeAlert({ platform, padBytes: o.padBytes });
  const frameBytes = Buffer.byteLength(JSON.stringify({ type: 'alert', cursor: '1000000', status: 'open', alert: sample }));
  const produceStart = Date.now();
  const perTick = Math.max(1, Math.round(o.ratePerSec / 10));
  let produced = 0;
  while (produced < o.alerts) {
    const n = Math.min(perTick, o.alerts - produced);
    const batch = alertMessages(Array.from({ length: n }, (_, i) => makeAlert({ platform, roomId: `room-${(produced + i) % 23}`, padBytes: o.padBytes })));
    await producer.send({ topic: 'supervisor.alerts', acks: -1, messages: batch.map((m) => ({ key: m.key, value: m.value })) });
    produced += n;
    const due = produceStart + (produced / o.ratePerSec) * 1000;
    if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
  }
  const deadline = Date.now() + 60_000;
  while (readers.some((r) => r.got < o.alerts) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  // A paused socket does not see its own close: let it read what the kernel holds, then the
  // close frame (4008) or the reset after the grace period (1006).
  const cutsSeen = o.target.cuts ? await o.target.cuts() : null;
  slowResumed = true;
  slow.ws.resume();
  for (let i = 0; i < 50 && slowClose === null; i++) await new Promise((r) => setTimeout(r, 100));
  clearInterval(sampler);
  await producer.disconnect();
  const rssAfter = o.target.rssMb();


  const all = readers.flatMap((r) => r.lat).sort((a, b) => a - b);
  for (const r of [...readers, slow]) r.ws.terminate();
  const closeInfo = slowClose as { code: number; at: number } | null;
  return {
    clients: o.clients,
    alerts: o.alerts,
    frameBytes,
    readersComplete: readers.filter((r) => r.got >= o.alerts).length,
    latencyMs: { p50: pct(all, 50), p95: pct(all, 95), p99: pct(all, 99), max: all.at(-1) ?? 0 },
    slow: { cut: closeInfo !== null, closeCode: closeInfo?.code ?? null, closeSeenAfterMs: closeInfo ? closeInfo.at - produceStart : null },
    server: cutsSeen,
    gatewayRssMb: { before: rssBefore, max: rssMax, after: rssAfter },
    connectMs,
  };
}

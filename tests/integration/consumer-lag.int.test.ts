/**
 * Consumer lag on /metrics, against the real broker: the gateway's group lag per partition
 * (high watermark − committed offset) is 0 once it has caught up, grows by exactly the records
 * produced while the gateway cannot store them (its real SQLite store held shut, so nothing is
 * committed), and falls back to 0 after it catches up; stopped, its group lags by what was raised
 * meanwhile until a gateway started again on the group catches up. Read over real HTTP, as Prometheus does.
 * A broker that cannot be reached makes refreshes fail, counted, without touching consumption.
 */
import { pino } from 'pino';
import { Counter, Gauge, Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLagProbe, kafkajsOffsetsSource } from '../../services/gateway/consumer-lag.js';
import type { Gateway } from '../../services/gateway/gateway.js';
import { openSqliteStore } from '../../services/store/sqlite.js';
import type { AlertStore } from '../../services/store/types.js';
import { testBrokers } from '../harness/brokers.js';
import { alertMessages, DEV_TOKEN, http, makeAlert, startGateway, tempDir, until } from '../harness/gateway-tools.js';
import { produce, resetTopics, testKafka } from '../harness/kafka-tools.js';

const brokers = testBrokers();
const kafka = testKafka(brokers);
const GROUP = `gw-lag-${Date.now()}`;

/** The real SQLite store, whose ingest can be held shut (the gateway then commits nothing). */
function gatedStore() {
  const inner = openSqliteStore({ dataDir: tempDir() });
  let gate: Promise<void> | null = null;
  let open: () => void = () => undefined;
  const store = new Proxy(inner, {
    get(target, key, receiver) {
      if (key === 'ingest')
        return async (...args: Parameters<AlertStore['ingest']>) => {
          while (gate) await gate;
          return target.ingest(...args);
        };
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  return {
    store,
    hold() {
      gate = new Promise<void>((r) => (open = r));
    },
    release() {
      gate = null;
      open();
    },
    close: () => inner.close(),
  };
}

/** supervisor_consumer_lag_messages of the group, by partition, from a /metrics scrape. */
function lagSeries(text: string, group: string): Map<number, number> {
  const out = new Map<number, number>();
  const re = /^supervisor_consumer_lag_messages\{([^}]*)\} (\S+)$/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const labels = Object.fromEntries([...m[1]!.matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]));
    if (labels.group === group && labels.topic === 'supervisor.alerts') out.set(Number(labels.partition), Number(m[2]));
  }
  return out;
}

let gw: Gateway;
let gated: ReturnType<typeof gatedStore>;
let api: ReturnType<typeof http>;
const scrape = async () => {
  const r = await api('GET', '/metrics', DEV_TOKEN);
  expect(r.status).toBe(200);
  return lagSeries(typeof r.body === 'string' ? r.body : String(r.body), GROUP);
};
const sum = (m: Map<number, number>) => [...m.values()].reduce((a, b) => a + b, 0);

beforeAll(async () => {
  await resetTopics(kafka);
  gated = gatedStore();
  gw = await startGateway(brokers, { store: gated.store, groupId: GROUP, lagIntervalMs: 300 });
  api = http(gw.httpUrl());
});
afterAll(async () => {
  gated?.release();
  await gw?.stop();
  await gated?.close();
});

describe('consumer lag on /metrics', () => {
  it('is 0 when caught up, counts the records pending while the gateway cannot store, and returns to 0', async () => {
    await produce(kafka, alertMessages(Array.from({ length: 40 }, (_, i) => makeAlert({ platform: 'douyin', roomId: `lag-room-${i % 12}` }))));
    await until(() => gw.counters.alerts === 40, 30_000, '40 alerts stored');
    await until(async () => { const m = await scrape(); return m.size === 6 && sum(m) === 0; }, 15_000, 'lag 0 on all 6 partitions');

    // The gateway stops making progress: its store holds every batch, nothing is committed.
    gated.hold();
    const pending = 300;
    await produce(kafka, alertMessages(Array.from({ length: pending }, (_, i) => makeAlert({ platform: 'douyin', roomId: `lag-room-${i % 12}` }))));
    let during = new Map<number, number>();
    await until(async () => sum((during = await scrape())) === pending, 15_000, `lag ${pending} while held`);
    expect(gw.counters.alerts).toBe(40);
    // Spread over the partitions the rooms hash to, each partition's share exactly.
    expect([...during.values()].filter((n) => n > 0).length).toBeGreaterThan(1);
    console.log(`[lag] held: ${JSON.stringify(Object.fromEntries(during))} (sum ${sum(during)})`);

    const released = Date.now();
    gated.release();
    await until(() => gw.counters.alerts === 40 + pending, 30_000, 'caught up');
    await until(async () => sum(await scrape()) === 0, 15_000, 'lag back to 0');
    console.log(`[lag] back to 0 within ${Date.now() - released} ms of release`);

    // Stopped altogether: the group's lag (read by the same probe from outside) is what was
    // raised meanwhile, and a gateway started again on the group brings it back to 0.
    await gw.stop();
    await produce(kafka, alertMessages(Array.from({ length: 50 }, (_, i) => makeAlert({ platform: 'douyin', roomId: `lag-room-${i % 12}` }))));
    const registry = new Registry();
    const gauge = new Gauge({ name: 'lag', help: 'h', labelNames: ['group', 'topic', 'partition'] as const, registers: [registry] });
    const outside = createLagProbe({ source: kafkajsOffsetsSource(brokers), groups: [{ groupId: GROUP, topics: ['supervisor.alerts'] }], gauge, failures: new Counter({ name: 'f', help: 'h', labelNames: ['group'] as const, registers: [registry] }), refreshed: new Gauge({ name: 'r', help: 'h', labelNames: ['group'] as const, registers: [registry] }), log: pino({ level: 'silent' }), intervalMs: 60_000 });
    expect(await outside.refresh()).toBe(true);
    expect((await gauge.get()).values.reduce((n, v) => n + v.value, 0)).toBe(50);
    await outside.stop();
    gw = await startGateway(brokers, { store: gated.store, groupId: GROUP, lagIntervalMs: 300 });
    api = http(gw.httpUrl());
    await until(async () => { const m = await scrape(); return m.size === 6 && sum(m) === 0; }, 30_000, 'lag 0 after restart');
    expect(gw.counters.alerts).toBe(50);
  }, 90_000);

  it('a broker that cannot be reached fails the refresh, counted and logged, never thrown', async () => {
    const registry = new Registry();
    const gauge = new Gauge({ name: 'lag', help: 'h', labelNames: ['group', 'topic', 'partition'] as const, registers: [registry] });
    const failures = new Counter({ name: 'fail', help: 'h', labelNames: ['group'] as const, registers: [registry] });
    const refreshed = new Gauge({ name: 'ok', help: 'h', labelNames: ['group'] as const, registers: [registry] });
    // A port nothing listens on (the broker's own port + 1 is the controller's, so use an unused one).
    const probe = createLagProbe({ source: kafkajsOffsetsSource(['127.0.0.1:1']), groups: [{ groupId: 'g', topics: ['supervisor.alerts'] }], gauge, failures, refreshed, log: pino({ level: 'silent' }), intervalMs: 60_000 });
    const started = Date.now();
    expect(await probe.refresh()).toBe(false);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect((await failures.get()).values[0]?.value).toBe(1);
    expect((await gauge.get()).values).toHaveLength(0);
    await probe.stop();

    // And against the real broker the same probe reads the gateway's group.
    const real = createLagProbe({ source: kafkajsOffsetsSource(brokers), groups: [{ groupId: GROUP, topics: ['supervisor.alerts'] }], gauge, failures, refreshed, log: pino({ level: 'silent' }), intervalMs: 60_000 });
    expect(await real.refresh()).toBe(true);
    expect((await gauge.get()).values.filter((v) => v.labels.group === GROUP)).toHaveLength(6);
    await real.stop();
  }, 30_000);
});

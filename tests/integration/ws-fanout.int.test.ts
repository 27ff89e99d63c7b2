/**
 * Scaled-down fan-out (the 1,000-client version is `npm run acceptance:ws`): 100 WebSocket
 * clients on an in-process gateway, one not reading. The readers get every alert, the slow one
 * is cut with close code 4008 (or its socket destroyed after the grace period).
 */
import { expect, it } from 'vitest';
import { readServerStats, runWsFanout } from '../acceptance/ws-fanout.js';
import { testBrokers } from '../harness/brokers.js';
import { DEV_TOKEN, startGateway } from '../harness/gateway-tools.js';
import { resetTopics, testKafka } from '../harness/kafka-tools.js';

it('100 clients, one not reading: the others get every alert, the slow one is cut', async () => {
  const brokers = testBrokers();
  // Empty topics: a fresh group reads from the beginning, and another file's alerts left on the
  // broker would be a backlog in front of the measured ones (and in the latency histogram).
  await resetTopics(testKafka(brokers));
  const gw = await startGateway(brokers, { maxBufferedBytes: 256 * 1024, cutGraceMs: 1_000 });
  try {
    const f = await runWsFanout({
      brokers,
      target: {
        wsUrl: gw.url(),
        token: DEV_TOKEN,
        rssMb: () => Math.round(process.memoryUsage().rss / 1e6),
        cuts: () => readServerStats(gw.httpUrl(), DEV_TOKEN),
      },
      clients: 100,
      alerts: 1200,
      ratePerSec: 200,
      padBytes: 8000,
    });
    console.log(`[ws-fanout] ${JSON.stringify(f)}`);
    expect(f.readersComplete).toBe(99);
    expect(f.server?.bufferCuts).toBe(1);
    expect(f.slow.cut).toBe(true);
    expect([4008, 1006]).toContain(f.slow.closeCode);
  } finally {
    await gw.stop();
  }
});

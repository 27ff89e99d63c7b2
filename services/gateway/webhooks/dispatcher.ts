/**
 * Drains the webhook outbox on its own clock: claims due deliveries (at most `concurrency` in
 * flight), signs and sends each, and records the attempt with the retry schedule's decision.
 * The outbox row is the source of truth: a crash between send and record only means the same
 * delivery (same webhook-id) is sent again after restart. Lossless by design: nothing is dropped;
 * every retry, dead delivery and disabled subscription is counted and logged.
 */
import type { Logger } from '../../shared/log.js';
import type { AlertStore, DueDelivery } from '../../store/types.js';
import { afterAttempt, type RetryPolicy } from './retry.js';
import type { Sender } from './send.js';
import { toWebhookRequest } from './sign.js';

export const DEFAULT_CONCURRENCY = 16;
export const DEFAULT_POLL_MS = 1_000;

export type DispatcherDeps = {
  store: AlertStore;
  sender: Sender;
  policy: RetryPolicy;
  log: Logger;
  concurrency?: number;
  pollMs?: number;
  now?: () => number;
  rand?: () => number;
  /** Called once per attempt with its outcome (metrics). */
  onOutcome?(outcome: 'delivered' | 'retry' | 'dead', ms: number): void;
};

export type Dispatcher = { start(): void; kick(): void; stop(): Promise<void>; inFlight(): number };

export function createDispatcher(deps: DispatcherDeps): Dispatcher {
  const log = deps.log.child({ component: 'gateway.webhooks' });
  const now = deps.now ?? Date.now;
  const rand = deps.rand ?? Math.random;
  const concurrency = deps.concurrency ?? DEFAULT_CONCURRENCY;
  const pollMs = deps.pollMs ?? DEFAULT_POLL_MS;
  const inflight = new Map<number, Promise<void>>();
  let timer: NodeJS.Timeout | null = null;
  let running = false;
  let ticking = false;
  let again = false;

  async function deliver(d: DueDelivery): Promise<void> {
    const req = toWebhookRequest(d.messageId, d.body, d.secrets, now());
    const res = await deps.sender.send(d.url, req, deps.policy.timeoutMs);
    const attempt = d.attempts + 1;
    const decision = afterAttempt(res, attempt, now(), deps.policy, rand());
    if (decision.state === 'delivered') await deps.store.recordAttempt(d.id, { state: 'delivered', status: res.status!, ms: res.ms });
    else if (decision.state === 'retry') await deps.store.recordAttempt(d.id, { state: 'retry', nextAtMs: decision.nextAtMs, status: res.status, error: res.error, ms: res.ms });
    else {
      await deps.store.recordAttempt(d.id, { state: 'dead', status: res.status, error: res.error, ms: res.ms, ...(decision.disableWebhook ? { disableWebhook: decision.disableWebhook } : {}) });
      log.warn({ delivery: d.id, webhook: d.webhookId, attempt, status: res.status, err: res.error, disabled: decision.disableWebhook ?? null }, 'webhook delivery dead');
    }
    if (decision.state === 'retry' && attempt === 1) log.warn({ delivery: d.id, webhook: d.webhookId, status: res.status, err: res.error }, 'webhook delivery failed; retrying');
    deps.onOutcome?.(decision.state, res.ms);
  }

  function schedule(ms: number): void {
    if (!running) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void tick(), ms);
    timer.unref();
  }

  async function tick(): Promise<void> {
    if (!running) return;
    if (ticking) {
      again = true;
      return;
    }
    ticking = true;
    try {
      do {
        again = false;
        const free = concurrency - inflight.size;
        if (free <= 0) break;
        const due = await deps.store.dueDeliveries(now(), free, new Set(inflight.keys()));
        for (const d of due) {
          const p = deliver(d)
            .catch((err: unknown) => log.error({ err, delivery: d.id }, 'webhook dispatch failed'))
            .finally(() => {
              inflight.delete(d.id);
              kick();
            });
          inflight.set(d.id, p);
        }
      } while (again);
      const next = await deps.store.nextDueInMs(now());
      schedule(next === null ? pollMs : Math.min(pollMs, Math.max(next, 5)));
    } catch (err) {
      log.error({ err }, 'webhook outbox scan failed');
      schedule(pollMs);
    } finally {
      ticking = false;
    }
  }

  function kick(): void {
    if (!running) return;
    if (ticking) {
      again = true;
      return;
    }
    schedule(0);
  }

  return {
    start() {
      running = true;
      schedule(0);
    },
    kick,
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      await Promise.allSettled([...inflight.values()]);
    },
    inFlight: () => inflight.size,
  };
}

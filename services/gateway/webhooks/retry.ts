/**
 * The retry schedule, pure. Exponential backoff with jitter: attempt n (1-based) that failed is
 * retried after base·2^(n-1), capped at max, jittered to [80 %, 100 %] of that. With the
 * defaults (5 s base, 4 h cap, 18 attempts) the last attempt comes about 22 hours after the first:
 * "about a day" of retries. Then the delivery is dead (manual retry can revive it).
 * A 410 Gone disables the subscription at once; every other failure (timeouts, refused
 * connections, 5xx, and 4xx too, which a misconfigured receiver returns) is retried.
 */
export type RetryPolicy = { baseMs: number; maxMs: number; maxAttempts: number; timeoutMs: number };

export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({ baseMs: 5_000, maxMs: 4 * 3_600_000, maxAttempts: 18, timeoutMs: 10_000 });

export type Attempt = { status: number | null; error: string | null; ms: number };
export type AttemptDecision =
  | { state: 'delivered' }
  | { state: 'retry'; nextAtMs: number }
  | { state: 'dead'; disableWebhook?: string };

export function backoffMs(attempt: number, p: RetryPolicy, rand: number): number {
  const raw = Math.min(p.maxMs, p.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(raw * (0.8 + 0.2 * rand));
}

/** `attempt` is the number of the attempt that just ended (1 for the first). */
export function afterAttempt(a: Attempt, attempt: number, nowMs: number, p: RetryPolicy, rand: number): AttemptDecision {
  if (a.status !== null && a.status >= 200 && a.status < 300) return { state: 'delivered' };
  if (a.status === 410) return { state: 'dead', disableWebhook: 'receiver answered 410 Gone' };
  if (attempt >= p.maxAttempts) return { state: 'dead' };
  return { state: 'retry', nextAtMs: nowMs + backoffMs(attempt, p, rand) };
}

/** Total time from the first attempt to the last one, without jitter (for docs and tests). */
export function scheduleSpanMs(p: RetryPolicy): number {
  let total = 0;
  for (let n = 1; n < p.maxAttempts; n++) total += Math.min(p.maxMs, p.baseMs * 2 ** (n - 1));
  return total;
}

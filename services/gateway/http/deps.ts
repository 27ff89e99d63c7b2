/** What the HTTP routes need; the gateway builds it, tests can pass plain objects. */
import type { ActionInput, ActResult, AlertStore } from '../../store/types.js';
import type { Principal } from '../policy.js';
import type { AddressGuard } from '../webhooks/address-guard.js';

export type HttpDeps = {
  store: AlertStore;
  /** Records an action and fans its change out, serialised with Kafka ingest so cursors stay in order. */
  act(alertId: string, input: ActionInput, actor: Principal): Promise<ActResult>;
  /** Wakes the webhook dispatcher (manual retry, new subscription). */
  kickWebhooks(): void;
  guard: AddressGuard;
  checkTarget(url: string): Promise<{ ok: true } | { ok: false; message: string }>;
  rotationOverlapMs: number;
  readiness(): Promise<{ ready: boolean; checks: Record<string, boolean> }>;
  metrics(): Promise<{ contentType: string; body: string }>;
  openapi(): unknown;
};

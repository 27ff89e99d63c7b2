/**
 * Standard Webhooks requests, pure: the signed content is `${webhook-id}.${webhook-timestamp}.${body}`,
 * HMAC-SHA256 with the base64-decoded secret (after its `whsec_` prefix), sent as `v1,<base64>`.
 * During a secret rotation's overlap both signatures are sent, space-separated, so a receiver
 * holding either secret verifies. The body is exactly the bytes stored in the outbox row.
 */
import { createHmac } from 'node:crypto';
import type { WebhookSecrets } from '../../store/types.js';

export type WebhookRequest = { body: string; headers: Record<string, string> };

export function secretBytes(secret: string): Buffer {
  return Buffer.from(secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret, 'base64');
}

export function signature(secret: string, messageId: string, timestampSec: number, body: string): string {
  return `v1,${createHmac('sha256', secretBytes(secret)).update(`${messageId}.${timestampSec}.${body}`).digest('base64')}`;
}

export function toWebhookRequest(messageId: string, body: string, secrets: WebhookSecrets, nowMs: number): WebhookRequest {
  const ts = Math.floor(nowMs / 1000);
  const sigs = [signature(secrets.current, messageId, ts, body)];
  if (secrets.previous !== null && (secrets.previousExpiresMs ?? 0) > nowMs) sigs.push(signature(secrets.previous, messageId, ts, body));
  return {
    body,
    headers: {
      'content-type': 'application/cloudevents+json',
      'webhook-id': messageId,
      'webhook-timestamp': String(ts),
      'webhook-signature': sigs.join(' '),
      'user-agent': 'live-room-supervisor-webhooks/1',
    },
  };
}

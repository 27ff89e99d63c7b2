import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { newWebhookSecret } from '../../store/secrets.js';
import { toWebhookRequest } from './sign.js';

const body = JSON.stringify({ specversion: '1.0', id: 'abc', data: { x: '价格' } });

describe('toWebhookRequest', () => {
  const secret = newWebhookSecret();
  const nowMs = Date.now();
  const req = toWebhookRequest('abc', body, { current: secret, previous: null, previousExpiresMs: null }, nowMs);

  it('verifies with the standardwebhooks package', () => {
    expect(new Webhook(secret).verify(req.body, req.headers)).toEqual(JSON.parse(body));
    expect(req.headers).toMatchObject({ 'webhook-id': 'abc', 'webhook-timestamp': String(Math.floor(nowMs / 1000)) });
  });
  it('fails verification when the body is altered or the secret differs', () => {
    expect(() => new Webhook(secret).verify(req.body.replace('价格', '价钱'), req.headers)).toThrow();
    expect(() => new Webhook(newWebhookSecret()).verify(req.body, req.headers)).toThrow();
  });
  it('signs with both secrets during a rotation overlap, so either verifies', () => {
    const next = newWebhookSecret();
    const both = toWebhookRequest('abc', body, { current: next, previous: secret, previousExpiresMs: nowMs + 1000 }, nowMs);
    expect(both.headers['webhook-signature']!.split(' ')).toHaveLength(2);
    expect(new Webhook(secret).verify(both.body, both.headers)).toBeTruthy();
    expect(new Webhook(next).verify(both.body, both.headers)).toBeTruthy();
    const after = toWebhookRequest('abc', body, { current: next, previous: secret, previousExpiresMs: nowMs - 1 }, nowMs);
    expect(() => new Webhook(secret).verify(after.body, after.headers)).toThrow();
  });
});

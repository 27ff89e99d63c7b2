/**
 * Token and webhook-secret material, pure apart from randomness. Tokens are 32 random bytes,
 * shown once and stored as their SHA-256 (high-entropy secrets need no slow hash). Webhook
 * secrets use the Standard Webhooks form `whsec_<base64 of 32 bytes>`.
 */
import { createHash, randomBytes } from 'node:crypto';

export const TOKEN_PREFIX = 'sv_';

export function newToken(): { id: string; token: string; hash: string } {
  const id = randomBytes(5).toString('hex');
  const token = `${TOKEN_PREFIX}${id}_${randomBytes(32).toString('base64url')}`;
  return { id, token, hash: hashToken(token) };
}

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export const newWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64')}`;

export const newId = (prefix: string): string => `${prefix}_${randomBytes(9).toString('base64url')}`;

/** "30d", "12h", "45m", "3600s" → ms; null when the text is not a duration. */
export function parseDuration(text: string): number | null {
  const m = /^(\d+)\s*([smhdw])$/.exec(text.trim());
  if (!m) return null;
  const unit = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 }[m[2] as 's' | 'm' | 'h' | 'd' | 'w'];
  const n = Number(m[1]);
  return n > 0 ? n * unit : null;
}

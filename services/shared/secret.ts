/** Bearer tokens and secrets compared in constant time, for every role that checks a token. */
import { createHash, timingSafeEqual } from 'node:crypto';

/** SHA-256 of a token: what is kept and compared, never the token itself. */
export const digestOf = (s: string): Buffer => createHash('sha256').update(s).digest();

/** `Bearer <token>` from an Authorization header value, else null. */
export function bearerOf(header: string | string[] | undefined): string | null {
  if (typeof header !== 'string') return null;
  const m = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return m ? m[1]! : null;
}

/** Whether `token` hashes to `digest`, compared in constant time. */
export const matchesDigest = (token: string, digest: Buffer): boolean => timingSafeEqual(digestOf(token), digest);

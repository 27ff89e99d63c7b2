/**
 * Who may do what (DESIGN.md "Security model"), pure. `inspector`: every alert, acts on them.
 * `auditor`: reads everything (alerts, audit log, webhooks and their deliveries), changes
 * nothing. `platform:<name>`: only alerts of rooms on that platform and its own webhook
 * subscriptions. `admin`: everything, including tokens and subscriptions.
 */
import type { AlertEnvelope } from '../engine/contracts/alert.js';
import type { Role } from '../store/types.js';

export type Principal = { role: Role; platform?: string | null; tokenId: string };

/** Tenancy: a platform sees only alerts of rooms on its own platform. */
export function canSee(p: Principal, alert: AlertEnvelope): boolean {
  if (p.role !== 'platform') return true;
  return alert.data.room.platform === p.platform;
}

export const canAct = (p: Principal): boolean => p.role === 'inspector' || p.role === 'admin';
export const canReadAudit = (p: Principal): boolean => p.role === 'auditor' || p.role === 'admin';
export const canManageTokens = (p: Principal): boolean => p.role === 'admin';
export const canReadMetrics = (p: Principal): boolean => p.role !== 'platform';

/** Webhook subscriptions of `platform`: admin, or that platform itself; auditors may read. */
export function canManageWebhooksOf(p: Principal, platform: string): boolean {
  return p.role === 'admin' || (p.role === 'platform' && p.platform === platform);
}
export function canReadWebhooksOf(p: Principal, platform: string): boolean {
  return canManageWebhooksOf(p, platform) || p.role === 'auditor';
}

/** `platform:douyin` → { role: 'platform', platform: 'douyin' }; plain roles pass through. */
export function parseRole(text: string): { role: Role; platform: string | null } | null {
  const m = /^platform:([A-Za-z0-9._-]{1,64})$/.exec(text);
  if (m) return { role: 'platform', platform: m[1]! };
  if (text === 'admin' || text === 'inspector' || text === 'auditor') return { role: text, platform: null };
  return null;
}

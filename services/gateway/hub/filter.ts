/**
 * Stream filters, pure: what a client asked for (subscribe frame or query parameters) and
 * whether a change passes. Tenancy (policy.canSee) is applied before the filter, so a platform
 * token's `platforms` filter can only narrow what it already may see.
 */
import { z } from 'zod';
import { CATEGORIES, SEVERITIES, type AlertEnvelope } from '../../engine/contracts/alert.js';

const list = <T extends z.ZodType>(item: T) => z.array(item).max(256).optional();

export const StreamFilterSchema = z.strictObject({
  categories: list(z.enum(CATEGORIES)),
  severities: list(z.enum(SEVERITIES)),
  platforms: list(z.string().min(1).max(64)),
  rooms: list(z.string().min(1).max(256)),
});
export type StreamFilter = z.infer<typeof StreamFilterSchema>;

export const CursorSchema = z.string().regex(/^\d{1,15}$/, 'cursor is a decimal sequence number from a previous frame');

export const ClientFrameSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('subscribe'), filter: StreamFilterSchema.optional(), since: CursorSchema.optional() }),
  z.strictObject({ type: z.literal('ping') }),
]);
export type ClientFrame = z.infer<typeof ClientFrameSchema>;

export function matchesStream(f: StreamFilter, a: AlertEnvelope): boolean {
  const d = a.data;
  if (f.categories && f.categories.length > 0 && !f.categories.includes(d.category)) return false;
  if (f.severities && f.severities.length > 0 && !f.severities.includes(d.severity)) return false;
  if (f.platforms && f.platforms.length > 0 && (d.room.platform === null || !f.platforms.includes(d.room.platform))) return false;
  if (f.rooms && f.rooms.length > 0 && !f.rooms.includes(d.room.roomId)) return false;
  return true;
}

/** The filter and cursor of a connection URL: ?since=42&categories=price-fraud,violation&rooms=r1 */
export function decodeStreamQuery(params: URLSearchParams): { ok: true; filter: StreamFilter; since: number | null } | { ok: false; message: string } {
  const split = (k: string) => {
    const v = params.get(k);
    return v === null ? undefined : v.split(',').map((s) => s.trim()).filter(Boolean);
  };
  const parsed = StreamFilterSchema.safeParse({ categories: split('categories'), severities: split('severities'), platforms: split('platforms'), rooms: split('rooms') });
  if (!parsed.success) return { ok: false, message: z.prettifyError(parsed.error) };
  const since = params.get('since');
  if (since === null) return { ok: true, filter: parsed.data, since: null };
  const c = CursorSchema.safeParse(since);
  if (!c.success) return { ok: false, message: `since: ${c.error.issues[0]?.message ?? 'invalid'}` };
  return { ok: true, filter: parsed.data, since: Number(c.data) };
}

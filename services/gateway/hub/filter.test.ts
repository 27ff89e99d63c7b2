import { describe, expect, it } from 'vitest';
import type { AlertEnvelope } from '../../engine/contracts/alert.js';
import { ClientFrameSchema, decodeStreamQuery, matchesStream } from './filter.js';

const alert = (category: string, severity: string, platform: string | null, roomId: string) =>
  ({ data: { category, severity, room: { platform, roomId } } }) as unknown as AlertEnvelope;

describe('matchesStream', () => {
  it('passes everything with an empty filter', () => expect(matchesStream({}, alert('violation', 'low', null, 'r'))).toBe(true));
  it('narrows by each field', () => {
    const a = alert('price-fraud', 'high', 'douyin', 'r1');
    expect(matchesStream({ categories: ['price-fraud'] }, a)).toBe(true);
    expect(matchesStream({ categories: ['violation'] }, a)).toBe(false);
    expect(matchesStream({ severities: ['low'] }, a)).toBe(false);
    expect(matchesStream({ platforms: ['kuaishou'] }, a)).toBe(false);
    expect(matchesStream({ platforms: ['douyin'], rooms: ['r1'] }, a)).toBe(true);
    expect(matchesStream({ rooms: ['r2'] }, a)).toBe(false);
    expect(matchesStream({ platforms: ['douyin'] }, alert('violation', 'low', null, 'r'))).toBe(false);
  });
});

describe('decodeStreamQuery', () => {
  it('reads since and comma lists', () => {
    expect(decodeStreamQuery(new URLSearchParams('since=42&categories=price-fraud,violation'))).toEqual({ ok: true, since: 42, filter: { categories: ['price-fraud', 'violation'] } });
  });
  it('says what is wrong', () => {
    const r = decodeStreamQuery(new URLSearchParams('severities=urgent'));
    expect(r.ok).toBe(false);
    expect(decodeStreamQuery(new URLSearchParams('since=abc'))).toMatchObject({ ok: false, message: expect.stringContaining('since') });
  });
});

describe('ClientFrameSchema', () => {
  it('accepts subscribe with filter and since', () => expect(ClientFrameSchema.safeParse({ type: 'subscribe', filter: { rooms: ['r'] }, since: '12' }).success).toBe(true));
  it('refuses unknown frames and fields', () => {
    expect(ClientFrameSchema.safeParse({ type: 'hack' }).success).toBe(false);
    expect(ClientFrameSchema.safeParse({ type: 'subscribe', filter: { colour: ['red'] } }).success).toBe(false);
  });
});

/**
 * The alert envelope (DESIGN.md "Alerts"): CloudEvents 1.0, structured JSON. The same shape
 * goes to supervisor.alerts, the WebSocket, webhooks, `supervisor scan` and the store.
 */
import { z } from 'zod';

export const CATEGORIES = ['price-fraud', 'infringement', 'violation'] as const;
export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Category = (typeof CATEGORIES)[number];
export type Severity = (typeof SEVERITIES)[number];

const CoordinatesSchema = z.object({ topic: z.string(), partition: z.number().int(), offset: z.number().int() });

export const AlertEnvelopeSchema = z.looseObject({
  specversion: z.literal('1.0'),
  id: z.string().min(1),
  source: z.string(),
  type: z.literal('supervisor.alert.v1'),
  subject: z.string(),
  time: z.string(),
  datacontenttype: z.literal('application/json').optional(),
  data: z.looseObject({
    ruleId: z.string(),
    ruleVersion: z.number().int(),
    rulesetVersion: z.string(),
    category: z.enum(CATEGORIES),
    severity: z.enum(SEVERITIES),
    title: z.string(),
    summary: z.string(),
    legalBasis: z.array(z.object({ law: z.string(), article: z.string() })),
    room: z.looseObject({
      roomId: z.string(),
      sessionId: z.string(),
      platform: z.string().nullable(),
      streamerId: z.string().nullable(),
    }),
    sku: z.string().nullable().optional(),
    occurrences: z.number().int().positive(),
    firstSeen: z.string(),
    lastSeen: z.string(),
    evidence: z.looseObject({
      trigger: CoordinatesSchema,
      events: z.array(z.looseObject({})),
      matches: z.array(z.looseObject({})),
      values: z.record(z.string(), z.unknown()),
    }),
    detectedAt: z.string().optional(),
  }),
});

export type AlertEnvelope = z.infer<typeof AlertEnvelopeSchema>;
export type AlertData = AlertEnvelope['data'];

/*
 * A hand-written check of the same shape, for the gateway's hot path: the schema costs ≈ 35 µs
 * on an alert of ≈ 1.8 KB, nearly four times its JSON.parse (BENCHMARKS.md, "Gateway store").
 * It may say no to a valid envelope (the schema then decides) but must never say yes to one the
 * schema rejects, nor to one the schema would change: the strict objects (coordinates, legal
 * basis entries) pass only without extra keys, which the schema would strip. alert.test.ts checks
 * both against the schema on generated envelopes and that it passes the engine's own alerts.
 * Change the schema, change this.
 */
type Obj = Record<string, unknown>;
const isPlain = (v: unknown): v is Obj => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  // An own `constructor` function can make zod's plain-object test (records) say no.
  return (proto === Object.prototype || proto === null) && !(Object.hasOwn(v, 'constructor') && typeof (v as Obj).constructor === 'function');
};
const int = (v: unknown): boolean => Number.isSafeInteger(v);
const nullableStr = (v: unknown): boolean => v === null || typeof v === 'string';
const keyCount = (o: Obj): number => {
  let n = 0;
  for (const k in o) if (Object.hasOwn(o, k)) n++;
  return n;
};
const isCoordinates = (v: unknown): boolean => isPlain(v) && typeof v.topic === 'string' && int(v.partition) && int(v.offset) && keyCount(v) === 3;
const allPlain = (v: unknown): boolean => {
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (!isPlain(v[i])) return false;
  return true;
};
const isLegalBasis = (v: unknown): boolean => {
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) {
    const b: unknown = v[i];
    if (!isPlain(b) || typeof b.law !== 'string' || typeof b.article !== 'string' || keyCount(b) !== 2) return false;
  }
  return true;
};
const isRoom = (v: unknown): boolean =>
  isPlain(v) && typeof v.roomId === 'string' && typeof v.sessionId === 'string' && nullableStr(v.platform) && nullableStr(v.streamerId);
const isEvidence = (v: unknown): boolean => isPlain(v) && isCoordinates(v.trigger) && allPlain(v.events) && allPlain(v.matches) && isPlain(v.values);

function isAlertData(d: unknown): boolean {
  if (!isPlain(d)) return false;
  return (
    typeof d.ruleId === 'string' &&
    int(d.ruleVersion) &&
    typeof d.rulesetVersion === 'string' &&
    (CATEGORIES as readonly unknown[]).includes(d.category) &&
    (SEVERITIES as readonly unknown[]).includes(d.severity) &&
    typeof d.title === 'string' &&
    typeof d.summary === 'string' &&
    isLegalBasis(d.legalBasis) &&
    isRoom(d.room) &&
    (d.sku === undefined || nullableStr(d.sku)) &&
    int(d.occurrences) &&
    (d.occurrences as number) > 0 &&
    typeof d.firstSeen === 'string' &&
    typeof d.lastSeen === 'string' &&
    isEvidence(d.evidence) &&
    (d.detectedAt === undefined || typeof d.detectedAt === 'string')
  );
}

/** Whether `v` is an alert envelope that `AlertEnvelopeSchema` accepts as it is (a no may still be valid: ask the schema). */
export function isAlertEnvelope(v: unknown): v is AlertEnvelope {
  return (
    isPlain(v) &&
    v.specversion === '1.0' &&
    typeof v.id === 'string' &&
    v.id.length > 0 &&
    typeof v.source === 'string' &&
    v.type === 'supervisor.alert.v1' &&
    typeof v.subject === 'string' &&
    typeof v.time === 'string' &&
    (v.datacontenttype === undefined || v.datacontenttype === 'application/json') &&
    isAlertData(v.data)
  );
}

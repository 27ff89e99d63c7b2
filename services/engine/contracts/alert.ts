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

/**
 * The rule-file schema is the spec of a rule (STYLE §5). `supervisor rules schema` prints it.
 * A rule file is rules/<category>/<ID>.yaml; its detector's own zod schema checks `params`.
 */
import { z } from 'zod';
import { CATEGORIES, SEVERITIES } from '../contracts/alert.js';

export const RuleExampleSchema = z.strictObject({
  name: z.string().min(1),
  /** Wire events (DESIGN.md); roomId, sessionId and ts may be left out and are filled in. */
  events: z.array(z.looseObject({ type: z.string() })).min(1),
  fires: z.boolean(),
  /** When fires: the 0-based index of the event the alert must be anchored at. */
  at: z.number().int().min(0).optional(),
});

export const RuleFileSchema = z.strictObject({
  id: z.string().regex(/^[A-Z]+\.[A-Z0-9_]+$/, 'rule ids look like CATEGORY.SNAKE_NAME'),
  version: z.number().int().positive(),
  category: z.enum(CATEGORIES),
  severity: z.enum(SEVERITIES),
  title: z.string().min(4),
  description: z.string().optional(),
  legalBasis: z.array(z.strictObject({ law: z.string().min(1), article: z.string().min(1) })).min(1),
  detector: z.string().min(1),
  params: z.unknown(),
  /** Precedence: this rule stays silent when one of these fired on the same event or on a
   *  transcript of this room in the last 60 s (e.g. a counterfeit cue wins over 顶级 as an absolute term). */
  yieldsTo: z
    .array(
      z.union([
        z.string().regex(/^[A-Z]+\.[A-Z0-9_]+$/),
        /** sameEvent: only when the other rule fired on this very event (one phrase, two readings). */
        z.strictObject({ rule: z.string().regex(/^[A-Z]+\.[A-Z0-9_]+$/), sameEvent: z.boolean().default(false) }),
      ]),
    )
    .default([])
    .transform((xs) => xs.map((x) => (typeof x === 'string' ? { rule: x, sameEvent: false } : x))),
  examples: z
    .array(RuleExampleSchema)
    .refine((xs) => xs.some((x) => x.fires) && xs.some((x) => !x.fires), 'needs a firing and a non-firing example'),
});

export type RuleFile = z.infer<typeof RuleFileSchema>;
export type RuleExample = z.infer<typeof RuleExampleSchema>;

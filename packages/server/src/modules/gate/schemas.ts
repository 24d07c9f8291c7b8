// Request schemas of the gate routes; the same schemas document the API (OpenAPI).

import { zLimit } from '@pi-studio/core/contract/common';
import { parseVersion } from '@pi-studio/core/documents/version';
import { z } from 'zod';
import { MAX_PASSAGE_CHARS } from './passage.ts';

const versionText = z
  .string()
  .trim()
  .refine((v) => parseVersion(v) !== null, 'use major.minor, e.g. 1.3');
// Postgres text cannot hold NUL: refusing it here turns a would-be 500 into a 422 naming the field.
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !s.includes('\u0000'), 'must not contain NUL characters');
const isoDateOrTime = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: 'use an ISO date (2026-11-30) or date-time',
});
const subsidiaryCode = z.string().trim().min(1).max(20).toUpperCase();
const productTypeCode = z.string().trim().min(1).max(60);

export const ZIdParams = z.strictObject({ id: z.uuid() });
export const ZConditionParams = z.strictObject({ id: z.uuid(), conditionId: z.uuid() });
export const ZOverrideParams = z.strictObject({ id: z.uuid(), criterion: z.string().trim().min(1).max(40) });
export const ZWaiverParams = z.strictObject({ id: z.uuid(), findingId: z.string().trim().min(1).max(40) });

export const ZRubricBody = z.strictObject({
  definition: z.record(z.string(), z.unknown(), { error: 'send the rubric as a JSON object' }),
});
export type RubricBody = z.infer<typeof ZRubricBody>;

export const ZSubmitBody = z.strictObject({ version: versionText.optional() });
export type SubmitBody = z.infer<typeof ZSubmitBody>;

export const ZQueueQuery = z.strictObject({ subsidiary: subsidiaryCode.optional() });

export const REVIEW_STATUSES = ['submitted', 'decided', 'superseded'] as const;
export const ZReviewsQuery = z.strictObject({
  product: z.string().trim().min(1).max(100).toUpperCase().optional(),
  document: z.uuid().optional(),
  status: z.enum(REVIEW_STATUSES).optional(),
  limit: zLimit(500, 100),
});
export type ReviewsQuery = z.infer<typeof ZReviewsQuery>;

export const ZOverrideBody = z.strictObject({
  criterion: z.string().trim().min(1).max(40),
  score: z.number().min(0).max(1),
  reason: text(2000),
});
export type OverrideBody = z.infer<typeof ZOverrideBody>;

export const ZWaiverBody = z.strictObject({
  findingId: z.string().trim().min(1).max(40),
  reason: text(2000),
  expiresAt: isoDateOrTime,
});
export type WaiverBody = z.infer<typeof ZWaiverBody>;

export const ZConditionBody = z.strictObject({
  text: text(2000),
  ownerId: z.uuid().nullable().optional(),
  dueDate: z.iso.date({ error: 'use an ISO date, e.g. 2026-12-15' }),
});
export type ConditionBody = z.infer<typeof ZConditionBody>;

export const ZConditionPatch = z
  .strictObject({
    done: z.boolean().optional(),
    text: text(2000).optional(),
    ownerId: z.uuid().nullable().optional(),
    dueDate: z.iso.date({ error: 'use an ISO date, e.g. 2026-12-15' }).optional(),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), 'send at least one of done, text, ownerId, dueDate');
export type ConditionPatch = z.infer<typeof ZConditionPatch>;

export const VERDICTS = ['pass', 'conditional', 'fail'] as const;
export const ZDecisionBody = z.strictObject({
  verdict: z.enum(VERDICTS),
  note: z
    .string()
    .trim()
    .max(4000)
    .refine((s) => !s.includes('\u0000'), 'must not contain NUL characters')
    .default(''),
});
export type DecisionBody = z.infer<typeof ZDecisionBody>;

export const ZMetricsQuery = z.strictObject({
  from: isoDateOrTime.optional(),
  to: isoDateOrTime.optional(),
  subsidiary: subsidiaryCode.optional(),
  productType: productTypeCode.optional(),
});
export type MetricsQuery = z.infer<typeof ZMetricsQuery>;

export const ZGoldenQuery = z.strictObject({
  criterion: z.string().trim().min(1).max(40).optional(),
  subsidiary: subsidiaryCode.optional(),
  productType: productTypeCode.optional(),
  q: z.string().trim().max(200).optional(),
  limit: zLimit(200, 50),
});
export type GoldenQuery = z.infer<typeof ZGoldenQuery>;

export const ZGoldenBody = z.strictObject({
  documentId: z.uuid(),
  version: versionText,
  criterion: z.string().trim().min(1).max(40),
  text: text(MAX_PASSAGE_CHARS).optional(),
  /** Omitted: the source's subsidiary / product type; null: any. */
  subsidiary: subsidiaryCode.nullable().optional(),
  productType: productTypeCode.nullable().optional(),
});
export type GoldenBody = z.infer<typeof ZGoldenBody>;

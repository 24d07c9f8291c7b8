// The PRD Quality Gate: rubrics, the Golden PRD library and metrics (docs/api-contract.md, "PRD Quality Gate").
// Reviews, their report and the queue are in gate-reviews.ts.
import { z } from 'zod';
import { VERDICTS } from '../gate/types.ts';
import { ZPerson, zItems, zLimit, zTimestamp } from './common.ts';
import { zVersionText } from './documents.ts';

export const zVerdict = () => z.enum(VERDICTS);

/** An ISO date (a whole day, UTC) or date-time. */
export const zDateOrTime = () =>
  z.union([z.iso.date(), z.iso.datetime({ offset: true })], { error: 'use an ISO date (2026-11-30) or date-time' });
const subsidiaryCode = z.string().trim().min(1).max(20).toUpperCase();
const productTypeCode = z.string().trim().min(1).max(60);
export const zCriterionId = () => z.string().trim().min(1).max(40);
/** Required free text: trimmed, 1..max characters. */
export const zText = (max: number) => z.string().trim().min(1).max(max);

// ---- Rubrics ----

export const ZRubricBody = z.strictObject({
  /** The rubric JSON (core `gate/rubric.ts`); validated by the server, which also numbers the version. */
  definition: z.record(z.string(), z.unknown(), { error: 'send the rubric as a JSON object' }),
});
export type RubricBody = z.infer<typeof ZRubricBody>;

export const ZRubricSummary = z.strictObject({
  id: z.uuid(),
  /** The rubric's own id, e.g. `default-prd`; `version` counts its versions. */
  rubricId: z.string(),
  version: z.number().int(),
  name: z.string(),
  /** The version new submissions are scored with (one at a time). */
  active: z.boolean(),
  createdAt: zTimestamp(),
  author: ZPerson.nullable(),
});
export type RubricSummary = z.infer<typeof ZRubricSummary>;

export const ZRubricList = zItems(ZRubricSummary);
export type RubricList = z.infer<typeof ZRubricList>;

export const ZRubricDetail = ZRubricSummary.extend({
  /** The rubric JSON as stored (criteria, weights, checks, word lists, verdict rules): core `gate/rubric.ts`. */
  definition: z.record(z.string(), z.unknown()),
});
export type RubricDetail = z.infer<typeof ZRubricDetail>;

// ---- Golden PRD library ----

/** The longest passage the library keeps. */
export const MAX_PASSAGE_CHARS = 4000;

export const ZGoldenQuery = z.strictObject({
  criterion: zCriterionId().optional(),
  subsidiary: subsidiaryCode.optional(),
  productType: productTypeCode.optional(),
  q: z.string().trim().max(200).optional(),
  limit: zLimit(200, 50),
});
export type GoldenQuery = z.infer<typeof ZGoldenQuery>;
/** What a client filters the library by (the server applies its default limit). */
export type GoldenFilters = Omit<z.input<typeof ZGoldenQuery>, 'limit'>;

export const ZGoldenBody = z.strictObject({
  documentId: z.uuid(),
  version: zVersionText(),
  criterion: zCriterionId(),
  text: zText(MAX_PASSAGE_CHARS).optional(),
  /** Omitted: the source's subsidiary / product type; null: any. */
  subsidiary: subsidiaryCode.nullable().optional(),
  productType: productTypeCode.nullable().optional(),
});
export type GoldenBody = z.infer<typeof ZGoldenBody>;
export type MarkGoldenBody = z.input<typeof ZGoldenBody>;

export const ZGoldenExample = z.strictObject({
  id: z.uuid(),
  criterion: z.string(),
  text: z.string(),
  /** Where it comes from, e.g. `FINTX-PAYOUTS-PRD v1.3`. */
  source: z.string(),
  /** null once the source document is gone. */
  documentId: z.uuid().nullable(),
  version: z.string().nullable(),
  /** null: any subsidiary / product type. */
  subsidiary: z.string().nullable(),
  productType: z.string().nullable(),
  createdAt: zTimestamp(),
  createdBy: ZPerson.nullable(),
});
export type GoldenExample = z.infer<typeof ZGoldenExample>;

export const ZGoldenList = zItems(ZGoldenExample);
export type GoldenList = z.infer<typeof ZGoldenList>;

// ---- Metrics ----

export const ZMetricsQuery = z.strictObject({
  from: zDateOrTime().optional(),
  to: zDateOrTime().optional(),
  subsidiary: subsidiaryCode.optional(),
  productType: productTypeCode.optional(),
});
export type MetricsQuery = z.infer<typeof ZMetricsQuery>;
export type MetricsFilters = z.input<typeof ZMetricsQuery>;

const count = z.number().int();
/** Percent 0–100 with one decimal of decided first attempts that passed; null when none was decided. */
const rate = z.number().nullable();
const counts = {
  submitted: count,
  decided: count,
  passed: count,
  conditional: count,
  failed: count,
  firstTimePassRate: rate,
};

export const ZWeekStats = z.strictObject({ week: z.string(), ...counts });
export type WeekStats = z.infer<typeof ZWeekStats>;

export const ZGateMetrics = z.strictObject({
  from: zTimestamp(),
  to: zTimestamp(),
  firstTimePassRate: rate,
  reviews: count,
  decided: count,
  passed: count,
  conditional: count,
  failed: count,
  /** Every ISO week of the window (`2026-W47`), empty ones as zeros. */
  byWeek: z.array(ZWeekStats),
  topReasons: z.array(z.strictObject({ criterion: z.string(), rule: z.string(), count })),
  reasonsByWeek: z.array(z.strictObject({ week: z.string(), criterion: z.string(), count })),
  bySubsidiary: z.array(z.strictObject({ subsidiary: z.string(), ...counts })),
  byProductType: z.array(z.strictObject({ productType: z.string(), ...counts })),
  byAuthor: z.array(z.strictObject({ author: ZPerson.nullable(), ...counts })),
});
export type GateMetrics = z.infer<typeof ZGateMetrics>;

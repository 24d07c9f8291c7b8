// Gate reviews: submitting a PRD version, the queue, the reviewer's view and what ProductOps do with it
// (overrides, waivers, conditions, the verdict). Rubrics, golden passages and metrics are in gate.ts.
import { z } from 'zod';
import { SEVERITIES } from '../gate/types.ts';
import { STAGES } from '../workspace/stages.ts';
import { ZPerson, zItems, zLimit, zTimestamp } from './common.ts';
import { zVersionText } from './documents.ts';
import { zCriterionId, zDateOrTime, zText, zVerdict } from './gate.ts';

export const REVIEW_STATUSES = ['submitted', 'decided', 'superseded'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

const zIsoDate = () => z.iso.date({ error: 'use an ISO date, e.g. 2026-12-15' });

// ---- Requests ----

export const ZConditionParams = z.strictObject({ id: z.uuid(), conditionId: z.uuid() });
export const ZOverrideParams = z.strictObject({ id: z.uuid(), criterion: zCriterionId() });
export const ZWaiverParams = z.strictObject({ id: z.uuid(), findingId: z.string().trim().min(1).max(40) });

/** `{}` submits the current version. */
export const ZSubmitBody = z.strictObject({ version: zVersionText().optional() });
export type SubmitBody = z.infer<typeof ZSubmitBody>;

export const ZQueueQuery = z.strictObject({ subsidiary: z.string().trim().min(1).max(20).toUpperCase().optional() });

export const ZReviewsQuery = z.strictObject({
  product: z.string().trim().min(1).max(100).toUpperCase().optional(),
  document: z.uuid().optional(),
  status: z.enum(REVIEW_STATUSES).optional(),
  limit: zLimit(500, 100),
});
export type ReviewsQuery = z.infer<typeof ZReviewsQuery>;
/** What a client filters the list by (the server applies its default limit). */
export type ReviewFilters = Omit<z.input<typeof ZReviewsQuery>, 'limit'>;

export const ZOverrideBody = z.strictObject({
  criterion: zCriterionId(),
  score: z.number().min(0).max(1),
  reason: zText(2000),
});
export type OverrideBody = z.infer<typeof ZOverrideBody>;

export const ZWaiverBody = z.strictObject({
  findingId: z.string().trim().min(1).max(40),
  reason: zText(2000),
  /** A date means the end of that day (UTC). */
  expiresAt: zDateOrTime(),
});
export type WaiverBody = z.infer<typeof ZWaiverBody>;

export const ZConditionBody = z.strictObject({
  text: zText(2000),
  ownerId: z.uuid().nullable().optional(),
  dueDate: zIsoDate(),
});
export type ConditionBody = z.infer<typeof ZConditionBody>;

export const ZConditionPatch = z
  .strictObject({
    done: z.boolean().optional(),
    text: zText(2000).optional(),
    ownerId: z.uuid().nullable().optional(),
    dueDate: zIsoDate().optional(),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), 'send at least one of done, text, ownerId, dueDate');
export type ConditionPatch = z.infer<typeof ZConditionPatch>;

export const ZDecisionBody = z.strictObject({ verdict: zVerdict(), note: z.string().trim().max(4000).default('') });
export type DecisionBody = z.infer<typeof ZDecisionBody>;

// ---- The engine's report (core gate/types.ts), as stored with each review ----

export const ZFinding = z.strictObject({
  /** Stable across versions: the same rule on the same (normalised) excerpt. */
  id: z.string(),
  criterion: z.string(),
  /** `<check>.<rule>`, e.g. `metrics.no-timeframe`. */
  rule: z.string(),
  severity: z.enum(SEVERITIES),
  line: z.number().int(),
  column: z.number().int(),
  section: z.string(),
  excerpt: z.string(),
  message: z.string(),
  fix: z.string(),
  /** The Golden passage the fix quotes, as Markdown (reviews stored before it have only the text in `fix`). */
  golden: z.strictObject({ source: z.string().nullable(), markdown: z.string() }).optional(),
});
export type ReviewedFinding = z.infer<typeof ZFinding>;

export const ZGateReport = z.strictObject({
  rubric: z.strictObject({ id: z.string(), version: z.number().int() }),
  score: z.number(),
  verdict: zVerdict(),
  /** Reports stored before the gate explained its verdicts have none. */
  why: z.string().optional(),
  criteria: z.array(z.strictObject({ id: z.string(), name: z.string(), weight: z.number(), score: z.number() })),
  findings: z.array(ZFinding),
});

export const ZFindingChanges = z.strictObject({
  fixed: z.array(ZFinding),
  new: z.array(ZFinding),
  remaining: z.array(ZFinding),
});
export type ReviewChanges = z.infer<typeof ZFindingChanges>;

// ---- Responses ----

const ZReviewProduct = z.strictObject({
  code: z.string(),
  name: z.string(),
  /** The subsidiary's code. */
  subsidiary: z.string(),
  productType: z.string(),
  stage: z.enum(STAGES),
});
const ZReviewDocument = z.strictObject({ id: z.uuid(), code: z.string(), title: z.string() });

export const ZGateReviewSummary = z.strictObject({
  id: z.uuid(),
  /** superseded: a newer version was submitted before this one was decided. */
  status: z.enum(REVIEW_STATUSES),
  product: ZReviewProduct,
  document: ZReviewDocument,
  version: z.string(),
  attempt: z.number().int(),
  /** Attempt 1 with a pass or conditional verdict. */
  firstTime: z.boolean(),
  /** The final score once decided, else the engine's. */
  score: z.number(),
  engineScore: z.number(),
  engineVerdict: zVerdict(),
  verdict: zVerdict().nullable(),
  submittedBy: ZPerson.nullable(),
  submittedAt: zTimestamp(),
  decidedBy: ZPerson.nullable(),
  decidedAt: zTimestamp().nullable(),
  previousReviewId: z.uuid().nullable(),
});
export type GateReviewSummary = z.infer<typeof ZGateReviewSummary>;

export const ZReviewList = zItems(ZGateReviewSummary);
export type ReviewList = z.infer<typeof ZReviewList>;

export const ZReviewCriterion = z.strictObject({
  id: z.string(),
  name: z.string(),
  weight: z.number(),
  /** Effective score 0–1: the override when there is one. */
  score: z.number(),
  engineScore: z.number(),
  override: z
    .strictObject({ score: z.number(), reason: z.string(), by: ZPerson.nullable(), at: zTimestamp() })
    .nullable(),
});
export type ReviewCriterion = z.infer<typeof ZReviewCriterion>;

export const ZReviewFinding = ZFinding.extend({
  waiver: z
    .strictObject({
      reason: z.string(),
      expiresAt: zTimestamp(),
      by: ZPerson.nullable(),
      at: zTimestamp(),
      /** Set when the waiver came along from the previous attempt's review. */
      carriedFromReviewId: z.uuid().nullable(),
    })
    .nullable(),
});
export type ReviewFinding = z.infer<typeof ZReviewFinding>;

export const ZCondition = z.strictObject({
  id: z.uuid(),
  text: z.string(),
  owner: ZPerson.nullable(),
  dueDate: z.iso.date(),
  done: z.boolean(),
  doneAt: zTimestamp().nullable(),
  createdAt: zTimestamp(),
});
export type Condition = z.infer<typeof ZCondition>;

/** The reviewer's view; every ProductOps action answers it, recomputed. */
export const ZGateReview = ZGateReviewSummary.extend({
  contentHash: z.string(),
  rubric: z.strictObject({ id: z.string(), version: z.number().int(), rowId: z.uuid(), name: z.string() }),
  engine: ZGateReport,
  criteria: z.array(ZReviewCriterion),
  /** The effective score: Σ weight × (override ?? engine score), rounded. */
  score: z.number(),
  /** The rubric's verdict on the effective score, findings under an active waiver excluded. */
  suggestedVerdict: zVerdict(),
  findings: z.array(ZReviewFinding),
  conditions: z.array(ZCondition),
  decisionNote: z.string(),
  /** What changed since the previous attempt; null on a first attempt. */
  changes: ZFindingChanges.nullable(),
  /** The author of the reviewed version. */
  author: ZPerson.nullable(),
  goldenCitations: z.array(
    z.strictObject({ criterion: z.string(), source: z.string().nullable(), goldenId: z.uuid() }),
  ),
});
export type GateReview = z.infer<typeof ZGateReview>;

export const ZQueueItem = z.strictObject({
  reviewId: z.uuid(),
  product: ZReviewProduct,
  document: ZReviewDocument,
  version: z.string(),
  submittedAt: zTimestamp(),
  submittedBy: ZPerson.nullable(),
  ageHours: z.number().int(),
  /** The engine's score and verdict. */
  score: z.number(),
  verdict: zVerdict(),
  attempt: z.number().int(),
});
export type QueueItem = z.infer<typeof ZQueueItem>;

export const ZQueue = zItems(ZQueueItem);
export type Queue = z.infer<typeof ZQueue>;

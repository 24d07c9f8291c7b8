// The adoption module's contract (issue #15): a product's versioned tracking plan (the events it plans, with their
// properties), the PRD's analytics section checked against it, and the event ingest (POST /events) answer. The event
// envelope itself is checked record by record by core's metrics/event-envelope.ts, not by a schema here: a bad record
// is a per-record rejection, never a refusal of the whole batch. Guide: docs/adoption.md.
import { z } from 'zod';
import { EVENT_NAME } from '../metrics/event-envelope.ts';
import { zItems, zPersonOrNull, zTimestamp } from './common.ts';

export const ADOPTION_LIMITS = {
  /** Events one tracking plan version holds. */
  planEvents: 500,
  /** Properties one planned event declares. */
  planProperties: 50,
  description: 1000,
  owner: 200,
  /** Events one POST /events takes (more: 413). */
  batchEvents: 1000,
  /** Bytes one POST /events body takes (more: 413). */
  batchBytes: 1024 * 1024,
} as const;

export const PLAN_EVENT_STATUSES = ['live', 'deprecated'] as const;
export const PLAN_PROPERTY_TYPES = ['string', 'number', 'boolean'] as const;

const PROPERTY_NAME = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

/** Names within one list are unique: the duplicate is named by its path (`events.3.name`). */
const uniqueNames = (what: string) => (items: readonly { name: string }[], ctx: z.RefinementCtx) => {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.name)) {
      ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `${what} ${item.name} is listed twice` });
    }
    seen.add(item.name);
  });
};

// ---- Requests ----

export const ZTrackingPlanProperty = z.strictObject({
  name: z.string().max(64).regex(PROPERTY_NAME, 'a property name is lowercase snake_case (e.g. report_format)'),
  type: z.enum(PLAN_PROPERTY_TYPES),
  description: z.string().trim().max(ADOPTION_LIMITS.description).default(''),
});
export type TrackingPlanProperty = z.infer<typeof ZTrackingPlanProperty>;

export const ZTrackingPlanEvent = z.strictObject({
  name: z
    .string()
    .max(64)
    .regex(EVENT_NAME, 'an event name is object_action in lowercase snake_case (e.g. report_exported)'),
  description: z.string().trim().min(1).max(ADOPTION_LIMITS.description),
  owner: z.string().trim().min(1).max(ADOPTION_LIMITS.owner),
  status: z.enum(PLAN_EVENT_STATUSES),
  properties: z
    .array(ZTrackingPlanProperty)
    .max(ADOPTION_LIMITS.planProperties)
    .default([])
    .superRefine(uniqueNames('property')),
});
export type TrackingPlanEvent = z.infer<typeof ZTrackingPlanEvent>;

/** A new version of the plan: the whole list of events (PUT replaces it; the older versions are kept). */
export const ZTrackingPlanBody = z.strictObject({
  events: z.array(ZTrackingPlanEvent).max(ADOPTION_LIMITS.planEvents).superRefine(uniqueNames('event')),
});
export type TrackingPlanBody = z.infer<typeof ZTrackingPlanBody>;

/** POST /events: the records are checked one by one (metrics/event-envelope.ts), so each is any JSON value here. */
export const ZEventBatchBody = z.strictObject({ events: z.array(z.unknown()).min(1) });
export type EventBatchBody = z.infer<typeof ZEventBatchBody>;

// ---- Responses ----

export const ZTrackingPlan = z.strictObject({
  product: z.string(),
  /** 0 while the product has no plan yet (no events). */
  version: z.number().int().min(0),
  events: z.array(ZTrackingPlanEvent),
  createdAt: zTimestamp().nullable(),
  createdBy: zPersonOrNull(),
});
export type TrackingPlan = z.infer<typeof ZTrackingPlan>;

export const ZTrackingPlanVersion = z.strictObject({
  version: z.number().int().min(1),
  eventCount: z.number().int().min(0),
  liveCount: z.number().int().min(0),
  createdAt: zTimestamp(),
  createdBy: zPersonOrNull(),
});
export const ZTrackingPlanVersions = zItems(ZTrackingPlanVersion);
export type TrackingPlanVersions = z.infer<typeof ZTrackingPlanVersions>;

const ZNamedEvent = z.strictObject({ name: z.string(), line: z.number().int() });

export const ZPrdPlanCheck = z.strictObject({
  /** The PRD version checked; null when the product has no PRD (then nothing is named). */
  prd: z.strictObject({ documentId: z.uuid(), version: z.string() }).nullable(),
  planVersion: z.number().int().min(0),
  /** Events named in the PRD's analytics or metrics sections. */
  named: z.array(ZNamedEvent),
  /** Named in the PRD, missing from the plan (or only deprecated there). */
  notPlanned: z.array(ZNamedEvent),
  /** Live in the plan, never named by the PRD. */
  notInPrd: z.array(z.string()),
  /** Whether the PRD has an analytics or metrics section at all. */
  hasSection: z.boolean(),
});
export type PrdPlanCheck = z.infer<typeof ZPrdPlanCheck>;

export const ZRejectedEvent = z.strictObject({
  /** The record's position in `events`, from 0. */
  index: z.number().int().min(0),
  event_id: z.string().nullable(),
  field: z.string(),
  code: z.string(),
  message: z.string(),
});
export type RejectedEvent = z.infer<typeof ZRejectedEvent>;

export const ZEventBatchResult = z.strictObject({
  accepted: z.number().int().min(0),
  duplicates: z.number().int().min(0),
  rejected: z.array(ZRejectedEvent),
});
export type EventBatchResult = z.infer<typeof ZEventBatchResult>;

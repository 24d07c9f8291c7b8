// The feedback backlog's contract (issue #13): feedback items per product from the in-app form, the API and chat
// exports (WhatsApp, Slack, Teams), their near duplicates, imports in two steps (preview, then commit), and triage
// into stories, bugs, duplicates, sprint clarifications or a declined answer. Guide: docs/feedback.md.
import { z } from 'zod';
import { PRIORITIES } from '../stories/priority.ts';
import { ZPerson, zLimit, zPage, zSerialCursor, zTimestamp } from './common.ts';

export const FEEDBACK_SOURCES = ['form', 'guest', 'api', 'whatsapp', 'slack', 'teams'] as const;
export type FeedbackSource = (typeof FEEDBACK_SOURCES)[number];

export const FEEDBACK_STATUSES = ['new', 'accepted', 'duplicate', 'clarification', 'declined'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

export const IMPORT_SOURCES = ['whatsapp', 'slack', 'teams'] as const;

export const FEEDBACK_LIMITS = {
  text: 8000,
  author: 200,
  reason: 2000,
  /** Keys one bulk triage takes. */
  bulkKeys: 500,
  /** Messages one import commit takes (one feedback item each). */
  commitIndices: 20_000,
  /** Pairs the list of "not duplicates" answers at most (newest first). */
  distinctPairs: 5000,
} as const;

// ---- Requests ----

const zProductCode = () => z.string().min(1).max(60);

export const ZFeedbackParams = z.strictObject({ code: zProductCode(), key: z.string().min(1).max(100) });
export const ZFeedbackImportParams = z.strictObject({ code: zProductCode(), id: z.uuid() });

export const ZFeedbackSubmitBody = z.strictObject({
  text: z.string().trim().min(1).max(FEEDBACK_LIMITS.text),
  /** Who gave the feedback, when not the person sending it (a customer on the phone); default: the sender's name. */
  author: z.string().trim().min(1).max(FEEDBACK_LIMITS.author).optional(),
});
export type FeedbackSubmitBody = z.infer<typeof ZFeedbackSubmitBody>;

export const ZFeedbackQuery = z.strictObject({
  status: z.enum(FEEDBACK_STATUSES).optional(),
  source: z.enum(FEEDBACK_SOURCES).optional(),
  /** The `nextCursor` of the previous page (items are listed newest first, by number). */
  cursor: zSerialCursor().optional(),
  limit: zLimit(500, 100),
});
export type FeedbackQuery = z.infer<typeof ZFeedbackQuery>;

export const ZFeedbackImportQuery = z.strictObject({
  source: z.enum(['auto', ...IMPORT_SOURCES]).default('auto'),
  /** The export's file name, shown in the preview (the body is the file itself). */
  fileName: z.string().trim().min(1).max(255).optional(),
});
export type FeedbackImportQuery = z.infer<typeof ZFeedbackImportQuery>;

export const ZFeedbackCommitBody = z.strictObject({
  /** The preview's `items[].index` to create feedback items from. */
  indices: z.array(z.number().int().min(0)).min(1).max(FEEDBACK_LIMITS.commitIndices),
});
export type FeedbackCommitBody = z.infer<typeof ZFeedbackCommitBody>;

const zReason = () => z.string().trim().min(1).max(FEEDBACK_LIMITS.reason);
const zKey = () => z.string().min(1).max(100);

export const ZFeedbackTriageBody = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.enum(['story', 'bug']),
    title: z.string().trim().min(1).max(200).optional(),
    priority: z.enum(PRIORITIES).optional(),
    /** Link to this requirement instead of the best match (a requirement of the product still in the PRD). */
    requirementId: z.uuid().optional(),
  }),
  z.strictObject({ action: z.literal('duplicate'), of: zKey() }),
  z.strictObject({ action: z.literal('clarification'), sprintId: z.uuid() }),
  z.strictObject({ action: z.literal('decline'), reason: zReason() }),
]);
export type FeedbackTriageBody = z.infer<typeof ZFeedbackTriageBody>;

const zKeys = () => z.array(zKey()).min(1).max(FEEDBACK_LIMITS.bulkKeys);

export const ZFeedbackBulkTriageBody = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('duplicate'), keys: zKeys(), of: zKey() }),
  z.strictObject({ action: z.literal('decline'), keys: zKeys(), reason: zReason() }),
]);
export type FeedbackBulkTriageBody = z.infer<typeof ZFeedbackBulkTriageBody>;

/** "Not a duplicate": the item of the path and this one are different feedback. */
export const ZFeedbackDistinctBody = z.strictObject({ of: zKey() });
export type FeedbackDistinctBody = z.infer<typeof ZFeedbackDistinctBody>;

// ---- Answers ----

/** Where an item came from; merging duplicates keeps every one. */
export const ZFeedbackProvenance = z.strictObject({
  source: z.enum(FEEDBACK_SOURCES),
  originalAuthor: z.string(),
  originalTime: zTimestamp(),
  /** sha256 (hex) of the imported file; null for the form and the API. */
  fileHash: z.string().nullable(),
  /** The message within the export: WhatsApp `line 12`, Slack `channel/ts`, Teams message id. */
  messageRef: z.string().nullable(),
  importId: z.uuid().nullable(),
});
export type FeedbackProvenance = z.infer<typeof ZFeedbackProvenance>;

export const ZSimilarItem = z.strictObject({
  key: z.string(),
  /** Jaccard similarity of the content words, 0–100. */
  percent: z.number().int().min(0).max(100),
  shared: z.array(z.string()),
  /** "similar to P-FB-12: 82% — shared: checkout, card, declined". */
  explanation: z.string(),
});
export type SimilarItem = z.infer<typeof ZSimilarItem>;

export const ZFeedbackItem = z.strictObject({
  id: z.uuid(),
  key: z.string(),
  number: z.number().int(),
  text: z.string(),
  author: z.string(),
  source: z.enum(FEEDBACK_SOURCES),
  status: z.enum(FEEDBACK_STATUSES),
  provenance: z.array(ZFeedbackProvenance),
  createdAt: zTimestamp(),
  createdBy: ZPerson.nullable(),
  triagedAt: zTimestamp().nullable(),
  triagedBy: ZPerson.nullable(),
  /** The story or bug triage created. */
  story: z.strictObject({ key: z.string(), type: z.enum(['story', 'bug']) }).nullable(),
  duplicateOf: z.string().nullable(),
  declineReason: z.string().nullable(),
  clarification: z.strictObject({ id: z.uuid(), sprintId: z.uuid() }).nullable(),
  /** Whole days since it arrived, while it waits for triage (status `new`); null once triaged. */
  ageDays: z.number().int().min(0).nullable(),
});
export type FeedbackItem = z.infer<typeof ZFeedbackItem>;

export const ZFeedbackPage = zPage(ZFeedbackItem);
export type FeedbackPage = z.infer<typeof ZFeedbackPage>;

export const ZFeedbackSubmitted = z.strictObject({ item: ZFeedbackItem, similar: z.array(ZSimilarItem) });
export type FeedbackSubmitted = z.infer<typeof ZFeedbackSubmitted>;

const countsOf = <T extends readonly string[]>(keys: T) =>
  z.strictObject(Object.fromEntries(keys.map((k) => [k, z.number().int().min(0)])) as Record<T[number], z.ZodNumber>);

export const ZFeedbackSummary = z.strictObject({
  total: z.number().int().min(0),
  byStatus: countsOf(FEEDBACK_STATUSES),
  bySource: countsOf(FEEDBACK_SOURCES),
  /** Items waiting for triage (status `new`) by days since they arrived. */
  untriaged: z.strictObject({
    total: z.number().int().min(0),
    under2Days: z.number().int().min(0),
    from2To7Days: z.number().int().min(0),
    over7Days: z.number().int().min(0),
    oldestAgeDays: z.number().int().min(0).nullable(),
  }),
});
export type FeedbackSummary = z.infer<typeof ZFeedbackSummary>;

export const ZImportPreviewItem = z.strictObject({
  index: z.number().int().min(0),
  author: z.string(),
  timestamp: zTimestamp(),
  text: z.string(),
  messageRef: z.string(),
  /** Existing items of the product that say nearly the same. */
  similar: z.array(ZSimilarItem),
  /** An earlier message of this file it nearly repeats. */
  duplicateOfIndex: z.number().int().min(0).nullable(),
  /** Imported before (same file and message, or same source, author, time and text): a commit skips it. */
  alreadyImported: z.boolean(),
});

export const ZImportCluster = z.strictObject({
  members: z.array(z.number().int().min(0)),
  links: z.array(
    z.strictObject({
      index: z.number().int().min(0),
      similarTo: z.number().int().min(0),
      percent: z.number().int().min(0).max(100),
      shared: z.array(z.string()),
    }),
  ),
});

export const ZFeedbackImportPreview = z.strictObject({
  id: z.uuid(),
  status: z.enum(['draft', 'committed']),
  source: z.enum(IMPORT_SOURCES),
  fileHash: z.string(),
  fileName: z.string().nullable(),
  messages: z.number().int().min(0),
  dropped: z.strictObject({
    system: z.number().int().min(0),
    media: z.number().int().min(0),
    deleted: z.number().int().min(0),
    bots: z.number().int().min(0),
  }),
  authors: z.array(z.strictObject({ name: z.string(), count: z.number().int().min(1) })),
  from: zTimestamp().nullable(),
  to: zTimestamp().nullable(),
  /** The same file (sha256) was committed to this product before. */
  alreadyImported: z.boolean(),
  expiresAt: zTimestamp(),
  items: z.array(ZImportPreviewItem),
  clusters: z.array(ZImportCluster),
});
export type FeedbackImportPreview = z.infer<typeof ZFeedbackImportPreview>;

export const ZFeedbackImportCommitted = z.strictObject({
  importId: z.uuid(),
  created: z.array(ZFeedbackItem),
  /** Selected messages not created because they were imported before. */
  skipped: z.number().int().min(0),
  skippedIndices: z.array(z.number().int().min(0)),
});
export type FeedbackImportCommitted = z.infer<typeof ZFeedbackImportCommitted>;

export const ZRequirementMatch = z.strictObject({
  id: z.uuid(),
  key: z.string(),
  /** Share of the feedback's content words the requirement has, 0–100; null when the caller named it. */
  score: z.number().int().min(0).max(100).nullable(),
  shared: z.array(z.string()),
  how: z.enum(['matched', 'given']),
});

export const ZFeedbackTriaged = z.strictObject({
  item: ZFeedbackItem,
  story: z.strictObject({ key: z.string(), type: z.enum(['story', 'bug']), title: z.string() }).nullable(),
  requirement: ZRequirementMatch.nullable(),
});
export type FeedbackTriaged = z.infer<typeof ZFeedbackTriaged>;

export const ZFeedbackBulkTriaged = z.strictObject({ items: z.array(ZFeedbackItem) });
export type FeedbackBulkTriaged = z.infer<typeof ZFeedbackBulkTriaged>;

/** Two items a person decided are not duplicates; near-duplicate suggestions leave the pair out. */
export const ZFeedbackDistinctPair = z.strictObject({
  /** The two keys, the older item (lower number) first. */
  pair: z.array(z.string()).length(2),
  decidedBy: ZPerson.nullable(),
  decidedAt: zTimestamp(),
});
export type FeedbackDistinctPair = z.infer<typeof ZFeedbackDistinctPair>;

/** Every pair of the product, newest decision first (at most FEEDBACK_LIMITS.distinctPairs). */
export const ZFeedbackDistinctPairs = z.strictObject({ items: z.array(ZFeedbackDistinctPair) });
export type FeedbackDistinctPairs = z.infer<typeof ZFeedbackDistinctPairs>;

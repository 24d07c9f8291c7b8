// The PRD Quality Gate (issue 3): rubrics, reviews and what ProductOps add to them, the Golden library.
import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { createdAt, ts } from './columns.ts';
import { documents, documentVersions } from './documents.ts';
import { subsidiaries } from './workspace.ts';

/** Rubric versions: a row is immutable once stored (a review points at the exact row it was scored with). */
export const rubrics = pgTable(
  'rubrics',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    rubricId: text('rubric_id').notNull(),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    definition: jsonb('definition').notNull(),
    active: boolean('active').notNull().default(false),
    authorId: uuid('author_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('rubrics_rubric_version_uq').on(t.rubricId, t.version),
    // At most one rubric scores new submissions.
    uniqueIndex('rubrics_one_active_uq').on(t.active).where(sql`active`),
  ],
);

export const gateReviews = pgTable(
  'gate_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    versionId: uuid('version_id')
      .notNull()
      .references(() => documentVersions.id, { onDelete: 'cascade' }),
    rubricRowId: uuid('rubric_row_id')
      .notNull()
      .references(() => rubrics.id),
    /** The engine's GateReport; findings carry a stable `id` (rule + normalised excerpt + occurrence). */
    report: jsonb('report').notNull(),
    engineScore: integer('engine_score').notNull(),
    engineVerdict: text('engine_verdict').notNull(),
    status: text('status').notNull().default('submitted'), // submitted | decided | superseded
    verdict: text('verdict'), // pass | conditional | fail, set by the decision
    finalScore: integer('final_score'),
    attempt: integer('attempt').notNull(),
    firstTime: boolean('first_time').notNull().default(false),
    // No self-referencing foreign key: backups restore a table's rows in any order. Reviews of one document
    // are only ever deleted together (with the document), so the link cannot dangle.
    previousReviewId: uuid('previous_review_id'),
    changes: jsonb('changes'),
    goldenCitations: jsonb('golden_citations').notNull().default([]),
    submittedBy: uuid('submitted_by').references(() => users.id),
    submittedAt: ts('submitted_at').notNull(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: ts('decided_at'),
    note: text('note').notNull().default(''),
  },
  (t) => [
    index('gate_reviews_document_idx').on(t.documentId, t.submittedAt),
    index('gate_reviews_status_idx').on(t.status, t.submittedAt),
    index('gate_reviews_submitted_idx').on(t.submittedAt),
    // One open review per PRD: a second submission supersedes the first inside one transaction.
    uniqueIndex('gate_reviews_one_open_uq').on(t.documentId).where(sql`status = 'submitted'`),
  ],
);

export const gateOverrides = pgTable(
  'gate_overrides',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reviewId: uuid('review_id')
      .notNull()
      .references(() => gateReviews.id, { onDelete: 'cascade' }),
    criterion: text('criterion').notNull(),
    score: doublePrecision('score').notNull(),
    reason: text('reason').notNull(),
    byId: uuid('by_id').references(() => users.id),
    at: ts('at').notNull(),
  },
  (t) => [uniqueIndex('gate_overrides_review_criterion_uq').on(t.reviewId, t.criterion)],
);

export const gateWaivers = pgTable(
  'gate_waivers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reviewId: uuid('review_id')
      .notNull()
      .references(() => gateReviews.id, { onDelete: 'cascade' }),
    findingId: text('finding_id').notNull(),
    reason: text('reason').notNull(),
    expiresAt: ts('expires_at').notNull(),
    byId: uuid('by_id').references(() => users.id),
    at: ts('at').notNull(),
    /** Set when the waiver was carried over from the previous attempt's review on resubmission. */
    carriedFromReviewId: uuid('carried_from_review_id').references(() => gateReviews.id, { onDelete: 'set null' }),
  },
  (t) => [uniqueIndex('gate_waivers_review_finding_uq').on(t.reviewId, t.findingId)],
);

export const gateConditions = pgTable(
  'gate_conditions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reviewId: uuid('review_id')
      .notNull()
      .references(() => gateReviews.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    ownerId: uuid('owner_id').references(() => users.id),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    done: boolean('done').notNull().default(false),
    doneAt: ts('done_at'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('gate_conditions_review_idx').on(t.reviewId)],
);

/** Approved passages fixes cite; `subsidiary_id`/`product_type` null means "any". */
export const goldenExamples = pgTable(
  'golden_examples',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    criterion: text('criterion').notNull(),
    text: text('text').notNull(),
    source: text('source').notNull(),
    documentId: uuid('document_id').references(() => documents.id, { onDelete: 'set null' }),
    versionId: uuid('version_id').references(() => documentVersions.id, { onDelete: 'set null' }),
    /** The subsidiary of the source document: who may remove the passage. */
    ownerSubsidiaryId: uuid('owner_subsidiary_id')
      .notNull()
      .references(() => subsidiaries.id),
    subsidiaryId: uuid('subsidiary_id').references(() => subsidiaries.id),
    productType: text('product_type'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('golden_examples_criterion_idx').on(t.criterion, t.createdAt)],
);

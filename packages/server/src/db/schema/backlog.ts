// The backlog (issue #12): requirements read from the PRD version that passed the gate, stories and bugs linked to
// them, and sprints with the baseline and the stories they committed to.
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { createdAt, ts } from './columns.ts';
import { documents, documentVersions } from './documents.ts';
import { products } from './workspace.ts';

export type TextChange = { version: string; text: string };

/** A requirement keeps its row (and id) across PRD versions; its key is the author's id or a generated one. */
export const requirements = pgTable(
  'requirements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    reqKey: text('req_key').notNull(),
    kind: text('kind').notNull(), // functional | nfr
    text: text('text').notNull(),
    priority: text('priority'),
    acceptance: jsonb('acceptance').$type<string[]>().notNull().default([]),
    generated: boolean('generated').notNull().default(false),
    line: integer('line').notNull(),
    section: text('section').notNull().default(''),
    firstSeenVersionId: uuid('first_seen_document_version_id')
      .notNull()
      .references(() => documentVersions.id),
    lastSeenVersionId: uuid('last_seen_document_version_id')
      .notNull()
      .references(() => documentVersions.id),
    removedInVersionId: uuid('removed_in_document_version_id').references(() => documentVersions.id),
    textHistory: jsonb('text_history').$type<TextChange[]>().notNull().default([]),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('requirements_product_key_uq').on(t.productId, t.reqKey)],
);

/**
 * Per product: the last story number given. Numbers are never reused (a deleted story's key stays retired), and the
 * row is what a change to the backlog locks, so two creations cannot take the same number.
 */
export const backlogCounters = pgTable('backlog_counters', {
  productId: uuid('product_id')
    .primaryKey()
    .references(() => products.id, { onDelete: 'cascade' }),
  lastStoryNumber: integer('last_story_number').notNull().default(0),
});

export const sprints = pgTable(
  'sprints',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    status: text('status').notNull().default('planned'), // planned | active | ended
    baselineVersionId: uuid('baseline_document_version_id').references(() => documentVersions.id),
    committedStoryIds: jsonb('committed_story_ids').$type<string[]>().notNull().default([]),
    startedAt: ts('started_at'),
    endedAt: ts('ended_at'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('sprints_product_idx').on(t.productId, t.createdAt),
    // One active sprint per product, also when two starts race.
    uniqueIndex('sprints_one_active_uq').on(t.productId).where(sql`${t.status} = 'active'`),
  ],
);

export const stories = pgTable(
  'stories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    key: text('key').notNull(),
    type: text('type').notNull(), // story | bug
    title: text('title').notNull(),
    narrative: text('narrative').notNull().default(''),
    acceptance: text('acceptance').notNull().default(''),
    priority: text('priority'),
    status: text('status').notNull().default('backlog'),
    estimate: integer('estimate'),
    sprintId: uuid('sprint_id').references(() => sprints.id, { onDelete: 'set null' }),
    revision: integer('revision').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  // Lists are keyset-paged by number within a product, optionally by status, type or sprint (10,000 per product).
  (t) => [
    uniqueIndex('stories_product_number_uq').on(t.productId, t.number),
    uniqueIndex('stories_product_key_uq').on(t.productId, t.key),
    index('stories_product_status_idx').on(t.productId, t.status, t.number),
    index('stories_product_type_idx').on(t.productId, t.type, t.number),
    index('stories_sprint_idx').on(t.sprintId, t.number),
    // The builder API names a story by its key alone (`POST /builder/stories/:key/status`).
    index('stories_key_idx').on(t.key),
  ],
);

export const storyRequirements = pgTable(
  'story_requirements',
  {
    storyId: uuid('story_id')
      .notNull()
      .references(() => stories.id, { onDelete: 'cascade' }),
    requirementId: uuid('requirement_id')
      .notNull()
      .references(() => requirements.id, { onDelete: 'cascade' }),
  },
  (t) => [
    uniqueIndex('story_requirements_uq').on(t.storyId, t.requirementId),
    index('story_requirements_requirement_idx').on(t.requirementId, t.storyId),
  ],
);

export type ChangeImpact = { requirementIds: string[]; storyKeys: string[]; dates: string };

/**
 * A change to the scope after the baseline: what, why and its impact, decided by the product's PO/VB. Numbered per
 * product (`<PRODUCT>-CR-3`). An approval with a PRD change records the PRD version it saved.
 */
export const changeRequests = pgTable(
  'change_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    key: text('key').notNull(),
    title: text('title').notNull(),
    whatChanges: text('what_changes').notNull(),
    why: text('why').notNull(),
    impact: jsonb('impact').$type<ChangeImpact>().notNull(),
    prdChange: text('prd_change'),
    status: text('status').notNull().default('pending'), // pending | approved | rejected
    requestedBy: uuid('requested_by').references(() => users.id),
    createdAt: createdAt(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: ts('decided_at'),
    rationale: text('rationale'),
    prdVersionId: uuid('prd_document_version_id').references(() => documentVersions.id),
  },
  (t) => [
    uniqueIndex('change_requests_product_number_uq').on(t.productId, t.number),
    uniqueIndex('change_requests_product_key_uq').on(t.productId, t.key),
  ],
);

/**
 * A question about a sprint's work and its answer (answered once). Asked while the sprint is planned or active;
 * the sprint's metrics count the ones asked while it was active and how long answers took.
 */
export const sprintClarifications = pgTable(
  'sprint_clarifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sprintId: uuid('sprint_id')
      .notNull()
      .references(() => sprints.id, { onDelete: 'cascade' }),
    question: text('question').notNull(),
    askedBy: uuid('asked_by').references(() => users.id),
    askedAt: ts('asked_at').notNull(),
    answer: text('answer'),
    answeredBy: uuid('answered_by').references(() => users.id),
    answeredAt: ts('answered_at'),
  },
  (t) => [index('sprint_clarifications_sprint_idx').on(t.sprintId, t.askedAt)],
);

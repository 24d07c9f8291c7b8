// One Postgres schema for PGlite and PostgreSQL. Use only Postgres 15 features (CI runs Debian's 15).
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const createdAt = () => ts('created_at').notNull().defaultNow();

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  isAdmin: boolean('is_admin').notNull().default(false),
  disabled: boolean('disabled').notNull().default(false),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: ts('locked_until'),
  createdAt: createdAt(),
});

export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(), // sha256 of the cookie value; the raw value is never stored
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const apiTokens = pgTable('api_tokens', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  prefix: text('prefix').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  scopes: jsonb('scopes').$type<string[]>().notNull(),
  createdAt: createdAt(),
  lastUsedAt: ts('last_used_at'),
  expiresAt: ts('expires_at'),
  revokedAt: ts('revoked_at'),
});

export const subsidiaries = pgTable('subsidiaries', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  createdAt: createdAt(),
});

export const memberships = pgTable(
  'memberships',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    subsidiaryId: uuid('subsidiary_id')
      .notNull()
      .references(() => subsidiaries.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.subsidiaryId] })],
);

export const taxonomyTerms = pgTable(
  'taxonomy_terms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(), // product_type | tag
    code: text('code').notNull(),
    label: text('label').notNull(),
    archived: boolean('archived').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('taxonomy_kind_code_uq').on(t.kind, t.code)],
);

/** Key/value settings stored as JSON (the naming convention lives here, versioned by `version`). */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  version: integer('version').notNull().default(1),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const products = pgTable(
  'products',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    subsidiaryId: uuid('subsidiary_id')
      .notNull()
      .references(() => subsidiaries.id),
    productType: text('product_type').notNull(),
    tags: jsonb('tags').$type<string[]>().notNull().default([]),
    stage: text('stage').notNull().default('intake'),
    summary: text('summary').notNull().default(''),
    poId: uuid('po_id').references(() => users.id),
    builderId: uuid('builder_id').references(() => users.id),
    itOwnerId: uuid('it_owner_id').references(() => users.id),
    revision: integer('revision').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('products_subsidiary_stage_idx').on(t.subsidiaryId, t.stage)],
);

export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    currentVersionId: uuid('current_version_id'),
    /** The PRD version that passed the gate (pass or conditional): what build, UAT and handover are held to. */
    baselineVersionId: uuid('baseline_version_id'),
    revision: integer('revision').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  // One document per kind and product: its code (FINTX-PAYOUTS-PRD) must name exactly one document.
  (t) => [
    uniqueIndex('documents_product_kind_uq').on(t.productId, t.kind),
    // Search walks recently updated documents first when a query matches most of them.
    index('documents_updated_idx').on(t.updatedAt),
  ],
);

export const documentVersions = pgTable(
  'document_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    major: integer('major').notNull(),
    minor: integer('minor').notNull(),
    body: text('body').notNull(),
    metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull().default({}),
    sourceFile: text('source_file'),
    contentHash: text('content_hash').notNull(),
    note: text('note').notNull().default(''),
    authorId: uuid('author_id').references(() => users.id),
    createdAt: createdAt(),
    search: tsvector('search').generatedAlwaysAs(sql`to_tsvector('english', body)`),
  },
  (t) => [
    uniqueIndex('document_versions_doc_ver_uq').on(t.documentId, t.major, t.minor),
    index('document_versions_search_idx').using('gin', t.search),
  ],
);

export const templates = pgTable(
  'templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(), // context | prd | story | handover
    name: text('name').notNull(),
    subsidiaryId: uuid('subsidiary_id').references(() => subsidiaries.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('templates_kind_name_uq').on(t.kind, t.name)],
);

export const templateVersions = pgTable(
  'template_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    templateId: uuid('template_id')
      .notNull()
      .references(() => templates.id, { onDelete: 'cascade' }),
    major: integer('major').notNull(),
    minor: integer('minor').notNull(),
    body: text('body').notNull(),
    authorId: uuid('author_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('template_versions_uq').on(t.templateId, t.major, t.minor)],
);

/** Append-only: no route updates or deletes these rows. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: createdAt(),
    actorId: uuid('actor_id'),
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id').notNull(),
    targetLabel: text('target_label').notNull().default(''),
    subsidiaryId: uuid('subsidiary_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id').notNull(),
  },
  (t) => [index('audit_at_idx').on(t.at), index('audit_target_idx').on(t.targetType, t.targetId)],
);

// ── PRD Quality Gate (issue 3) ──────────────────────────────────────────────────────────────────────────────

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

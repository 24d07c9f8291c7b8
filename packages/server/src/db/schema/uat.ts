// UAT and sign-off (issue #13): sessions per sprint or build with the test cases generated from the stories'
// Gherkin, the runs testers record (with screenshots), the defects a failed case raises and the retests that
// confirm or reopen them, guest links for testers without accounts, and the PO/VB's sign-offs, chained by hash so
// any later change to a record shows.
import { customType, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { sprints, stories } from './backlog.ts';
import { createdAt, ts } from './columns.ts';
import { handoverPackages } from './handover.ts';
import { products } from './workspace.ts';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

export type UatParticipant = { name: string; userId: string | null; role: string };
export type UatStep = { keyword: string; text: string };

/** Per product: the last session, case and sign-off numbers given; the row is also what numbering locks. */
export const uatCounters = pgTable('uat_counters', {
  productId: uuid('product_id')
    .primaryKey()
    .references(() => products.id, { onDelete: 'cascade' }),
  lastSessionNumber: integer('last_session_number').notNull().default(0),
  lastCaseNumber: integer('last_case_number').notNull().default(0),
  lastSignoffNumber: integer('last_signoff_number').notNull().default(0),
});

export const uatSessions = pgTable(
  'uat_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    key: text('key').notNull(), // <PRODUCT>-UAT-<n>
    title: text('title').notNull(),
    sprintId: uuid('sprint_id').references(() => sprints.id, { onDelete: 'set null' }),
    buildVersion: text('build_version').notNull(), // the version under test
    status: text('status').notNull().default('planned'), // planned | running | closed
    participants: jsonb('participants').$type<UatParticipant[]>().notNull().default([]),
    revision: integer('revision').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    startedAt: ts('started_at'),
    closedAt: ts('closed_at'),
  },
  (t) => [
    uniqueIndex('uat_sessions_product_number_uq').on(t.productId, t.number),
    uniqueIndex('uat_sessions_product_key_uq').on(t.productId, t.key),
  ],
);

/** A test case: one Gherkin scenario of one story (or written by hand), its steps and its latest result. */
export const uatCases = pgTable(
  'uat_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => uatSessions.id, { onDelete: 'cascade' }),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    key: text('key').notNull(), // <PRODUCT>-TC-<n>
    title: text('title').notNull(),
    storyId: uuid('story_id').references(() => stories.id, { onDelete: 'set null' }),
    storyKey: text('story_key'),
    storyRevision: integer('story_revision'),
    steps: jsonb('steps').$type<UatStep[]>().notNull().default([]),
    position: integer('position').notNull().default(0),
    status: text('status').notNull().default('untested'), // untested | pass | fail | blocked
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('uat_cases_product_number_uq').on(t.productId, t.number),
    uniqueIndex('uat_cases_product_key_uq').on(t.productId, t.key),
    index('uat_cases_session_idx').on(t.sessionId, t.position),
    index('uat_cases_story_idx').on(t.storyId),
  ],
);

/** Guest testers: a link (its token stored hashed) scoped to one session, with an expiry; revoking ends it at once. */
export const uatGuestLinks = pgTable(
  'uat_guest_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => uatSessions.id, { onDelete: 'cascade' }),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    guestName: text('guest_name').notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: ts('expires_at').notNull(),
    revokedAt: ts('revoked_at'),
    revokedBy: uuid('revoked_by').references(() => users.id),
    lastUsedAt: ts('last_used_at'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('uat_guest_links_token_uq').on(t.tokenHash),
    index('uat_guest_links_session_idx').on(t.sessionId),
  ],
);

/** One run of a case by a tester (a member or a guest): the first run, a rerun, or a retest of a fixed defect. */
export const uatRuns = pgTable(
  'uat_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => uatCases.id, { onDelete: 'cascade' }),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => uatSessions.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull().default('run'), // run | retest
    result: text('result').notNull(), // pass | fail | blocked
    notes: text('notes').notNull().default(''),
    testerName: text('tester_name').notNull(),
    testerUserId: uuid('tester_user_id').references(() => users.id),
    guestLinkId: uuid('guest_link_id').references(() => uatGuestLinks.id, { onDelete: 'set null' }),
    defectId: uuid('defect_id'), // the defect a retest concerns, or the one this failure raised
    createdAt: createdAt(),
  },
  (t) => [index('uat_runs_case_idx').on(t.caseId, t.createdAt), index('uat_runs_session_idx').on(t.sessionId)],
);

/**
 * A defect: the bug a failed case raised (a story of type bug in the backlog, linked to the case's story's
 * requirements), and where it stands: open → fixed (the bug is done) → verified by a passing retest, or reopened.
 */
export const uatDefects = pgTable(
  'uat_defects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => uatSessions.id, { onDelete: 'cascade' }),
    caseId: uuid('case_id')
      .notNull()
      .references(() => uatCases.id, { onDelete: 'cascade' }),
    bugStoryId: uuid('bug_story_id').references(() => stories.id, { onDelete: 'set null' }),
    bugKey: text('bug_key').notNull(),
    openedRunId: uuid('opened_run_id').references(() => uatRuns.id, { onDelete: 'set null' }),
    state: text('state').notNull().default('open'), // open | fixed | verified | reopened
    retestRunId: uuid('retest_run_id').references(() => uatRuns.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('uat_defects_session_idx').on(t.sessionId), index('uat_defects_case_idx').on(t.caseId)],
);

/**
 * A PO/VB's sign-off of a session or a release: the decision, its conditions, exactly what was signed (stories and
 * their revisions with a content hash each, and the hash over them all), and its place in the product's chain:
 * `record_hash` is sha256 over the canonical record including `prev_hash`, the record_hash of the sign-off before.
 */
export type SignedStory = { key: string; revision: number; contentHash: string };

export const uatSignoffs = pgTable(
  'uat_signoffs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(), // the place in the product's chain, 1, 2, …
    key: text('key').notNull(), // <PRODUCT>-SO-<n>
    scope: text('scope').notNull(), // session | release
    sessionId: uuid('session_id').references(() => uatSessions.id, { onDelete: 'restrict' }),
    buildVersion: text('build_version').notNull(),
    decision: text('decision').notNull(), // signed | signed_with_conditions | refused
    conditions: text('conditions').notNull().default(''),
    signedStories: jsonb('signed_stories').$type<SignedStory[]>().notNull().default([]),
    contentHash: text('content_hash').notNull(),
    signerId: uuid('signer_id').references(() => users.id),
    signerName: text('signer_name').notNull(),
    signedAt: ts('signed_at').notNull(),
    prevHash: text('prev_hash').notNull(),
    recordHash: text('record_hash').notNull(),
  },
  (t) => [
    uniqueIndex('uat_signoffs_product_number_uq').on(t.productId, t.number),
    uniqueIndex('uat_signoffs_product_key_uq').on(t.productId, t.key),
  ],
);

/**
 * Files kept with UAT and handover: a run's screenshots, a sign-off's evidence and a handover checklist item's
 * evidence files (type and size checked before they land).
 */
export const uatAttachments = pgTable(
  'uat_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    sessionId: uuid('session_id').references(() => uatSessions.id, { onDelete: 'cascade' }),
    runId: uuid('run_id').references(() => uatRuns.id, { onDelete: 'cascade' }),
    signoffId: uuid('signoff_id').references(() => uatSignoffs.id, { onDelete: 'restrict' }),
    handoverPackageId: uuid('handover_package_id').references(() => handoverPackages.id, { onDelete: 'cascade' }),
    handoverItemId: text('handover_item_id'),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    bytes: bytea('bytes').notNull(),
    uploadedByName: text('uploaded_by_name').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    guestLinkId: uuid('guest_link_id').references(() => uatGuestLinks.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('uat_attachments_run_idx').on(t.runId),
    index('uat_attachments_signoff_idx').on(t.signoffId),
    index('uat_attachments_handover_idx').on(t.handoverPackageId, t.handoverItemId),
  ],
);

// The feedback backlog (issue #13): feedback items per product (`<PRODUCT>-FB-<n>`, one number sequence per product
// that never gives a number twice), the messages imported from chat exports (so a re-import creates nothing new),
// import drafts kept between the preview and the commit, and pairs of items a person decided are not duplicates.
import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { sprintClarifications, stories } from './backlog.ts';
import { createdAt, ts } from './columns.ts';
import { products } from './workspace.ts';

export type StoredProvenance = {
  source: string;
  originalAuthor: string;
  originalTime: string;
  fileHash: string | null;
  messageRef: string | null;
  importId: string | null;
};

/** Per product: the last feedback number given; the row is also what numbering locks. */
export const feedbackCounters = pgTable('feedback_counters', {
  productId: uuid('product_id')
    .primaryKey()
    .references(() => products.id, { onDelete: 'cascade' }),
  lastNumber: integer('last_number').notNull().default(0),
});

export const feedbackItems = pgTable(
  'feedback_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    key: text('key').notNull(),
    text: text('text').notNull(),
    authorName: text('author_name').notNull(),
    source: text('source').notNull(), // form | guest | api | whatsapp | slack | teams
    status: text('status').notNull().default('new'), // new | accepted | duplicate | clarification | declined
    provenance: jsonb('provenance').$type<StoredProvenance[]>().notNull().default([]),
    createdAt: createdAt(),
    createdBy: uuid('created_by').references(() => users.id),
    triagedAt: ts('triaged_at'),
    triagedBy: uuid('triaged_by').references(() => users.id),
    storyId: uuid('story_id').references(() => stories.id, { onDelete: 'set null' }),
    storyKey: text('story_key'),
    storyType: text('story_type'),
    duplicateOfKey: text('duplicate_of_key'),
    declineReason: text('decline_reason'),
    clarificationId: uuid('clarification_id').references(() => sprintClarifications.id, { onDelete: 'set null' }),
    clarificationSprintId: uuid('clarification_sprint_id'),
  },
  (t) => [
    uniqueIndex('feedback_items_product_number_uq').on(t.productId, t.number),
    uniqueIndex('feedback_items_product_key_uq').on(t.productId, t.key),
    index('feedback_items_product_status_idx').on(t.productId, t.status, t.number),
    index('feedback_items_product_source_idx').on(t.productId, t.source, t.number),
  ],
);

/**
 * One row per imported message: what makes a re-import create nothing new. A message is the same when it has the
 * same file and message reference, or the same fingerprint (sha256 of source, author, time and text) — the same
 * chat exported again later is another file with the same messages.
 */
export const feedbackImportedMessages = pgTable(
  'feedback_imported_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id')
      .notNull()
      .references(() => feedbackItems.id, { onDelete: 'cascade' }),
    fileHash: text('file_hash').notNull(),
    messageRef: text('message_ref').notNull(),
    fingerprint: text('fingerprint').notNull(),
  },
  (t) => [
    uniqueIndex('feedback_imported_messages_ref_uq').on(t.productId, t.fileHash, t.messageRef),
    index('feedback_imported_messages_fingerprint_idx').on(t.productId, t.fingerprint),
  ],
);

export type DraftMessage = {
  author: string;
  timestamp: string;
  text: string;
  messageRef: string;
  fingerprint: string;
};

/** A parsed export waiting for its commit (24 hours); committed ones stay as the record of the import. */
export const feedbackImports = pgTable(
  'feedback_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    status: text('status').notNull().default('draft'), // draft | committed
    source: text('source').notNull(),
    fileHash: text('file_hash').notNull(),
    fileName: text('file_name'),
    messages: jsonb('messages').$type<DraftMessage[]>().notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    expiresAt: ts('expires_at').notNull(),
    committedAt: ts('committed_at'),
  },
  (t) => [index('feedback_imports_product_hash_idx').on(t.productId, t.fileHash, t.status)],
);

/**
 * Two items a person decided are not duplicates ("Not a duplicate" in the inbox), so nobody is offered the pair
 * again. Stored once per pair: `item_a` is the smaller id.
 */
export const feedbackDistinctPairs = pgTable(
  'feedback_distinct_pairs',
  {
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    itemA: uuid('item_a')
      .notNull()
      .references(() => feedbackItems.id, { onDelete: 'cascade' }),
    itemB: uuid('item_b')
      .notNull()
      .references(() => feedbackItems.id, { onDelete: 'cascade' }),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: ts('decided_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'feedback_distinct_pairs_pk', columns: [t.itemA, t.itemB] }),
    check('feedback_distinct_pairs_ordered', sql`${t.itemA} < ${t.itemB}`),
    index('feedback_distinct_pairs_product_idx').on(t.productId, t.decidedAt),
  ],
);

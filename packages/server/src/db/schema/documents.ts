// Documents with immutable versions, and the templates new documents start from.
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { createdAt, ts, tsvector } from './columns.ts';
import { products, subsidiaries } from './workspace.ts';

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
    // Bounded: a tsvector holds at most 1 MB of terms, so indexing a whole body with ~120,000 distinct words failed
    // the insert. 100,000 characters (~15,000 words, longer than any PRD we have seen) can never reach that limit.
    search: tsvector('search').generatedAlwaysAs(sql`to_tsvector('english', left(body, 100000))`),
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

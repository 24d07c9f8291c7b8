// The studio's workspace: subsidiaries, memberships (roles), taxonomy, settings and products.
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { createdAt, ts } from './columns.ts';

export const subsidiaries = pgTable('subsidiaries', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  /** The four-eyes rule at the gate: the author of a submitted PRD version cannot decide its review. */
  gateFourEyes: boolean('gate_four_eyes').notNull().default(true),
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
    // A studio administrator's forced move (POST /products/:code/stage) while the product is still in that stage:
    // where it came from, why, who and when. A move by the gate clears them.
    stageForcedFrom: text('stage_forced_from'),
    stageForcedReason: text('stage_forced_reason'),
    stageForcedBy: uuid('stage_forced_by').references(() => users.id),
    stageForcedAt: ts('stage_forced_at'),
    revision: integer('revision').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('products_subsidiary_stage_idx').on(t.subsidiaryId, t.stage)],
);

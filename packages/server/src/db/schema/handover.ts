// Handover to IT (issue #14). Packs: each upload of a QA, security, runbook, release-notes or documentation pack is
// a new version per product and kind, holding the text with every secret masked (the raw upload is never stored),
// the validation report and where the file came from.
import type { Finding } from '@pi-studio/core/gate/types';
import { integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { createdAt } from './columns.ts';
import { products } from './workspace.ts';

export const handoverPacks = pgTable(
  'handover_packs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(), // qa | security | runbook | release-notes | doc
    version: integer('version').notNull(), // 1, 2, … per product and kind
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(), // bytes of the upload
    sha256: text('sha256').notNull(), // of the upload's bytes
    maskedText: text('masked_text').notNull(), // the text as validated, secrets masked
    maskedLines: jsonb('masked_lines').$type<number[]>().notNull().default([]),
    score: integer('score').notNull(),
    verdict: text('verdict').notNull(),
    blockers: integer('blockers').notNull(),
    findings: jsonb('findings').$type<Finding[]>().notNull().default([]),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    createdAt: createdAt(),
  },
  // Also the index every read uses: a product's versions of one kind, in order.
  (t) => [uniqueIndex('handover_packs_product_kind_version_uq').on(t.productId, t.kind, t.version)],
);

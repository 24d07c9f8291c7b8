// Handover to IT (issue #14). Packs: each upload of a QA, security, runbook, release-notes or documentation pack is
// a new version per product and kind, holding the text with every secret masked (the raw upload is never stored),
// the validation report and where the file came from.
import type { Finding } from '@pi-studio/core/gate/types';
import type { ChecklistTemplate } from '@pi-studio/core/handover-package/checklist-template';
import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { createdAt, ts } from './columns.ts';
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

export type StoredOwnership = {
  runBy: string;
  supportedBy: string;
  onCall: string | null;
  openItems: { text: string; owner: string; dueDate: string }[];
};

/**
 * A handover package: one product's release handed to IT, checked against a readiness checklist template (its id
 * and version kept, so a later template leaves this package alone) for the product's type and flags. One open
 * package per product; once IT accepts it, the next release starts a new one.
 */
export const handoverPackages = pgTable(
  'handover_packages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    release: text('release').notNull(),
    targetDate: date('target_date', { mode: 'string' }),
    templateId: text('template_id').notNull(),
    templateVersion: integer('template_version').notNull(),
    profileType: text('profile_type').notNull(), // WEB | INT | API | DATA | AI
    profileFlags: jsonb('profile_flags').$type<string[]>().notNull().default([]),
    signoffKey: text('signoff_key'), // the newest accepting UAT sign-off when the package was created
    status: text('status').notNull().default('open'), // open | accepted
    acceptedAt: ts('accepted_at'),
    acceptedOnFirstHandover: boolean('accepted_on_first_handover'),
    // Early-life support after acceptance: this many days from the acceptance day (null: the default, 30).
    elsDays: integer('els_days'),
    // After acceptance, the IT owner confirms who runs and supports the product and the open items with owners.
    ownership: jsonb('ownership').$type<StoredOwnership>(),
    ownershipConfirmedBy: uuid('ownership_confirmed_by').references(() => users.id),
    ownershipConfirmedAt: ts('ownership_confirmed_at'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('handover_packages_product_release_uq').on(t.productId, t.release),
    uniqueIndex('handover_packages_one_open_uq').on(t.productId).where(sql`status = 'open'`),
  ],
);

export type StoredEvidence = { kind: 'link' | 'record'; ref: string };

/** A checklist item's state in a package; an item without a row is open. */
export const handoverItems = pgTable(
  'handover_items',
  {
    packageId: uuid('package_id')
      .notNull()
      .references(() => handoverPackages.id, { onDelete: 'cascade' }),
    itemId: text('item_id').notNull(),
    status: text('status').notNull().default('open'),
    owner: text('owner'),
    evidence: jsonb('evidence').$type<StoredEvidence[]>().notNull().default([]),
    reason: text('reason'),
    approver: text('approver'),
    // The team's override of the template's level (null: the template's); a required item made optional says why.
    requiredOverride: boolean('required_override'),
    requiredReason: text('required_reason'),
    revision: integer('revision').notNull().default(1),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.packageId, t.itemId] })],
);

/** Versions of a package's artifacts (release notes, runbook-lite, support flow, escalation matrix, ownership). */
export const handoverArtifacts = pgTable(
  'handover_artifacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    packageId: uuid('package_id')
      .notNull()
      .references(() => handoverPackages.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    version: integer('version').notNull(),
    body: text('body').notNull(),
    note: text('note').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('handover_artifacts_package_kind_version_uq').on(t.packageId, t.kind, t.version)],
);

export type StoredReviewGap = {
  itemId: string | null;
  description: string;
  severity: 'critical' | 'major' | 'minor';
  owner: string;
  dueDate: string;
};

/** The handover readiness review's record: who met, what IT decided, the gaps it accepted, the score then. */
export const handoverReviews = pgTable(
  'handover_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    packageId: uuid('package_id')
      .notNull()
      .references(() => handoverPackages.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    reviewDate: date('review_date', { mode: 'string' }).notNull(),
    decision: text('decision').notNull(), // accepted | accepted_with_gaps | rejected
    attendees: jsonb('attendees').$type<{ name: string; role: string }[]>().notNull().default([]),
    gaps: jsonb('gaps').$type<StoredReviewGap[]>().notNull().default([]),
    rejectionItemIds: jsonb('rejection_item_ids').$type<string[]>().notNull().default([]),
    notes: text('notes').notNull().default(''),
    score: integer('score').notNull(),
    decidedBy: uuid('decided_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('handover_reviews_package_number_uq').on(t.packageId, t.number)],
);

/** IT's post-handover gap log: what handover missed, and the checklist item that should have caught it. */
export const handoverGaps = pgTable(
  'handover_gaps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    packageId: uuid('package_id')
      .notNull()
      .references(() => handoverPackages.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    severity: text('severity').notNull(),
    itemId: text('item_id'),
    reportedOn: date('reported_on', { mode: 'string' }).notNull(),
    reportedBy: uuid('reported_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('handover_gaps_package_idx').on(t.packageId, t.createdAt)],
);

/**
 * Checklist templates written by ProductOps (the built-in v1 lives in code): each version kept whole, as core
 * validated it, so packages built from it read it back unchanged. A new version follows post-handover gaps.
 */
export const handoverTemplates = pgTable(
  'handover_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    templateId: text('template_id').notNull(),
    version: integer('version').notNull(),
    body: jsonb('body').$type<ChecklistTemplate>().notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('handover_templates_id_version_uq').on(t.templateId, t.version)],
);

// Gate review rows: one query shape for a review with its product, document, version and people.
import type { ReviewStatus } from '@pi-studio/core/contract/gate-reviews';
import type { Verdict } from '@pi-studio/core/gate/types';
import type { Stage } from '@pi-studio/core/workspace/stages';
import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../../db/client.ts';
import { users } from '../../../db/schema/accounts.ts';
import { documents, documentVersions } from '../../../db/schema/documents.ts';
import { gateReviews } from '../../../db/schema/gate.ts';
import { products, subsidiaries } from '../../../db/schema/workspace.ts';
import type { FindingChanges, StoredReport } from './findings.ts';

export type Person = { id: string; name: string; email: string } | null;
export type GoldenCitation = { criterion: string; source: string | null; goldenId: string };

const submitter = alias(users, 'submitter');
const decider = alias(users, 'decider');
const versionAuthor = alias(users, 'version_author');

const person = (id: string | null, name: string | null, email: string | null): Person =>
  id ? { id, name: name ?? '', email: email ?? '' } : null;

const summaryColumns = {
  id: gateReviews.id,
  status: gateReviews.status,
  verdict: gateReviews.verdict,
  engineScore: gateReviews.engineScore,
  engineVerdict: gateReviews.engineVerdict,
  finalScore: gateReviews.finalScore,
  attempt: gateReviews.attempt,
  firstTime: gateReviews.firstTime,
  rubricRowId: gateReviews.rubricRowId,
  previousReviewId: gateReviews.previousReviewId,
  submittedAt: gateReviews.submittedAt,
  decidedAt: gateReviews.decidedAt,
  note: gateReviews.note,
  submitterId: submitter.id,
  submitterName: submitter.name,
  submitterEmail: submitter.email,
  deciderId: decider.id,
  deciderName: decider.name,
  deciderEmail: decider.email,
  documentId: documents.id,
  documentTitle: documents.title,
  documentKind: documents.kind,
  versionId: documentVersions.id,
  major: documentVersions.major,
  minor: documentVersions.minor,
  contentHash: documentVersions.contentHash,
  authorId: versionAuthor.id,
  authorName: versionAuthor.name,
  authorEmail: versionAuthor.email,
  productId: products.id,
  productCode: products.code,
  productName: products.name,
  productType: products.productType,
  stage: products.stage,
  subsidiaryId: subsidiaries.id,
  subsidiaryCode: subsidiaries.code,
  subsidiaryName: subsidiaries.name,
};

const detailColumns = {
  ...summaryColumns,
  report: gateReviews.report,
  changes: gateReviews.changes,
  goldenCitations: gateReviews.goldenCitations,
};

// Two select lists over the same joins (drizzle cannot type one generic join chain): lists skip the report.
function summaryQuery(db: Executor) {
  return db
    .select(summaryColumns)
    .from(gateReviews)
    .innerJoin(documents, eq(documents.id, gateReviews.documentId))
    .innerJoin(documentVersions, eq(documentVersions.id, gateReviews.versionId))
    .innerJoin(products, eq(products.id, documents.productId))
    .innerJoin(subsidiaries, eq(subsidiaries.id, products.subsidiaryId))
    .leftJoin(submitter, eq(submitter.id, gateReviews.submittedBy))
    .leftJoin(decider, eq(decider.id, gateReviews.decidedBy))
    .leftJoin(versionAuthor, eq(versionAuthor.id, documentVersions.authorId));
}

function detailQuery(db: Executor) {
  return db
    .select(detailColumns)
    .from(gateReviews)
    .innerJoin(documents, eq(documents.id, gateReviews.documentId))
    .innerJoin(documentVersions, eq(documentVersions.id, gateReviews.versionId))
    .innerJoin(products, eq(products.id, documents.productId))
    .innerJoin(subsidiaries, eq(subsidiaries.id, products.subsidiaryId))
    .leftJoin(submitter, eq(submitter.id, gateReviews.submittedBy))
    .leftJoin(decider, eq(decider.id, gateReviews.decidedBy))
    .leftJoin(versionAuthor, eq(versionAuthor.id, documentVersions.authorId));
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>['execute']>>[number];

function toSummary(r: SummaryRow) {
  return {
    id: r.id,
    status: r.status as ReviewStatus,
    verdict: r.verdict as Verdict | null,
    engineScore: r.engineScore,
    engineVerdict: r.engineVerdict as Verdict,
    finalScore: r.finalScore,
    attempt: r.attempt,
    firstTime: r.firstTime,
    rubricRowId: r.rubricRowId,
    previousReviewId: r.previousReviewId,
    submittedAt: r.submittedAt,
    decidedAt: r.decidedAt,
    note: r.note,
    submittedBy: person(r.submitterId, r.submitterName, r.submitterEmail),
    decidedBy: person(r.deciderId, r.deciderName, r.deciderEmail),
    document: { id: r.documentId, title: r.documentTitle, kind: r.documentKind },
    version: { id: r.versionId, major: r.major, minor: r.minor, contentHash: r.contentHash },
    author: person(r.authorId, r.authorName, r.authorEmail),
    product: {
      id: r.productId,
      code: r.productCode,
      name: r.productName,
      productType: r.productType,
      stage: r.stage as Stage,
      subsidiaryId: r.subsidiaryId,
      subsidiaryCode: r.subsidiaryCode,
      subsidiaryName: r.subsidiaryName,
    },
  };
}

export type ReviewSummary = ReturnType<typeof toSummary>;
export type ReviewRecord = ReviewSummary & {
  report: StoredReport;
  changes: FindingChanges | null;
  goldenCitations: GoldenCitation[];
};

export async function findReview(db: Executor, id: string): Promise<ReviewRecord | null> {
  const [row] = await detailQuery(db).where(eq(gateReviews.id, id));
  if (!row) return null;
  return {
    ...toSummary(row),
    report: row.report as StoredReport,
    changes: (row.changes as FindingChanges | null) ?? null,
    goldenCitations: (row.goldenCitations as GoldenCitation[]) ?? [],
  };
}

export type ReviewFilter = {
  visible: string[] | null;
  productCode?: string;
  documentId?: string;
  status?: ReviewStatus;
  subsidiaryCode?: string;
  limit: number;
  oldestFirst?: boolean;
};

export async function listReviews(db: Executor, f: ReviewFilter): Promise<ReviewSummary[]> {
  const where: (SQL | undefined)[] = [];
  if (f.visible) where.push(f.visible.length ? inArray(products.subsidiaryId, f.visible) : sql`false`);
  if (f.productCode) where.push(eq(products.code, f.productCode));
  if (f.documentId) where.push(eq(gateReviews.documentId, f.documentId));
  if (f.status) where.push(eq(gateReviews.status, f.status));
  if (f.subsidiaryCode) where.push(eq(subsidiaries.code, f.subsidiaryCode));
  const rows = await summaryQuery(db)
    .where(and(...where))
    .orderBy(f.oldestFirst ? gateReviews.submittedAt : desc(gateReviews.submittedAt), gateReviews.id)
    .limit(f.limit);
  return rows.map(toSummary);
}

/** Locks the review row for the rest of the transaction: decisions and edits on one review run one at a time. */
export async function lockReviewStatus(tx: Executor, id: string): Promise<ReviewStatus | null> {
  const [row] = await tx
    .select({ status: gateReviews.status })
    .from(gateReviews)
    .where(eq(gateReviews.id, id))
    .for('update');
  return (row?.status as ReviewStatus | undefined) ?? null;
}

/** The newest review of a document (any status): the one a resubmission is compared with. */
export async function latestReviewOf(tx: Executor, documentId: string) {
  const [row] = await tx
    .select({
      id: gateReviews.id,
      status: gateReviews.status,
      versionId: gateReviews.versionId,
      attempt: gateReviews.attempt,
      report: gateReviews.report,
    })
    .from(gateReviews)
    .where(eq(gateReviews.documentId, documentId))
    .orderBy(desc(gateReviews.submittedAt), desc(gateReviews.attempt))
    .limit(1);
  return row ? { ...row, status: row.status as ReviewStatus, report: row.report as StoredReport } : null;
}

export type NewReview = typeof gateReviews.$inferInsert;

export async function insertReview(tx: Executor, values: NewReview): Promise<string> {
  const [row] = await tx.insert(gateReviews).values(values).returning({ id: gateReviews.id });
  if (!row) throw new Error('review insert returned nothing');
  return row.id;
}

export async function supersedeReview(tx: Executor, id: string): Promise<void> {
  await tx
    .update(gateReviews)
    .set({ status: 'superseded' })
    .where(and(eq(gateReviews.id, id), eq(gateReviews.status, 'submitted')));
}

export async function recordDecision(
  tx: Executor,
  id: string,
  d: { verdict: Verdict; finalScore: number; firstTime: boolean; by: string | null; at: Date; note: string },
): Promise<boolean> {
  const rows = await tx
    .update(gateReviews)
    .set({
      status: 'decided',
      verdict: d.verdict,
      finalScore: d.finalScore,
      firstTime: d.firstTime,
      decidedBy: d.by,
      decidedAt: d.at,
      note: d.note,
    })
    .where(and(eq(gateReviews.id, id), eq(gateReviews.status, 'submitted')))
    .returning({ id: gateReviews.id });
  return rows.length === 1;
}

/** The newest pass or conditional verdict on a version: what makes it eligible for the Golden library. */
export async function passedReviewOfVersion(db: Executor, versionId: string) {
  const [row] = await db
    .select({ id: gateReviews.id, rubricRowId: gateReviews.rubricRowId, verdict: gateReviews.verdict })
    .from(gateReviews)
    .where(and(eq(gateReviews.versionId, versionId), inArray(gateReviews.verdict, ['pass', 'conditional'])))
    .orderBy(desc(gateReviews.decidedAt))
    .limit(1);
  return row ?? null;
}

// The gate moves products between stages and freezes the baseline PRD version.

/** Moves the product to `to` only from one of `from`; returns the stage it left, or null when it stayed. */
export async function moveProductStage(
  tx: Executor,
  productId: string,
  from: readonly string[],
  to: string,
  at: Date,
): Promise<string | null> {
  const [before] = await tx
    .select({ stage: products.stage })
    .from(products)
    .where(eq(products.id, productId))
    .for('update');
  if (!before || !from.includes(before.stage) || before.stage === to) return null;
  await tx
    .update(products)
    // The gate's move ends what a forced move had said about the stage.
    .set({
      stage: to,
      revision: sql`${products.revision} + 1`,
      updatedAt: at,
      stageForcedFrom: null,
      stageForcedReason: null,
      stageForcedBy: null,
      stageForcedAt: null,
    })
    .where(and(eq(products.id, productId), inArray(products.stage, [...from])));
  return before.stage;
}

export async function setBaseline(tx: Executor, documentId: string, versionId: string): Promise<string | null> {
  const [before] = await tx
    .select({ baseline: documents.baselineVersionId })
    .from(documents)
    .where(eq(documents.id, documentId))
    .for('update');
  await tx.update(documents).set({ baselineVersionId: versionId }).where(eq(documents.id, documentId));
  return before?.baseline ?? null;
}

/** Locks the document row: two submissions of one PRD run one after the other. */
export async function lockDocument(tx: Executor, documentId: string): Promise<void> {
  await tx.select({ id: documents.id }).from(documents).where(eq(documents.id, documentId)).for('update');
}

export async function activeUser(db: Executor, id: string): Promise<boolean> {
  const [row] = await db.select({ disabled: users.disabled }).from(users).where(eq(users.id, id));
  return !!row && !row.disabled;
}

/** Whether the subsidiary keeps the four-eyes rule at the gate (authors do not decide their own submission). */
export async function fourEyesRuleOn(db: Executor, subsidiaryId: string): Promise<boolean> {
  const [row] = await db
    .select({ on: subsidiaries.gateFourEyes })
    .from(subsidiaries)
    .where(eq(subsidiaries.id, subsidiaryId));
  return row?.on ?? true;
}

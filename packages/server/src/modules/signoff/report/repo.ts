// What a session's UAT report reads: its cases in order with every run, and the defects with their retest runs.
import { asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../../db/client.ts';
import { uatCases, uatDefects, uatRuns } from '../../../db/schema/uat.ts';
import { products } from '../../../db/schema/workspace.ts';

export async function productName(db: Executor, productId: string): Promise<string> {
  const [row] = await db.select({ name: products.name }).from(products).where(eq(products.id, productId));
  return row?.name ?? '';
}

export async function reportCases(db: Executor, sessionId: string) {
  return db
    .select({
      id: uatCases.id,
      key: uatCases.key,
      title: uatCases.title,
      storyKey: uatCases.storyKey,
      status: uatCases.status,
    })
    .from(uatCases)
    .where(eq(uatCases.sessionId, sessionId))
    .orderBy(asc(uatCases.position), asc(uatCases.number));
}

export async function reportRuns(db: Executor, sessionId: string) {
  return db
    .select({
      caseId: uatRuns.caseId,
      kind: uatRuns.kind,
      result: uatRuns.result,
      testerName: uatRuns.testerName,
      notes: uatRuns.notes,
      at: uatRuns.createdAt,
    })
    .from(uatRuns)
    .where(eq(uatRuns.sessionId, sessionId))
    .orderBy(asc(uatRuns.createdAt), asc(uatRuns.id));
}

const retest = alias(uatRuns, 'retest');

export async function reportDefects(db: Executor, sessionId: string) {
  return db
    .select({
      bugKey: uatDefects.bugKey,
      caseKey: uatCases.key,
      state: uatDefects.state,
      retestResult: retest.result,
      retestTester: retest.testerName,
      retestAt: retest.createdAt,
    })
    .from(uatDefects)
    .innerJoin(uatCases, eq(uatCases.id, uatDefects.caseId))
    .leftJoin(retest, eq(retest.id, uatDefects.retestRunId))
    .where(eq(uatDefects.sessionId, sessionId))
    .orderBy(asc(uatDefects.createdAt), asc(uatDefects.id));
}

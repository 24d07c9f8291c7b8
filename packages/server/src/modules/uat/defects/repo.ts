// Defect rows with what a list shows beside them: the bug story's status (it decides "fixed"), the case, the story
// the case tests, and the requirements the bug is linked to.

import type { StoredDefectState } from '@pi-studio/core/uat/defects';
import { and, asc, desc, eq, inArray, ne, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { requirements, stories, storyRequirements } from '../../../db/schema/backlog.ts';
import { uatCases, uatDefects } from '../../../db/schema/uat.ts';

export type DefectRecord = {
  id: string;
  sessionId: string;
  caseId: string;
  caseKey: string;
  caseTitle: string;
  storyKey: string | null;
  bugStoryId: string | null;
  bugKey: string;
  bugStatus: string | null;
  bugRevision: number | null;
  state: string;
  openedRunId: string | null;
  retestRunId: string | null;
  requirements: string[];
  createdAt: Date;
  updatedAt: Date;
};

const columns = {
  id: uatDefects.id,
  sessionId: uatDefects.sessionId,
  caseId: uatDefects.caseId,
  caseKey: uatCases.key,
  caseTitle: uatCases.title,
  storyKey: uatCases.storyKey,
  bugStoryId: uatDefects.bugStoryId,
  bugKey: uatDefects.bugKey,
  bugStatus: stories.status,
  bugRevision: stories.revision,
  state: uatDefects.state,
  openedRunId: uatDefects.openedRunId,
  retestRunId: uatDefects.retestRunId,
  createdAt: uatDefects.createdAt,
  updatedAt: uatDefects.updatedAt,
};

async function defectsWhere(db: Executor, where: SQL | undefined): Promise<DefectRecord[]> {
  const rows = await db
    .select(columns)
    .from(uatDefects)
    .innerJoin(uatCases, eq(uatCases.id, uatDefects.caseId))
    .leftJoin(stories, eq(stories.id, uatDefects.bugStoryId))
    .where(where)
    .orderBy(asc(uatDefects.createdAt), asc(uatDefects.id));
  const bugIds = rows.flatMap((r) => (r.bugStoryId ? [r.bugStoryId] : []));
  const links = bugIds.length
    ? await db
        .select({ storyId: storyRequirements.storyId, key: requirements.reqKey })
        .from(storyRequirements)
        .innerJoin(requirements, eq(requirements.id, storyRequirements.requirementId))
        .where(inArray(storyRequirements.storyId, bugIds))
        .orderBy(asc(requirements.reqKey))
    : [];
  return rows.map((r) => ({
    ...r,
    requirements: links.filter((l) => l.storyId === r.bugStoryId).map((l) => l.key),
  }));
}

export const listSessionDefects = (db: Executor, sessionId: string) =>
  defectsWhere(db, eq(uatDefects.sessionId, sessionId));

export const listCaseDefects = (db: Executor, caseId: string) => defectsWhere(db, eq(uatDefects.caseId, caseId));

export async function findDefect(db: Executor, id: string): Promise<DefectRecord | null> {
  const [row] = await defectsWhere(db, eq(uatDefects.id, id));
  return row ?? null;
}

/** The case's newest defect a retest has not verified, if any. */
export async function findUnresolvedDefect(db: Executor, caseId: string): Promise<DefectRecord | null> {
  const [row] = await db
    .select({ id: uatDefects.id })
    .from(uatDefects)
    .where(and(eq(uatDefects.caseId, caseId), ne(uatDefects.state, 'verified')))
    .orderBy(desc(uatDefects.createdAt))
    .limit(1);
  return row ? findDefect(db, row.id) : null;
}

export async function insertDefect(
  tx: Executor,
  v: { sessionId: string; caseId: string; bugStoryId: string; bugKey: string; openedRunId: string; at: Date },
): Promise<string> {
  const [row] = await tx
    .insert(uatDefects)
    .values({ ...v, state: 'open', createdAt: v.at, updatedAt: v.at })
    .returning({ id: uatDefects.id });
  if (!row) throw new Error('defect insert returned nothing');
  return row.id;
}

export async function setDefectState(
  tx: Executor,
  id: string,
  state: StoredDefectState,
  retestRunId: string,
  at: Date,
): Promise<void> {
  await tx.update(uatDefects).set({ state, retestRunId, updatedAt: at }).where(eq(uatDefects.id, id));
}

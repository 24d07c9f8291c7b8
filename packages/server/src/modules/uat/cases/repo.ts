// Test case rows (with their session's key), the stories cases are generated from, and the marks that let
// re-generating skip the scenarios a session already has for the same story revision.
import type { UatCaseStatus } from '@pi-studio/core/contract/uat';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { stories } from '../../../db/schema/backlog.ts';
import { type UatStep, uatCases, uatSessions } from '../../../db/schema/uat.ts';

export type CaseValues = {
  sessionId: string;
  productId: string;
  number: number;
  key: string;
  title: string;
  storyId: string | null;
  storyKey: string | null;
  storyRevision: number | null;
  steps: UatStep[];
  position: number;
};

/** A stored case: what was inserted, plus what the store adds and its session's key. */
export type CaseRecord = CaseValues & {
  id: string;
  sessionKey: string;
  status: UatCaseStatus;
  updatedAt: Date;
};

const columns = {
  id: uatCases.id,
  sessionId: uatCases.sessionId,
  sessionKey: uatSessions.key,
  productId: uatCases.productId,
  number: uatCases.number,
  key: uatCases.key,
  title: uatCases.title,
  storyId: uatCases.storyId,
  storyKey: uatCases.storyKey,
  storyRevision: uatCases.storyRevision,
  steps: uatCases.steps,
  position: uatCases.position,
  status: uatCases.status,
  updatedAt: uatCases.updatedAt,
};

const caseQuery = (db: Executor) =>
  db.select(columns).from(uatCases).innerJoin(uatSessions, eq(uatSessions.id, uatCases.sessionId));

type Row = Awaited<ReturnType<ReturnType<typeof caseQuery>['execute']>>[number];
const toRecord = (r: Row): CaseRecord => ({ ...r, status: r.status as UatCaseStatus });

export async function listCases(db: Executor, sessionId: string): Promise<CaseRecord[]> {
  const rows = await caseQuery(db)
    .where(eq(uatCases.sessionId, sessionId))
    .orderBy(asc(uatCases.position), asc(uatCases.number));
  return rows.map(toRecord);
}

export async function findCase(
  db: Executor,
  productId: string,
  key: string,
  opts: { lock?: boolean } = {},
): Promise<CaseRecord | null> {
  const q = caseQuery(db)
    .where(and(eq(uatCases.productId, productId), eq(uatCases.key, key)))
    .limit(1);
  const [row] = opts.lock ? await q.for('update', { of: uatCases }) : await q;
  return row ? toRecord(row) : null;
}

export async function findCasesByIds(db: Executor, ids: readonly string[]): Promise<CaseRecord[]> {
  if (ids.length === 0) return [];
  return (await caseQuery(db).where(inArray(uatCases.id, [...ids]))).map(toRecord);
}

export async function insertCase(tx: Executor, v: CaseValues & { at: Date }): Promise<string> {
  const [row] = await tx
    .insert(uatCases)
    .values({ ...v, createdAt: v.at, updatedAt: v.at })
    .returning({ id: uatCases.id });
  if (!row) throw new Error('case insert returned nothing');
  return row.id;
}

/** The position after the session's last case. */
export async function nextPosition(tx: Executor, sessionId: string): Promise<number> {
  const [row] = await tx
    .select({ max: sql<number | null>`max(${uatCases.position})` })
    .from(uatCases)
    .where(eq(uatCases.sessionId, sessionId));
  return (row?.max ?? -1) + 1;
}

/** `story id | revision | title` of the session's generated cases: a scenario's identity for re-generating. */
export const generatedMark = (storyId: string, revision: number, title: string) => `${storyId}|${revision}|${title}`;

export async function generatedMarks(tx: Executor, sessionId: string): Promise<Set<string>> {
  const rows = await tx
    .select({ storyId: uatCases.storyId, revision: uatCases.storyRevision, title: uatCases.title })
    .from(uatCases)
    .where(eq(uatCases.sessionId, sessionId));
  return new Set(
    rows.flatMap((r) => (r.storyId && r.revision !== null ? [generatedMark(r.storyId, r.revision, r.title)] : [])),
  );
}

export async function setCaseStatus(tx: Executor, id: string, status: UatCaseStatus, at: Date): Promise<void> {
  await tx.update(uatCases).set({ status, updatedAt: at }).where(eq(uatCases.id, id));
}

export type SourceStory = { id: string; key: string; title: string; acceptance: string; revision: number };

const storyColumns = {
  id: stories.id,
  key: stories.key,
  title: stories.title,
  acceptance: stories.acceptance,
  revision: stories.revision,
};

export async function storiesByKeys(db: Executor, productId: string, keys: readonly string[]): Promise<SourceStory[]> {
  if (keys.length === 0) return [];
  return db
    .select(storyColumns)
    .from(stories)
    .where(and(eq(stories.productId, productId), inArray(stories.key, [...keys])));
}

export async function storiesInSprint(db: Executor, productId: string, sprintId: string): Promise<SourceStory[]> {
  return db
    .select(storyColumns)
    .from(stories)
    .where(and(eq(stories.productId, productId), eq(stories.sprintId, sprintId)))
    .orderBy(asc(stories.number));
}

export type TraceCaseRecord = {
  key: string;
  storyKey: string | null;
  status: string;
  /** Its defects, oldest first: bug key, stored state, the bug story's status, the latest retest's result. */
  defects: { bugKey: string; state: string; bugStatus: string | null; retest: string | null }[];
};

/**
 * Every case of a product for the traceability matrix, in one row holding a JSON array (as the backlog's trace reads
 * do, backlog/trace/repo.ts: one parse instead of decoding thousands of rows field by field).
 */
export async function traceCases(db: Executor, productId: string): Promise<TraceCaseRecord[]> {
  const result = await db.execute(sql`
    select json_agg(json_build_array(c.key, c.story_key, c.status, coalesce((
      select json_agg(json_build_array(d.bug_key, d.state, s.status, r.result) order by d.created_at, d.id)
        from uat_defects d
        left join stories s on s.id = d.bug_story_id
        left join uat_runs r on r.id = d.retest_run_id
       where d.case_id = c.id), '[]'::json)) order by c.number)::text as list
      from ${uatCases} c where c.product_id = ${productId}`);
  const text = (result as unknown as { rows: { list: unknown }[] }).rows[0]?.list;
  if (typeof text !== 'string') return [];
  const rows = JSON.parse(text) as [string, string | null, string, [string, string, string | null, string | null][]][];
  return rows.map(([key, storyKey, status, defects]) => ({
    key,
    storyKey,
    status,
    defects: defects.map(([bugKey, state, bugStatus, retest]) => ({ bugKey, state, bugStatus, retest })),
  }));
}

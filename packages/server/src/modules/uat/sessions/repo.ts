// Session rows with their sprint's name, and the counts a session shows: its cases by status and its unverified
// defects, for many sessions in two grouped queries.
import type { UatCounts, UatSessionStatus } from '@pi-studio/core/contract/uat';
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { sprints } from '../../../db/schema/backlog.ts';
import { type UatParticipant, uatCases, uatDefects, uatSessions } from '../../../db/schema/uat.ts';

export type SessionRecord = {
  id: string;
  productId: string;
  number: number;
  key: string;
  title: string;
  buildVersion: string;
  sprint: { id: string; name: string } | null;
  status: UatSessionStatus;
  participants: UatParticipant[];
  revision: number;
  createdAt: Date;
  startedAt: Date | null;
  closedAt: Date | null;
};

const columns = {
  id: uatSessions.id,
  productId: uatSessions.productId,
  number: uatSessions.number,
  key: uatSessions.key,
  title: uatSessions.title,
  buildVersion: uatSessions.buildVersion,
  status: uatSessions.status,
  participants: uatSessions.participants,
  revision: uatSessions.revision,
  createdAt: uatSessions.createdAt,
  startedAt: uatSessions.startedAt,
  closedAt: uatSessions.closedAt,
  sprintId: sprints.id,
  sprintName: sprints.name,
};

const sessionQuery = (db: Executor) =>
  db.select(columns).from(uatSessions).leftJoin(sprints, eq(sprints.id, uatSessions.sprintId));

type Row = Awaited<ReturnType<ReturnType<typeof sessionQuery>['execute']>>[number];

function toRecord({ sprintId, sprintName, status, ...r }: Row): SessionRecord {
  return {
    ...r,
    status: status as UatSessionStatus,
    sprint: sprintId ? { id: sprintId, name: sprintName ?? '' } : null,
  };
}

export async function listSessions(db: Executor, productId: string): Promise<SessionRecord[]> {
  const rows = await sessionQuery(db).where(eq(uatSessions.productId, productId)).orderBy(asc(uatSessions.number));
  return rows.map(toRecord);
}

export async function findSession(
  db: Executor,
  productId: string,
  key: string,
  opts: { lock?: boolean } = {},
): Promise<SessionRecord | null> {
  const q = sessionQuery(db)
    .where(and(eq(uatSessions.productId, productId), eq(uatSessions.key, key)))
    .limit(1);
  const [row] = opts.lock ? await q.for('update', { of: uatSessions }) : await q;
  return row ? toRecord(row) : null;
}

/** `share` (inside a transaction) keeps the session from being closed until the transaction ends. */
export async function findSessionById(
  db: Executor,
  id: string,
  opts: { share?: boolean } = {},
): Promise<SessionRecord | null> {
  const q = sessionQuery(db).where(eq(uatSessions.id, id)).limit(1);
  const [row] = opts.share ? await q.for('share', { of: uatSessions }) : await q;
  return row ? toRecord(row) : null;
}

export type SessionValues = {
  title: string;
  buildVersion: string;
  sprintId: string | null;
  participants: UatParticipant[];
};

export async function insertSession(
  tx: Executor,
  v: SessionValues & { productId: string; number: number; key: string; createdBy: string | null; at: Date },
): Promise<string> {
  const [row] = await tx
    .insert(uatSessions)
    .values({ ...v, createdAt: v.at })
    .returning({ id: uatSessions.id });
  if (!row) throw new Error('session insert returned nothing');
  return row.id;
}

/** Applies `changes` only while the session is still at revision `expected`; false when another save got there first. */
export async function updateSessionAtRevision(
  tx: Executor,
  id: string,
  expected: number,
  changes: Partial<SessionValues> & { status?: UatSessionStatus; startedAt?: Date; closedAt?: Date },
): Promise<boolean> {
  const rows = await tx
    .update(uatSessions)
    .set({ ...changes, revision: sql`${uatSessions.revision} + 1` })
    .where(and(eq(uatSessions.id, id), eq(uatSessions.revision, expected)))
    .returning({ id: uatSessions.id });
  return rows.length === 1;
}

export const emptyCounts = (): UatCounts => ({ cases: 0, untested: 0, pass: 0, fail: 0, blocked: 0, openDefects: 0 });

export async function sessionCounts(db: Executor, sessionIds: readonly string[]): Promise<Map<string, UatCounts>> {
  const out = new Map(sessionIds.map((id) => [id, emptyCounts()]));
  if (sessionIds.length === 0) return out;
  const [cases, defects] = await Promise.all([
    db
      .select({ sessionId: uatCases.sessionId, status: uatCases.status, n: sql<number>`count(*)::int` })
      .from(uatCases)
      .where(inArray(uatCases.sessionId, [...sessionIds]))
      .groupBy(uatCases.sessionId, uatCases.status),
    db
      .select({ sessionId: uatDefects.sessionId, n: sql<number>`count(*)::int` })
      .from(uatDefects)
      .where(and(inArray(uatDefects.sessionId, [...sessionIds]), ne(uatDefects.state, 'verified')))
      .groupBy(uatDefects.sessionId),
  ]);
  for (const row of cases) {
    const c = out.get(row.sessionId);
    if (!c) continue;
    c.cases += row.n;
    if (row.status === 'untested' || row.status === 'pass' || row.status === 'fail' || row.status === 'blocked') {
      c[row.status] += row.n;
    }
  }
  for (const row of defects) {
    const c = out.get(row.sessionId);
    if (c) c.openDefects = row.n;
  }
  return out;
}

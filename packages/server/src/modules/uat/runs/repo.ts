// Run rows (with their case's key and the defect they raised or retested) and the screenshots kept with them: the
// bytes are read only by the download, never by a list.
import type { UatResult, UatRunKind } from '@pi-studio/core/contract/uat';
import { and, count, desc, eq, inArray, isNotNull, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { uatAttachments, uatCases, uatDefects, uatRuns, uatSessions } from '../../../db/schema/uat.ts';
import { type AttachmentMeta, attachmentMetaColumns, attachmentOrder, type NewAttachment } from '../repo.ts';

export type RunRecord = {
  id: string;
  caseId: string;
  caseKey: string;
  sessionId: string;
  kind: UatRunKind;
  result: UatResult;
  notes: string;
  testerName: string;
  guestLinkId: string | null;
  defectBugKey: string | null;
  createdAt: Date;
};

export type ScreenshotRecord = AttachmentMeta & { runId: string };

const runColumns = {
  id: uatRuns.id,
  caseId: uatRuns.caseId,
  caseKey: uatCases.key,
  sessionId: uatRuns.sessionId,
  kind: uatRuns.kind,
  result: uatRuns.result,
  notes: uatRuns.notes,
  testerName: uatRuns.testerName,
  guestLinkId: uatRuns.guestLinkId,
  defectBugKey: uatDefects.bugKey,
  createdAt: uatRuns.createdAt,
};

/** Runs matching `where`, newest first. */
export async function listRuns(db: Executor, where: SQL | undefined): Promise<RunRecord[]> {
  const rows = await db
    .select(runColumns)
    .from(uatRuns)
    .innerJoin(uatCases, eq(uatCases.id, uatRuns.caseId))
    .leftJoin(uatDefects, eq(uatDefects.id, uatRuns.defectId))
    .where(where)
    .orderBy(desc(uatRuns.createdAt), desc(uatRuns.id));
  return rows.map((r) => ({ ...r, kind: r.kind as UatRunKind, result: r.result as UatResult }));
}

export const runsOfCase = (db: Executor, caseId: string, guestLinkId?: string) =>
  listRuns(db, and(eq(uatRuns.caseId, caseId), guestLinkId ? eq(uatRuns.guestLinkId, guestLinkId) : undefined));

export const runsOfGuest = (db: Executor, guestLinkId: string) => listRuns(db, eq(uatRuns.guestLinkId, guestLinkId));

export async function findRun(db: Executor, id: string): Promise<RunRecord | null> {
  const [row] = await listRuns(db, eq(uatRuns.id, id));
  return row ?? null;
}

export async function insertRun(
  tx: Executor,
  v: {
    caseId: string;
    sessionId: string;
    kind: UatRunKind;
    result: UatResult;
    notes: string;
    testerName: string;
    testerUserId: string | null;
    guestLinkId: string | null;
    defectId: string | null;
    at: Date;
  },
): Promise<string> {
  const [row] = await tx
    .insert(uatRuns)
    .values({ ...v, createdAt: v.at })
    .returning({ id: uatRuns.id });
  if (!row) throw new Error('run insert returned nothing');
  return row.id;
}

export async function setRunDefect(tx: Executor, runId: string, defectId: string): Promise<void> {
  await tx.update(uatRuns).set({ defectId }).where(eq(uatRuns.id, runId));
}

/** A run of the product with its session's key and status; `lock` holds the run row (screenshot counting). */
export async function findRunInProduct(
  db: Executor,
  productId: string,
  runId: string,
  opts: { lock?: boolean } = {},
): Promise<{
  id: string;
  sessionId: string;
  sessionKey: string;
  sessionStatus: string;
  guestLinkId: string | null;
} | null> {
  const q = db
    .select({
      id: uatRuns.id,
      sessionId: uatRuns.sessionId,
      sessionKey: uatSessions.key,
      sessionStatus: uatSessions.status,
      guestLinkId: uatRuns.guestLinkId,
    })
    .from(uatRuns)
    .innerJoin(uatSessions, eq(uatSessions.id, uatRuns.sessionId))
    .where(and(eq(uatRuns.id, runId), eq(uatSessions.productId, productId)))
    .limit(1);
  const [row] = opts.lock ? await q.for('update', { of: uatRuns }) : await q;
  return row ?? null;
}

const screenshotColumns = {
  id: uatAttachments.id,
  runId: uatAttachments.runId,
  ...attachmentMetaColumns,
};

export async function screenshotsOfRuns(db: Executor, runIds: readonly string[]): Promise<ScreenshotRecord[]> {
  if (runIds.length === 0) return [];
  const rows = await db
    .select(screenshotColumns)
    .from(uatAttachments)
    .where(inArray(uatAttachments.runId, [...runIds]))
    .orderBy(...attachmentOrder);
  return rows.flatMap((r) => (r.runId ? [{ ...r, runId: r.runId }] : []));
}

export async function countScreenshots(tx: Executor, runId: string): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(uatAttachments).where(eq(uatAttachments.runId, runId));
  return row?.n ?? 0;
}

export async function insertScreenshot(
  tx: Executor,
  v: NewAttachment & { sessionId: string; runId: string; guestLinkId: string | null },
): Promise<string> {
  const [row] = await tx
    .insert(uatAttachments)
    .values({ ...v, size: v.bytes.length, createdAt: v.at })
    .returning({ id: uatAttachments.id });
  if (!row) throw new Error('screenshot insert returned nothing');
  return row.id;
}

/** A run's screenshot of the product, with its bytes and the run's guest link (guests see only their own). */
export async function findScreenshotFile(db: Executor, productId: string, id: string) {
  const [row] = await db
    .select({
      ...screenshotColumns,
      bytes: uatAttachments.bytes,
      runGuestLinkId: uatRuns.guestLinkId,
    })
    .from(uatAttachments)
    .innerJoin(uatRuns, eq(uatRuns.id, uatAttachments.runId))
    .where(and(eq(uatAttachments.id, id), eq(uatAttachments.productId, productId), isNotNull(uatAttachments.runId)))
    .limit(1);
  return row?.runId ? { ...row, runId: row.runId } : null;
}

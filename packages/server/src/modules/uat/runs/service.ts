// Runs (issue #13): a tester — a member with uat.run, or a guest through their link — records pass, fail or blocked
// with notes on a case of a running session; the case's status becomes that result. A failed run raises a defect
// (defects/service.ts) unless the case has one not yet verified, which the run is linked to instead; a retest
// (kind `retest`) is for a fixed defect and verifies or reopens it. All of it in one transaction with its audit
// events. Screenshots: PNG, JPEG or WebP by their bytes, up to 5 MB each and 5 per run.
import { createHash } from 'node:crypto';
import {
  UAT_LIMITS,
  type UatCaseDetail,
  type UatRun,
  type UatRunBody,
  type UatRunRecorded,
  type UatScreenshot,
} from '@pi-studio/core/contract/uat';
import { effectiveDefectState } from '@pi-studio/core/uat/defects';
import { safeFileName, sniffScreenshot } from '@pi-studio/core/uat/screenshots';
import type { Executor } from '../../../db/client.ts';
import type { UseCaseCtx } from '../../../use-case/context.ts';
import { Conflict, notFound, TooLarge, UnsupportedType } from '../../../use-case/errors.ts';
import { writeAudit } from '../../audit/writer.ts';
import { presentCase } from '../cases/presenters.ts';
import { type CaseRecord, setCaseStatus } from '../cases/repo.ts';
import { caseOf } from '../cases/service.ts';
import { presentDefect } from '../defects/presenters.ts';
import { findDefect, findUnresolvedDefect, listCaseDefects } from '../defects/repo.ts';
import { raiseDefect, recordRetest } from '../defects/service.ts';
import { type UatProduct, uatProduct } from '../policy.ts';
import { findSessionById } from '../sessions/repo.ts';
import { presentRuns, presentScreenshot } from './presenters.ts';
import {
  countScreenshots,
  findRun,
  findRunInProduct,
  findScreenshotFile,
  insertRun,
  insertScreenshot,
  type RunRecord,
  runsOfCase,
  screenshotsOfRuns,
  setRunDefect,
} from './repo.ts';

/** Who records, and where: a member anywhere in the product; a guest only in their link's session, on their runs. */
export type RunScope = {
  product: UatProduct;
  testerName: string;
  testerUserId: string | null;
  guest: { linkId: string; sessionId: string } | null;
};

async function memberScope(ctx: UseCaseCtx, code: string, permission: 'uat.run' | 'product.read') {
  const product = await uatProduct(ctx, code, permission);
  const actor = ctx.actor;
  return {
    product,
    testerName: actor?.name || actor?.email || 'system',
    testerUserId: actor?.userId ?? null,
    guest: null,
  };
}

/** The case, as the scope may see it: a guest asking for a case of another session gets the same 404 as for none. */
async function scopedCase(db: Executor, scope: RunScope, key: string, lock = false): Promise<CaseRecord> {
  const found = await caseOf(db, scope.product, key, lock);
  if (scope.guest && found.sessionId !== scope.guest.sessionId) {
    throw notFound(`test case ${key}`, [{ name: 'path.caseKey', reason: `no test case ${key} in this session` }]);
  }
  return found;
}

export async function presentRunList(db: Executor, runs: readonly RunRecord[]): Promise<UatRun[]> {
  return presentRuns(
    runs,
    await screenshotsOfRuns(
      db,
      runs.map((r) => r.id),
    ),
  );
}

async function detailOf(db: Executor, scope: RunScope, c: CaseRecord): Promise<UatCaseDetail> {
  const [runs, defects] = await Promise.all([runsOfCase(db, c.id, scope.guest?.linkId), listCaseDefects(db, c.id)]);
  // A guest sees the defects their own runs raised, nothing of other testers'.
  const own = new Set(runs.map((r) => r.id));
  const visible = scope.guest ? defects.filter((d) => d.openedRunId && own.has(d.openedRunId)) : defects;
  return { case: presentCase(c), runs: await presentRunList(db, runs), defects: visible.map(presentDefect) };
}

export async function caseDetail(ctx: UseCaseCtx, code: string, caseKey: string): Promise<UatCaseDetail> {
  const scope = await memberScope(ctx, code, 'product.read');
  return detailOf(ctx.deps.db, scope, await scopedCase(ctx.deps.db, scope, caseKey));
}

export async function caseDetailAs(ctx: UseCaseCtx, scope: RunScope, caseKey: string): Promise<UatCaseDetail> {
  return detailOf(ctx.deps.db, scope, await scopedCase(ctx.deps.db, scope, caseKey));
}

const notRunning = (key: string, status: string) =>
  new Conflict('session_not_running', `UAT session ${key} is ${status}: runs are recorded while it is running`);

export async function recordRun(ctx: UseCaseCtx, code: string, caseKey: string, body: UatRunBody) {
  return recordRunAs(ctx, await memberScope(ctx, code, 'uat.run'), caseKey, body);
}

export async function recordRunAs(
  ctx: UseCaseCtx,
  scope: RunScope,
  caseKey: string,
  body: UatRunBody,
): Promise<UatRunRecorded> {
  const db = ctx.deps.db;
  const { product } = scope;
  const { runId, defectId } = await db.transaction(async (tx) => {
    const c = await scopedCase(tx, scope, caseKey, true);
    // Held until commit: a close waiting on it cannot slip in between this check and the run.
    const session = await findSessionById(tx, c.sessionId, { share: true });
    if (session?.status !== 'running') throw notRunning(c.sessionKey, session?.status ?? 'gone');
    const open = await findUnresolvedDefect(tx, c.id);
    if (body.kind === 'retest' && (!open || effectiveDefectState(open.state, open.bugStatus) !== 'fixed')) {
      throw new Conflict(
        'no_fixed_defect',
        `test case ${c.key} has no fixed defect to retest${open ? ` (${open.bugKey} is not done yet)` : ''}`,
      );
    }
    const at = ctx.deps.now();
    const id = await insertRun(tx, {
      caseId: c.id,
      sessionId: c.sessionId,
      kind: body.kind,
      result: body.result,
      notes: body.notes,
      testerName: scope.testerName,
      testerUserId: scope.testerUserId,
      guestLinkId: scope.guest?.linkId ?? null,
      defectId: open?.id ?? null,
      at,
    });
    await setCaseStatus(tx, c.id, body.result, at);
    await writeAudit(tx, ctx.who(), {
      action: 'uat.case_run',
      targetType: 'uat_case',
      targetId: c.id,
      targetLabel: c.key,
      subsidiaryId: product.subsidiaryId,
      before: { status: c.status },
      after: { run: id, kind: body.kind, result: body.result, notes: body.notes, tester: scope.testerName },
    });
    if (body.kind === 'retest' && open) {
      await recordRetest(tx, ctx, product, open, { id, result: body.result });
      return { runId: id, defectId: open.id };
    }
    if (body.result !== 'fail') return { runId: id, defectId: null };
    if (open) return { runId: id, defectId: open.id };
    const raised = await raiseDefect(tx, ctx, product, c, { id, notes: body.notes, testerName: scope.testerName });
    await setRunDefect(tx, id, raised);
    return { runId: id, defectId: raised };
  });
  const run = await findRun(db, runId);
  if (!run) throw new Error(`run ${runId} vanished`);
  const [presented] = await presentRunList(db, [run]);
  const defect = defectId ? await findDefect(db, defectId) : null;
  return {
    run: presented as UatRun,
    case: presentCase(await caseOf(db, product, run.caseKey)),
    defect: defect ? presentDefect(defect) : null,
  };
}

export async function addScreenshot(
  ctx: UseCaseCtx,
  code: string,
  runId: string,
  bytes: Uint8Array,
  fileName: string | undefined,
): Promise<UatScreenshot> {
  return addScreenshotAs(ctx, await memberScope(ctx, code, 'uat.run'), runId, bytes, fileName);
}

const runNotFound = (runId: string) => notFound(`run ${runId}`, [{ name: 'path.runId', reason: 'no such run here' }]);

export async function addScreenshotAs(
  ctx: UseCaseCtx,
  scope: RunScope,
  runId: string,
  bytes: Uint8Array,
  fileName: string | undefined,
): Promise<UatScreenshot> {
  if (bytes.length > UAT_LIMITS.screenshotBytes) {
    throw new TooLarge('file_too_large', `a screenshot may be up to ${UAT_LIMITS.screenshotBytes / 1024 / 1024} MB`, [
      { name: 'body', reason: `${bytes.length} bytes; at most ${UAT_LIMITS.screenshotBytes}` },
    ]);
  }
  const mediaType = sniffScreenshot(bytes);
  if (!mediaType) {
    throw new UnsupportedType('unsupported_media_type', 'a screenshot must be a PNG, JPEG or WebP image', [
      { name: 'body', reason: 'the file is not a PNG, JPEG or WebP image (checked by its content, not its name)' },
    ]);
  }
  const { product } = scope;
  const id = await ctx.deps.db.transaction(async (tx) => {
    const run = await findRunInProduct(tx, product.id, runId, { lock: true });
    if (!run || (scope.guest && run.guestLinkId !== scope.guest.linkId)) throw runNotFound(runId);
    if (run.sessionStatus === 'closed') {
      throw new Conflict('session_closed', `UAT session ${run.sessionKey} is closed`);
    }
    if ((await countScreenshots(tx, run.id)) >= UAT_LIMITS.screenshotsPerRun) {
      throw new Conflict('too_many_screenshots', `a run keeps at most ${UAT_LIMITS.screenshotsPerRun} screenshots`);
    }
    const name = safeFileName(fileName, mediaType);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const shotId = await insertScreenshot(tx, {
      productId: product.id,
      sessionId: run.sessionId,
      runId: run.id,
      fileName: name,
      mediaType,
      bytes,
      sha256,
      uploadedByName: scope.testerName,
      uploadedBy: scope.testerUserId,
      guestLinkId: scope.guest?.linkId ?? null,
      at: ctx.deps.now(),
    });
    await writeAudit(tx, ctx.who(), {
      action: 'uat.screenshot_added',
      targetType: 'uat_run',
      targetId: run.id,
      targetLabel: name,
      subsidiaryId: product.subsidiaryId,
      after: { screenshot: shotId, mediaType, size: bytes.length, sha256 },
    });
    return shotId;
  });
  const file = await findScreenshotFile(ctx.deps.db, product.id, id);
  if (!file) throw new Error(`screenshot ${id} vanished`);
  return presentScreenshot(file);
}

export type ScreenshotFile = { fileName: string; mediaType: string; bytes: Uint8Array };

export async function screenshotFile(ctx: UseCaseCtx, code: string, id: string): Promise<ScreenshotFile> {
  return screenshotFileAs(ctx, await memberScope(ctx, code, 'product.read'), id);
}

export async function screenshotFileAs(ctx: UseCaseCtx, scope: RunScope, id: string): Promise<ScreenshotFile> {
  const file = await findScreenshotFile(ctx.deps.db, scope.product.id, id);
  if (!file || (scope.guest && file.runGuestLinkId !== scope.guest.linkId)) {
    throw notFound(`screenshot ${id}`, [{ name: 'path.id', reason: 'no such screenshot here' }]);
  }
  return { fileName: file.fileName, mediaType: file.mediaType, bytes: file.bytes };
}

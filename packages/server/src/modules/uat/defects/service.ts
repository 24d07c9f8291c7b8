// Defects (issue #13): a failed case raises a bug in the backlog — numbered and audited by the backlog's own story
// creation, in the run's transaction — linked to the requirements of the story the case tests. A retest of a fixed
// defect verifies it (pass) or reopens it (fail), and a reopened bug goes back to `ready` in the backlog.
import { STORY_LIMITS } from '@pi-studio/core/contract/backlog';
import type { UatDefectList, UatResult } from '@pi-studio/core/contract/uat';
import { afterRetest, REOPENED_BUG_STATUS } from '@pi-studio/core/uat/defects';
import type { Executor } from '../../../db/client.ts';
import type { UseCaseCtx } from '../../../use-case/context.ts';
import { writeAudit } from '../../audit/writer.ts';
import { findRequirements } from '../../backlog/requirements/repo.ts';
import { findStory, updateStoryAtRevision } from '../../backlog/stories/repo.ts';
import { addStoryInTx } from '../../backlog/stories/service.ts';
import type { CaseRecord } from '../cases/repo.ts';
import type { UatProduct } from '../policy.ts';
import { productSession } from '../sessions/service.ts';
import { presentDefect } from './presenters.ts';
import { type DefectRecord, insertDefect, listSessionDefects, setDefectState } from './repo.ts';

export async function defectList(ctx: UseCaseCtx, code: string, sessionKey: string): Promise<UatDefectList> {
  const { session } = await productSession(ctx, code, sessionKey, 'product.read');
  return { items: (await listSessionDefects(ctx.deps.db, session.id)).map(presentDefect) };
}

/** Requirement ids of the story the case tests that are still in the PRD (a new bug cannot link removed ones). */
async function caseRequirements(tx: Executor, product: UatProduct, c: CaseRecord): Promise<string[]> {
  if (!c.storyKey) return [];
  const story = await findStory(tx, product.id, c.storyKey);
  if (!story?.requirements.length) return [];
  const found = await findRequirements(
    tx,
    product.id,
    story.requirements.map((r) => r.id),
  );
  return found.filter((r) => !r.removed).map((r) => r.id);
}

const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** The bug a failed run raises and its defect row; answers the defect's id. */
export async function raiseDefect(
  tx: Executor,
  ctx: UseCaseCtx,
  product: UatProduct,
  c: CaseRecord,
  run: { id: string; notes: string; testerName: string },
): Promise<string> {
  const narrative = [
    `Failed in UAT session ${c.sessionKey}, test case ${c.key}, run by ${run.testerName}.`,
    run.notes ? `Notes: ${run.notes}` : '',
  ]
    .filter(Boolean)
    .join('\n\n');
  const bug = await addStoryInTx(tx, ctx, product, {
    type: 'bug',
    title: clip(`Defect: ${c.title}`, STORY_LIMITS.title),
    narrative: clip(narrative, STORY_LIMITS.narrative),
    acceptance: clip(c.steps.map((s) => `${s.keyword} ${s.text}`).join('\n'), STORY_LIMITS.acceptance),
    priority: null,
    status: 'ready',
    estimate: null,
    sprintId: null,
    requirementIds: await caseRequirements(tx, product, c),
  });
  const at = ctx.deps.now();
  const id = await insertDefect(tx, {
    sessionId: c.sessionId,
    caseId: c.id,
    bugStoryId: bug.id,
    bugKey: bug.key,
    openedRunId: run.id,
    at,
  });
  await writeAudit(tx, ctx.who(), {
    action: 'uat.defect_raised',
    targetType: 'uat_defect',
    targetId: id,
    targetLabel: bug.key,
    subsidiaryId: product.subsidiaryId,
    after: { case: c.key, run: run.id, bug: bug.key },
  });
  return id;
}

/** A retest's verdict on a fixed defect; a failed one sends the bug back to `ready` (audited as a story edit). */
export async function recordRetest(
  tx: Executor,
  ctx: UseCaseCtx,
  product: UatProduct,
  defect: DefectRecord,
  run: { id: string; result: UatResult },
): Promise<void> {
  const state = afterRetest(run.result);
  if (!state) return;
  const at = ctx.deps.now();
  await setDefectState(tx, defect.id, state, run.id, at);
  await writeAudit(tx, ctx.who(), {
    action: 'uat.defect_retested',
    targetType: 'uat_defect',
    targetId: defect.id,
    targetLabel: defect.bugKey,
    subsidiaryId: product.subsidiaryId,
    before: { state: 'fixed' },
    after: { state, run: run.id },
  });
  if (state !== 'reopened') return;
  const bug = await findStory(tx, product.id, defect.bugKey, { lock: true });
  if (!bug || bug.status === REOPENED_BUG_STATUS) return;
  await updateStoryAtRevision(tx, bug.id, bug.revision, { status: REOPENED_BUG_STATUS, updatedAt: at });
  await writeAudit(tx, ctx.who(), {
    action: 'story.updated',
    targetType: 'story',
    targetId: bug.id,
    targetLabel: bug.key,
    subsidiaryId: product.subsidiaryId,
    before: { status: bug.status },
    after: { status: REOPENED_BUG_STATUS, reason: `retest of ${defect.caseKey} failed` },
  });
}

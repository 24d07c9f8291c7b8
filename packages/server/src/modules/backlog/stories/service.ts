// Stories and bugs of one product's backlog. Each gets the naming convention's artifact id when created
// (`FINTX-PAYOUTS-S-12`, `FINTX-PAYOUTS-BUG-3`) from one number sequence per product that never gives a number
// twice. Links must name requirements of the same product, and a sprint must be one of its sprints that has not
// ended. Edits race on the revision (If-Match): checked and applied in one transaction.
import type { StoryBody, StoryPage, StoryPatch, StoryQuery, StoryType } from '@pi-studio/core/contract/backlog';
import { artifactId, type NamingConvention } from '@pi-studio/core/naming/convention';
import type { Executor } from '../../../db/client.ts';
import type { UseCaseCtx } from '../../../use-case/context.ts';
import { type InvalidParam, notFound, staleVersion, validationFailed } from '../../../use-case/errors.ts';
import { writeAudit } from '../../audit/writer.ts';
import { readConvention } from '../../workspace/admin/service.ts';
import { backlogProduct } from '../policy.ts';
import { type BacklogProduct, lockBacklog, takeStoryNumber } from '../repo.ts';
import { findRequirements } from '../requirements/repo.ts';
import { findSprint } from '../sprints/repo.ts';
import { presentStory, storyEtag } from './presenters.ts';
import {
  deleteStory as deleteStoryRow,
  findStory,
  insertStory,
  listStories,
  type StoryRecord,
  setStoryRequirements,
  updateStoryAtRevision,
} from './repo.ts';

/** The convention's artifact code for a story or a bug: `S` / `BUG`, or the code an administrator gave them. */
export function artifactCode(c: NamingConvention, type: StoryType): string {
  const wanted = type === 'bug' ? 'BUG' : 'S';
  if (wanted in c.artifactCodes) return wanted;
  const named = type === 'bug' ? /bug|defect/i : /stor/i;
  return Object.entries(c.artifactCodes).find(([, what]) => named.test(what))?.[0] ?? wanted;
}

const INT4_MAX = 2_147_483_647;

export async function storyPage(ctx: UseCaseCtx, code: string, q: StoryQuery): Promise<StoryPage> {
  const product = await backlogProduct(ctx, code, 'product.read');
  const rows = await listStories(ctx.deps.db, {
    productId: product.id,
    status: q.status,
    type: q.type,
    sprintId: q.sprint === 'none' ? null : q.sprint,
    requirementId: q.requirement,
    // Numbers are int4: a larger cursor (the contract allows any safe integer) is simply past the last page.
    after: q.cursor === undefined ? undefined : Math.min(Number(q.cursor), INT4_MAX),
    limit: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return { items: page.map(presentStory), nextCursor: rows.length > q.limit && last ? String(last.number) : null };
}

async function storyOf(db: Executor, product: BacklogProduct, key: string, lock = false): Promise<StoryRecord> {
  const story = await findStory(db, product.id, key, { lock });
  if (!story) throw notFound(`story ${key}`, [{ name: 'path.key', reason: `no story ${key} in ${product.code}` }]);
  return story;
}

export async function getStory(ctx: UseCaseCtx, code: string, key: string) {
  const product = await backlogProduct(ctx, code, 'product.read');
  return presentStory(await storyOf(ctx.deps.db, product, key));
}

/** Every reference problem at once: requirement links of another product or removed, a sprint that cannot take it. */
async function checkReferences(
  db: Executor,
  product: BacklogProduct,
  fields: { requirementIds?: readonly string[]; sprintId?: string | null },
  current?: StoryRecord,
): Promise<InvalidParam[]> {
  const problems: InvalidParam[] = [];
  if (fields.requirementIds?.length) {
    const found = new Map((await findRequirements(db, product.id, fields.requirementIds)).map((r) => [r.id, r]));
    const linked = new Set(current?.requirements.map((r) => r.id));
    fields.requirementIds.forEach((id, i) => {
      const req = found.get(id);
      if (!req)
        problems.push({ name: `requirementIds.${i}`, reason: `no requirement with this id in ${product.code}` });
      else if (req.removed && !linked.has(id)) {
        problems.push({ name: `requirementIds.${i}`, reason: `${req.key} is no longer in the PRD baseline` });
      }
    });
  }
  if (fields.sprintId && fields.sprintId !== current?.sprint?.id) {
    const sprint = await findSprint(db, product.id, fields.sprintId);
    if (!sprint) problems.push({ name: 'sprintId', reason: `no sprint with this id in ${product.code}` });
    else if (sprint.status === 'ended') problems.push({ name: 'sprintId', reason: `sprint ${sprint.name} has ended` });
  }
  return problems;
}

/**
 * Numbers and inserts a story or bug with its links and its `story.created` event, inside the caller's transaction
 * (another module's change that creates a story, e.g. a UAT defect, commits both or neither). Access is the caller's.
 */
export async function addStoryInTx(
  tx: Executor,
  ctx: UseCaseCtx,
  product: BacklogProduct,
  body: StoryBody,
): Promise<{ id: string; key: string }> {
  const { convention } = await readConvention(tx);
  await lockBacklog(tx, product.id);
  const problems = await checkReferences(tx, product, body);
  if (problems.length) throw validationFailed(problems);
  const number = await takeStoryNumber(tx, product.id);
  const storyKey = artifactId(convention, product.code, artifactCode(convention, body.type), number);
  const { requirementIds, type, ...values } = body;
  const at = ctx.deps.now();
  const id = await insertStory(tx, {
    ...values,
    productId: product.id,
    number,
    key: storyKey,
    type,
    createdBy: ctx.actor?.userId ?? null,
    at,
  });
  await setStoryRequirements(tx, id, requirementIds);
  await writeAudit(tx, ctx.who(), {
    action: 'story.created',
    targetType: 'story',
    targetId: id,
    targetLabel: storyKey,
    subsidiaryId: product.subsidiaryId,
    after: { type, ...values, requirementIds },
  });
  return { id, key: storyKey };
}

export async function createStory(ctx: UseCaseCtx, code: string, body: StoryBody) {
  const product = await backlogProduct(ctx, code, 'backlog.write');
  const db = ctx.deps.db;
  const { key } = await db.transaction((tx) => addStoryInTx(tx, ctx, product, body));
  return presentStory(await storyOf(db, product, key));
}

const staleStory = (current: StoryRecord) =>
  staleVersion(
    `story ${current.key} changed since you loaded it (now revision ${current.revision}); reload`,
    `stale: current revision is ${current.revision}`,
    storyEtag(current.revision),
    presentStory(current),
  );

/** Without If-Match the last save wins; with it, only a save based on the current revision lands. */
export async function updateStory(ctx: UseCaseCtx, code: string, key: string, patch: StoryPatch, ifMatch?: string) {
  const product = await backlogProduct(ctx, code, 'backlog.write');
  const db = ctx.deps.db;
  await db.transaction(async (tx) => {
    const current = await storyOf(tx, product, key, true);
    if (ifMatch !== undefined && ifMatch !== storyEtag(current.revision)) throw staleStory(current);
    const problems = await checkReferences(tx, product, patch, current);
    if (problems.length) throw validationFailed(problems);
    const { requirementIds, ...values } = patch;
    const saved = await updateStoryAtRevision(tx, current.id, current.revision, {
      ...values,
      updatedAt: ctx.deps.now(),
    });
    if (!saved) throw staleStory(current);
    if (requirementIds) await setStoryRequirements(tx, current.id, requirementIds);
    const was = { ...current, sprintId: current.sprint?.id ?? null };
    const before: Record<string, unknown> = {};
    for (const k of Object.keys(values) as (keyof typeof values)[]) before[k] = was[k];
    if (requirementIds) before.requirementIds = current.requirements.map((r) => r.id);
    await writeAudit(tx, ctx.who(), {
      action: 'story.updated',
      targetType: 'story',
      targetId: current.id,
      targetLabel: current.key,
      subsidiaryId: product.subsidiaryId,
      before,
      after: patch,
    });
  });
  return presentStory(await storyOf(db, product, key));
}

/** Deletes a story and its links; its key is never given again. */
export async function deleteStory(ctx: UseCaseCtx, code: string, key: string, ifMatch?: string): Promise<void> {
  const product = await backlogProduct(ctx, code, 'backlog.write');
  await ctx.deps.db.transaction(async (tx) => {
    const current = await storyOf(tx, product, key, true);
    if (ifMatch !== undefined && ifMatch !== storyEtag(current.revision)) throw staleStory(current);
    await deleteStoryRow(tx, current.id);
    await writeAudit(tx, ctx.who(), {
      action: 'story.deleted',
      targetType: 'story',
      targetId: current.id,
      targetLabel: current.key,
      subsidiaryId: product.subsidiaryId,
      before: {
        type: current.type,
        title: current.title,
        status: current.status,
        sprintId: current.sprint?.id ?? null,
        requirementIds: current.requirements.map((r) => r.id),
      },
    });
  });
}

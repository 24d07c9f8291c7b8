// Sprints: planned (stories are put in with PATCH …/stories/:key {sprintId}), started — which records the PRD
// baseline and the stories committed at that moment, what drift and the build → UAT rule are measured against —
// and ended. One sprint per product is active at a time (a partial unique index holds it when two starts race).
import type { Sprint, SprintBody, SprintList } from '@pi-studio/core/contract/backlog';
import { formatVersion } from '@pi-studio/core/documents/version';
import { isUniqueViolation } from '../../../db/errors.ts';
import type { UseCaseCtx } from '../../../use-case/context.ts';
import { conflict, notFound } from '../../../use-case/errors.ts';
import { writeAudit } from '../../audit/writer.ts';
import { backlogProduct } from '../policy.ts';
import { type BacklogProduct, findBaseline, lockBacklog } from '../repo.ts';
import { metricsOf } from './metrics.ts';
import { presentSprint } from './presenters.ts';
import {
  doneAmong,
  findActiveSprint,
  findSprint,
  insertSprint,
  listSprints,
  moveSprint,
  type SprintRecord,
  storyIdsInSprint,
} from './repo.ts';

/** Sprints with their metrics (clarifications and change requests read once for all of them). */
async function present(ctx: UseCaseCtx, product: BacklogProduct, sprints: SprintRecord[]): Promise<Sprint[]> {
  const metrics = await metricsOf(ctx.deps.db, product.id, sprints);
  return sprints.flatMap((s) => {
    const m = metrics.get(s.id);
    return m ? [presentSprint(s, m)] : [];
  });
}

export async function sprintList(ctx: UseCaseCtx, code: string): Promise<SprintList> {
  const product = await backlogProduct(ctx, code, 'product.read');
  return { items: await present(ctx, product, await listSprints(ctx.deps.db, product.id)) };
}

/** A sprint of the product (404 naming `path.id` otherwise). */
export async function sprintOf(ctx: UseCaseCtx, product: BacklogProduct, id: string): Promise<SprintRecord> {
  const sprint = await findSprint(ctx.deps.db, product.id, id);
  if (!sprint) throw notFound(`sprint ${id}`, [{ name: 'path.id', reason: `no such sprint in ${product.code}` }]);
  return sprint;
}

async function presentOne(ctx: UseCaseCtx, product: BacklogProduct, id: string): Promise<Sprint> {
  const [sprint] = await present(ctx, product, [await sprintOf(ctx, product, id)]);
  if (!sprint) throw new Error(`sprint ${id} has no metrics`);
  return sprint;
}

export async function createSprint(ctx: UseCaseCtx, code: string, body: SprintBody) {
  const product = await backlogProduct(ctx, code, 'backlog.write');
  const id = await ctx.deps.db.transaction(async (tx) => {
    const sprintId = await insertSprint(tx, {
      productId: product.id,
      name: body.name,
      createdBy: ctx.actor?.userId ?? null,
      at: ctx.deps.now(),
    });
    await writeAudit(tx, ctx.who(), {
      action: 'sprint.created',
      targetType: 'sprint',
      targetId: sprintId,
      targetLabel: `${product.code} ${body.name}`,
      subsidiaryId: product.subsidiaryId,
      after: { name: body.name },
    });
    return sprintId;
  });
  return presentOne(ctx, product, id);
}

export async function startSprint(ctx: UseCaseCtx, code: string, id: string) {
  const product = await backlogProduct(ctx, code, 'backlog.write');
  await sprintOf(ctx, product, id);
  await ctx.deps.db
    .transaction(async (tx) => {
      await lockBacklog(tx, product.id);
      const sprint = await findSprint(tx, product.id, id);
      if (!sprint) throw notFound(`sprint ${id}`);
      if (sprint.status !== 'planned') {
        throw conflict('sprint_not_planned', `sprint ${sprint.name} is ${sprint.status}: only a planned sprint starts`);
      }
      const active = await findActiveSprint(tx, product.id);
      if (active) throw activeConflict(product, active.name);
      const baseline = await findBaseline(tx, product.id);
      const committed = await storyIdsInSprint(tx, id);
      const at = ctx.deps.now();
      const moved = await moveSprint(tx, id, 'planned', {
        status: 'active',
        baselineVersionId: baseline?.versionId ?? null,
        committedStoryIds: committed,
        startedAt: at,
      });
      if (!moved) throw conflict('sprint_not_planned', `sprint ${sprint.name} was just started by someone else`);
      await writeAudit(tx, ctx.who(), {
        action: 'sprint.started',
        targetType: 'sprint',
        targetId: id,
        targetLabel: `${product.code} ${sprint.name}`,
        subsidiaryId: product.subsidiaryId,
        before: { status: 'planned' },
        after: {
          status: 'active',
          baselineVersionId: baseline?.versionId ?? null,
          baselineVersion: baseline ? formatVersion(baseline) : null,
          committedStoryIds: committed,
        },
      });
    })
    .catch((err: unknown) => {
      if (isUniqueViolation(err)) throw activeConflict(product, 'another sprint');
      throw err;
    });
  return presentOne(ctx, product, id);
}

const activeConflict = (product: BacklogProduct, name: string) =>
  conflict('sprint_already_active', `${name} of ${product.code} is active: end it before starting another`);

export async function endSprint(ctx: UseCaseCtx, code: string, id: string) {
  const product = await backlogProduct(ctx, code, 'backlog.write');
  await sprintOf(ctx, product, id);
  await ctx.deps.db.transaction(async (tx) => {
    const sprint = await findSprint(tx, product.id, id);
    if (!sprint) throw notFound(`sprint ${id}`);
    const at = ctx.deps.now();
    if (sprint.status !== 'active' || !(await moveSprint(tx, id, 'active', { status: 'ended', endedAt: at }))) {
      throw conflict('sprint_not_active', `sprint ${sprint.name} is ${sprint.status}: only an active sprint ends`);
    }
    await writeAudit(tx, ctx.who(), {
      action: 'sprint.ended',
      targetType: 'sprint',
      targetId: id,
      targetLabel: `${product.code} ${sprint.name}`,
      subsidiaryId: product.subsidiaryId,
      before: { status: 'active' },
      after: {
        status: 'ended',
        committed: sprint.committedStoryIds.length,
        committedDone: await doneAmong(tx, sprint.committedStoryIds),
      },
    });
  });
  return presentOne(ctx, product, id);
}

// The build → UAT rule (issue #12): a product in build moves to UAT once a sprint has ended with all its committed
// stories done (core/trace/sprint-metrics.ts `uatReadiness`). The product's PO/VB (`products.po_id`), ProductOps, a
// subsidiary administrator or a studio administrator moves it; otherwise the answer says exactly what is missing.
// An administrator's forced move (POST /products/:code/stage, workspace module) stays the override.
import type { Role } from '@pi-studio/core/access/roles';
import type { UatReadiness } from '@pi-studio/core/contract/backlog';
import type { Product } from '@pi-studio/core/contract/products';
import { uatReadiness } from '@pi-studio/core/trace/sprint-metrics';
import { STAGE_LABELS, STAGES, type Stage } from '@pi-studio/core/workspace/stages';
import type { Executor } from '../../../db/client.ts';
import type { UseCaseCtx } from '../../../use-case/context.ts';
import { Conflict, conflict, Forbidden, notFound } from '../../../use-case/errors.ts';
import { writeAudit } from '../../audit/writer.ts';
import { moveProductStage } from '../../gate/reviews/repo.ts';
import { handoverReadinessOf } from '../../signoff/readiness.ts';
import { presentProduct } from '../../workspace/products/presenters.ts';
import { findProduct } from '../../workspace/products/repo.ts';
import { findProductOwner } from '../changes/repo.ts';
import { backlogProduct } from '../policy.ts';
import { type BacklogProduct, productStage } from '../repo.ts';
import { endedSprintCommitments } from '../sprints/repo.ts';

const MOVERS: readonly Role[] = ['admin', 'productops'];

/** Whether the product may move to UAT now, and why (or why not). */
export async function readinessOf(db: Executor, productId: string, stage: string) {
  const sprints = await endedSprintCommitments(db, productId);
  return uatReadiness(
    stageOf(stage),
    sprints.map((s) => ({ ...s, endedAt: s.endedAt?.toISOString() ?? null })),
  );
}

export const presentReadiness = (r: { ready: boolean; reason: string }): UatReadiness => ({
  ready: r.ready,
  reason: r.reason,
});

function stageOf(stage: string): Stage {
  const known = STAGES.find((s) => s === stage);
  if (!known) throw new Error(`unknown stage ${stage}`);
  return known;
}

async function assertMayMove(ctx: UseCaseCtx, product: BacklogProduct, to: Stage): Promise<void> {
  const actor = ctx.actor;
  if (!actor || actor.isAdmin) return;
  const role = actor.roles.get(product.subsidiaryId);
  if (role && MOVERS.includes(role)) return;
  const owner = await findProductOwner(ctx.deps.db, product.id);
  if (owner !== null && owner === actor.userId) return;
  throw new Forbidden(
    `only ${product.code}'s PO/VB, ProductOps or an administrator moves it to ${STAGE_LABELS[to]}`,
    'not_product_owner',
  );
}

export async function moveToUat(ctx: UseCaseCtx, code: string): Promise<Product> {
  return moveStage(ctx, code, {
    from: 'build',
    to: 'uat',
    readiness: readinessOf,
    refusal: (r) =>
      new Conflict('uat_not_ready', `${code} is not ready for ${STAGE_LABELS.uat}: ${r.reason}`, [], {
        notDone: r.notDone,
      }),
    after: (r) => ({ stage: 'uat', reason: r.reason }),
  });
}

interface StageMove<R extends { ready: boolean; reason: string }> {
  from: Stage;
  to: Stage;
  readiness: (db: Executor, productId: string, stage: Stage) => Promise<R>;
  /** The 409 when the product is in `from` but not ready to leave it. */
  refusal: (readiness: R) => Conflict;
  /** The audit's `after`. */
  after: (readiness: R) => Record<string, unknown>;
}

/**
 * One product's move from `from` to `to`, shared by build → UAT and UAT → handover: the mover check, then in one
 * transaction the locked stage (409 `not_in_<from>` elsewhere), the readiness rule, the move and its audit.
 */
async function moveStage<R extends { ready: boolean; reason: string }>(
  ctx: UseCaseCtx,
  code: string,
  move: StageMove<R>,
): Promise<Product> {
  const { from, to } = move;
  const product = await backlogProduct(ctx, code, 'backlog.write');
  await assertMayMove(ctx, product, to);
  const db = ctx.deps.db;
  await db.transaction(async (tx) => {
    const stage = stageOf(await productStage(tx, product.id, { lock: true }));
    if (stage !== from) {
      throw conflict(
        `not_in_${from}`,
        `${code} is in ${STAGE_LABELS[stage]}: only a product in ${STAGE_LABELS[from]} moves to ${STAGE_LABELS[to]}`,
      );
    }
    const readiness = await move.readiness(tx, product.id, stage);
    if (!readiness.ready) throw move.refusal(readiness);
    const at = ctx.deps.now();
    if (!(await moveProductStage(tx, product.id, [from], to, at)))
      throw new Error(`${code} left ${STAGE_LABELS[from]}`);
    await writeAudit(tx, ctx.who(), {
      action: 'product.stage_changed',
      targetType: 'product',
      targetId: product.id,
      targetLabel: code,
      subsidiaryId: product.subsidiaryId,
      before: { stage: from },
      after: move.after(readiness),
    });
  });
  return freshProduct(db, code);
}

async function freshProduct(db: Executor, code: string): Promise<Product> {
  const fresh = await findProduct(db, code);
  if (!fresh) throw notFound(`product ${code}`);
  return presentProduct(fresh);
}

/**
 * The UAT → handover rule (issue #13, signoff/readiness.ts): an accepting sign-off (signed, or signed with
 * conditions) of the current build — the latest UAT session's build version — moves the product; a refusal keeps it
 * in UAT (409 `signoff_refused`), as does a build nobody signed yet (409 `handover_not_ready`). The same people as
 * for build → UAT move it; an administrator's forced move stays the override.
 */
export async function moveToHandover(ctx: UseCaseCtx, code: string): Promise<Product> {
  return moveStage(ctx, code, {
    from: 'uat',
    to: 'handover',
    readiness: handoverReadinessOf,
    refusal: (r) =>
      new Conflict(
        r.code === 'signoff_refused' ? 'signoff_refused' : 'handover_not_ready',
        `${code} stays in ${STAGE_LABELS.uat}: ${r.reason}`,
        [],
        { currentBuild: r.currentBuild, signoff: r.signoff },
      ),
    after: (r) => ({ stage: 'handover', reason: r.reason, signoff: r.signoff }),
  });
}

// A product's tracking plan (issue #15): read the current version (version 0, no events, while there is none), save
// a new version (If-Match on the version it replaces; one transaction with its audit event), list the versions, and
// check the PRD's analytics section against the plan (core's metrics/prd-events.ts). Event ingest is ingest.ts.
import type {
  PrdPlanCheck,
  TrackingPlan,
  TrackingPlanBody,
  TrackingPlanVersions,
} from '@pi-studio/core/contract/adoption';
import { formatVersion } from '@pi-studio/core/documents/version';
import { checkPrdAgainstPlan } from '@pi-studio/core/metrics/prd-events';
import type { UseCaseCtx } from '../../use-case/context.ts';
import { PreconditionRequired, StaleVersion } from '../../use-case/errors.ts';
import { writeAudit } from '../audit/writer.ts';
import { productFor } from '../documents/policy.ts';
import { findDocument, findDocumentIdByKind, findVersionById, type ProductRef } from '../documents/repo.ts';
import { presentPlan, presentPlanVersion } from './presenters.ts';
import { insertPlan, latestPlan, listPlans } from './repo.ts';

export const planEtag = (version: number) => `"${version}"`;

export async function getPlan(ctx: UseCaseCtx, code: string): Promise<TrackingPlan> {
  const product = await productFor(ctx, code, 'product.read');
  return presentPlan(product.code, await latestPlan(ctx.deps.db, product.id));
}

/**
 * Saves the events as the plan's next version. If-Match is required (`"0"` for a product without a plan), so a save
 * based on an older version answers 409 `stale_version` with the current plan instead of overwriting it.
 */
export async function savePlan(
  ctx: UseCaseCtx,
  code: string,
  body: TrackingPlanBody,
  ifMatch: string | undefined,
): Promise<TrackingPlan> {
  const product = await productFor(ctx, code, 'adoption.write');
  if (!ifMatch) {
    throw new PreconditionRequired(
      'precondition_required',
      'send If-Match with the plan version you edited ("0" for none)',
      [{ name: 'If-Match', reason: 'required: the ETag of GET …/tracking-plan' }],
    );
  }
  const db = ctx.deps.db;
  await db.transaction(async (tx) => {
    const current = await latestPlan(tx, product.id);
    const version = current?.version ?? 0;
    const stale = () =>
      new StaleVersion(
        `the tracking plan of ${product.code} was changed by someone else (version ${version})`,
        `version ${version} is current`,
        planEtag(version),
        presentPlan(product.code, current),
      );
    if (ifMatch !== planEtag(version)) throw stale();
    const saved = await insertPlan(tx, {
      productId: product.id,
      version: version + 1,
      events: body.events,
      createdBy: ctx.actor?.userId ?? null,
    });
    if (!saved) throw stale();
    await writeAudit(tx, ctx.who(), {
      action: 'adoption.tracking_plan_saved',
      targetType: 'product',
      targetId: product.id,
      targetLabel: product.code,
      subsidiaryId: product.subsidiaryId,
      before: { version, events: current?.events.map((e) => e.name) ?? [] },
      after: { version: version + 1, events: body.events.map((e) => e.name) },
    });
  });
  return presentPlan(product.code, await latestPlan(db, product.id));
}

export async function planVersions(ctx: UseCaseCtx, code: string): Promise<TrackingPlanVersions> {
  const product = await productFor(ctx, code, 'product.read');
  return { items: (await listPlans(ctx.deps.db, product.id)).map(presentPlanVersion) };
}

/** The product's PRD (its current version) against the current plan; no PRD: nothing named, every live event unnamed. */
export async function prdPlanCheck(ctx: UseCaseCtx, code: string): Promise<PrdPlanCheck> {
  const product = await productFor(ctx, code, 'product.read');
  const plan = await latestPlan(ctx.deps.db, product.id);
  const prd = await currentPrd(ctx, product);
  const check = checkPrdAgainstPlan(prd?.body ?? '', plan?.events ?? []);
  return {
    prd: prd ? { documentId: prd.documentId, version: prd.version } : null,
    planVersion: plan?.version ?? 0,
    ...check,
  };
}

async function currentPrd(
  ctx: UseCaseCtx,
  product: ProductRef,
): Promise<{ documentId: string; version: string; body: string } | null> {
  const db = ctx.deps.db;
  const id = await findDocumentIdByKind(db, product.id, 'prd');
  const doc = id ? await findDocument(db, id) : null;
  const current = doc?.currentVersionId ? await findVersionById(db, doc.currentVersionId) : null;
  if (!doc || !current) return null;
  return { documentId: doc.id, version: formatVersion(current), body: current.body };
}

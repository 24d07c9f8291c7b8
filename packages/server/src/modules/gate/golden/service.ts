// The Golden PRD library: ProductOps mark a passed PRD version (or a passage of it) as the example fixes cite.
import { decide } from '@pi-studio/core/access/roles';
import type { GoldenBody, GoldenExample, GoldenQuery } from '@pi-studio/core/contract/gate';
import { documentCode } from '@pi-studio/core/documents/kinds';
import { formatVersion, parseVersion } from '@pi-studio/core/documents/version';
import type { UseCaseCtx } from '../../../use-case/context.ts';
import { notFound, validationFailed } from '../../../use-case/errors.ts';
import { writeAudit } from '../../audit/writer.ts';
import { documentFor } from '../../documents/policy.ts';
import { findVersion } from '../../documents/repo.ts';
import { activeTermCodes, findSubsidiaryByCode } from '../../workspace/admin/repo.ts';
import { findProduct } from '../../workspace/products/repo.ts';
import { passedReviewOfVersion } from '../reviews/repo.ts';
import { loadRubric } from '../rubrics/repo.ts';
import { isPassageOf, sectionPassage } from './passage.ts';
import { presentGolden } from './presenters.ts';
import { deleteGolden, findGolden, insertGolden, listGolden } from './repo.ts';

/** The library is studio-wide on purpose: fixes in any subsidiary may cite any approved example. */
export async function goldenList(ctx: UseCaseCtx, q: GoldenQuery) {
  ctx.requireActor();
  ctx.markAuthorized();
  return { items: (await listGolden(ctx.deps.db, q)).map(presentGolden) };
}

async function targetSubsidiary(ctx: UseCaseCtx, value: string | null | undefined, own: string) {
  if (value === undefined) return own;
  if (value === null) return null;
  const sub = await findSubsidiaryByCode(ctx.deps.db, value);
  if (!sub) throw validationFailed([{ name: 'subsidiary', reason: `no subsidiary ${value}` }]);
  return sub.id;
}

async function targetProductType(ctx: UseCaseCtx, value: string | null | undefined, own: string) {
  if (value === undefined) return own;
  if (value === null) return null;
  if (!(await activeTermCodes(ctx.deps.db, 'product_type')).has(value)) {
    throw validationFailed([{ name: 'productType', reason: `unknown product type "${value}"` }]);
  }
  return value;
}

export async function addGolden(ctx: UseCaseCtx, body: GoldenBody): Promise<GoldenExample> {
  const actor = ctx.requireActor();
  const doc = await documentFor(ctx, body.documentId, 'gate.review');
  if (doc.kind !== 'prd') throw validationFailed([{ name: 'documentId', reason: 'is not a PRD' }]);
  const version = await findVersion(ctx.deps.db, doc.id, parseVersion(body.version) ?? { major: 0, minor: 0 });
  if (!version) throw validationFailed([{ name: 'version', reason: `version ${body.version} does not exist` }]);
  const passed = await passedReviewOfVersion(ctx.deps.db, version.id);
  if (!passed) {
    throw validationFailed([{ name: 'version', reason: 'has no pass or conditional verdict at the gate' }]);
  }
  const rubric = await loadRubric(ctx.deps.db, passed.rubricRowId);
  if (!rubric.criteria.some((c) => c.id === body.criterion)) {
    const known = rubric.criteria.map((c) => c.id).join(', ');
    throw validationFailed([{ name: 'criterion', reason: `not a criterion of the rubric (known: ${known})` }]);
  }
  const code = documentCode(doc.product.code, doc.kind);
  let text = body.text;
  if (text !== undefined && !isPassageOf(text, version.body)) {
    throw validationFailed([{ name: 'text', reason: `is not a passage of ${code} v${body.version}` }]);
  }
  text ??= sectionPassage(version.body, rubric, body.criterion) ?? undefined;
  if (!text) {
    throw validationFailed([
      { name: 'text', reason: `no section about "${body.criterion}" found in this version; send the passage` },
    ]);
  }
  const product = await findProduct(ctx.deps.db, doc.product.code);
  if (!product) throw new Error(`product of document ${doc.id} vanished`);
  const subsidiaryId = await targetSubsidiary(ctx, body.subsidiary, doc.product.subsidiaryId);
  const productType = await targetProductType(ctx, body.productType, product.product.productType);
  const source = `${code} v${formatVersion(version)}`;
  const passage = text;
  const id = await ctx.deps.db.transaction(async (tx) => {
    const goldenId = await insertGolden(tx, {
      criterion: body.criterion,
      text: passage,
      source,
      documentId: doc.id,
      versionId: version.id,
      ownerSubsidiaryId: doc.product.subsidiaryId,
      subsidiaryId,
      productType,
      createdBy: actor.userId,
      createdAt: ctx.deps.now(),
    });
    await writeAudit(tx, ctx.who(), {
      action: 'golden.added',
      targetType: 'golden_example',
      targetId: goldenId,
      targetLabel: `${source} · ${body.criterion}`,
      subsidiaryId: doc.product.subsidiaryId,
      after: { criterion: body.criterion, source, subsidiaryId, productType, chars: passage.length },
    });
    return goldenId;
  });
  const row = await findGolden(ctx.deps.db, id);
  if (!row) throw new Error('golden example vanished');
  return presentGolden(row);
}

export async function removeGolden(ctx: UseCaseCtx, id: string): Promise<void> {
  const actor = ctx.requireActor();
  const row = await findGolden(ctx.deps.db, id);
  if (!row || decide(actor, 'gate.review', row.ownerSubsidiaryId) === 'hidden') {
    ctx.markAuthorized();
    throw notFound('golden example');
  }
  ctx.authorize('gate.review', row.ownerSubsidiaryId);
  await ctx.deps.db.transaction(async (tx) => {
    if (!(await deleteGolden(tx, id))) throw notFound('golden example');
    await writeAudit(tx, ctx.who(), {
      action: 'golden.removed',
      targetType: 'golden_example',
      targetId: id,
      targetLabel: `${row.source} · ${row.criterion}`,
      subsidiaryId: row.ownerSubsidiaryId,
      before: { criterion: row.criterion, source: row.source, text: row.text },
    });
  });
}

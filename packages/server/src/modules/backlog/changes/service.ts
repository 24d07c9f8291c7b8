// Change requests: scope changes after the baseline go through a documented decision by the product's PO/VB
// (charter: "No scope drift"). Anyone who may change the backlog raises one; only the product's assigned PO/VB —
// or, when none is assigned, a studio administrator — approves or rejects it, with a rationale, once. An approval
// that carries a PRD text saves it as the PRD's next minor version (documents' saveVersion, with its own audit
// event) and records that version on the request; its story keys then count as linked to its requirement ids in
// drift (core/trace/drift.ts), so the approved change resolves the drift it was raised for.
import type {
  ChangeRequest,
  ChangeRequestBody,
  ChangeRequestDecision,
  ChangeRequestList,
} from '@pi-studio/core/contract/backlog';
import { artifactId, type NamingConvention } from '@pi-studio/core/naming/convention';
import type { UseCaseCtx } from '../../../use-case/context.ts';
import { conflict, Forbidden, notFound, validationFailed } from '../../../use-case/errors.ts';
import { writeAudit } from '../../audit/writer.ts';
import { saveVersion } from '../../documents/service.ts';
import { readConvention } from '../../workspace/admin/service.ts';
import { backlogProduct } from '../policy.ts';
import { type BacklogProduct, lockBacklog } from '../repo.ts';
import { currentPrd } from '../trace/repo.ts';
import { presentChangeRequest } from './presenters.ts';
import {
  decideChangeRequest,
  findChangeRequest,
  findProductOwner,
  findStoryKeys,
  insertChangeRequest,
  listChangeRequests,
  nextChangeRequestNumber,
} from './repo.ts';

/** The convention's artifact code for a change request: `CR`, or the code an administrator described so. */
export function changeRequestCode(c: NamingConvention): string {
  if ('CR' in c.artifactCodes) return 'CR';
  return Object.entries(c.artifactCodes).find(([, what]) => /change/i.test(what))?.[0] ?? 'CR';
}

export async function changeRequestList(ctx: UseCaseCtx, code: string): Promise<ChangeRequestList> {
  const product = await backlogProduct(ctx, code, 'product.read');
  return { items: (await listChangeRequests(ctx.deps.db, product.id)).map(presentChangeRequest) };
}

async function requestOf(ctx: UseCaseCtx, product: BacklogProduct, key: string) {
  const cr = await findChangeRequest(ctx.deps.db, product.id, key);
  if (!cr) throw notFound(`change request ${key}`, [{ name: 'path.key', reason: `no change request ${key}` }]);
  return cr;
}

export async function getChangeRequest(ctx: UseCaseCtx, code: string, key: string): Promise<ChangeRequest> {
  const product = await backlogProduct(ctx, code, 'product.read');
  return presentChangeRequest(await requestOf(ctx, product, key));
}

export async function raiseChangeRequest(ctx: UseCaseCtx, code: string, body: ChangeRequestBody) {
  const product = await backlogProduct(ctx, code, 'backlog.write');
  const db = ctx.deps.db;
  const { convention } = await readConvention(db);
  const key = await db.transaction(async (tx) => {
    await lockBacklog(tx, product.id);
    const known = new Set(await findStoryKeys(tx, product.id, body.impact.storyKeys));
    const unknown = body.impact.storyKeys.flatMap((k, i) =>
      known.has(k) ? [] : [{ name: `impact.storyKeys.${i}`, reason: `no story ${k} in ${code}` }],
    );
    if (unknown.length) throw validationFailed(unknown);
    const number = await nextChangeRequestNumber(tx, product.id);
    const crKey = artifactId(convention, product.code, changeRequestCode(convention), number);
    const impact = {
      requirementIds: [...new Set(body.impact.requirementIds)],
      storyKeys: [...new Set(body.impact.storyKeys)],
      dates: body.impact.dates,
    };
    const id = await insertChangeRequest(tx, {
      productId: product.id,
      number,
      key: crKey,
      title: body.title,
      whatChanges: body.whatChanges,
      why: body.why,
      impact,
      prdChange: body.prdChange?.body ?? null,
      requestedBy: ctx.actor?.userId ?? null,
      at: ctx.deps.now(),
    });
    await writeAudit(tx, ctx.who(), {
      action: 'change_request.raised',
      targetType: 'change_request',
      targetId: id,
      targetLabel: crKey,
      subsidiaryId: product.subsidiaryId,
      after: { title: body.title, whatChanges: body.whatChanges, why: body.why, impact, prdChange: !!body.prdChange },
    });
    return crKey;
  });
  return presentChangeRequest(await requestOf(ctx, product, key));
}

export async function decideChange(
  ctx: UseCaseCtx,
  code: string,
  key: string,
  body: ChangeRequestDecision,
): Promise<ChangeRequest> {
  const product = await backlogProduct(ctx, code, 'backlog.write');
  const actor = ctx.requireActor();
  const db = ctx.deps.db;
  const owner = await findProductOwner(db, product.id);
  if (owner ? actor.userId !== owner : !actor.isAdmin) {
    throw new Forbidden(
      owner
        ? `only ${code}'s PO/VB decides its change requests`
        : `${code} has no PO/VB assigned: a studio administrator decides its change requests`,
      'not_product_owner',
    );
  }
  const pending = await requestOf(ctx, product, key);
  const alreadyDecided = () => conflict('already_decided', `${key} was already decided; raise a new change request`);
  if (pending.status !== 'pending') throw alreadyDecided();
  const status = body.decision === 'approve' ? 'approved' : 'rejected';

  // The PRD text is saved first, through the documents module (its checks, its If-Match, its audit event): if it
  // cannot be saved, nothing is decided. The decision then lands only while the request is still pending.
  let prdVersionId: string | null = null;
  if (status === 'approved' && pending.prdChange !== null) {
    const prd = await currentPrd(db, product.id);
    if (!prd) throw conflict('no_prd', `${code} has no PRD to change`);
    const saved = await saveVersion(ctx, prd.documentId, `"${prd.revision}"`, {
      body: pending.prdChange,
      bump: 'minor',
      note: `Change request ${key} approved: ${pending.title}`,
    });
    prdVersionId = saved.version.id;
  }
  await db.transaction(async (tx) => {
    const decided = await decideChangeRequest(tx, pending.id, {
      status,
      by: actor.userId,
      at: ctx.deps.now(),
      rationale: body.rationale,
      prdVersionId,
    });
    if (!decided) throw alreadyDecided();
    await writeAudit(tx, ctx.who(), {
      action: status === 'approved' ? 'change_request.approved' : 'change_request.rejected',
      targetType: 'change_request',
      targetId: pending.id,
      targetLabel: key,
      subsidiaryId: product.subsidiaryId,
      before: { status: 'pending' },
      after: { status, rationale: body.rationale, prdVersionId, impact: pending.impact },
    });
  });
  return presentChangeRequest(await requestOf(ctx, product, key));
}

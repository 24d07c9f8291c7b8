// IT's post-handover gap log: once a product is live, IT (handover.accept) records what the
// handover missed, with its severity and the checklist item that should have caught it — which is what the
// template's next version is built from.
import type { GapReport, PostHandoverGap } from '@pi-studio/core/contract/handover-package';
import type { Executor } from '../../../db/client.ts';
import type { UseCaseCtx } from '../../../use-case/context.ts';
import { Conflict, Invalid } from '../../../use-case/errors.ts';
import { writeAudit } from '../../audit/writer.ts';
import { presentGap } from './presenters.ts';
import { currentPackage, type GapRow, insertGap, listGaps } from './repo.ts';
import { packageProduct, packageTemplate } from './service.ts';

async function itemLabels(db: Executor, pkg: { templateId: string; templateVersion: number }) {
  return new Map((await packageTemplate(db, pkg)).items.map((i) => [i.id, i.text]));
}

export async function gapLog(ctx: UseCaseCtx, code: string): Promise<{ items: PostHandoverGap[] }> {
  const product = await packageProduct(ctx, code, 'product.read');
  const pkg = await currentPackage(ctx.deps.db, product.id);
  const labels = pkg ? await itemLabels(ctx.deps.db, pkg) : new Map<string, string>();
  const rows = await listGaps(ctx.deps.db, product.id);
  return { items: rows.map((g) => presentGap(product.code, g, g.itemId ? (labels.get(g.itemId) ?? null) : null)) };
}

export async function reportGap(ctx: UseCaseCtx, code: string, input: GapReport): Promise<PostHandoverGap> {
  const product = await packageProduct(ctx, code, 'handover.accept');
  const pkg = await currentPackage(ctx.deps.db, product.id);
  if (product.stage !== 'live' || pkg?.status !== 'accepted')
    throw new Conflict('not_live', `${code} is not live yet: gaps are logged after IT accepted the handover`);
  const labels = await itemLabels(ctx.deps.db, pkg);
  if (input.itemId !== null && !labels.has(input.itemId))
    throw new Invalid([{ name: 'itemId', reason: `no item ${input.itemId} in the checklist` }]);
  const reportedOn = input.reportedOn ?? ctx.deps.now().toISOString().slice(0, 10);
  const values = {
    packageId: pkg.id,
    title: input.title,
    description: input.description,
    severity: input.severity,
    itemId: input.itemId,
    reportedOn,
    reportedBy: ctx.actor?.userId ?? null,
    createdAt: ctx.deps.now(),
  };
  const id = await ctx.deps.db.transaction(async (tx) => {
    const id = await insertGap(tx, values);
    await writeAudit(tx, ctx.who(), {
      action: 'handover.gap_reported',
      targetType: 'handover_gap',
      targetId: id,
      targetLabel: `${code} release ${pkg.release}: ${input.title}`,
      subsidiaryId: product.subsidiaryId,
      after: { severity: input.severity, itemId: input.itemId, reportedOn },
    });
    return id;
  });
  const actor = ctx.actor;
  const row: GapRow = {
    ...values,
    id,
    release: pkg.release,
    acceptedAt: pkg.acceptedAt,
    elsDays: pkg.elsDays,
    reportedByPerson: actor ? { id: actor.userId, name: actor.name, email: actor.email } : null,
  };
  return presentGap(code, row, input.itemId ? (labels.get(input.itemId) ?? null) : null);
}

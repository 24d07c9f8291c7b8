// Early-life support after IT's acceptance (research/handover.md §6, checklist SUP-5): a window of days from the
// acceptance day (30 unless the review set another) in which post-handover gaps count as early-life gaps. IT sets it
// at the review; afterwards a studio administrator or the product's ProductOps may change it (a longer ELS when the
// service proves shaky, a shorter one when it settles). Audited `handover.els_changed`.
import type { ElsUpdate } from '@pi-studio/core/contract/handover-items';
import type { HandoverPackage } from '@pi-studio/core/contract/handover-package';
import { elsWindow } from '@pi-studio/core/handover-package/early-life';
import type { UseCaseCtx } from '../../../use-case/context.ts';
import { Conflict, Forbidden } from '../../../use-case/errors.ts';
import { writeAudit } from '../../audit/writer.ts';
import { lockPackage, setElsDays } from './repo.ts';
import { packageAnswer, packageProduct, requirePackage } from './service.ts';

export async function changeEls(ctx: UseCaseCtx, code: string, input: ElsUpdate): Promise<HandoverPackage> {
  const product = await packageProduct(ctx, code, 'handover.write');
  const actor = ctx.actor;
  if (actor && !actor.isAdmin && actor.roles.get(product.subsidiaryId) !== 'productops')
    throw new Forbidden('only a studio administrator or ProductOps changes early-life support', 'not_productops');
  const pkg = await requirePackage(ctx, product);
  await ctx.deps.db.transaction(async (tx) => {
    const locked = await lockPackage(tx, pkg.id);
    if (locked.status !== 'accepted' || !locked.acceptedAt)
      throw new Conflict(
        'not_accepted',
        `${code} release ${pkg.release} is not accepted yet: ELS starts at acceptance`,
      );
    const before = elsWindow(locked.acceptedAt, locked.elsDays);
    const after = elsWindow(locked.acceptedAt, input.days);
    await setElsDays(tx, pkg.id, input.days);
    await writeAudit(tx, ctx.who(), {
      action: 'handover.els_changed',
      targetType: 'handover_package',
      targetId: pkg.id,
      targetLabel: `${code} release ${pkg.release}`,
      subsidiaryId: product.subsidiaryId,
      before: { days: before.days, endsOn: before.endsOn },
      after: { days: after.days, endsOn: after.endsOn, ...(input.reason ? { reason: input.reason } : {}) },
    });
  });
  return packageAnswer(ctx, code);
}

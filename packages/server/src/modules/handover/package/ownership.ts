// After IT accepted the handover, the IT owner confirms in the app who runs the product, who supports it, who is on
// call and the open items with owners and dates. It can be confirmed again (the newest stands); each is audited.
import type { HandoverPackage, OwnershipConfirm } from '@pi-studio/core/contract/handover-package';
import type { UseCaseCtx } from '../../../use-case/context.ts';
import { Conflict } from '../../../use-case/errors.ts';
import { writeAudit } from '../../audit/writer.ts';
import { lockPackage, saveOwnership } from './repo.ts';
import { assertMayDecide } from './reviews.ts';
import { packageAnswer, packageProduct, requirePackage } from './service.ts';

export async function confirmOwnership(
  ctx: UseCaseCtx,
  code: string,
  input: OwnershipConfirm,
): Promise<HandoverPackage> {
  const product = await packageProduct(ctx, code, 'handover.accept');
  assertMayDecide(ctx, product);
  const pkg = await requirePackage(ctx, product);
  if (pkg.status !== 'accepted')
    throw new Conflict(
      'not_accepted',
      `${code} release ${pkg.release} is not accepted yet: ownership is confirmed after IT's acceptance`,
    );
  await ctx.deps.db.transaction(async (tx) => {
    await lockPackage(tx, pkg.id);
    await saveOwnership(tx, pkg.id, input, ctx.actor?.userId ?? null, ctx.deps.now());
    await writeAudit(tx, ctx.who(), {
      action: 'handover.ownership_confirmed',
      targetType: 'handover_package',
      targetId: pkg.id,
      targetLabel: `${code} release ${pkg.release}`,
      subsidiaryId: product.subsidiaryId,
      before: pkg.ownership ?? null,
      after: input,
    });
  });
  return packageAnswer(ctx, code);
}

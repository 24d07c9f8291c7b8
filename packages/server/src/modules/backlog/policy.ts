// Access to a product's backlog is decided on the product's stored subsidiary: reading needs product.read, changing
// it backlog.write. A product the actor cannot see answers 404 like an unknown one, so codes cannot be probed.
import { decide } from '@pi-studio/core/access/roles';
import type { UseCaseCtx } from '../../use-case/context.ts';
import { notFound } from '../../use-case/errors.ts';
import { type BacklogProduct, findBacklogProduct } from './repo.ts';

export type BacklogPermission = 'product.read' | 'backlog.write';

export async function backlogProduct(
  ctx: UseCaseCtx,
  code: string,
  permission: BacklogPermission,
): Promise<BacklogProduct> {
  const product = await findBacklogProduct(ctx.deps.db, code);
  const actor = ctx.actor;
  if (!product || (actor && decide(actor, 'product.read', product.subsidiaryId) === 'hidden')) {
    ctx.markAuthorized();
    throw notFound(`product ${code}`);
  }
  ctx.authorize(permission, product.subsidiaryId);
  return product;
}

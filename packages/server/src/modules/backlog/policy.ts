// Access to a product's backlog is decided on the product's stored subsidiary: reading needs product.read, changing
// it backlog.write. A product the actor cannot see answers 404 like an unknown one, so codes cannot be probed.
import { decide, type Permission } from '@pi-studio/core/access/roles';
import type { UseCaseCtx } from '../../use-case/context.ts';
import { notFound } from '../../use-case/errors.ts';
import { type BacklogProduct, findBacklogProduct } from './repo.ts';

export type BacklogPermission = 'product.read' | 'backlog.write';

export function backlogProduct(ctx: UseCaseCtx, code: string, permission: BacklogPermission): Promise<BacklogProduct> {
  return productWith(ctx, code, permission);
}

/**
 * The product by code, once the actor holds `permission` on its subsidiary. A product the actor cannot even read
 * answers 404 like an unknown one; the product modules (backlog, feedback, UAT, sign-off) all decide this way.
 */
export async function productWith(ctx: UseCaseCtx, code: string, permission: Permission): Promise<BacklogProduct> {
  const product = await findBacklogProduct(ctx.deps.db, code);
  const actor = ctx.actor;
  if (!product || (actor && decide(actor, 'product.read', product.subsidiaryId) === 'hidden')) {
    ctx.markAuthorized();
    throw notFound(`product ${code}`);
  }
  ctx.authorize(permission, product.subsidiaryId);
  return product;
}

// Access to a product's UAT is decided on the product's stored subsidiary: reading needs product.read, running cases
// uat.run, everything else (sessions, cases, guest links) uat.manage. A product the actor cannot see answers 404 like
// an unknown one. Guests never come through here: their link is their access (guests/service.ts).
import { decide } from '@pi-studio/core/access/roles';
import type { UseCaseCtx } from '../../use-case/context.ts';
import { notFound } from '../../use-case/errors.ts';
import { type BacklogProduct, findBacklogProduct } from '../backlog/repo.ts';

export type UatPermission = 'product.read' | 'uat.manage' | 'uat.run';
export type UatProduct = BacklogProduct;

export async function uatProduct(ctx: UseCaseCtx, code: string, permission: UatPermission): Promise<UatProduct> {
  const product = await findBacklogProduct(ctx.deps.db, code);
  const actor = ctx.actor;
  if (!product || (actor && decide(actor, 'product.read', product.subsidiaryId) === 'hidden')) {
    ctx.markAuthorized();
    throw notFound(`product ${code}`);
  }
  ctx.authorize(permission, product.subsidiaryId);
  return product;
}

// Who may see and sign a product's sign-offs, decided on the product's stored subsidiary. Reading (the list, the
// verification, evidence, the report) needs product.read. Signing and adding evidence need uat.signoff (PO, VB,
// subsidiary and studio administrators) and, for a PO or VB, being the product's own PO/VB (`products.po_id`): a
// PO of another product in the same subsidiary does not sign this one (403 not_product_owner). A product the actor
// cannot see answers 404 like an unknown one, so codes cannot be probed.
import type { UseCaseCtx } from '../../use-case/context.ts';
import { Forbidden } from '../../use-case/errors.ts';
import { findProductOwner } from '../backlog/changes/repo.ts';
import { productWith } from '../backlog/policy.ts';
import type { BacklogProduct } from '../backlog/repo.ts';

export type SignoffPermission = 'product.read' | 'uat.signoff';
export type SignoffProduct = BacklogProduct;

export function signoffProduct(ctx: UseCaseCtx, code: string, permission: SignoffPermission): Promise<SignoffProduct> {
  return productWith(ctx, code, permission);
}

/** The product's PO/VB or an administrator (studio or subsidiary) signs; the system (CLI) may too. */
export async function assertMaySign(ctx: UseCaseCtx, product: SignoffProduct): Promise<void> {
  const actor = ctx.actor;
  if (!actor || actor.isAdmin || actor.roles.get(product.subsidiaryId) === 'admin') return;
  const owner = await findProductOwner(ctx.deps.db, product.id);
  if (owner !== null && owner === actor.userId) return;
  throw new Forbidden(`only ${product.code}'s PO/VB or an administrator signs it off`, 'not_product_owner');
}

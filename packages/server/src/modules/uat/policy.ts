// Access to a product's UAT is decided on the product's stored subsidiary: reading needs product.read, running cases
// uat.run, everything else (sessions, cases, guest links) uat.manage. A product the actor cannot see answers 404 like
// an unknown one. Guests never come through here: their link is their access (guests/service.ts).
import type { UseCaseCtx } from '../../use-case/context.ts';
import { productWith } from '../backlog/policy.ts';
import type { BacklogProduct } from '../backlog/repo.ts';

export type UatPermission = 'product.read' | 'uat.manage' | 'uat.run';
export type UatProduct = BacklogProduct;

export function uatProduct(ctx: UseCaseCtx, code: string, permission: UatPermission): Promise<UatProduct> {
  return productWith(ctx, code, permission);
}

// Access to a product's handover is decided on the product's stored subsidiary: reading needs product.read, uploading
// packs handover.write. A product the actor cannot see answers 404 like an unknown one, as in the other product
// modules (backlog, feedback, UAT, sign-off).
import type { UseCaseCtx } from '../../use-case/context.ts';
import { productWith } from '../backlog/policy.ts';
import type { BacklogProduct } from '../backlog/repo.ts';

export type HandoverPermission = 'product.read' | 'handover.write' | 'handover.accept';
export type HandoverProduct = BacklogProduct;

export function handoverProduct(
  ctx: UseCaseCtx,
  code: string,
  permission: HandoverPermission,
): Promise<HandoverProduct> {
  return productWith(ctx, code, permission);
}

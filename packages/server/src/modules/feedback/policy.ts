// Access to a product's feedback is decided on the product's stored subsidiary: reading needs product.read,
// submitting feedback.submit (every role but viewer), importing and triaging feedback.triage. A product the actor
// cannot see answers 404 like an unknown one, so codes cannot be probed.
import { decide } from '@pi-studio/core/access/roles';
import type { UseCaseCtx } from '../../use-case/context.ts';
import { notFound } from '../../use-case/errors.ts';
import { type BacklogProduct, findBacklogProduct } from '../backlog/repo.ts';

export type FeedbackPermission = 'product.read' | 'feedback.submit' | 'feedback.triage';
export type FeedbackProduct = BacklogProduct;

export async function feedbackProduct(
  ctx: UseCaseCtx,
  code: string,
  permission: FeedbackPermission,
): Promise<FeedbackProduct> {
  const product = await findBacklogProduct(ctx.deps.db, code);
  const actor = ctx.actor;
  if (!product || (actor && decide(actor, 'product.read', product.subsidiaryId) === 'hidden')) {
    ctx.markAuthorized();
    throw notFound(`product ${code}`);
  }
  ctx.authorize(permission, product.subsidiaryId);
  return product;
}

// Access to a product's feedback is decided on the product's stored subsidiary: reading needs product.read,
// submitting feedback.submit (every role but viewer), importing and triaging feedback.triage. A product the actor
// cannot see answers 404 like an unknown one, so codes cannot be probed.
import type { UseCaseCtx } from '../../use-case/context.ts';
import { productWith } from '../backlog/policy.ts';
import type { BacklogProduct } from '../backlog/repo.ts';

export type FeedbackPermission = 'product.read' | 'feedback.submit' | 'feedback.triage';
export type FeedbackProduct = BacklogProduct;

export function feedbackProduct(
  ctx: UseCaseCtx,
  code: string,
  permission: FeedbackPermission,
): Promise<FeedbackProduct> {
  return productWith(ctx, code, permission);
}

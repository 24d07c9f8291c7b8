// Access to a review is decided on its product's stored subsidiary: invisible and unknown both answer 404.
import { decide, type Permission } from '@pi-studio/core/access/roles';
import type { UseCaseCtx } from '../../../use-case/context.ts';
import { forbidden, notFound } from '../../../use-case/errors.ts';
import { findReview, type ReviewRecord } from './repo.ts';

export async function reviewFor(ctx: UseCaseCtx, id: string, permission: Permission): Promise<ReviewRecord> {
  const actor = ctx.requireActor();
  const review = await findReview(ctx.deps.db, id);
  if (!review) {
    ctx.markAuthorized();
    throw notFound('gate review');
  }
  if (decide(actor, permission, review.product.subsidiaryId) === 'hidden') {
    ctx.markAuthorized();
    throw notFound('gate review');
  }
  ctx.authorize(permission, review.product.subsidiaryId);
  return review;
}

/** For a route open to a wider permission whose request also asks for a ProductOps-only change. */
export function requireGateReviewer(ctx: UseCaseCtx, subsidiaryId: string): void {
  if (decide(ctx.requireActor(), 'gate.review', subsidiaryId) !== 'allow') {
    throw forbidden('only ProductOps (productops or admin role in this subsidiary) can change this');
  }
}

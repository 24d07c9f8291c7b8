// "Not a duplicate" (docs/feedback.md, "The feedback inbox"): a triager records that two items of a product are
// different feedback, once for everyone, so the inbox stops offering the pair for duplicate review. Recording a
// pair again changes nothing (no second audit event); the pair goes when either item is deleted.
import {
  FEEDBACK_LIMITS,
  type FeedbackDistinctBody,
  type FeedbackDistinctPair,
  type FeedbackDistinctPairs,
} from '@pi-studio/core/contract/feedback';
import type { UseCaseCtx } from '../../../use-case/context.ts';
import { notFound, validationFailed } from '../../../use-case/errors.ts';
import { writeAudit } from '../../audit/writer.ts';
import { feedbackProduct } from '../policy.ts';
import { findItemsByKeys } from '../repo.ts';
import { type DistinctPairRecord, findDistinctPair, insertDistinctPair, listDistinctPairs } from './repo.ts';

/** The older item (lower number) first, so a pair reads the same whichever side was marked. */
export function presentDistinctPair(r: DistinctPairRecord): FeedbackDistinctPair {
  const [first, second] = r.itemA.number < r.itemB.number ? [r.itemA, r.itemB] : [r.itemB, r.itemA];
  return { pair: [first.key, second.key], decidedBy: r.decidedBy, decidedAt: r.decidedAt.toISOString() };
}

export async function markDistinct(
  ctx: UseCaseCtx,
  code: string,
  key: string,
  body: FeedbackDistinctBody,
): Promise<FeedbackDistinctPair> {
  const product = await feedbackProduct(ctx, code, 'feedback.triage');
  if (body.of === key) throw validationFailed([{ name: 'of', reason: `${key} cannot be distinct from itself` }]);
  const db = ctx.deps.db;
  const ids = await db.transaction(async (tx) => {
    const found = new Map((await findItemsByKeys(tx, product.id, [key, body.of])).map((r) => [r.key, r]));
    const item = found.get(key);
    if (!item)
      throw notFound(`feedback ${key}`, [{ name: 'path.key', reason: `no feedback ${key} in ${product.code}` }]);
    const other = found.get(body.of);
    if (!other)
      throw notFound(`feedback ${body.of}`, [{ name: 'of', reason: `no feedback ${body.of} in ${product.code}` }]);
    const pair: [string, string] = [item.id, other.id];
    const recorded = await insertDistinctPair(tx, {
      productId: product.id,
      ids: pair,
      decidedBy: ctx.actor?.userId ?? null,
      at: ctx.deps.now(),
    });
    if (recorded) {
      await writeAudit(tx, ctx.who(), {
        action: 'feedback.marked_distinct',
        targetType: 'feedback',
        targetId: item.id,
        targetLabel: item.key,
        subsidiaryId: product.subsidiaryId,
        after: { distinctFrom: other.key },
      });
    }
    return pair;
  });
  const stored = await findDistinctPair(db, ids);
  if (!stored) throw new Error(`distinct pair ${key}/${body.of} vanished`);
  return presentDistinctPair(stored);
}

export async function distinctPairs(ctx: UseCaseCtx, code: string): Promise<FeedbackDistinctPairs> {
  const product = await feedbackProduct(ctx, code, 'product.read');
  const rows = await listDistinctPairs(ctx.deps.db, product.id, FEEDBACK_LIMITS.distinctPairs);
  return { items: rows.map(presentDistinctPair) };
}

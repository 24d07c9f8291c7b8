// Bulk edit (issue #12): one status, sprint or priority for up to 500 stories of a product, all or nothing. It runs
// under the backlog lock (as generation and imports do), locks each story, checks every key and the sprint before
// changing anything, and writes one audit event naming the keys. Each story's revision goes up by one, so an editor
// still open on one of them gets 409 stale_version on its next save instead of overwriting the bulk change.
import type { StoryBulkBody, StoryBulkResult } from '@pi-studio/core/contract/backlog-bulk';
import type { Executor } from '../../../db/client.ts';
import type { UseCaseCtx } from '../../../use-case/context.ts';
import { type InvalidParam, validationFailed } from '../../../use-case/errors.ts';
import { writeAudit } from '../../audit/writer.ts';
import { backlogProduct } from '../policy.ts';
import { type BacklogProduct, lockBacklog } from '../repo.ts';
import { findSprint } from '../sprints/repo.ts';
import { presentStory } from '../stories/presenters.ts';
import { listStories } from '../stories/repo.ts';
import { applyToStories, type BulkTarget, lockStoriesByKey } from './repo.ts';

/** The sprint the stories move to must be a planned or active sprint of this product (as a single story's must). */
async function sprintProblem(db: Executor, product: BacklogProduct, sprintId: string): Promise<InvalidParam | null> {
  const sprint = await findSprint(db, product.id, sprintId);
  if (!sprint) return { name: 'patch.sprintId', reason: `no sprint with this id in ${product.code}` };
  if (sprint.status === 'ended') return { name: 'patch.sprintId', reason: `sprint ${sprint.name} has ended` };
  return null;
}

export async function bulkUpdateStories(ctx: UseCaseCtx, code: string, body: StoryBulkBody): Promise<StoryBulkResult> {
  const product = await backlogProduct(ctx, code, 'backlog.write');
  const { keys, patch } = body;
  return ctx.deps.db.transaction(async (tx) => {
    await lockBacklog(tx, product.id);
    const found = new Map((await lockStoriesByKey(tx, product.id, keys)).map((s) => [s.key, s]));
    const problems: InvalidParam[] = keys.flatMap((key, i) =>
      found.has(key) ? [] : [{ name: `keys.${i}`, reason: `no story ${key} in ${product.code}` }],
    );
    if (patch.sprintId) {
      const problem = await sprintProblem(tx, product, patch.sprintId);
      if (problem) problems.push(problem);
    }
    if (problems.length) throw validationFailed(problems);

    const targets = keys.map((key) => found.get(key) as BulkTarget);
    const ids = targets.map((s) => s.id);
    const changed = await applyToStories(tx, ids, patch, ctx.deps.now());
    if (changed !== ids.length) throw new Error(`bulk edit changed ${changed} of ${ids.length} locked stories`);
    const fields = Object.keys(patch) as (keyof typeof patch)[];
    await writeAudit(tx, ctx.who(), {
      action: 'stories.bulk_updated',
      targetType: 'product',
      targetId: product.id,
      targetLabel: product.code,
      subsidiaryId: product.subsidiaryId,
      // Each story's values before, for the fields the patch changed: enough to see (or undo) what one edit did.
      before: { stories: targets.map((s) => ({ key: s.key, ...Object.fromEntries(fields.map((f) => [f, s[f]])) })) },
      after: { keys, patch },
    });
    const items = await listStories(tx, { productId: product.id, ids, limit: ids.length });
    return { items: items.map(presentStory) };
  });
}

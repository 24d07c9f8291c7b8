// The rows a bulk edit changes: locked by key in one statement, then changed in one statement.
import type { StoryStatus } from '@pi-studio/core/contract/backlog';
import type { Priority } from '@pi-studio/core/stories/priority';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { stories } from '../../../db/schema/backlog.ts';

export type BulkTarget = {
  id: string;
  key: string;
  status: StoryStatus;
  sprintId: string | null;
  priority: Priority | null;
};

/**
 * The product's stories among `keys`, locked until the transaction ends (in number order, so two bulk edits over
 * the same stories queue rather than deadlock; a single-story save locks one row and waits its turn).
 */
export async function lockStoriesByKey(
  tx: Executor,
  productId: string,
  keys: readonly string[],
): Promise<BulkTarget[]> {
  const rows = await tx
    .select({
      id: stories.id,
      key: stories.key,
      status: stories.status,
      sprintId: stories.sprintId,
      priority: stories.priority,
    })
    .from(stories)
    .where(and(eq(stories.productId, productId), inArray(stories.key, [...keys])))
    .orderBy(asc(stories.number))
    .for('update');
  return rows.map((r) => ({ ...r, status: r.status as StoryStatus, priority: r.priority as Priority | null }));
}

export type BulkChanges = { status?: StoryStatus; sprintId?: string | null; priority?: Priority | null };

/** Applies the same changes to every story in `ids`, one revision up each; answers how many rows changed. */
export async function applyToStories(
  tx: Executor,
  ids: readonly string[],
  changes: BulkChanges,
  at: Date,
): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await tx
    .update(stories)
    .set({ ...changes, updatedAt: at, revision: sql`${stories.revision} + 1` })
    .where(inArray(stories.id, [...ids]))
    .returning({ id: stories.id });
  return rows.length;
}

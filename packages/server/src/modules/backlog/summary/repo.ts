// The backlog summary's counts, aggregated by the database: one grouped count of stories and one of requirements,
// each a range of the product's indexes (stories_product_status_idx, requirements_product_key_uq), so the summary
// of a 10,000-story backlog sends a handful of rows, not the backlog.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { requirements, stories, storyRequirements } from '../../../db/schema/backlog.ts';

export async function storyStatusCounts(
  db: Executor,
  productId: string,
): Promise<{ type: string; status: string; n: number }[]> {
  const rows = await db
    .select({ type: stories.type, status: stories.status, n: sql<number | string>`count(*)` })
    .from(stories)
    .where(eq(stories.productId, productId))
    .groupBy(stories.type, stories.status);
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

/**
 * Requirements still in the PRD, and how many of them a story implements (a bug's link does not cover), as the
 * coverage matrix counts them (core/trace/matrix.ts).
 */
export async function coverageCounts(db: Executor, productId: string): Promise<{ total: number; covered: number }> {
  const implemented = sql`exists (select 1 from ${storyRequirements}
    join ${stories} on ${stories.id} = ${storyRequirements.storyId}
    where ${storyRequirements.requirementId} = ${requirements.id} and ${stories.type} <> 'bug')`;
  const [row] = await db
    .select({
      total: sql<number | string>`count(*)`,
      covered: sql<number | string>`count(*) filter (where ${implemented})`,
    })
    .from(requirements)
    .where(and(eq(requirements.productId, productId), isNull(requirements.removedInVersionId)));
  return { total: Number(row?.total ?? 0), covered: Number(row?.covered ?? 0) };
}

// The backlog as trackers see it (every story and bug with its requirement keys), and a Jira import's status
// updates applied in one statement.
import { asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { requirements, stories, storyRequirements } from '../../../db/schema/backlog.ts';

export type ExchangeRecord = {
  key: string;
  type: string;
  title: string;
  narrative: string;
  acceptance: string;
  priority: string | null;
  status: string;
  requirementKeys: string[];
};

export async function exchangeRecords(db: Executor, productId: string): Promise<ExchangeRecord[]> {
  const rows = await db
    .select({
      key: stories.key,
      type: stories.type,
      title: stories.title,
      narrative: stories.narrative,
      acceptance: stories.acceptance,
      priority: stories.priority,
      status: stories.status,
      requirementKeys: sql<string[] | null>`(
        select array_agg(${requirements.reqKey} order by ${requirements.line}, ${requirements.reqKey})
        from ${storyRequirements} join ${requirements} on ${requirements.id} = ${storyRequirements.requirementId}
        where ${storyRequirements.storyId} = ${stories.id})`,
    })
    .from(stories)
    .where(eq(stories.productId, productId))
    .orderBy(asc(stories.number));
  return rows.map((r) => ({ ...r, requirementKeys: r.requirementKeys ?? [] }));
}

/** Sets each story's status (by key), bumping its revision; answers how many rows changed. */
export async function applyStatuses(
  tx: Executor,
  productId: string,
  updates: readonly { key: string; to: string }[],
  at: Date,
): Promise<number> {
  if (updates.length === 0) return 0;
  // One JSON parameter (not one per key): 10,000 updates stay one statement on both drivers.
  const rows = JSON.stringify(updates.map((u) => ({ key: u.key, status: u.to })));
  const changed = await tx
    .update(stories)
    .set({
      status: sql`u.status`,
      revision: sql`${stories.revision} + 1`,
      updatedAt: at,
    })
    .from(sql`jsonb_to_recordset(${rows}::jsonb) as u(key text, status text)`)
    .where(sql`${stories.productId} = ${productId} and ${stories.key} = u.key`)
    .returning({ id: stories.id });
  return changed.length;
}

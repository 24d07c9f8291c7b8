// What the matrix and drift read: plain columns of a product's requirements, stories, links and sprints in a few
// whole-product queries (no per-story lookups), and the PRD's newest version.
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { requirements, sprints, stories, storyRequirements } from '../../../db/schema/backlog.ts';
import { documents, documentVersions } from '../../../db/schema/documents.ts';

// Each list is one row holding a JSON array (built by the database, parsed once with JSON.parse): a 5,000-story
// product is 5,000 rows otherwise, and decoding rows field by field cost ~70 ms for the stories alone on PGlite, ~4×
// the JSON (docs/benchmarks.md, "Backlog"). Times come as ISO strings in UTC, whatever the session's time zone.
const rowsOf = (result: unknown) => (result as { rows: Record<string, unknown>[] }).rows;

async function jsonList<T>(db: Executor, query: SQL): Promise<T[]> {
  const [row] = rowsOf(await db.execute(query));
  const text = row?.list;
  return typeof text === 'string' ? (JSON.parse(text) as T[]) : [];
}

export type TraceRequirementRecord = { key: string; text: string; priority: string | null; removed: boolean };

export async function traceRequirements(db: Executor, productId: string): Promise<TraceRequirementRecord[]> {
  const rows = await jsonList<[string, string, string | null, boolean]>(
    db,
    sql`select json_agg(json_build_array(${requirements.reqKey}, ${requirements.text}, ${requirements.priority},
          ${requirements.removedInVersionId} is not null) order by ${requirements.line}, ${requirements.reqKey})::text as list
        from ${requirements} where ${requirements.productId} = ${productId}`,
  );
  return rows.map(([key, text, priority, removed]) => ({ key, text, priority, removed }));
}

export type TraceItemRecord = { key: string; type: 'story' | 'bug'; status: string };

/** What the matrix shows of each story and bug, by number (lighter than traceStories: ~½ the time on PGlite). */
export async function traceItems(db: Executor, productId: string): Promise<TraceItemRecord[]> {
  const rows = await jsonList<[string, string, string]>(
    db,
    sql`select json_agg(json_build_array(${stories.key}, ${stories.type}, ${stories.status}) order by ${stories.number})::text as list
        from ${stories} where ${stories.productId} = ${productId}`,
  );
  return rows.map(([key, type, status]) => ({ key, type: type === 'bug' ? 'bug' : 'story', status }));
}

export type TraceStoryRecord = {
  id: string;
  key: string;
  type: 'story' | 'bug';
  status: string;
  sprintId: string | null;
  /** ISO 8601 in UTC with milliseconds (`2026-03-02T09:00:00.000Z`), as drift compares it. */
  createdAt: string;
};

export async function traceStories(db: Executor, productId: string): Promise<TraceStoryRecord[]> {
  const rows = await jsonList<[string, string, string, string, string | null, string]>(
    db,
    sql`select json_agg(json_build_array(${stories.id}, ${stories.key}, ${stories.type}, ${stories.status},
          ${stories.sprintId}, to_char(${stories.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
          order by ${stories.number})::text as list
        from ${stories} where ${stories.productId} = ${productId}`,
  );
  return rows.map(([id, key, type, status, sprintId, createdAt]) => ({
    id,
    key,
    type: type === 'bug' ? 'bug' : 'story',
    status,
    sprintId,
    createdAt,
  }));
}

/** Every story → requirement link of the product, as keys (both ends are the product's: the requirement index
 * leads, then each requirement's links). */
export async function traceLinks(db: Executor, productId: string): Promise<{ storyKey: string; reqKey: string }[]> {
  const rows = await jsonList<[string, string]>(
    db,
    sql`select json_agg(json_build_array(${stories.key}, ${requirements.reqKey}))::text as list
        from ${requirements}
        join ${storyRequirements} on ${storyRequirements.requirementId} = ${requirements.id}
        join ${stories} on ${stories.id} = ${storyRequirements.storyId}
        where ${requirements.productId} = ${productId} and ${stories.productId} = ${productId}`,
  );
  return rows.map(([storyKey, reqKey]) => ({ storyKey, reqKey }));
}

export async function traceSprints(db: Executor, productId: string) {
  return db
    .select({
      id: sprints.id,
      name: sprints.name,
      startedAt: sprints.startedAt,
      committedStoryIds: sprints.committedStoryIds,
    })
    .from(sprints)
    .where(eq(sprints.productId, productId));
}

export type PrdVersionRecord = {
  documentId: string;
  revision: number;
  versionId: string;
  major: number;
  minor: number;
  body: string;
};

/** The product's PRD at its newest version (drafts included: drift shows what changed since the baseline). */
export async function currentPrd(db: Executor, productId: string): Promise<PrdVersionRecord | null> {
  const [row] = await db
    .select({
      documentId: documents.id,
      revision: documents.revision,
      versionId: documentVersions.id,
      major: documentVersions.major,
      minor: documentVersions.minor,
      body: documentVersions.body,
    })
    .from(documents)
    .innerJoin(documentVersions, eq(documentVersions.id, documents.currentVersionId))
    .where(and(eq(documents.productId, productId), eq(documents.kind, 'prd')))
    .limit(1);
  return row ?? null;
}

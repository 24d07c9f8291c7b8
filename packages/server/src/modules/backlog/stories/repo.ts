// Story rows (stories and bugs), their links to requirements, and the keyset-paged list by number.
import type { SprintStatus, StoryStatus, StoryType } from '@pi-studio/core/contract/backlog';
import type { Priority } from '@pi-studio/core/stories/priority';
import { and, asc, eq, gt, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { users } from '../../../db/schema/accounts.ts';
import { requirements, sprints, stories, storyRequirements } from '../../../db/schema/backlog.ts';

export type StoryRecord = {
  id: string;
  productId: string;
  key: string;
  number: number;
  type: StoryType;
  title: string;
  narrative: string;
  acceptance: string;
  priority: Priority | null;
  status: StoryStatus;
  estimate: number | null;
  sprint: { id: string; name: string; status: SprintStatus } | null;
  requirements: { id: string; key: string }[];
  revision: number;
  createdBy: { id: string; name: string; email: string } | null;
  createdAt: Date;
  updatedAt: Date;
};

const columns = {
  id: stories.id,
  productId: stories.productId,
  key: stories.key,
  number: stories.number,
  type: stories.type,
  title: stories.title,
  narrative: stories.narrative,
  acceptance: stories.acceptance,
  priority: stories.priority,
  status: stories.status,
  estimate: stories.estimate,
  revision: stories.revision,
  createdAt: stories.createdAt,
  updatedAt: stories.updatedAt,
  sprintId: sprints.id,
  sprintName: sprints.name,
  sprintStatus: sprints.status,
  creatorId: users.id,
  creatorName: users.name,
  creatorEmail: users.email,
};

function storyQuery(db: Executor) {
  return db
    .select(columns)
    .from(stories)
    .leftJoin(sprints, eq(sprints.id, stories.sprintId))
    .leftJoin(users, eq(users.id, stories.createdBy));
}

type Row = Awaited<ReturnType<ReturnType<typeof storyQuery>['execute']>>[number];

async function withLinks(db: Executor, rows: Row[]): Promise<StoryRecord[]> {
  const links = await linksOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    productId: r.productId,
    key: r.key,
    number: r.number,
    type: r.type as StoryType,
    title: r.title,
    narrative: r.narrative,
    acceptance: r.acceptance,
    priority: r.priority as Priority | null,
    status: r.status as StoryStatus,
    estimate: r.estimate,
    sprint:
      r.sprintId && r.sprintName !== null
        ? { id: r.sprintId, name: r.sprintName, status: r.sprintStatus as SprintStatus }
        : null,
    requirements: links.get(r.id) ?? [],
    revision: r.revision,
    createdBy: r.creatorId ? { id: r.creatorId, name: r.creatorName ?? '', email: r.creatorEmail ?? '' } : null,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }));
}

/** The requirements each story is linked to, in key order. */
async function linksOf(db: Executor, storyIds: string[]): Promise<Map<string, { id: string; key: string }[]>> {
  const out = new Map<string, { id: string; key: string }[]>();
  if (storyIds.length === 0) return out;
  const rows = await db
    .select({ storyId: storyRequirements.storyId, id: requirements.id, key: requirements.reqKey })
    .from(storyRequirements)
    .innerJoin(requirements, eq(requirements.id, storyRequirements.requirementId))
    .where(inArray(storyRequirements.storyId, storyIds))
    .orderBy(asc(requirements.reqKey));
  for (const r of rows) out.set(r.storyId, [...(out.get(r.storyId) ?? []), { id: r.id, key: r.key }]);
  return out;
}

export type StoryFilter = {
  productId: string;
  status?: StoryStatus;
  type?: StoryType;
  /** A sprint id, or null for stories in no sprint. */
  sprintId?: string | null;
  requirementId?: string;
  /** Only these stories. */
  ids?: readonly string[];
  /** Numbers after this one (the keyset cursor). */
  after?: number;
  limit: number;
};

/**
 * A page of stories by number. One statement answers the page with its sprints, creators and requirement links as a
 * single JSON value (parsed once with JSON.parse): decoding 500 rows of 20 columns, and then a second query for
 * their links, field by field cost PGlite ~2× the page's budget under load (docs/benchmarks.md, "Backlog").
 */
export async function listStories(db: Executor, f: StoryFilter): Promise<StoryRecord[]> {
  const where: SQL[] = [eq(stories.productId, f.productId)];
  if (f.status) where.push(eq(stories.status, f.status));
  if (f.type) where.push(eq(stories.type, f.type));
  if (f.sprintId === null) where.push(isNull(stories.sprintId));
  else if (f.sprintId) where.push(eq(stories.sprintId, f.sprintId));
  if (f.requirementId) {
    where.push(
      sql`exists (select 1 from ${storyRequirements} where ${storyRequirements.storyId} = ${stories.id} and ${storyRequirements.requirementId} = ${f.requirementId})`,
    );
  }
  if (f.ids) where.push(inArray(stories.id, [...f.ids]));
  if (f.after !== undefined) where.push(gt(stories.number, f.after));
  const iso = (column: string) => sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
  const result = await db.execute(sql`
    select coalesce(json_agg(json_build_array(
      s.id, s.product_id, s.key, s.number, s.type, s.title, s.narrative, s.acceptance, s.priority, s.status,
      s.estimate, s.revision, ${iso('s.created_at')}, ${iso('s.updated_at')}, sp.id, sp.name, sp.status,
      u.id, u.name, u.email,
      (select coalesce(json_agg(json_build_array(r.id, r.req_key) order by r.req_key), '[]'::json)
        from ${storyRequirements} sr join ${requirements} r on r.id = sr.requirement_id where sr.story_id = s.id)
    ) order by s.number), '[]'::json)::text as list
    from (select * from ${stories} where ${and(...where)} order by ${stories.number} limit ${f.limit}) s
    left join ${sprints} sp on sp.id = s.sprint_id
    left join ${users} u on u.id = s.created_by`);
  const [row] = (result as unknown as { rows: { list: string }[] }).rows;
  return (JSON.parse(row?.list ?? '[]') as PageRow[]).map(fromPageRow);
}

type PageRow = [
  string,
  string,
  string,
  number,
  string,
  string,
  string,
  string,
  string | null,
  string,
  number | null,
  number,
  string,
  string,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  [string, string][],
];

function fromPageRow(r: PageRow): StoryRecord {
  const [id, productId, key, number, type, title, narrative, acceptance, priority, status, estimate, revision] = r;
  const [, , , , , , , , , , , , createdAt, updatedAt, sprintId, sprintName, sprintStatus] = r;
  const [, , , , , , , , , , , , , , , , , creatorId, creatorName, creatorEmail, links] = r;
  return {
    id,
    productId,
    key,
    number,
    type: type as StoryType,
    title,
    narrative,
    acceptance,
    priority: priority as Priority | null,
    status: status as StoryStatus,
    estimate,
    sprint:
      sprintId && sprintName !== null ? { id: sprintId, name: sprintName, status: sprintStatus as SprintStatus } : null,
    requirements: links.map(([reqId, reqKey]) => ({ id: reqId, key: reqKey })),
    revision,
    createdBy: creatorId ? { id: creatorId, name: creatorName ?? '', email: creatorEmail ?? '' } : null,
    createdAt: new Date(createdAt),
    updatedAt: new Date(updatedAt),
  };
}

export async function findStory(
  db: Executor,
  productId: string,
  key: string,
  opts: { lock?: boolean } = {},
): Promise<StoryRecord | null> {
  const q = storyQuery(db)
    .where(and(eq(stories.productId, productId), eq(stories.key, key)))
    .limit(1);
  const [row] = opts.lock ? await q.for('update', { of: stories }) : await q;
  if (!row) return null;
  const [story] = await withLinks(db, [row]);
  return story ?? null;
}

export type StoryValues = {
  title: string;
  narrative: string;
  acceptance: string;
  priority: Priority | null;
  status: StoryStatus;
  estimate: number | null;
  sprintId: string | null;
};

export async function insertStory(
  tx: Executor,
  v: StoryValues & {
    productId: string;
    number: number;
    key: string;
    type: StoryType;
    createdBy: string | null;
    at: Date;
  },
): Promise<string> {
  const [row] = await tx
    .insert(stories)
    .values({
      productId: v.productId,
      number: v.number,
      key: v.key,
      type: v.type,
      title: v.title,
      narrative: v.narrative,
      acceptance: v.acceptance,
      priority: v.priority,
      status: v.status,
      estimate: v.estimate,
      sprintId: v.sprintId,
      createdBy: v.createdBy,
      createdAt: v.at,
      updatedAt: v.at,
    })
    .returning({ id: stories.id });
  if (!row) throw new Error('story insert returned nothing');
  return row.id;
}

/** Applies `changes` only while the story is still at revision `expected`; false when another save got there first. */
export async function updateStoryAtRevision(
  tx: Executor,
  id: string,
  expected: number,
  changes: Partial<StoryValues> & { updatedAt: Date },
): Promise<boolean> {
  const rows = await tx
    .update(stories)
    .set({ ...changes, revision: sql`${stories.revision} + 1` })
    .where(and(eq(stories.id, id), eq(stories.revision, expected)))
    .returning({ id: stories.id });
  return rows.length === 1;
}

export async function deleteStory(tx: Executor, id: string): Promise<void> {
  await tx.delete(stories).where(eq(stories.id, id));
}

export async function setStoryRequirements(tx: Executor, storyId: string, requirementIds: readonly string[]) {
  await tx.delete(storyRequirements).where(eq(storyRequirements.storyId, storyId));
  if (requirementIds.length === 0) return;
  await tx
    .insert(storyRequirements)
    .values([...new Set(requirementIds)].map((requirementId) => ({ storyId, requirementId })));
}

// Sprint rows: planned → active (baseline and committed stories recorded) → ended.
import type { SprintStatus } from '@pi-studio/core/contract/backlog';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { users } from '../../../db/schema/accounts.ts';
import { sprints, stories } from '../../../db/schema/backlog.ts';
import { documentVersions } from '../../../db/schema/documents.ts';
import type { VersionRefRecord } from '../requirements/repo.ts';

export type SprintRecord = {
  id: string;
  productId: string;
  name: string;
  status: SprintStatus;
  baseline: VersionRefRecord | null;
  committedStoryIds: string[];
  storyCount: number;
  startedAt: Date | null;
  endedAt: Date | null;
  createdBy: { id: string; name: string; email: string } | null;
  createdAt: Date;
  /** Committed stories that still exist, and how many of them are done now. */
  committedTotal: number;
  committedDone: number;
  /** Stories in the sprint now that are not in its commitment. */
  addedAfterStart: number;
};

const storyCount = sql<number | string>`(select count(*) from ${stories} where ${stories.sprintId} = ${sprints.id})`;

// The commitment is a jsonb array of story ids: each count looks the stories up by primary key, so a sprint costs a
// few index probes per committed story, however large the backlog.
const committed = sql`(select (jsonb_array_elements_text(${sprints.committedStoryIds}))::uuid)`;
const committedTotal = sql<number | string>`(select count(*) from ${stories} where ${stories.id} in ${committed})`;
const committedDone = sql<
  number | string
>`(select count(*) from ${stories} where ${stories.id} in ${committed} and ${stories.status} = 'done')`;
const addedAfterStart = sql<number | string>`(select count(*) from ${stories} where ${stories.sprintId} = ${sprints.id}
  and not jsonb_exists(${sprints.committedStoryIds}, ${stories.id}::text))`;

function sprintQuery(db: Executor) {
  return db
    .select({
      id: sprints.id,
      productId: sprints.productId,
      name: sprints.name,
      status: sprints.status,
      committedStoryIds: sprints.committedStoryIds,
      startedAt: sprints.startedAt,
      endedAt: sprints.endedAt,
      createdAt: sprints.createdAt,
      baselineId: documentVersions.id,
      baselineMajor: documentVersions.major,
      baselineMinor: documentVersions.minor,
      creatorId: users.id,
      creatorName: users.name,
      creatorEmail: users.email,
      storyCount,
      committedTotal,
      committedDone,
      addedAfterStart,
    })
    .from(sprints)
    .leftJoin(documentVersions, eq(documentVersions.id, sprints.baselineVersionId))
    .leftJoin(users, eq(users.id, sprints.createdBy));
}

type Row = Awaited<ReturnType<ReturnType<typeof sprintQuery>['execute']>>[number];

const toRecord = (r: Row): SprintRecord => ({
  id: r.id,
  productId: r.productId,
  name: r.name,
  status: r.status as SprintStatus,
  baseline:
    r.baselineId !== null && r.baselineMajor !== null && r.baselineMinor !== null
      ? { id: r.baselineId, major: r.baselineMajor, minor: r.baselineMinor }
      : null,
  committedStoryIds: r.committedStoryIds,
  storyCount: Number(r.storyCount),
  startedAt: r.startedAt,
  endedAt: r.endedAt,
  createdBy: r.creatorId ? { id: r.creatorId, name: r.creatorName ?? '', email: r.creatorEmail ?? '' } : null,
  createdAt: r.createdAt,
  committedTotal: Number(r.committedTotal),
  committedDone: Number(r.committedDone),
  addedAfterStart: Number(r.addedAfterStart),
});

/** A product's sprints, newest first. */
export async function listSprints(db: Executor, productId: string): Promise<SprintRecord[]> {
  const rows = await sprintQuery(db)
    .where(eq(sprints.productId, productId))
    .orderBy(desc(sprints.createdAt), desc(sprints.id));
  return rows.map(toRecord);
}

/** A sprint of this product (another product's sprint is not found). */
export async function findSprint(db: Executor, productId: string, id: string): Promise<SprintRecord | null> {
  const [row] = await sprintQuery(db)
    .where(and(eq(sprints.productId, productId), eq(sprints.id, id)))
    .limit(1);
  return row ? toRecord(row) : null;
}

export async function findActiveSprint(db: Executor, productId: string): Promise<{ id: string; name: string } | null> {
  const [row] = await db
    .select({ id: sprints.id, name: sprints.name })
    .from(sprints)
    .where(and(eq(sprints.productId, productId), eq(sprints.status, 'active')));
  return row ?? null;
}

export async function insertSprint(
  tx: Executor,
  v: { productId: string; name: string; createdBy: string | null; at: Date },
): Promise<string> {
  const [row] = await tx
    .insert(sprints)
    .values({ productId: v.productId, name: v.name, createdBy: v.createdBy, createdAt: v.at })
    .returning({ id: sprints.id });
  if (!row) throw new Error('sprint insert returned nothing');
  return row.id;
}

export async function storyIdsInSprint(db: Executor, sprintId: string): Promise<string[]> {
  const rows = await db
    .select({ id: stories.id })
    .from(stories)
    .where(eq(stories.sprintId, sprintId))
    .orderBy(stories.number);
  return rows.map((r) => r.id);
}

/** Moves a sprint on from `from`; false when it was no longer there (another request moved it first). */
export async function moveSprint(
  tx: Executor,
  id: string,
  from: SprintStatus,
  changes: {
    status: SprintStatus;
    baselineVersionId?: string | null;
    committedStoryIds?: string[];
    startedAt?: Date;
    endedAt?: Date;
  },
): Promise<boolean> {
  const rows = await tx
    .update(sprints)
    .set(changes)
    .where(and(eq(sprints.id, id), eq(sprints.status, from)))
    .returning({ id: sprints.id });
  return rows.length === 1;
}

/** How many of `ids` are done now (the end of a sprint reports it). */
export async function doneAmong(db: Executor, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const [row] = await db
    .select({ n: sql<number | string>`count(*)` })
    .from(stories)
    .where(and(inArray(stories.id, [...ids]), eq(stories.status, 'done')));
  return Number(row?.n ?? 0);
}

export type SprintCommitment = {
  name: string;
  status: SprintStatus;
  endedAt: Date | null;
  /** The committed stories that still exist, by number. */
  committed: { key: string; status: string }[];
};

/** The ended sprints of a product with their committed stories' keys and statuses now (the build → UAT rule). */
export async function endedSprintCommitments(db: Executor, productId: string): Promise<SprintCommitment[]> {
  const ended = await db
    .select({ id: sprints.id, name: sprints.name, endedAt: sprints.endedAt, ids: sprints.committedStoryIds })
    .from(sprints)
    .where(and(eq(sprints.productId, productId), eq(sprints.status, 'ended')));
  const ids = [...new Set(ended.flatMap((s) => s.ids))];
  const found =
    ids.length === 0
      ? []
      : await db
          .select({ id: stories.id, key: stories.key, status: stories.status })
          .from(stories)
          .where(and(eq(stories.productId, productId), inArray(stories.id, ids)))
          .orderBy(stories.number);
  const byId = new Map(found.map((s) => [s.id, s]));
  const order = new Map(found.map((s, i) => [s.id, i]));
  return ended.map((s) => ({
    name: s.name,
    status: 'ended',
    endedAt: s.endedAt,
    committed: s.ids
      .filter((id) => byId.has(id))
      .sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0))
      .flatMap((id) => {
        const story = byId.get(id);
        return story ? [{ key: story.key, status: story.status }] : [];
      }),
  }));
}

// What the matrix and drift read: plain columns of a product's requirements, stories, links and sprints in a few
// whole-product queries (no per-story lookups), and the PRD's newest version.
import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { requirements, sprints, stories, storyRequirements } from '../../../db/schema/backlog.ts';
import { documents, documentVersions } from '../../../db/schema/documents.ts';

export type TraceRequirementRecord = { key: string; text: string; priority: string | null; removed: boolean };

export async function traceRequirements(db: Executor, productId: string): Promise<TraceRequirementRecord[]> {
  const rows = await db
    .select({
      key: requirements.reqKey,
      text: requirements.text,
      priority: requirements.priority,
      removedIn: requirements.removedInVersionId,
      line: requirements.line,
    })
    .from(requirements)
    .where(eq(requirements.productId, productId))
    .orderBy(asc(requirements.line), asc(requirements.reqKey));
  return rows.map((r) => ({ key: r.key, text: r.text, priority: r.priority, removed: r.removedIn !== null }));
}

export type TraceStoryRecord = {
  id: string;
  key: string;
  type: 'story' | 'bug';
  status: string;
  sprintId: string | null;
  createdAt: Date;
};

export async function traceStories(db: Executor, productId: string): Promise<TraceStoryRecord[]> {
  const rows = await db
    .select({
      id: stories.id,
      key: stories.key,
      type: stories.type,
      status: stories.status,
      sprintId: stories.sprintId,
      createdAt: stories.createdAt,
    })
    .from(stories)
    .where(eq(stories.productId, productId))
    .orderBy(asc(stories.number));
  return rows.map((r) => ({ ...r, type: r.type === 'bug' ? 'bug' : 'story' }));
}

/** Every story → requirement link of the product, as keys. */
export async function traceLinks(db: Executor, productId: string): Promise<{ storyKey: string; reqKey: string }[]> {
  return db
    .select({ storyKey: stories.key, reqKey: requirements.reqKey })
    .from(storyRequirements)
    .innerJoin(stories, eq(stories.id, storyRequirements.storyId))
    .innerJoin(requirements, eq(requirements.id, storyRequirements.requirementId))
    .where(eq(stories.productId, productId));
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

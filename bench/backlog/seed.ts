// Stores the backlog bench's products straight in the database (the seed is not what is measured): per product a
// PRD whose v1.0 passed the gate and whose v1.1 is a draft, the 500 requirements a sync of v1.0 stores, stories and
// bugs with their links, ten sprints (nine ended, one active) and 50 change requests. Bulk inserts in batches.
import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { extractRequirements } from '../../packages/core/src/stories/requirements.ts';
import type { DbHandle } from '../../packages/server/src/db/client.ts';
import { users } from '../../packages/server/src/db/schema/accounts.ts';
import {
  backlogCounters,
  changeRequests,
  requirements,
  sprints,
  stories,
  storyRequirements,
} from '../../packages/server/src/db/schema/backlog.ts';
import { documents, documentVersions } from '../../packages/server/src/db/schema/documents.ts';
import { gateReviews, rubrics } from '../../packages/server/src/db/schema/gate.ts';
import { products, subsidiaries } from '../../packages/server/src/db/schema/workspace.ts';
import { changeSeeds, committed, prdBody, SPRINT_START, type StorySeed, storySeeds } from './data.ts';

export type SeededProduct = { code: string; stories: StorySeed[] };

const hash = (text: string) => createHash('sha256').update(text).digest('hex');

async function seedProduct(handle: DbHandle, subsidiaryId: string, authorId: string, code: string, count: number) {
  const db = handle.db;
  const [product] = await db
    .insert(products)
    .values({ code, name: `Backlog bench ${code}`, subsidiaryId, productType: 'web_app', stage: 'build' })
    .returning({ id: products.id });
  if (!product) throw new Error('product insert returned nothing');
  const [doc] = await db
    .insert(documents)
    .values({ productId: product.id, kind: 'prd', title: 'PRD', revision: 2 })
    .returning({ id: documents.id });
  if (!doc) throw new Error('document insert returned nothing');
  const bodies = { '1.0': prdBody('1.0'), '1.1': prdBody('1.1') };
  const versions = await db
    .insert(documentVersions)
    .values(
      (['1.0', '1.1'] as const).map((v, minor) => ({
        documentId: doc.id,
        major: 1,
        minor,
        body: bodies[v],
        contentHash: hash(bodies[v]),
        authorId,
      })),
    )
    .returning({ id: documentVersions.id, minor: documentVersions.minor });
  const baselineId = versions.find((v) => v.minor === 0)?.id as string;
  const currentId = versions.find((v) => v.minor === 1)?.id as string;
  await db
    .update(documents)
    .set({ currentVersionId: currentId, baselineVersionId: baselineId })
    .where(eq(documents.id, doc.id));
  const [rubric] = await db.select({ id: rubrics.id }).from(rubrics).limit(1);
  if (!rubric) throw new Error('no rubric: bootstrap first');
  const decidedAt = new Date(SPRINT_START.getTime() - 7 * 24 * 3600_000);
  await db.insert(gateReviews).values({
    documentId: doc.id,
    versionId: baselineId,
    rubricRowId: rubric.id,
    report: {},
    engineScore: 88,
    engineVerdict: 'pass',
    status: 'decided',
    verdict: 'pass',
    finalScore: 88,
    attempt: 1,
    firstTime: true,
    submittedBy: authorId,
    submittedAt: decidedAt,
    decidedBy: authorId,
    decidedAt,
  });

  // What a sync of the baseline stores.
  const extracted = extractRequirements(bodies['1.0'], { product: code });
  const reqRows = await db
    .insert(requirements)
    .values(
      extracted.map((r) => ({
        productId: product.id,
        documentId: doc.id,
        reqKey: r.id,
        kind: r.kind,
        text: r.text,
        priority: r.priority,
        acceptance: r.acceptance,
        generated: r.generated,
        line: r.line,
        section: r.section,
        firstSeenVersionId: baselineId,
        lastSeenVersionId: baselineId,
        textHistory: [{ version: '1.0', text: r.text }],
      })),
    )
    .returning({ id: requirements.id, key: requirements.reqKey });
  const reqId = new Map(reqRows.map((r) => [r.key, r.id]));

  const sprintRows = await db
    .insert(sprints)
    .values(
      Array.from({ length: 10 }, (_, s) => ({
        productId: product.id,
        name: `Sprint ${s + 1}`,
        status: s === 9 ? 'active' : 'ended',
        baselineVersionId: baselineId,
        startedAt: SPRINT_START,
        endedAt: s === 9 ? null : new Date(SPRINT_START.getTime() + 14 * 24 * 3600_000),
        createdBy: authorId,
      })),
    )
    .returning({ id: sprints.id });
  const seeds = storySeeds(code, count);
  const storyIds = new Map<string, string>();
  for (let i = 0; i < seeds.length; i += 1000) {
    const rows = await db
      .insert(stories)
      .values(
        seeds.slice(i, i + 1000).map((s) => ({
          productId: product.id,
          number: s.number,
          key: s.key,
          type: s.type,
          title: s.title,
          narrative: s.narrative,
          acceptance: s.acceptance,
          priority: s.priority,
          status: s.status,
          estimate: (s.number % 8) + 1,
          sprintId: s.sprint === null ? null : (sprintRows[s.sprint]?.id ?? null),
          createdBy: authorId,
          createdAt: s.createdAt,
          updatedAt: s.createdAt,
        })),
      )
      .returning({ id: stories.id, key: stories.key });
    for (const r of rows) storyIds.set(r.key, r.id);
  }
  const links = seeds.flatMap((s) =>
    s.links.map((k) => ({ storyId: storyIds.get(s.key) as string, requirementId: reqId.get(k) as string })),
  );
  for (let i = 0; i < links.length; i += 5000) await db.insert(storyRequirements).values(links.slice(i, i + 5000));
  for (const [s, sprint] of sprintRows.entries()) {
    const ids = seeds.filter((st) => st.sprint === s && committed(st)).map((st) => storyIds.get(st.key) as string);
    await db.update(sprints).set({ committedStoryIds: ids }).where(eq(sprints.id, sprint.id));
  }
  await db.insert(changeRequests).values(
    changeSeeds(seeds).map((c) => ({
      productId: product.id,
      number: c.number,
      key: `${code}-CR-${c.number}`,
      title: `Change ${c.number}`,
      whatChanges: `Reword FR-${c.number * 10 - 9}`,
      why: 'Merchants asked for it',
      impact: { requirementIds: c.requirementKeys, storyKeys: c.storyKeys, dates: 'none' },
      status: c.status,
      requestedBy: authorId,
      decidedBy: c.status === 'pending' ? null : authorId,
      decidedAt: c.status === 'pending' ? null : new Date(SPRINT_START.getTime() + 24 * 3600_000),
      rationale: c.status === 'pending' ? null : 'Decided in the bench',
    })),
  );
  await db
    .insert(backlogCounters)
    .values({ productId: product.id, lastStoryNumber: count })
    .onConflictDoUpdate({ target: backlogCounters.productId, set: { lastStoryNumber: sql`${count}` } });
  return { code, stories: seeds };
}

/** The three products: the list (10,000 stories), the trace (5,000) and the import (10,000). */
export async function seedBacklogBench(
  handle: DbHandle,
  sizes: { list: number; trace: number; import: number },
): Promise<{ list: SeededProduct; trace: SeededProduct; import: SeededProduct }> {
  const db = handle.db;
  await db.insert(subsidiaries).values({ code: 'FINTX', name: 'FINTX (bench)' }).onConflictDoNothing();
  const [sub] = await db.select().from(subsidiaries).where(eq(subsidiaries.code, 'FINTX'));
  const [author] = await db.select().from(users).limit(1);
  if (!sub || !author) throw new Error('no subsidiary or user to seed with');
  const out = {
    list: await seedProduct(handle, sub.id, author.id, 'FINTX-BLIST', sizes.list),
    trace: await seedProduct(handle, sub.id, author.id, 'FINTX-BTRACE', sizes.trace),
    import: await seedProduct(handle, sub.id, author.id, 'FINTX-BIMPORT', sizes.import),
  };
  await handle.raw('VACUUM ANALYZE');
  return out;
}

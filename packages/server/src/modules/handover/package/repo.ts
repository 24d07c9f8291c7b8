// Queries of handover packages: the package with its item states, artifact versions and reviews; the done stories and
// bugs release notes are drafted from; the packs an item's evidence names.
import { and, asc, count, desc, eq, inArray, max, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../../db/client.ts';
import { users } from '../../../db/schema/accounts.ts';
import { requirements, stories, storyRequirements } from '../../../db/schema/backlog.ts';
import {
  handoverArtifacts,
  handoverGaps,
  handoverItems,
  handoverPackages,
  handoverPacks,
  handoverReviews,
  type StoredEvidence,
  type StoredOwnership,
} from '../../../db/schema/handover.ts';

export type { StoredEvidence };

import { products, subsidiaries } from '../../../db/schema/workspace.ts';

export type PersonRow = { id: string; name: string; email: string };
export type PackageRow = typeof handoverPackages.$inferSelect & {
  createdByPerson: PersonRow | null;
  ownershipConfirmedByPerson: PersonRow | null;
};
export type ItemRow = typeof handoverItems.$inferSelect & { updatedByPerson: PersonRow | null };
export type ReviewRow = typeof handoverReviews.$inferSelect & { decidedByPerson: PersonRow | null };
export type GapRow = typeof handoverGaps.$inferSelect & {
  reportedByPerson: PersonRow | null;
  release: string;
  acceptedAt: Date | null;
  elsDays: number | null;
};

const person = { id: users.id, name: users.name, email: users.email };
const confirmer = alias(users, 'confirmer');

function personOf(p: { id: string | null; name: string | null; email: string | null } | null): PersonRow | null {
  return p?.id && p.name !== null && p.email !== null ? { id: p.id, name: p.name, email: p.email } : null;
}

/** The product's open package, or else its newest one (accepted). */
export async function currentPackage(db: Executor, productId: string): Promise<PackageRow | null> {
  const [row] = await db
    .select({
      pkg: handoverPackages,
      person,
      confirmer: { id: confirmer.id, name: confirmer.name, email: confirmer.email },
    })
    .from(handoverPackages)
    .leftJoin(users, eq(users.id, handoverPackages.createdBy))
    .leftJoin(confirmer, eq(confirmer.id, handoverPackages.ownershipConfirmedBy))
    .where(eq(handoverPackages.productId, productId))
    .orderBy(sql`${handoverPackages.status} = 'open' desc`, desc(handoverPackages.createdAt))
    .limit(1);
  return row
    ? { ...row.pkg, createdByPerson: personOf(row.person), ownershipConfirmedByPerson: personOf(row.confirmer) }
    : null;
}

/** Holds the package row until commit: item edits, artifact versions and reviews of one package queue up. */
export async function lockPackage(tx: Executor, packageId: string): Promise<typeof handoverPackages.$inferSelect> {
  const [row] = await tx.select().from(handoverPackages).where(eq(handoverPackages.id, packageId)).for('update');
  if (!row) throw new Error(`handover package ${packageId} vanished`);
  return row;
}

export async function insertPackage(
  tx: Executor,
  values: Omit<typeof handoverPackages.$inferInsert, 'id'>,
): Promise<string> {
  const [row] = await tx.insert(handoverPackages).values(values).returning({ id: handoverPackages.id });
  if (!row) throw new Error('handover package insert returned nothing');
  return row.id;
}

export async function packageReleaseTaken(db: Executor, productId: string, release: string): Promise<boolean> {
  const [row] = await db
    .select({ id: handoverPackages.id })
    .from(handoverPackages)
    .where(and(eq(handoverPackages.productId, productId), eq(handoverPackages.release, release)))
    .limit(1);
  return row !== undefined;
}

/** The newest accepted package before this one: the last release, which release notes count from. */
export async function lastAcceptedPackage(
  db: Executor,
  productId: string,
): Promise<{ release: string; acceptedAt: Date } | null> {
  const [row] = await db
    .select({ release: handoverPackages.release, acceptedAt: handoverPackages.acceptedAt })
    .from(handoverPackages)
    .where(and(eq(handoverPackages.productId, productId), eq(handoverPackages.status, 'accepted')))
    .orderBy(desc(handoverPackages.acceptedAt))
    .limit(1);
  return row?.acceptedAt ? { release: row.release, acceptedAt: row.acceptedAt } : null;
}

export async function saveOwnership(
  tx: Executor,
  packageId: string,
  ownership: StoredOwnership,
  by: string | null,
  at: Date,
): Promise<void> {
  await tx
    .update(handoverPackages)
    .set({ ownership, ownershipConfirmedBy: by, ownershipConfirmedAt: at })
    .where(eq(handoverPackages.id, packageId));
}

export async function markAccepted(tx: Executor, packageId: string, at: Date, firstHandover: boolean, els: number) {
  await tx
    .update(handoverPackages)
    .set({ status: 'accepted', acceptedAt: at, acceptedOnFirstHandover: firstHandover, elsDays: els })
    .where(eq(handoverPackages.id, packageId));
}

export async function setElsDays(tx: Executor, packageId: string, days: number): Promise<void> {
  await tx.update(handoverPackages).set({ elsDays: days }).where(eq(handoverPackages.id, packageId));
}

export async function listItems(db: Executor, packageId: string): Promise<ItemRow[]> {
  const rows = await db
    .select({ item: handoverItems, person })
    .from(handoverItems)
    .leftJoin(users, eq(users.id, handoverItems.updatedBy))
    .where(eq(handoverItems.packageId, packageId));
  return rows.map((r) => ({ ...r.item, updatedByPerson: personOf(r.person) }));
}

export async function findItem(
  tx: Executor,
  packageId: string,
  itemId: string,
): Promise<typeof handoverItems.$inferSelect | null> {
  const [row] = await tx
    .select()
    .from(handoverItems)
    .where(and(eq(handoverItems.packageId, packageId), eq(handoverItems.itemId, itemId)))
    .limit(1);
  return row ?? null;
}

export async function upsertItem(tx: Executor, values: typeof handoverItems.$inferInsert): Promise<void> {
  const { packageId: _p, itemId: _i, ...changes } = values;
  await tx
    .insert(handoverItems)
    .values(values)
    .onConflictDoUpdate({ target: [handoverItems.packageId, handoverItems.itemId], set: changes });
}

/** Verdicts of the stored packs a product has, by `<kind>:<version>`. */
export async function packVerdicts(db: Executor, productId: string): Promise<Map<string, string>> {
  const rows = await db
    .select({ kind: handoverPacks.kind, version: handoverPacks.version, verdict: handoverPacks.verdict })
    .from(handoverPacks)
    .where(eq(handoverPacks.productId, productId));
  return new Map(rows.map((r) => [`${r.kind}:${r.version}`, r.verdict]));
}

export type ArtifactRow = typeof handoverArtifacts.$inferSelect & { createdByPerson: PersonRow | null };

/** Per kind: how many versions, and the newest one's number, time and author. */
export async function artifactSummaries(db: Executor, packageId: string) {
  const latest = db
    .select({ kind: handoverArtifacts.kind, n: count().as('n'), last: max(handoverArtifacts.version).as('last') })
    .from(handoverArtifacts)
    .where(eq(handoverArtifacts.packageId, packageId))
    .groupBy(handoverArtifacts.kind)
    .as('latest');
  const rows = await db
    .select({ kind: latest.kind, n: latest.n, last: latest.last, at: handoverArtifacts.createdAt, person })
    .from(latest)
    .innerJoin(
      handoverArtifacts,
      and(
        eq(handoverArtifacts.packageId, packageId),
        eq(handoverArtifacts.kind, latest.kind),
        eq(handoverArtifacts.version, latest.last),
      ),
    )
    .leftJoin(users, eq(users.id, handoverArtifacts.createdBy));
  return rows.map((r) => ({
    kind: r.kind,
    versions: Number(r.n),
    latestVersion: r.last,
    updatedAt: r.at,
    updatedBy: personOf(r.person),
  }));
}

export async function listArtifactVersions(db: Executor, packageId: string, kind: string): Promise<ArtifactRow[]> {
  const rows = await db
    .select({ a: handoverArtifacts, person })
    .from(handoverArtifacts)
    .leftJoin(users, eq(users.id, handoverArtifacts.createdBy))
    .where(and(eq(handoverArtifacts.packageId, packageId), eq(handoverArtifacts.kind, kind)))
    .orderBy(desc(handoverArtifacts.version));
  return rows.map((r) => ({ ...r.a, createdByPerson: personOf(r.person) }));
}

export async function findArtifactVersion(
  db: Executor,
  packageId: string,
  kind: string,
  version: number,
): Promise<ArtifactRow | null> {
  const [row] = await db
    .select({ a: handoverArtifacts, person })
    .from(handoverArtifacts)
    .leftJoin(users, eq(users.id, handoverArtifacts.createdBy))
    .where(
      and(
        eq(handoverArtifacts.packageId, packageId),
        eq(handoverArtifacts.kind, kind),
        eq(handoverArtifacts.version, version),
      ),
    )
    .limit(1);
  return row ? { ...row.a, createdByPerson: personOf(row.person) } : null;
}

export async function lastArtifactVersion(tx: Executor, packageId: string, kind: string): Promise<number> {
  const [row] = await tx
    .select({ last: max(handoverArtifacts.version) })
    .from(handoverArtifacts)
    .where(and(eq(handoverArtifacts.packageId, packageId), eq(handoverArtifacts.kind, kind)));
  return row?.last ?? 0;
}

export async function insertArtifact(tx: Executor, values: Omit<typeof handoverArtifacts.$inferInsert, 'id'>) {
  const [row] = await tx.insert(handoverArtifacts).values(values).returning({ id: handoverArtifacts.id });
  if (!row) throw new Error('handover artifact insert returned nothing');
  return row.id;
}

export async function listReviews(db: Executor, packageId: string): Promise<ReviewRow[]> {
  const rows = await db
    .select({ r: handoverReviews, person })
    .from(handoverReviews)
    .leftJoin(users, eq(users.id, handoverReviews.decidedBy))
    .where(eq(handoverReviews.packageId, packageId))
    .orderBy(asc(handoverReviews.number));
  return rows.map((r) => ({ ...r.r, decidedByPerson: personOf(r.person) }));
}

export async function insertReview(tx: Executor, values: Omit<typeof handoverReviews.$inferInsert, 'id'>) {
  const [row] = await tx.insert(handoverReviews).values(values).returning({ id: handoverReviews.id });
  if (!row) throw new Error('handover review insert returned nothing');
  return row.id;
}

export async function insertGap(tx: Executor, values: Omit<typeof handoverGaps.$inferInsert, 'id'>) {
  const [row] = await tx.insert(handoverGaps).values(values).returning({ id: handoverGaps.id });
  if (!row) throw new Error('handover gap insert returned nothing');
  return row.id;
}

/** Every gap IT reported after handover, over all of the product's packages, newest first. */
export async function listGaps(db: Executor, productId: string): Promise<GapRow[]> {
  const rows = await db
    .select({
      g: handoverGaps,
      release: handoverPackages.release,
      acceptedAt: handoverPackages.acceptedAt,
      elsDays: handoverPackages.elsDays,
      person,
    })
    .from(handoverGaps)
    .innerJoin(handoverPackages, eq(handoverPackages.id, handoverGaps.packageId))
    .leftJoin(users, eq(users.id, handoverGaps.reportedBy))
    .where(eq(handoverPackages.productId, productId))
    .orderBy(desc(handoverGaps.createdAt));
  return rows.map(({ g, person: p, ...r }) => ({ ...g, ...r, reportedByPerson: personOf(p) }));
}

export type DoneRow = { key: string; type: string; title: string; doneAt: Date; requirementKeys: string[] };

/** The product's stories and bugs in status done, with the requirements each covers. */
export async function doneStories(db: Executor, productId: string): Promise<DoneRow[]> {
  const rows = await db
    .select({ id: stories.id, key: stories.key, type: stories.type, title: stories.title, doneAt: stories.updatedAt })
    .from(stories)
    .where(and(eq(stories.productId, productId), eq(stories.status, 'done')))
    .orderBy(asc(stories.number));
  if (rows.length === 0) return [];
  const links = await db
    .select({ storyId: storyRequirements.storyId, key: requirements.reqKey })
    .from(storyRequirements)
    .innerJoin(requirements, eq(requirements.id, storyRequirements.requirementId))
    .where(
      inArray(
        storyRequirements.storyId,
        rows.map((r) => r.id),
      ),
    );
  const byStory = new Map<string, string[]>();
  for (const l of links) byStory.set(l.storyId, [...(byStory.get(l.storyId) ?? []), l.key]);
  return rows.map(({ id, ...r }) => ({ ...r, requirementKeys: byStory.get(id) ?? [] }));
}

export type CheckpointRow = {
  productId: string;
  code: string;
  name: string;
  stage: string;
  subsidiary: string;
  pkg: typeof handoverPackages.$inferSelect | null;
};

/** Products in UAT or handover in the given subsidiaries (null: all), with their open package if any. */
export async function checkpointProducts(db: Executor, visible: readonly string[] | null): Promise<CheckpointRow[]> {
  const where = [inArray(products.stage, ['uat', 'handover'])];
  if (visible) where.push(visible.length ? inArray(products.subsidiaryId, [...visible]) : sql`false`);
  const rows = await db
    .select({
      productId: products.id,
      code: products.code,
      name: products.name,
      stage: products.stage,
      subsidiary: subsidiaries.code,
      pkg: handoverPackages,
    })
    .from(products)
    .innerJoin(subsidiaries, eq(subsidiaries.id, products.subsidiaryId))
    .leftJoin(handoverPackages, and(eq(handoverPackages.productId, products.id), eq(handoverPackages.status, 'open')))
    .where(and(...where))
    .orderBy(sql`${handoverPackages.targetDate} asc nulls last`, asc(products.code))
    .limit(500);
  return rows;
}

/** Every release of the product's packages, newest first, with whether IT accepted it. */
export async function packageReleases(db: Executor, productId: string): Promise<{ release: string; status: string }[]> {
  return db
    .select({ release: handoverPackages.release, status: handoverPackages.status })
    .from(handoverPackages)
    .where(eq(handoverPackages.productId, productId))
    .orderBy(desc(handoverPackages.createdAt));
}

/** The body of the newest version of one artifact kind of a package, or null. */
export async function newestArtifactBody(db: Executor, packageId: string, kind: string): Promise<string | null> {
  const [row] = await db
    .select({ body: handoverArtifacts.body })
    .from(handoverArtifacts)
    .where(and(eq(handoverArtifacts.packageId, packageId), eq(handoverArtifacts.kind, kind)))
    .orderBy(desc(handoverArtifacts.version))
    .limit(1);
  return row?.body ?? null;
}

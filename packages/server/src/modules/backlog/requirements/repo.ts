// Requirement rows: one per requirement and product, kept across PRD versions (identity: stories/identity.ts).
import type { Priority } from '@pi-studio/core/stories/priority';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../../db/client.ts';
import { requirements, storyRequirements, type TextChange } from '../../../db/schema/backlog.ts';
import { documentVersions } from '../../../db/schema/documents.ts';

export type VersionRefRecord = { id: string; major: number; minor: number };

export type RequirementRecord = {
  id: string;
  key: string;
  generated: boolean;
  kind: 'functional' | 'nfr';
  text: string;
  priority: Priority | null;
  acceptance: string[];
  line: number;
  section: string;
  documentId: string;
  firstSeenIn: VersionRefRecord;
  lastSeenIn: VersionRefRecord;
  removedIn: VersionRefRecord | null;
  textHistory: TextChange[];
  storyCount: number;
};

const firstSeen = alias(documentVersions, 'first_seen');
const lastSeen = alias(documentVersions, 'last_seen');
const removedIn = alias(documentVersions, 'removed_in');

const storyCount = sql<
  number | string
>`(select count(*) from ${storyRequirements} where ${storyRequirements.requirementId} = ${requirements.id})`;

/** Every requirement of a product, those still in the PRD first, in the order of the PRD. */
export async function listRequirements(db: Executor, productId: string): Promise<RequirementRecord[]> {
  const rows = await db
    .select({
      id: requirements.id,
      key: requirements.reqKey,
      generated: requirements.generated,
      kind: requirements.kind,
      text: requirements.text,
      priority: requirements.priority,
      acceptance: requirements.acceptance,
      line: requirements.line,
      section: requirements.section,
      documentId: requirements.documentId,
      textHistory: requirements.textHistory,
      firstId: firstSeen.id,
      firstMajor: firstSeen.major,
      firstMinor: firstSeen.minor,
      lastId: lastSeen.id,
      lastMajor: lastSeen.major,
      lastMinor: lastSeen.minor,
      removedId: removedIn.id,
      removedMajor: removedIn.major,
      removedMinor: removedIn.minor,
      storyCount,
    })
    .from(requirements)
    .innerJoin(firstSeen, eq(firstSeen.id, requirements.firstSeenVersionId))
    .innerJoin(lastSeen, eq(lastSeen.id, requirements.lastSeenVersionId))
    .leftJoin(removedIn, eq(removedIn.id, requirements.removedInVersionId))
    .where(eq(requirements.productId, productId))
    .orderBy(sql`${requirements.removedInVersionId} is not null`, asc(requirements.line), asc(requirements.reqKey));
  return rows.map((r) => ({
    id: r.id,
    key: r.key,
    generated: r.generated,
    kind: r.kind === 'nfr' ? 'nfr' : 'functional',
    text: r.text,
    priority: r.priority as Priority | null,
    acceptance: r.acceptance,
    line: r.line,
    section: r.section,
    documentId: r.documentId,
    textHistory: r.textHistory,
    firstSeenIn: { id: r.firstId, major: r.firstMajor, minor: r.firstMinor },
    lastSeenIn: { id: r.lastId, major: r.lastMajor, minor: r.lastMinor },
    removedIn:
      r.removedId !== null && r.removedMajor !== null && r.removedMinor !== null
        ? { id: r.removedId, major: r.removedMajor, minor: r.removedMinor }
        : null,
    storyCount: Number(r.storyCount),
  }));
}

export type RequirementValues = {
  key: string;
  generated: boolean;
  kind: string;
  text: string;
  priority: string | null;
  acceptance: string[];
  line: number;
  section: string;
};

export async function insertRequirement(
  tx: Executor,
  v: RequirementValues & { productId: string; documentId: string; versionId: string; textHistory: TextChange[] },
): Promise<void> {
  await tx.insert(requirements).values({
    productId: v.productId,
    documentId: v.documentId,
    reqKey: v.key,
    kind: v.kind,
    text: v.text,
    priority: v.priority,
    acceptance: v.acceptance,
    generated: v.generated,
    line: v.line,
    section: v.section,
    firstSeenVersionId: v.versionId,
    lastSeenVersionId: v.versionId,
    textHistory: v.textHistory,
  });
}

/** Seen again in `versionId`: its current text and place, and back in the PRD if it had been removed. */
export async function updateRequirement(
  tx: Executor,
  id: string,
  v: RequirementValues & { documentId: string; versionId: string; textHistory: TextChange[]; at: Date },
): Promise<void> {
  await tx
    .update(requirements)
    .set({
      reqKey: v.key,
      documentId: v.documentId,
      kind: v.kind,
      text: v.text,
      priority: v.priority,
      acceptance: v.acceptance,
      generated: v.generated,
      line: v.line,
      section: v.section,
      lastSeenVersionId: v.versionId,
      removedInVersionId: null,
      textHistory: v.textHistory,
      updatedAt: v.at,
    })
    .where(eq(requirements.id, id));
}

export async function markRemoved(tx: Executor, ids: string[], versionId: string, at: Date): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .update(requirements)
    .set({ removedInVersionId: versionId, updatedAt: at })
    .where(inArray(requirements.id, ids));
}

/** A stored requirement in the extractor's shape, with its row id. */
const EXTRACTED_COLUMNS = {
  rowId: requirements.id,
  id: requirements.reqKey,
  generated: requirements.generated,
  kind: requirements.kind,
  text: requirements.text,
  priority: requirements.priority,
  acceptance: requirements.acceptance,
  line: requirements.line,
  section: requirements.section,
};

/** The stored requirements as the extractor's shape, with their row ids (every one, removed ones too). */
export async function storedRequirements(tx: Executor, productId: string) {
  return tx
    .select({
      ...EXTRACTED_COLUMNS,
      removedInVersionId: requirements.removedInVersionId,
      textHistory: requirements.textHistory,
    })
    .from(requirements)
    .where(eq(requirements.productId, productId));
}

/** The requirements of `productId` among `ids` (a story's links are checked against them). */
export async function findRequirements(
  db: Executor,
  productId: string,
  ids: readonly string[],
): Promise<{ id: string; key: string; removed: boolean }[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: requirements.id, key: requirements.reqKey, removedIn: requirements.removedInVersionId })
    .from(requirements)
    .where(and(eq(requirements.productId, productId), inArray(requirements.id, [...ids])));
  return rows.map((r) => ({ id: r.id, key: r.key, removed: r.removedIn !== null }));
}

/**
 * Requirements still in the PRD that drafts are made for: `ids` when given (of this product, else left out — the
 * service checks them first), else every one no story is linked to. In PRD order.
 */
export async function draftableRequirements(tx: Executor, productId: string, ids?: readonly string[]) {
  const where = [eq(requirements.productId, productId), isNull(requirements.removedInVersionId)];
  if (ids) where.push(inArray(requirements.id, [...ids]));
  else {
    where.push(
      sql`not exists (select 1 from ${storyRequirements} where ${storyRequirements.requirementId} = ${requirements.id})`,
    );
  }
  return tx
    .select(EXTRACTED_COLUMNS)
    .from(requirements)
    .where(and(...where))
    .orderBy(asc(requirements.line), asc(requirements.reqKey));
}

// The sign-off queries: the records of a product's chain, the counter row that numbers them (and serialises the
// chain: the upsert holds the row until commit), the stories a sign-off covers, and the evidence files.
import type { SignedStory, SignoffRecord, StoryContent } from '@pi-studio/core/signoff/chain';
import { and, asc, desc, eq, gt, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { stories } from '../../db/schema/backlog.ts';
import { uatAttachments, uatCases, uatCounters, uatSessions, uatSignoffs } from '../../db/schema/uat.ts';
import { products } from '../../db/schema/workspace.ts';
import { type AttachmentMeta, attachmentMetaColumns, attachmentOrder, type NewAttachment } from '../uat/repo.ts';

export type StoredSignoff = SignoffRecord & {
  recordHash: string;
  session: { id: string; key: string; title: string } | null;
};

export type SessionRow = {
  id: string;
  key: string;
  title: string;
  buildVersion: string;
  status: string;
  participants: { name: string; role: string }[];
  startedAt: Date | null;
  closedAt: Date | null;
};

export type StoryRow = StoryContent & { id: string; key: string; number: number; revision: number };

const sessionColumns = {
  id: uatSessions.id,
  key: uatSessions.key,
  title: uatSessions.title,
  buildVersion: uatSessions.buildVersion,
  status: uatSessions.status,
  participants: uatSessions.participants,
  startedAt: uatSessions.startedAt,
  closedAt: uatSessions.closedAt,
};

export async function findSession(
  db: Executor,
  productId: string,
  by: { id: string } | { key: string },
): Promise<SessionRow | null> {
  const match = 'id' in by ? eq(uatSessions.id, by.id) : eq(uatSessions.key, by.key);
  const [row] = await db
    .select(sessionColumns)
    .from(uatSessions)
    .where(and(eq(uatSessions.productId, productId), match));
  return row ?? null;
}

/** The current build: the build version of the product's latest UAT session (the highest session number). */
export async function currentBuild(db: Executor, productId: string): Promise<string | null> {
  const [row] = await db
    .select({ buildVersion: uatSessions.buildVersion })
    .from(uatSessions)
    .where(eq(uatSessions.productId, productId))
    .orderBy(desc(uatSessions.number))
    .limit(1);
  return row?.buildVersion ?? null;
}

const storyColumns = {
  id: stories.id,
  key: stories.key,
  number: stories.number,
  revision: stories.revision,
  title: stories.title,
  narrative: stories.narrative,
  acceptance: stories.acceptance,
  type: stories.type,
  priority: stories.priority,
};

/** The stories the session's cases test (cases written by hand without a story add none), by number. */
export async function sessionStories(db: Executor, sessionId: string): Promise<StoryRow[]> {
  return db
    .selectDistinct(storyColumns)
    .from(uatCases)
    .innerJoin(stories, eq(stories.id, uatCases.storyId))
    .where(eq(uatCases.sessionId, sessionId))
    .orderBy(asc(stories.number));
}

/** A release covers the product's done stories and bugs, by number. */
export async function doneStories(db: Executor, productId: string): Promise<StoryRow[]> {
  return db
    .select(storyColumns)
    .from(stories)
    .where(and(eq(stories.productId, productId), eq(stories.status, 'done')))
    .orderBy(asc(stories.number));
}

export async function storiesByKeys(db: Executor, productId: string, keys: readonly string[]): Promise<StoryRow[]> {
  if (keys.length === 0) return [];
  return db
    .select(storyColumns)
    .from(stories)
    .where(and(eq(stories.productId, productId), inArray(stories.key, [...keys])));
}

/** The next sign-off number; the counter row stays locked until the transaction ends, so one chain grows at a time. */
export async function takeSignoffNumber(tx: Executor, productId: string): Promise<number> {
  const [row] = await tx
    .insert(uatCounters)
    .values({ productId, lastSignoffNumber: 1 })
    .onConflictDoUpdate({
      target: uatCounters.productId,
      set: { lastSignoffNumber: sql`${uatCounters.lastSignoffNumber} + 1` },
    })
    .returning({ n: uatCounters.lastSignoffNumber });
  if (!row) throw new Error('sign-off counter returned nothing');
  return row.n;
}

/** The number the product's last sign-off took (0 for none). */
export async function lastSignoffNumber(db: Executor, productId: string): Promise<number> {
  const [row] = await db
    .select({ n: uatCounters.lastSignoffNumber })
    .from(uatCounters)
    .where(eq(uatCounters.productId, productId));
  return row?.n ?? 0;
}

/** The record hash at the head of the product's chain, or null for an empty chain. */
export async function chainHead(tx: Executor, productId: string): Promise<string | null> {
  const [row] = await tx
    .select({ recordHash: uatSignoffs.recordHash })
    .from(uatSignoffs)
    .where(eq(uatSignoffs.productId, productId))
    .orderBy(desc(uatSignoffs.number))
    .limit(1);
  return row?.recordHash ?? null;
}

/** The record is stored as it was hashed: one column per field (core/signoff/chain.ts `recordText`). */
export async function insertSignoff(tx: Executor, r: SignoffRecord & { recordHash: string }): Promise<void> {
  await tx.insert(uatSignoffs).values({ ...r, signedStories: r.signedStories as SignedStory[] });
}

const signoffColumns = {
  id: uatSignoffs.id,
  productId: uatSignoffs.productId,
  number: uatSignoffs.number,
  key: uatSignoffs.key,
  scope: uatSignoffs.scope,
  sessionId: uatSignoffs.sessionId,
  buildVersion: uatSignoffs.buildVersion,
  decision: uatSignoffs.decision,
  conditions: uatSignoffs.conditions,
  signedStories: uatSignoffs.signedStories,
  contentHash: uatSignoffs.contentHash,
  signerId: uatSignoffs.signerId,
  signerName: uatSignoffs.signerName,
  signedAt: uatSignoffs.signedAt,
  prevHash: uatSignoffs.prevHash,
  recordHash: uatSignoffs.recordHash,
  sessionKey: uatSessions.key,
  sessionTitle: uatSessions.title,
};

type SignoffJoinRow = Omit<StoredSignoff, 'session'> & { sessionKey: string | null; sessionTitle: string | null };

const toStored = ({ sessionKey, sessionTitle, ...r }: SignoffJoinRow): StoredSignoff => ({
  ...r,
  session: r.sessionId && sessionKey !== null ? { id: r.sessionId, key: sessionKey, title: sessionTitle ?? '' } : null,
});

/** The product's sign-offs in chain order; `where` narrows them (one key, one session). */
export async function listSignoffs(
  db: Executor,
  productId: string,
  where: { key?: string; sessionId?: string; buildVersion?: string } = {},
): Promise<StoredSignoff[]> {
  const filters = [eq(uatSignoffs.productId, productId)];
  if (where.key !== undefined) filters.push(eq(uatSignoffs.key, where.key));
  if (where.sessionId !== undefined) filters.push(eq(uatSignoffs.sessionId, where.sessionId));
  if (where.buildVersion !== undefined) filters.push(eq(uatSignoffs.buildVersion, where.buildVersion));
  const rows = await db
    .select(signoffColumns)
    .from(uatSignoffs)
    .leftJoin(uatSessions, eq(uatSessions.id, uatSignoffs.sessionId))
    .where(and(...filters))
    .orderBy(asc(uatSignoffs.number));
  return rows.map(toStored);
}

/** Products with a sign-off chain (records, or a counter that says records were made). */
export async function productsWithSignoffs(db: Executor): Promise<{ id: string; code: string }[]> {
  return db
    .select({ id: products.id, code: products.code })
    .from(products)
    .where(
      sql`${products.id} in (select ${uatSignoffs.productId} from ${uatSignoffs}) or ${products.id} in (select ${uatCounters.productId} from ${uatCounters} where ${gt(uatCounters.lastSignoffNumber, 0)})`,
    )
    .orderBy(asc(products.code));
}

// ---- Evidence ----

export type EvidenceRow = AttachmentMeta & { signoffId: string };

const evidenceColumns = {
  id: uatAttachments.id,
  signoffId: uatAttachments.signoffId,
  ...attachmentMetaColumns,
};

const ofSignoffs = (signoffIds: readonly string[]) =>
  and(isNotNull(uatAttachments.signoffId), inArray(uatAttachments.signoffId, [...signoffIds]));

/** The evidence of these sign-offs (metadata only), oldest first. */
export async function evidenceOf(db: Executor, signoffIds: readonly string[]): Promise<EvidenceRow[]> {
  if (signoffIds.length === 0) return [];
  const rows = await db
    .select(evidenceColumns)
    .from(uatAttachments)
    .where(ofSignoffs(signoffIds))
    .orderBy(...attachmentOrder);
  return rows.map((r) => ({ ...r, signoffId: r.signoffId as string }));
}

/** The stored sha256 beside the one the database computes over the stored bytes now (they differ when altered). */
export async function evidenceDigests(
  db: Executor,
  signoffIds: readonly string[],
): Promise<(EvidenceRow & { actualSha256: string })[]> {
  if (signoffIds.length === 0) return [];
  const rows = await db
    .select({ ...evidenceColumns, actualSha256: sql<string>`encode(sha256(${uatAttachments.bytes}), 'hex')` })
    .from(uatAttachments)
    .where(ofSignoffs(signoffIds))
    .orderBy(...attachmentOrder);
  return rows.map((r) => ({ ...r, signoffId: r.signoffId as string }));
}

export async function insertEvidence(tx: Executor, e: NewAttachment & { signoffId: string }): Promise<string> {
  const [row] = await tx
    .insert(uatAttachments)
    .values({
      productId: e.productId,
      signoffId: e.signoffId,
      fileName: e.fileName,
      mediaType: e.mediaType,
      size: e.bytes.length,
      sha256: e.sha256,
      bytes: e.bytes,
      uploadedByName: e.uploadedByName,
      uploadedBy: e.uploadedBy,
      createdAt: e.at,
    })
    .returning({ id: uatAttachments.id });
  if (!row) throw new Error('evidence insert returned nothing');
  return row.id;
}

export async function evidenceFile(
  db: Executor,
  signoffId: string,
  id: string,
): Promise<{ fileName: string; mediaType: string; bytes: Uint8Array } | null> {
  const [row] = await db
    .select({ fileName: uatAttachments.fileName, mediaType: uatAttachments.mediaType, bytes: uatAttachments.bytes })
    .from(uatAttachments)
    .where(and(eq(uatAttachments.signoffId, signoffId), eq(uatAttachments.id, id)));
  return row ?? null;
}

// Feedback rows: numbering per product, the keyset-paged list (newest first), the summary's counts, and the triage
// updates. Rows never leave the service: each query answers FeedbackRecord, a domain type.
import type { FeedbackSource, FeedbackStatus } from '@pi-studio/core/contract/feedback';
import { and, desc, eq, inArray, lt, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.ts';
import { users } from '../../db/schema/accounts.ts';
import { feedbackCounters, feedbackItems, type StoredProvenance } from '../../db/schema/feedback.ts';

export type { StoredProvenance };

export type Person = { id: string; name: string; email: string };

export type FeedbackRecord = {
  id: string;
  productId: string;
  number: number;
  key: string;
  text: string;
  author: string;
  source: FeedbackSource;
  status: FeedbackStatus;
  provenance: StoredProvenance[];
  createdAt: Date;
  createdBy: Person | null;
  triagedAt: Date | null;
  triagedBy: Person | null;
  story: { key: string; type: 'story' | 'bug' } | null;
  duplicateOf: string | null;
  declineReason: string | null;
  clarification: { id: string; sprintId: string } | null;
};

const creator = alias(users, 'creator');
const triager = alias(users, 'triager');

const columns = {
  id: feedbackItems.id,
  productId: feedbackItems.productId,
  number: feedbackItems.number,
  key: feedbackItems.key,
  text: feedbackItems.text,
  author: feedbackItems.authorName,
  source: feedbackItems.source,
  status: feedbackItems.status,
  provenance: feedbackItems.provenance,
  createdAt: feedbackItems.createdAt,
  triagedAt: feedbackItems.triagedAt,
  storyKey: feedbackItems.storyKey,
  storyType: feedbackItems.storyType,
  duplicateOfKey: feedbackItems.duplicateOfKey,
  declineReason: feedbackItems.declineReason,
  clarificationId: feedbackItems.clarificationId,
  clarificationSprintId: feedbackItems.clarificationSprintId,
  creatorId: creator.id,
  creatorName: creator.name,
  creatorEmail: creator.email,
  triagerId: triager.id,
  triagerName: triager.name,
  triagerEmail: triager.email,
};

function itemQuery(db: Executor) {
  return db
    .select(columns)
    .from(feedbackItems)
    .leftJoin(creator, eq(creator.id, feedbackItems.createdBy))
    .leftJoin(triager, eq(triager.id, feedbackItems.triagedBy));
}

type Row = Awaited<ReturnType<ReturnType<typeof itemQuery>['execute']>>[number];

const person = (id: string | null, name: string | null, email: string | null): Person | null =>
  id ? { id, name: name ?? '', email: email ?? '' } : null;

function toRecord(r: Row): FeedbackRecord {
  return {
    id: r.id,
    productId: r.productId,
    number: r.number,
    key: r.key,
    text: r.text,
    author: r.author,
    source: r.source as FeedbackSource,
    status: r.status as FeedbackStatus,
    provenance: r.provenance,
    createdAt: r.createdAt,
    createdBy: person(r.creatorId, r.creatorName, r.creatorEmail),
    triagedAt: r.triagedAt,
    triagedBy: person(r.triagerId, r.triagerName, r.triagerEmail),
    story: r.storyKey ? { key: r.storyKey, type: r.storyType === 'bug' ? 'bug' : 'story' } : null,
    duplicateOf: r.duplicateOfKey,
    declineReason: r.declineReason,
    clarification:
      r.clarificationId && r.clarificationSprintId
        ? { id: r.clarificationId, sprintId: r.clarificationSprintId }
        : null,
  };
}

/** Locks the product's feedback numbering until the transaction ends. */
export async function lockFeedback(tx: Executor, productId: string): Promise<void> {
  await tx.insert(feedbackCounters).values({ productId }).onConflictDoNothing();
  await tx.select().from(feedbackCounters).where(eq(feedbackCounters.productId, productId)).for('update');
}

/** Takes `count` numbers at once; answers the first. Numbers are never given twice. */
export async function takeNumbers(tx: Executor, productId: string, count: number): Promise<number> {
  const [row] = await tx
    .insert(feedbackCounters)
    .values({ productId, lastNumber: count })
    .onConflictDoUpdate({
      target: feedbackCounters.productId,
      set: { lastNumber: sql`${feedbackCounters.lastNumber} + ${count}` },
    })
    .returning({ n: feedbackCounters.lastNumber });
  if (!row) throw new Error('feedback counter returned nothing');
  return row.n - count + 1;
}

export type NewItem = {
  productId: string;
  number: number;
  key: string;
  text: string;
  author: string;
  source: FeedbackSource;
  provenance: StoredProvenance[];
  createdBy: string | null;
  at: Date;
};

/** Inserts the items in one statement; answers their ids in the same order. */
export async function insertItems(tx: Executor, items: readonly NewItem[]): Promise<string[]> {
  if (items.length === 0) return [];
  const ids: string[] = [];
  // Chunks keep each statement's parameters well under the drivers' limit (65,535).
  for (let i = 0; i < items.length; i += 1000) {
    const rows = await tx
      .insert(feedbackItems)
      .values(
        items.slice(i, i + 1000).map((v) => ({
          productId: v.productId,
          number: v.number,
          key: v.key,
          text: v.text,
          authorName: v.author,
          source: v.source,
          provenance: v.provenance,
          createdBy: v.createdBy,
          createdAt: v.at,
        })),
      )
      .returning({ id: feedbackItems.id, number: feedbackItems.number });
    const byNumber = new Map(rows.map((r) => [r.number, r.id]));
    for (const v of items.slice(i, i + 1000)) ids.push(byNumber.get(v.number) as string);
  }
  return ids;
}

export type ItemFilter = {
  productId: string;
  status?: FeedbackStatus;
  source?: FeedbackSource;
  /** Numbers below this one (the previous page's last). */
  before?: number;
  limit: number;
};

export async function listItems(db: Executor, f: ItemFilter): Promise<FeedbackRecord[]> {
  const where: SQL[] = [eq(feedbackItems.productId, f.productId)];
  if (f.status) where.push(eq(feedbackItems.status, f.status));
  if (f.source) where.push(eq(feedbackItems.source, f.source));
  if (f.before !== undefined) where.push(lt(feedbackItems.number, f.before));
  const rows = await itemQuery(db)
    .where(and(...where))
    .orderBy(desc(feedbackItems.number))
    .limit(f.limit);
  return rows.map(toRecord);
}

export async function findItemsByIds(db: Executor, ids: readonly string[]): Promise<FeedbackRecord[]> {
  if (ids.length === 0) return [];
  const rows = await itemQuery(db).where(inArray(feedbackItems.id, [...ids]));
  const byId = new Map(rows.map((r) => [r.id, toRecord(r)]));
  return ids.map((id) => byId.get(id)).filter((r): r is FeedbackRecord => r !== undefined);
}

/** The items of a product with these keys (locked for update inside a transaction when `lock`). */
export async function findItemsByKeys(
  db: Executor,
  productId: string,
  keys: readonly string[],
  opts: { lock?: boolean } = {},
): Promise<FeedbackRecord[]> {
  if (keys.length === 0) return [];
  const q = itemQuery(db).where(and(eq(feedbackItems.productId, productId), inArray(feedbackItems.key, [...keys])));
  const rows = opts.lock ? await q.orderBy(feedbackItems.number).for('update', { of: feedbackItems }) : await q;
  return rows.map(toRecord);
}

/** Texts of the product's open items (not declined, not a duplicate), newest first: what near duplicates are sought among. */
export async function openTexts(db: Executor, productId: string, limit: number) {
  return db
    .select({ key: feedbackItems.key, text: feedbackItems.text })
    .from(feedbackItems)
    .where(
      and(eq(feedbackItems.productId, productId), inArray(feedbackItems.status, ['new', 'accepted', 'clarification'])),
    )
    .orderBy(desc(feedbackItems.number))
    .limit(limit);
}

export type TriageValues = {
  status: Exclude<FeedbackStatus, 'new'>;
  triagedBy: string | null;
  at: Date;
  storyId?: string;
  storyKey?: string;
  storyType?: 'story' | 'bug';
  duplicateOfKey?: string;
  declineReason?: string;
  clarificationId?: string;
  clarificationSprintId?: string;
};

/** Records a triage decision on items still open to one; answers the ids that changed. */
export async function triageItems(
  tx: Executor,
  ids: readonly string[],
  from: readonly FeedbackStatus[],
  v: TriageValues,
): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await tx
    .update(feedbackItems)
    .set({
      status: v.status,
      triagedAt: v.at,
      triagedBy: v.triagedBy,
      ...(v.storyId ? { storyId: v.storyId, storyKey: v.storyKey, storyType: v.storyType } : {}),
      ...(v.duplicateOfKey ? { duplicateOfKey: v.duplicateOfKey } : {}),
      ...(v.declineReason ? { declineReason: v.declineReason } : {}),
      ...(v.clarificationId
        ? { clarificationId: v.clarificationId, clarificationSprintId: v.clarificationSprintId }
        : {}),
    })
    .where(and(inArray(feedbackItems.id, [...ids]), inArray(feedbackItems.status, [...from])))
    .returning({ id: feedbackItems.id });
  return rows.map((r) => r.id);
}

/** Appends provenance entries to an item (a duplicate merged into it). */
export async function appendProvenance(tx: Executor, id: string, entries: readonly StoredProvenance[]): Promise<void> {
  if (entries.length === 0) return;
  await tx
    .update(feedbackItems)
    .set({ provenance: sql`${feedbackItems.provenance} || ${JSON.stringify(entries)}::jsonb` })
    .where(eq(feedbackItems.id, id));
}

export type SummaryCounts = {
  byStatus: { status: string; n: number }[];
  bySource: { source: string; n: number }[];
  /** Untriaged items' arrival times. */
  untriaged: { under2: number; from2To7: number; over7: number; oldest: Date | null };
};

/** Counted by the database; the age buckets compare arrival times with `now` (the service's clock). */
export async function summaryCounts(db: Executor, productId: string, now: Date): Promise<SummaryCounts> {
  const mine = eq(feedbackItems.productId, productId);
  const n = sql<number>`count(*)::int`;
  const byStatus = await db
    .select({ status: feedbackItems.status, n })
    .from(feedbackItems)
    .where(mine)
    .groupBy(feedbackItems.status);
  const bySource = await db
    .select({ source: feedbackItems.source, n })
    .from(feedbackItems)
    .where(mine)
    .groupBy(feedbackItems.source);
  const day = 86_400_000;
  const twoDaysAgo = new Date(now.getTime() - 2 * day);
  const eightDaysAgo = new Date(now.getTime() - 8 * day);
  const [ages] = await db
    .select({
      under2: sql<number>`count(*) filter (where ${feedbackItems.createdAt} > ${twoDaysAgo})::int`,
      over7: sql<number>`count(*) filter (where ${feedbackItems.createdAt} <= ${eightDaysAgo})::int`,
      total: n,
      oldest: sql<string | null>`min(${feedbackItems.createdAt})`,
    })
    .from(feedbackItems)
    .where(and(mine, eq(feedbackItems.status, 'new')));
  const total = ages?.total ?? 0;
  const under2 = ages?.under2 ?? 0;
  const over7 = ages?.over7 ?? 0;
  return {
    byStatus,
    bySource,
    untriaged: {
      under2,
      from2To7: total - under2 - over7,
      over7,
      oldest: ages?.oldest ? new Date(ages.oldest) : null,
    },
  };
}

// The feedback backlog of a product (issue #13): items submitted from the in-app form or the API (the source is how
// the caller signed in), listed newest first with their age while they wait, and summarised; triage is triage.ts.
// Each change is one transaction with its audit event.
import type {
  FeedbackItem,
  FeedbackPage,
  FeedbackQuery,
  FeedbackStatus,
  FeedbackSubmitBody,
  FeedbackSubmitted,
  FeedbackSummary,
} from '@pi-studio/core/contract/feedback';
import { FEEDBACK_SOURCES, FEEDBACK_STATUSES } from '@pi-studio/core/contract/feedback';
import { ageDays } from '@pi-studio/core/feedback/ageing';
import { SimilarityIndex } from '@pi-studio/core/feedback/similar';
import type { Executor } from '../../db/client.ts';
import type { UseCaseCtx } from '../../use-case/context.ts';
import { writeAudit } from '../audit/writer.ts';
import { type FeedbackProduct, feedbackProduct } from './policy.ts';
import { presentItem } from './presenters.ts';
import {
  findItemsByIds,
  insertItems,
  listItems,
  lockFeedback,
  openTexts,
  type StoredProvenance,
  summaryCounts,
  takeNumbers,
} from './repo.ts';

/** Near duplicates are sought among this many of the product's newest open items. */
export const SIMILAR_POOL = 5000;

export const feedbackKey = (productCode: string, n: number) => `${productCode}-FB-${n}`;

/** The open items of a product, indexed for near-duplicate look-ups. */
export async function similarityIndex(db: Executor, productId: string): Promise<SimilarityIndex> {
  return new SimilarityIndex(await openTexts(db, productId, SIMILAR_POOL));
}

export async function submitFeedback(
  ctx: UseCaseCtx,
  code: string,
  body: FeedbackSubmitBody,
): Promise<FeedbackSubmitted> {
  const product = await feedbackProduct(ctx, code, 'feedback.submit');
  const actor = ctx.actor;
  return addFeedback(ctx, product, {
    text: body.text,
    author: body.author ?? actor?.name ?? 'unknown',
    source: actor?.via === 'token' ? 'api' : 'form',
    createdBy: actor?.userId ?? null,
    messageRef: null,
  });
}

export type NewFeedback = {
  text: string;
  author: string;
  source: 'form' | 'api' | 'guest';
  createdBy: string | null;
  /** Where it was given, when that is not the form or the API (a guest's UAT session). */
  messageRef: string | null;
};

/** One feedback item for a product the caller may already add to (numbered, audited, near duplicates found). */
export async function addFeedback(
  ctx: UseCaseCtx,
  product: FeedbackProduct,
  input: NewFeedback,
): Promise<FeedbackSubmitted> {
  const { text, author, source, createdBy } = input;
  const db = ctx.deps.db;
  // Sought before the insert, so the new item is not its own near duplicate.
  const similar = (await similarityIndex(db, product.id)).similar(text);
  const id = await db.transaction(async (tx) => {
    await lockFeedback(tx, product.id);
    const number = await takeNumbers(tx, product.id, 1);
    const key = feedbackKey(product.code, number);
    const at = ctx.deps.now();
    const provenance: StoredProvenance = {
      source,
      originalAuthor: author,
      originalTime: at.toISOString(),
      fileHash: null,
      messageRef: input.messageRef,
      importId: null,
    };
    const [created] = await insertItems(tx, [
      {
        productId: product.id,
        number,
        key,
        text,
        author,
        source,
        provenance: [provenance],
        createdBy,
        at,
      },
    ]);
    if (!created) throw new Error('feedback insert returned nothing');
    await writeAudit(tx, ctx.who(), {
      action: 'feedback.submitted',
      targetType: 'feedback',
      targetId: created,
      targetLabel: key,
      subsidiaryId: product.subsidiaryId,
      after: { source, author, text, similar: similar.map((s) => ({ key: s.key, percent: s.percent })) },
    });
    return created;
  });
  return { item: await presentOne(ctx, id), similar };
}

export async function presentOne(ctx: UseCaseCtx, id: string): Promise<FeedbackItem> {
  const [item] = await findItemsByIds(ctx.deps.db, [id]);
  if (!item) throw new Error(`feedback ${id} vanished`);
  return presentItem(item, ctx.deps.now());
}

const INT4_MAX = 2_147_483_647;

export async function feedbackPage(ctx: UseCaseCtx, code: string, q: FeedbackQuery): Promise<FeedbackPage> {
  const product = await feedbackProduct(ctx, code, 'product.read');
  const rows = await listItems(ctx.deps.db, {
    productId: product.id,
    status: q.status,
    source: q.source,
    // Numbers are int4: a larger cursor is simply before the first page's first item.
    before: q.cursor === undefined ? undefined : Math.min(Number(q.cursor), INT4_MAX),
    limit: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  const now = ctx.deps.now();
  return {
    items: page.map((r) => presentItem(r, now)),
    nextCursor: rows.length > q.limit && last ? String(last.number) : null,
  };
}

export async function feedbackSummary(ctx: UseCaseCtx, code: string): Promise<FeedbackSummary> {
  const product = await feedbackProduct(ctx, code, 'product.read');
  const now = ctx.deps.now();
  const counts = await summaryCounts(ctx.deps.db, product.id, now);
  const byStatus = Object.fromEntries(FEEDBACK_STATUSES.map((s) => [s, 0])) as FeedbackSummary['byStatus'];
  for (const row of counts.byStatus) {
    if (row.status in byStatus) byStatus[row.status as FeedbackStatus] = row.n;
  }
  const bySource = Object.fromEntries(FEEDBACK_SOURCES.map((s) => [s, 0])) as FeedbackSummary['bySource'];
  for (const row of counts.bySource) {
    if (row.source in bySource) bySource[row.source as keyof typeof bySource] = row.n;
  }
  const u = counts.untriaged;
  return {
    total: Object.values(byStatus).reduce((a, b) => a + b, 0),
    byStatus,
    bySource,
    untriaged: {
      total: u.under2 + u.from2To7 + u.over7,
      under2Days: u.under2,
      from2To7Days: u.from2To7,
      over7Days: u.over7,
      oldestAgeDays: u.oldest ? ageDays(u.oldest, now) : null,
    },
  };
}

// The feedback backlog of a product (issue #13): items submitted from the in-app form or the API (the source is how
// the caller signed in), listed newest first with their age while they wait, summarised, and triaged — into a story
// or bug through the backlog's story service, as a duplicate of another item (its provenance merged there), as a
// question in a sprint's clarification log, or declined with a reason. Each change is one transaction with its
// audit event; a story or a question is created by the backlog's own service (its transaction and audit event)
// first, and the triage recorded next, only while the item is still untriaged.
import type {
  FeedbackBulkTriageBody,
  FeedbackBulkTriaged,
  FeedbackItem,
  FeedbackPage,
  FeedbackQuery,
  FeedbackStatus,
  FeedbackSubmitBody,
  FeedbackSubmitted,
  FeedbackSummary,
  FeedbackTriageBody,
  FeedbackTriaged,
} from '@pi-studio/core/contract/feedback';
import { FEEDBACK_SOURCES, FEEDBACK_STATUSES } from '@pi-studio/core/contract/feedback';
import { ageDays } from '@pi-studio/core/feedback/ageing';
import { defaultPriority, draftFromFeedback } from '@pi-studio/core/feedback/drafts';
import { matchRequirement } from '@pi-studio/core/feedback/match';
import { SimilarityIndex } from '@pi-studio/core/feedback/similar';
import type { Executor } from '../../db/client.ts';
import type { UseCaseCtx } from '../../use-case/context.ts';
import { Conflict, type InvalidParam, notFound, validationFailed } from '../../use-case/errors.ts';
import { writeAudit } from '../audit/writer.ts';
import { askClarification } from '../backlog/clarifications/service.ts';
import { listRequirements } from '../backlog/requirements/repo.ts';
import { findSprint } from '../backlog/sprints/repo.ts';
import { createStory } from '../backlog/stories/service.ts';
import { type FeedbackProduct, feedbackProduct } from './policy.ts';
import { presentItem } from './presenters.ts';
import {
  appendProvenance,
  type FeedbackRecord,
  findItemsByIds,
  findItemsByKeys,
  insertItems,
  listItems,
  lockFeedback,
  openTexts,
  type StoredProvenance,
  summaryCounts,
  type TriageValues,
  takeNumbers,
  triageItems,
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

async function presentOne(ctx: UseCaseCtx, id: string): Promise<FeedbackItem> {
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

// ---- Triage ----------------------------------------------------------------------------------------------------

/** Statuses a triage decision may leave: new, and clarification (once the question is answered, decide). */
const OPEN: readonly FeedbackStatus[] = ['new', 'clarification'];

const alreadyTriaged = (item: FeedbackRecord, field = 'path.key') =>
  new Conflict('already_triaged', `${item.key} was triaged already (${item.status})`, [
    { name: field, reason: `${item.key} is ${item.status}` },
  ]);

async function itemOf(db: Executor, product: FeedbackProduct, key: string, lock = false): Promise<FeedbackRecord> {
  const [item] = await findItemsByKeys(db, product.id, [key], { lock });
  if (!item) throw notFound(`feedback ${key}`, [{ name: 'path.key', reason: `no feedback ${key} in ${product.code}` }]);
  return item;
}

function canTriage(item: FeedbackRecord, action: FeedbackTriageBody['action']): boolean {
  if (item.status === 'new') return true;
  return item.status === 'clarification' && action !== 'clarification';
}

/** The audit `before`/`after` and the update of one triage decision, in the caller's transaction. */
async function recordTriage(
  ctx: UseCaseCtx,
  tx: Executor,
  product: FeedbackProduct,
  items: readonly FeedbackRecord[],
  values: Omit<TriageValues, 'triagedBy' | 'at'>,
  detail: Record<string, unknown>,
): Promise<void> {
  const changed = await triageItems(
    tx,
    items.map((i) => i.id),
    OPEN,
    { ...values, triagedBy: ctx.actor?.userId ?? null, at: ctx.deps.now() },
  );
  if (changed.length !== items.length) {
    const lost = items.find((i) => !changed.includes(i.id)) as FeedbackRecord;
    throw alreadyTriaged(lost);
  }
  const single = items.length === 1 ? items[0] : undefined;
  await writeAudit(tx, ctx.who(), {
    action: 'feedback.triaged',
    targetType: single ? 'feedback' : 'product',
    targetId: single ? single.id : product.id,
    targetLabel: single ? single.key : product.code,
    subsidiaryId: product.subsidiaryId,
    before: { items: items.map((i) => ({ key: i.key, status: i.status })) },
    after: { status: values.status, ...detail },
  });
}

/** Everything a duplicate decision checks: the original exists, is another item, and its root is used. */
async function duplicateTarget(
  tx: Executor,
  product: FeedbackProduct,
  of: string,
  keys: ReadonlySet<string>,
): Promise<FeedbackRecord> {
  let [original] = await findItemsByKeys(tx, product.id, [of], { lock: true });
  if (!original) throw validationFailed([{ name: 'of', reason: `no feedback ${of} in ${product.code}` }]);
  // A duplicate of a duplicate is recorded against the item that one repeats, so provenance gathers in one place.
  for (let hops = 0; original.status === 'duplicate' && original.duplicateOf && hops < 10; hops++) {
    const [root] = await findItemsByKeys(tx, product.id, [original.duplicateOf], { lock: true });
    if (!root) break;
    original = root;
  }
  if (keys.has(original.key)) {
    throw validationFailed([{ name: 'of', reason: `${of} cannot be a duplicate of itself` }]);
  }
  return original;
}

export async function triageFeedback(
  ctx: UseCaseCtx,
  code: string,
  key: string,
  body: FeedbackTriageBody,
): Promise<FeedbackTriaged> {
  const product = await feedbackProduct(ctx, code, 'feedback.triage');
  const db = ctx.deps.db;
  const item = await itemOf(db, product, key);
  if (!canTriage(item, body.action)) throw alreadyTriaged(item);

  if (body.action === 'story' || body.action === 'bug') return triageToStory(ctx, product, item, body);

  if (body.action === 'clarification') {
    const sprint = await findSprint(db, product.id, body.sprintId);
    if (!sprint) throw validationFailed([{ name: 'sprintId', reason: `no such sprint in ${product.code}` }]);
    const question = `Feedback ${item.key} from ${item.author}: ${item.text}`;
    const asked = await askClarification(ctx, code, sprint.id, {
      question: question.length > 2000 ? `${question.slice(0, 1999)}…` : question,
    });
    await db.transaction(async (tx) => {
      const locked = await itemOf(tx, product, key, true);
      if (!canTriage(locked, body.action)) throw alreadyTriaged(locked);
      await recordTriage(
        ctx,
        tx,
        product,
        [locked],
        { status: 'clarification', clarificationId: asked.id, clarificationSprintId: sprint.id },
        { sprintId: sprint.id, sprint: sprint.name, clarificationId: asked.id },
      );
    });
    return { item: await presentOne(ctx, item.id), story: null, requirement: null };
  }

  const decision = body.action === 'decline' || body.action === 'duplicate' ? body : null;
  if (!decision) throw new Error(`unhandled triage action ${body.action}`);
  await db.transaction(async (tx) => {
    const locked = await itemOf(tx, product, key, true);
    if (!canTriage(locked, decision.action)) throw alreadyTriaged(locked);
    if (decision.action === 'decline') {
      await recordTriage(
        ctx,
        tx,
        product,
        [locked],
        { status: 'declined', declineReason: decision.reason },
        {
          reason: decision.reason,
        },
      );
      return;
    }
    const original = await duplicateTarget(tx, product, decision.of, new Set([locked.key]));
    await recordTriage(
      ctx,
      tx,
      product,
      [locked],
      { status: 'duplicate', duplicateOfKey: original.key },
      {
        of: original.key,
      },
    );
    await appendProvenance(tx, original.id, locked.provenance);
  });
  return { item: await presentOne(ctx, item.id), story: null, requirement: null };
}

async function triageToStory(
  ctx: UseCaseCtx,
  product: FeedbackProduct,
  item: FeedbackRecord,
  body: Extract<FeedbackTriageBody, { action: 'story' | 'bug' }>,
): Promise<FeedbackTriaged> {
  const db = ctx.deps.db;
  const inPrd = (await listRequirements(db, product.id)).filter((r) => r.removedIn === null);
  let requirement: FeedbackTriaged['requirement'] = null;
  if (body.requirementId) {
    const given = inPrd.find((r) => r.id === body.requirementId);
    if (!given) {
      throw validationFailed([
        { name: 'requirementId', reason: `no requirement with this id in the PRD of ${product.code}` },
      ]);
    }
    requirement = { id: given.id, key: given.key, score: null, shared: [], how: 'given' };
  } else {
    const match = matchRequirement(item.text, inPrd);
    if (match) {
      requirement = {
        id: match.id,
        key: match.key,
        score: Math.round(match.score * 100),
        shared: match.shared,
        how: 'matched',
      };
    }
  }
  const priority = body.priority ?? defaultPriority(inPrd.map((r) => r.priority));
  const draft = draftFromFeedback(item, body.action, priority);
  const story = await createStory(ctx, product.code, {
    type: body.action,
    title: body.title ?? draft.title,
    narrative: draft.narrative,
    acceptance: draft.acceptance,
    priority: draft.priority,
    status: 'backlog',
    estimate: null,
    sprintId: null,
    requirementIds: requirement ? [requirement.id] : [],
  });
  // The story is saved (its own transaction and `story.created`); a triage that lost a race to another one leaves
  // it in the backlog, where it can be deleted (docs/feedback.md, "Triage").
  await db.transaction(async (tx) => {
    const locked = await itemOf(tx, product, item.key, true);
    if (!canTriage(locked, body.action)) throw alreadyTriaged(locked);
    await recordTriage(
      ctx,
      tx,
      product,
      [locked],
      { status: 'accepted', storyId: story.id, storyKey: story.key, storyType: story.type },
      {
        story: story.key,
        type: story.type,
        requirement: requirement ? { key: requirement.key, score: requirement.score, how: requirement.how } : null,
      },
    );
  });
  return {
    item: await presentOne(ctx, item.id),
    story: { key: story.key, type: story.type, title: story.title },
    requirement,
  };
}

/** Many items declined or marked duplicates of one original at once: all of them, or (any problem) none. */
export async function bulkTriage(
  ctx: UseCaseCtx,
  code: string,
  body: FeedbackBulkTriageBody,
): Promise<FeedbackBulkTriaged> {
  const product = await feedbackProduct(ctx, code, 'feedback.triage');
  const db = ctx.deps.db;
  const ids = await db.transaction(async (tx) => {
    const problems: InvalidParam[] = [];
    const seen = new Set<string>();
    body.keys.forEach((k, i) => {
      if (seen.has(k)) problems.push({ name: `keys.${i}`, reason: `${k} is listed twice` });
      seen.add(k);
    });
    const found = new Map((await findItemsByKeys(tx, product.id, [...seen], { lock: true })).map((r) => [r.key, r]));
    body.keys.forEach((k, i) => {
      if (!found.has(k)) problems.push({ name: `keys.${i}`, reason: `no feedback ${k} in ${product.code}` });
    });
    if (problems.length) throw validationFailed(problems);
    const items = body.keys.map((k) => found.get(k) as FeedbackRecord);
    const triaged = body.keys.flatMap((k, i) => {
      const item = found.get(k) as FeedbackRecord;
      return canTriage(item, body.action) ? [] : [{ name: `keys.${i}`, reason: `${k} is ${item.status}` }];
    });
    if (triaged.length) {
      throw new Conflict('already_triaged', `${triaged.length} of the items were triaged already`, triaged);
    }
    if (body.action === 'decline') {
      await recordTriage(
        ctx,
        tx,
        product,
        items,
        { status: 'declined', declineReason: body.reason },
        {
          keys: body.keys,
          reason: body.reason,
        },
      );
    } else {
      const original = await duplicateTarget(tx, product, body.of, seen);
      await recordTriage(
        ctx,
        tx,
        product,
        items,
        { status: 'duplicate', duplicateOfKey: original.key },
        {
          keys: body.keys,
          of: original.key,
        },
      );
      await appendProvenance(
        tx,
        original.id,
        items.flatMap((i) => i.provenance),
      );
    }
    return items.map((i) => i.id);
  });
  const now = ctx.deps.now();
  const items = await findItemsByIds(db, ids);
  return { items: items.map((i) => presentItem(i, now)) };
}

// Triage of the feedback backlog (issue #13): accept an item as a story or bug (through the backlog's story
// service), mark it a duplicate of another item (its provenance merged there), move it to a sprint's clarification
// log as a question, or decline it with a reason — one item or up to 500 at once. A story or a question is created by
// the backlog's own service (its transaction and audit event) first, and the triage recorded next, only while the
// item is still untriaged.
import type {
  FeedbackBulkTriageBody,
  FeedbackBulkTriaged,
  FeedbackStatus,
  FeedbackTriageBody,
  FeedbackTriaged,
} from '@pi-studio/core/contract/feedback';
import { defaultPriority, draftFromFeedback } from '@pi-studio/core/feedback/drafts';
import { matchRequirement } from '@pi-studio/core/feedback/match';
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
  type TriageValues,
  triageItems,
} from './repo.ts';
import { presentOne } from './service.ts';

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

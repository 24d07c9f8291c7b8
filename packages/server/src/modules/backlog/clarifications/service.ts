// The clarification log of a sprint: questions about its work and their answers. Anyone who may change the backlog
// asks while the sprint is planned or active (an ended sprint takes no questions: 409) and answers, once (409
// `already_answered`). Reading needs product.read. Each question and each answer is one audited transaction.
import type {
  Clarification,
  ClarificationAnswerBody,
  ClarificationBody,
  ClarificationList,
} from '@pi-studio/core/contract/backlog';
import type { SprintWindow } from '@pi-studio/core/trace/sprint-metrics';
import type { UseCaseCtx } from '../../../use-case/context.ts';
import { Conflict, conflict, notFound } from '../../../use-case/errors.ts';
import { writeAudit } from '../../audit/writer.ts';
import { backlogProduct } from '../policy.ts';
import type { BacklogProduct } from '../repo.ts';
import type { SprintRecord } from '../sprints/repo.ts';
import { sprintOf } from '../sprints/service.ts';
import { presentClarification } from './presenters.ts';
import {
  answerOnce,
  type ClarificationRecord,
  findClarification,
  insertClarification,
  listClarifications,
  lockSprintStatus,
} from './repo.ts';

const windowOf = (s: SprintRecord): SprintWindow => ({
  startedAt: s.startedAt?.toISOString() ?? null,
  endedAt: s.endedAt?.toISOString() ?? null,
});

export async function clarificationList(ctx: UseCaseCtx, code: string, sprintId: string): Promise<ClarificationList> {
  const product = await backlogProduct(ctx, code, 'product.read');
  const sprint = await sprintOf(ctx, product, sprintId);
  const items = await listClarifications(ctx.deps.db, sprint.id);
  return { items: items.map((c) => presentClarification(c, windowOf(sprint))) };
}

async function presentOne(ctx: UseCaseCtx, product: BacklogProduct, sprintId: string, id: string) {
  // Read after the change: the sprint may have started meanwhile, which `midSprint` reflects.
  const sprint = await sprintOf(ctx, product, sprintId);
  const c = await findClarification(ctx.deps.db, sprintId, id);
  if (!c) throw new Error(`clarification ${id} vanished`);
  return presentClarification(c, windowOf(sprint));
}

const label = (product: BacklogProduct, sprint: SprintRecord) => `${product.code} ${sprint.name}`;

export async function askClarification(
  ctx: UseCaseCtx,
  code: string,
  sprintId: string,
  body: ClarificationBody,
): Promise<Clarification> {
  const product = await backlogProduct(ctx, code, 'backlog.write');
  const sprint = await sprintOf(ctx, product, sprintId);
  const id = await ctx.deps.db.transaction(async (tx) => {
    const status = await lockSprintStatus(tx, sprint.id);
    if (status === null) throw notFound(`sprint ${sprintId}`);
    if (status === 'ended') {
      throw conflict('sprint_ended', `sprint ${sprint.name} has ended: it takes no more questions`);
    }
    const at = ctx.deps.now();
    const created = await insertClarification(tx, {
      sprintId: sprint.id,
      question: body.question,
      askedBy: ctx.actor?.userId ?? null,
      at,
    });
    await writeAudit(tx, ctx.who(), {
      action: 'sprint.clarification_asked',
      targetType: 'sprint',
      targetId: sprint.id,
      targetLabel: label(product, sprint),
      subsidiaryId: product.subsidiaryId,
      after: { clarificationId: created, question: body.question, sprintStatus: status },
    });
    return created;
  });
  return presentOne(ctx, product, sprint.id, id);
}

async function clarificationOf(
  ctx: UseCaseCtx,
  product: BacklogProduct,
  sprintId: string,
  id: string,
): Promise<ClarificationRecord> {
  const c = await findClarification(ctx.deps.db, sprintId, id);
  if (!c) {
    throw notFound(`clarification ${id}`, [
      { name: 'path.cid', reason: `no such question in this sprint of ${product.code}` },
    ]);
  }
  return c;
}

export async function answerClarification(
  ctx: UseCaseCtx,
  code: string,
  sprintId: string,
  id: string,
  body: ClarificationAnswerBody,
): Promise<Clarification> {
  const product = await backlogProduct(ctx, code, 'backlog.write');
  const sprint = await sprintOf(ctx, product, sprintId);
  const question = await clarificationOf(ctx, product, sprint.id, id);
  const answered = () =>
    new Conflict('already_answered', 'this question was already answered; ask a new one to follow up', [
      { name: 'path.cid', reason: 'already answered' },
    ]);
  if (question.answeredAt) throw answered();
  await ctx.deps.db.transaction(async (tx) => {
    const at = ctx.deps.now();
    // Two answers racing: the conditional update lets exactly one land.
    if (!(await answerOnce(tx, id, { answer: body.answer, answeredBy: ctx.actor?.userId ?? null, at }))) {
      throw answered();
    }
    await writeAudit(tx, ctx.who(), {
      action: 'sprint.clarification_answered',
      targetType: 'sprint',
      targetId: sprint.id,
      targetLabel: label(product, sprint),
      subsidiaryId: product.subsidiaryId,
      after: {
        clarificationId: id,
        answer: body.answer,
        minutesToAnswer: Math.round((at.getTime() - question.askedAt.getTime()) / 6_000) / 10,
      },
    });
  });
  return presentOne(ctx, product, sprint.id, id);
}

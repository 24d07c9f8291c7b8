// What the clarifications API sends, typed by the contract (core/contract/backlog.ts).
import type { Clarification } from '@pi-studio/core/contract/backlog';
import { duringSprint, type SprintWindow } from '@pi-studio/core/trace/sprint-metrics';
import type { ClarificationRecord } from './repo.ts';

export function presentClarification(c: ClarificationRecord, sprint: SprintWindow): Clarification {
  const askedAt = c.askedAt.toISOString();
  return {
    id: c.id,
    sprintId: c.sprintId,
    question: c.question,
    askedBy: c.askedBy,
    askedAt,
    midSprint: duringSprint(sprint, askedAt),
    answer: c.answer,
    answeredBy: c.answeredBy,
    answeredAt: c.answeredAt?.toISOString() ?? null,
  };
}

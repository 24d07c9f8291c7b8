// A sprint's clarification log (issue #12): the questions builders ask about its work and their answers, which feed
// the sprint's "mid-sprint clarifications" metric.
import type { Clarification, ClarificationList } from '@pi-studio/core/contract/backlog';
import { api } from '../../../lib/api.ts';

export type { Clarification };

const base = (code: string, sprintId: string) =>
  `/products/${encodeURIComponent(code)}/sprints/${encodeURIComponent(sprintId)}/clarifications`;

export const fetchClarifications = (code: string, sprintId: string) =>
  api.get<ClarificationList>(base(code, sprintId)).then((r) => r.items);
export const askClarification = (code: string, sprintId: string, question: string) =>
  api.post<Clarification>(base(code, sprintId), { question });
export const answerClarification = (code: string, sprintId: string, id: string, answer: string) =>
  api.post<Clarification>(`${base(code, sprintId)}/${encodeURIComponent(id)}/answer`, { answer });

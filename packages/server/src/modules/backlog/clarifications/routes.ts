import {
  ZClarification,
  ZClarificationAnswerBody,
  ZClarificationBody,
  ZClarificationList,
  ZClarificationParams,
  ZSprintParams,
} from '@pi-studio/core/contract/backlog';
import { defineRoute } from '../../../http/route.ts';
import { answerClarification, askClarification, clarificationList } from './service.ts';

const tag = 'backlog';

export const clarificationRoutes = [
  defineRoute({
    method: 'get',
    path: '/products/:code/sprints/:id/clarifications',
    summary: "A sprint's clarification log: questions about its work and their answers, oldest first",
    tag,
    access: { permission: 'product.read' },
    params: ZSprintParams,
    response: ZClarificationList,
    handler: async (ctx, { params }) => ({ body: await clarificationList(ctx, params.code, params.id) }),
  }),
  defineRoute({
    method: 'post',
    path: '/products/:code/sprints/:id/clarifications',
    summary: 'Ask a question about a planned or active sprint’s work (an ended sprint: 409 sprint_ended)',
    tag,
    access: { permission: 'backlog.write' },
    params: ZSprintParams,
    body: ZClarificationBody,
    response: ZClarification,
    problems: { 409: ['sprint_ended'] },
    handler: async (ctx, { params, body }) => ({ body: await askClarification(ctx, params.code, params.id, body) }),
  }),
  defineRoute({
    method: 'post',
    path: '/products/:code/sprints/:id/clarifications/:cid/answer',
    summary: 'Answer a question, once (409 already_answered)',
    tag,
    access: { permission: 'backlog.write' },
    params: ZClarificationParams,
    body: ZClarificationAnswerBody,
    response: ZClarification,
    problems: { 409: ['already_answered'] },
    successStatus: 200,
    handler: async (ctx, { params, body }) => ({
      body: await answerClarification(ctx, params.code, params.id, params.cid, body),
    }),
  }),
];

import {
  ZUatCase,
  ZUatCaseBody,
  ZUatCaseList,
  ZUatGenerateBody,
  ZUatGenerated,
  ZUatSessionParams,
} from '@pi-studio/core/contract/uat';
import { defineRoute } from '../../../http/route.ts';
import { addCase, caseList, generateCases } from './service.ts';

const tag = 'uat';

export const caseRoutes = [
  defineRoute({
    method: 'get',
    path: '/products/:code/uat/sessions/:key/cases',
    summary: "A session's test cases in order, each with its latest result as status",
    tag,
    access: { permission: 'product.read' },
    params: ZUatSessionParams,
    response: ZUatCaseList,
    handler: async (ctx, { params }) => ({ body: await caseList(ctx, params.code, params.key) }),
  }),
  defineRoute({
    method: 'post',
    path: '/products/:code/uat/sessions/:key/cases/generate',
    summary:
      "Generate test cases from stories' Gherkin (a case per Scenario): the stories named, else the sprint's (the body's or the session's); scenarios already there for the same story revision are not repeated",
    tag,
    access: { permission: 'uat.manage' },
    params: ZUatSessionParams,
    body: ZUatGenerateBody,
    response: ZUatGenerated,
    problems: { 409: ['session_closed'] },
    successStatus: 200,
    handler: async (ctx, { params, body }) => ({ body: await generateCases(ctx, params.code, params.key, body) }),
  }),
  defineRoute({
    method: 'post',
    path: '/products/:code/uat/sessions/:key/cases',
    summary: 'Add a test case by hand (`<PRODUCT>-TC-<n>`), optionally for a story',
    tag,
    access: { permission: 'uat.manage' },
    params: ZUatSessionParams,
    body: ZUatCaseBody,
    response: ZUatCase,
    problems: { 409: ['session_closed'] },
    handler: async (ctx, { params, body }) => ({ body: await addCase(ctx, params.code, params.key, body) }),
  }),
];

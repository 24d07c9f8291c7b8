import {
  ZUatSession,
  ZUatSessionBody,
  ZUatSessionList,
  ZUatSessionParams,
  ZUatSessionPatch,
} from '@pi-studio/core/contract/uat';
import { ZCodeParams } from '@pi-studio/core/contract/workspace';
import { defineRoute } from '../../../http/route.ts';
import { sessionEtag } from './presenters.ts';
import { closeSession, createSession, getSession, sessionList, startSession, updateSession } from './service.ts';

const tag = 'uat';
const withEtag = (session: { revision: number }) => ({
  body: session,
  headers: { etag: sessionEtag(session.revision) },
});

export const sessionRoutes = [
  defineRoute({
    method: 'post',
    path: '/products/:code/uat/sessions',
    summary: 'Plan a UAT session (`<PRODUCT>-UAT-<n>`): title, version under test, optional sprint, participants',
    tag,
    access: { permission: 'uat.manage' },
    params: ZCodeParams,
    body: ZUatSessionBody,
    response: ZUatSession,
    handler: async (ctx, { params, body }) => withEtag(await createSession(ctx, params.code, body)),
  }),
  defineRoute({
    method: 'get',
    path: '/products/:code/uat/sessions',
    summary: "The product's UAT sessions, oldest first, each with its case results and open defects counted",
    tag,
    access: { permission: 'product.read' },
    params: ZCodeParams,
    response: ZUatSessionList,
    handler: async (ctx, { params }) => ({ body: await sessionList(ctx, params.code) }),
  }),
  defineRoute({
    method: 'get',
    path: '/products/:code/uat/sessions/:key',
    summary: 'One UAT session with its counts; header `ETag`',
    tag,
    access: { permission: 'product.read' },
    params: ZUatSessionParams,
    response: ZUatSession,
    handler: async (ctx, { params }) => withEtag(await getSession(ctx, params.code, params.key)),
  }),
  defineRoute({
    method: 'patch',
    path: '/products/:code/uat/sessions/:key',
    summary: 'Change a session that is not closed; If-Match optional (stale: 409 stale_version)',
    tag,
    access: { permission: 'uat.manage' },
    params: ZUatSessionParams,
    body: ZUatSessionPatch,
    response: ZUatSession,
    problems: { 409: ['stale_version', 'session_closed'] },
    handler: async (ctx, { params, body }) =>
      withEtag(await updateSession(ctx, params.code, params.key, body, ctx.header('if-match'))),
  }),
  defineRoute({
    method: 'post',
    path: '/products/:code/uat/sessions/:key/start',
    summary: 'Start a planned session: its cases can be run from now on',
    tag,
    access: { permission: 'uat.manage' },
    params: ZUatSessionParams,
    response: ZUatSession,
    problems: { 409: ['stale_version', 'session_not_planned'] },
    successStatus: 200,
    handler: async (ctx, { params }) =>
      withEtag(await startSession(ctx, params.code, params.key, ctx.header('if-match'))),
  }),
  defineRoute({
    method: 'post',
    path: '/products/:code/uat/sessions/:key/close',
    summary: 'Close a running session: it takes no more runs',
    tag,
    access: { permission: 'uat.manage' },
    params: ZUatSessionParams,
    response: ZUatSession,
    problems: { 409: ['stale_version', 'session_not_running'] },
    successStatus: 200,
    handler: async (ctx, { params }) =>
      withEtag(await closeSession(ctx, params.code, params.key, ctx.header('if-match'))),
  }),
];

import {
  ZUatCaseDetail,
  ZUatGuestCaseParams,
  ZUatGuestFeedback,
  ZUatGuestFeedbackBody,
  ZUatGuestFileParams,
  ZUatGuestLink,
  ZUatGuestLinkBody,
  ZUatGuestLinkCreated,
  ZUatGuestLinkList,
  ZUatGuestParams,
  ZUatGuestRunParams,
  ZUatGuestView,
  ZUatIdParams,
  ZUatRunBody,
  ZUatRunRecorded,
  ZUatScreenshot,
  ZUatScreenshotQuery,
  ZUatSessionParams,
} from '@pi-studio/core/contract/uat';
import { z } from 'zod';
import { defineRoute } from '../../../http/route.ts';
import { RUN_PROBLEMS, SCREENSHOT_PROBLEMS } from '../runs/routes.ts';
import { SCREENSHOT_WIRE_LIMIT, screenshotResponse } from '../runs/screenshot-response.ts';
import {
  createGuestLink,
  guestCase,
  guestFeedback,
  guestLinkList,
  guestRun,
  guestScreenshot,
  guestScreenshotFile,
  guestView,
  revokeLink,
} from './service.ts';

const tag = 'uat';
/** Guest routes are public to the route wrapper: the link in the path is the access, checked by the service. */
const GUEST =
  'Authenticated by the guest link token in the path (no account); 401 invalid_guest_link when it is unknown, revoked or expired.';
const guestProblems = { 401: ['invalid_guest_link'] } as const;

export const guestLinkRoutes = [
  defineRoute({
    method: 'post',
    path: '/products/:code/uat/sessions/:key/guest-links',
    summary:
      'Create a guest link for one session (guest name, expiry in days: 7 by default, 30 at most); the token is answered this once',
    tag,
    access: { permission: 'uat.manage' },
    params: ZUatSessionParams,
    body: ZUatGuestLinkBody,
    response: ZUatGuestLinkCreated,
    problems: { 409: ['session_closed'] },
    handler: async (ctx, { params, body }) => ({
      body: await createGuestLink(ctx, params.code, params.key, body),
      headers: { 'cache-control': 'no-store' },
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/products/:code/uat/sessions/:key/guest-links',
    summary: "A session's guest links (never their tokens), with whether each is active, expired or revoked",
    tag,
    access: { permission: 'uat.manage' },
    params: ZUatSessionParams,
    response: ZUatGuestLinkList,
    handler: async (ctx, { params }) => ({ body: await guestLinkList(ctx, params.code, params.key) }),
  }),
  defineRoute({
    method: 'post',
    path: '/products/:code/uat/guest-links/:id/revoke',
    summary: 'Revoke a guest link: it answers 401 from the next request on',
    tag,
    access: { permission: 'uat.manage' },
    params: ZUatIdParams,
    response: ZUatGuestLink,
    successStatus: 200,
    handler: async (ctx, { params }) => ({ body: await revokeLink(ctx, params.code, params.id) }),
  }),
];

export const guestRoutes = [
  defineRoute({
    method: 'get',
    path: '/guest/uat/:token',
    summary: "A guest's view: the link's session, its cases, and the guest's own runs",
    description: GUEST,
    tag,
    access: 'public',
    params: ZUatGuestParams,
    response: ZUatGuestView,
    problems: guestProblems,
    handler: async (ctx, { params }) => ({ body: await guestView(ctx, params.token) }),
  }),
  defineRoute({
    method: 'get',
    path: '/guest/uat/:token/cases/:caseKey',
    summary: "One case of the link's session with the guest's own runs",
    description: GUEST,
    tag,
    access: 'public',
    params: ZUatGuestCaseParams,
    response: ZUatCaseDetail,
    problems: guestProblems,
    handler: async (ctx, { params }) => ({ body: await guestCase(ctx, params.token, params.caseKey) }),
  }),
  defineRoute({
    method: 'post',
    path: '/guest/uat/:token/cases/:caseKey/runs',
    summary: "Record a run as the link's guest (audited as `guest: <name>`)",
    description: GUEST,
    tag,
    access: 'public',
    params: ZUatGuestCaseParams,
    body: ZUatRunBody,
    response: ZUatRunRecorded,
    problems: { ...guestProblems, ...RUN_PROBLEMS },
    handler: async (ctx, { params, body }) => ({
      body: await guestRun(ctx, params.token, params.caseKey, body),
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/guest/uat/:token/runs/:runId/screenshots',
    summary: "Attach a screenshot to one of the guest's own runs (PNG, JPEG or WebP by content, up to 5 MB, 5 per run)",
    description: GUEST,
    tag,
    access: 'public',
    params: ZUatGuestRunParams,
    query: ZUatScreenshotQuery,
    response: ZUatScreenshot,
    rawBodyLimit: SCREENSHOT_WIRE_LIMIT,
    problems: { ...guestProblems, ...SCREENSHOT_PROBLEMS },
    handler: async (ctx, { params, query }) => {
      const bytes = new Uint8Array(await ctx.hono.req.arrayBuffer());
      return { body: await guestScreenshot(ctx, params.token, params.runId, bytes, query.fileName) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/guest/uat/:token/screenshots/:id',
    summary: "Download one of the guest's own screenshots (attachment, nosniff)",
    description: GUEST,
    tag,
    access: 'public',
    params: ZUatGuestFileParams,
    response: z.string(),
    produces: 'image/*',
    problems: guestProblems,
    handler: async (ctx, { params }) => screenshotResponse(await guestScreenshotFile(ctx, params.token, params.id)),
  }),
  defineRoute({
    method: 'post',
    path: '/guest/uat/:token/feedback',
    summary: "Send feedback as the link's guest: it lands in the product's feedback inbox (source guest, audited)",
    description: GUEST,
    tag,
    access: 'public',
    params: ZUatGuestParams,
    body: ZUatGuestFeedbackBody,
    response: ZUatGuestFeedback,
    problems: guestProblems,
    handler: async (ctx, { params, body }) => ({ body: await guestFeedback(ctx, params.token, body) }),
  }),
];

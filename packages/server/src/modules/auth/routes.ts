import { getConnInfo } from '@hono/node-server/conninfo';
import { inArray } from 'drizzle-orm';
import { subsidiaries } from '../../db/schema/workspace.ts';
import { defineRoute, type RequestCtx } from '../../http/route.ts';
import { presentMe, presentToken } from './presenters.ts';
import { ZIdParams, ZLoginBody, ZPasswordBody, ZTokenBody } from './schemas.ts';
import {
  changePassword,
  checkLoginRate,
  createToken,
  listTokens,
  login,
  logout,
  revokeToken,
  SESSION_COOKIE,
} from './service.ts';
import { assertGrantable } from './token-policy.ts';

function sessionCookie(value: string, maxAgeSeconds: number, secure: boolean): string {
  const parts = [`${SESSION_COOKIE}=${value}`, 'Path=/', 'HttpOnly', 'SameSite=Lax', `Max-Age=${maxAgeSeconds}`];
  if (secure) parts.push('Secure');
  return parts.join('; ');
}

/** The peer address; X-Forwarded-For only counts behind a trusted proxy, or anyone could dodge the limit. */
function clientAddress(ctx: RequestCtx): string {
  if (ctx.deps.config.trustProxy) {
    const forwarded = ctx.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(ctx.hono).remote.address ?? 'local';
  } catch {
    return 'local'; // in-process requests (tests) have no socket
  }
}

const isTls = (url: string, forwardedProto: string | undefined, trustProxy: boolean) =>
  url.startsWith('https:') || (trustProxy && forwardedProto === 'https');

export const authRoutes = [
  defineRoute({
    method: 'post',
    path: '/auth/login',
    summary: 'Sign in with email and password; sets the session cookie',
    tag: 'auth',
    access: 'public',
    body: ZLoginBody,
    successStatus: 200,
    handler: async (ctx, { body }) => {
      checkLoginRate(clientAddress(ctx), ctx.deps.now().getTime());
      const r = await login(ctx.deps, body.email, body.password, ctx.requestId);
      const secure = isTls(ctx.hono.req.url, ctx.header('x-forwarded-proto'), ctx.deps.config.trustProxy);
      return {
        status: 200,
        body: { userId: r.userId, csrfToken: r.csrfToken, expiresAt: r.expiresAt.toISOString() },
        cookies: [sessionCookie(r.cookieValue, Math.floor(ctx.deps.config.sessionMaxMs / 1000), secure)],
      };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/auth/logout',
    summary: 'End this session',
    tag: 'auth',
    access: 'authenticated',
    handler: async (ctx) => {
      await logout(ctx.deps, ctx.requireActor(), ctx.who());
      return { status: 204, cookies: [sessionCookie('', 0, false)] };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/auth/me',
    summary: 'The signed-in user, their memberships and the CSRF token for changes',
    tag: 'auth',
    access: 'authenticated',
    handler: async (ctx) => {
      const actor = ctx.requireActor();
      const ids = [...actor.roles.keys()];
      const rows = ids.length
        ? await ctx.deps.db
            .select({ id: subsidiaries.id, code: subsidiaries.code })
            .from(subsidiaries)
            .where(inArray(subsidiaries.id, ids))
        : [];
      return { body: presentMe(actor, new Map(rows.map((r) => [r.id, r.code]))) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/auth/password',
    summary: 'Change your password; your other sessions end',
    tag: 'auth',
    access: 'authenticated',
    body: ZPasswordBody,
    handler: async (ctx, { body }) => {
      await changePassword(ctx.deps, ctx.requireActor(), body.currentPassword, body.newPassword, ctx.who());
      return { status: 204 };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/tokens',
    summary: 'Your API tokens (never their secrets)',
    tag: 'auth',
    access: 'authenticated',
    handler: async (ctx) => ({ body: { items: (await listTokens(ctx.deps, ctx.requireActor())).map(presentToken) } }),
  }),
  defineRoute({
    method: 'post',
    path: '/tokens',
    summary: 'Create an API token with at most your own scopes; the secret is shown once in this response',
    description:
      'The new token’s scopes must be a subset of the caller’s. A signed-in session may grant any scope its user ' +
      'holds (admin only to administrators); an API token may grant only scopes it carries itself. A wider request ' +
      'is refused with 403 `scope_exceeds_caller` naming `scopes`, never silently narrowed.',
    tag: 'auth',
    access: 'authenticated',
    body: ZTokenBody,
    handler: async (ctx, { body }) => {
      const actor = ctx.requireActor();
      assertGrantable(actor, body.scopes);
      const scopes = body.scopes;
      const expiresAt = body.expiresInDays
        ? new Date(ctx.deps.now().getTime() + body.expiresInDays * 86_400_000)
        : null;
      const { token, row } = await createToken(ctx.deps.db, actor.userId, body.name, scopes, expiresAt, ctx.who());
      return { body: { ...presentToken(row), token } };
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/tokens/:id',
    summary: 'Revoke an API token',
    tag: 'auth',
    access: 'authenticated',
    params: ZIdParams,
    handler: async (ctx, { params }) => ({
      body: presentToken(await revokeToken(ctx.deps, ctx.requireActor(), params.id, ctx.who())),
    }),
  }),
];

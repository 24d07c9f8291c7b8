import {
  type CreatedToken,
  type Me,
  type Session,
  type SignInStep,
  type TokenList,
  ZApiToken,
  ZCreatedToken,
  ZLoginBody,
  ZLoginResponse,
  ZMe,
  ZPasswordBody,
  ZTokenBody,
  ZTokenList,
} from '@pi-studio/core/contract/auth';
import { ZIdParams } from '@pi-studio/core/contract/common';
import { inArray } from 'drizzle-orm';
import { subsidiaries } from '../../db/schema/workspace.ts';
import { clientAddress as peerAddress, servedOverTls } from '../../http/client.ts';
import { defineRoute, type HandlerResult, type RequestCtx } from '../../http/route.ts';
import { presentMe, presentToken } from './presenters.ts';
import {
  changePassword,
  checkLoginRate,
  createToken,
  type LoginResult,
  listTokens,
  logout,
  revokeToken,
  SESSION_COOKIE,
} from './service.ts';
import { assertGrantable } from './token-policy.ts';
import { passwordSignIn, totpStatus } from './totp.service.ts';

export function sessionCookie(value: string, maxAgeSeconds: number, secure: boolean): string {
  const parts = [`${SESSION_COOKIE}=${value}`, 'Path=/', 'HttpOnly', 'SameSite=Lax', `Max-Age=${maxAgeSeconds}`];
  if (secure) parts.push('Secure');
  return parts.join('; ');
}

/** The address sign-in attempts are counted by; see http/client.ts for which X-Forwarded-For entry counts. */
const clientAddress = (ctx: RequestCtx): string => peerAddress(ctx.hono, ctx.deps.config);

/** Whether cookies get `Secure`: the one TLS rule (http/client.ts) that HSTS also follows. */
export const secureRequest = (ctx: RequestCtx): boolean => servedOverTls(ctx.hono, ctx.deps.config);

/** The answer to a completed sign-in (password, second factor, SSO): the session cookie and the usual body. */
export function sessionReply<E extends object = object>(ctx: RequestCtx, r: LoginResult, extra?: E): HandlerResult {
  const secure = secureRequest(ctx);
  const body: Session & E = {
    userId: r.userId,
    csrfToken: r.csrfToken,
    expiresAt: r.expiresAt.toISOString(),
    ...(extra as E),
  };
  return {
    status: 200,
    body,
    cookies: [sessionCookie(r.cookieValue, Math.floor(ctx.deps.config.sessionMaxMs / 1000), secure)],
  };
}

/** Sign-in steps after the password share the per-client attempt limit of the password step. */
export const checkSignInRate = (ctx: RequestCtx) => checkLoginRate(clientAddress(ctx), ctx.deps.now().getTime());

export const authRoutes = [
  defineRoute({
    method: 'post',
    path: '/auth/login',
    summary: 'Sign in with email and password; sets the session cookie',
    tag: 'auth',
    access: 'public',
    body: ZLoginBody,
    response: ZLoginResponse,
    problems: {
      401: ['unauthenticated'],
      403: ['password_sign_in_disabled'],
      429: ['rate_limited', 'account_locked'],
    },
    successStatus: 200,
    handler: async (ctx, { body }) => {
      checkLoginRate(clientAddress(ctx), ctx.deps.now().getTime());
      const r = await passwordSignIn(ctx.deps, body.email, body.password, ctx.requestId);
      // A second factor owed: no cookie yet, only the challenge for the next step (totp.routes.ts).
      if (r.kind === 'step') {
        const step: SignInStep = { next: r.next, challenge: r.challenge, expiresAt: r.expiresAt.toISOString() };
        return { status: 200, body: step };
      }
      return sessionReply(ctx, r.session);
    },
  }),
  defineRoute({
    method: 'post',
    path: '/auth/logout',
    summary: 'End this session',
    tag: 'auth',
    access: 'authenticated',
    problems: { 400: ['not_a_session'] },
    handler: async (ctx) => {
      await logout(ctx.deps, ctx.requireActor(), ctx.who());
      // The clearing cookie carries the same attributes as the one it replaces, Secure included behind TLS.
      return { status: 204, cookies: [sessionCookie('', 0, secureRequest(ctx))] };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/auth/me',
    summary: 'The signed-in user, their memberships and the CSRF token for changes',
    tag: 'auth',
    access: 'authenticated',
    response: ZMe,
    handler: async (ctx) => {
      const actor = ctx.requireActor();
      const ids = [...actor.roles.keys()];
      const rows = ids.length
        ? await ctx.deps.db
            .select({ id: subsidiaries.id, code: subsidiaries.code })
            .from(subsidiaries)
            .where(inArray(subsidiaries.id, ids))
        : [];
      const me: Me = {
        ...presentMe(actor, new Map(rows.map((r) => [r.id, r.code]))),
        totp: await totpStatus(ctx.deps, actor),
      };
      return { body: me };
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
    response: ZTokenList,
    handler: async (ctx) => {
      const list: TokenList = { items: (await listTokens(ctx.deps, ctx.requireActor())).map(presentToken) };
      return { body: list };
    },
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
    response: ZCreatedToken,
    problems: { 403: ['scope_exceeds_caller'] },
    handler: async (ctx, { body }) => {
      const actor = ctx.requireActor();
      assertGrantable(actor, body.scopes);
      const scopes = body.scopes;
      const expiresAt = body.expiresInDays
        ? new Date(ctx.deps.now().getTime() + body.expiresInDays * 86_400_000)
        : null;
      const { token, row } = await createToken(ctx.deps.db, actor.userId, body.name, scopes, expiresAt, ctx.who());
      const created: CreatedToken = { ...presentToken(row), token };
      return { body: created };
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/tokens/:id',
    summary: 'Revoke an API token',
    tag: 'auth',
    access: 'authenticated',
    params: ZIdParams,
    response: ZApiToken,
    problems: { 404: ['not_found'] },
    handler: async (ctx, { params }) => ({
      body: presentToken(await revokeToken(ctx.deps, ctx.requireActor(), params.id, ctx.who())),
    }),
  }),
];

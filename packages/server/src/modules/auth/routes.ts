import { inArray } from 'drizzle-orm';
import { subsidiaries } from '../../db/schema/workspace.ts';
import { clientAddress as peerAddress, servedOverTls } from '../../http/client.ts';
import { defineRoute, type HandlerResult, type RequestCtx } from '../../http/route.ts';
import { presentMe, presentToken } from './presenters.ts';
import { ZIdParams, ZLoginBody, ZPasswordBody, ZTokenBody } from './schemas.ts';
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
export function sessionReply(ctx: RequestCtx, r: LoginResult, extra: Record<string, unknown> = {}): HandlerResult {
  const secure = secureRequest(ctx);
  return {
    status: 200,
    body: { userId: r.userId, csrfToken: r.csrfToken, expiresAt: r.expiresAt.toISOString(), ...extra },
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
    successStatus: 200,
    handler: async (ctx, { body }) => {
      checkLoginRate(clientAddress(ctx), ctx.deps.now().getTime());
      const r = await passwordSignIn(ctx.deps, body.email, body.password, ctx.requestId);
      // A second factor owed: no cookie yet, only the challenge for the next step (totp.routes.ts).
      if (r.kind === 'step') {
        return { status: 200, body: { next: r.next, challenge: r.challenge, expiresAt: r.expiresAt.toISOString() } };
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
    handler: async (ctx) => {
      const actor = ctx.requireActor();
      const ids = [...actor.roles.keys()];
      const rows = ids.length
        ? await ctx.deps.db
            .select({ id: subsidiaries.id, code: subsidiaries.code })
            .from(subsidiaries)
            .where(inArray(subsidiaries.id, ids))
        : [];
      const me = presentMe(actor, new Map(rows.map((r) => [r.id, r.code])));
      return { body: { ...me, totp: await totpStatus(ctx.deps, actor) } };
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

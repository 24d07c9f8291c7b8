import {
  type Me,
  type Session,
  type SignInStep,
  ZLoginBody,
  ZLoginResponse,
  ZMe,
  ZPasswordBody,
} from '@pi-studio/core/contract/auth';
import { clientAddress as peerAddress, servedOverTls } from '../../../http/client.ts';
import { defineRoute, type HandlerResult, type RequestCtx } from '../../../http/route.ts';
import { passwordSignIn, totpStatus } from '../totp/service.ts';
import { presentMe } from './presenters.ts';
import {
  changePassword,
  checkLoginRate,
  type LoginResult,
  logout,
  membershipCodes,
  SESSION_COOKIE,
} from './service.ts';

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

export const sessionRoutes = [
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
      const r = await passwordSignIn(ctx, body.email, body.password);
      // A second factor owed: no cookie yet, only the challenge for the next step (totp/routes.ts).
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
      await logout(ctx);
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
      const me: Me = {
        ...presentMe(ctx.requireActor(), await membershipCodes(ctx)),
        totp: await totpStatus(ctx),
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
      await changePassword(ctx, body.currentPassword, body.newPassword);
      return { status: 204 };
    },
  }),
];

// Single sign-on over OpenID Connect: what the login page offers, the two browser redirects, and the admin settings.
import { safeReturnTo } from '@pi-studio/core/access/sso';
import {
  ZLoginProviders,
  ZSsoBody,
  ZSsoSettings,
  ZSsoStartQuery,
  ZSsoTestBody,
  ZSsoTestResult,
} from '@pi-studio/core/contract/sign-in';
import { getCookie } from 'hono/cookie';
import { defineRoute, type RequestCtx } from '../../../http/route.ts';
import { DomainError } from '../../../use-case/errors.ts';
import { checkSignInRate, secureRequest, sessionCookie } from '../sessions/routes.ts';
import { finishSsoSignIn, SSO_CHALLENGE_TTL_MS, SsoSignInError, startSsoSignIn } from './service.ts';
import { getSsoSettings, loginProviders, testSsoConnection, updateSsoSettings } from './settings-service.ts';

export const CALLBACK_PATH = '/api/v1/auth/oidc/callback';
const SSO_COOKIE = 'pis_sso';

/**
 * The redirect URI registered at the provider. PISTUDIO_PUBLIC_URL when set (behind a proxy the request URL is the
 * proxy's upstream address); otherwise the address this request came to.
 */
export function redirectUriFor(ctx: RequestCtx): string {
  const { publicUrl, trustProxy } = ctx.deps.config;
  if (publicUrl) return `${publicUrl}${CALLBACK_PATH}`;
  const url = new URL(ctx.hono.req.url);
  const proto = trustProxy ? ctx.header('x-forwarded-proto')?.split(',')[0]?.trim() : undefined;
  const host = trustProxy ? ctx.header('x-forwarded-host')?.split(',')[0]?.trim() : undefined;
  return `${proto ?? url.protocol.replace(':', '')}://${host ?? url.host}${CALLBACK_PATH}`;
}

// The handle only needs to reach the callback; SameSite=Lax still sends it on the provider's top-level redirect.
function ssoCookie(ctx: RequestCtx, value: string, maxAgeSeconds: number): string {
  const parts = [`${SSO_COOKIE}=${value}`, 'Path=/api/v1/auth/oidc', 'HttpOnly', 'SameSite=Lax'];
  parts.push(`Max-Age=${maxAgeSeconds}`);
  if (secureRequest(ctx)) parts.push('Secure');
  return parts.join('; ');
}

/** Browser navigations get redirects, never JSON errors: the login page words the error code. */
function redirect(ctx: RequestCtx, location: string, cookies: string[]): Response {
  const headers = new Headers({ location, 'cache-control': 'no-store', 'x-request-id': ctx.requestId });
  for (const c of cookies) headers.append('set-cookie', c);
  return new Response(null, { status: 302, headers });
}

function failureCode(err: unknown): string | null {
  if (err instanceof SsoSignInError) return err.code;
  // Refusals shared with password sign-in: the per-client attempt limit and the account lockout.
  if (err instanceof DomainError && err.kind === 'rate_limited') {
    return err.code === 'account_locked' ? 'sso_account_locked' : 'sso_rate_limited';
  }
  return null;
}

function failure(ctx: RequestCtx, err: unknown): Response {
  const code = failureCode(err);
  if (code) ctx.deps.log.info({ code, reason: (err as Error).message, requestId: ctx.requestId }, 'sso: refused');
  else ctx.deps.log.error({ err, requestId: ctx.requestId }, 'sso: sign-in crashed');
  return redirect(ctx, `/login?error=${code ?? 'sso_failed'}`, [ssoCookie(ctx, '', 0)]);
}

export const oidcRoutes = [
  defineRoute({
    method: 'get',
    path: '/auth/providers',
    summary: 'How people can sign in here: password sign-in on or off, and the single sign-on button if any',
    tag: 'auth',
    access: 'public',
    response: ZLoginProviders,
    handler: async (ctx) => ({ body: await loginProviders(ctx) }),
  }),
  defineRoute({
    method: 'get',
    path: '/auth/oidc/start',
    summary: 'Start single sign-on: redirects (302) to the identity provider; returnTo must be a path in PI Studio',
    tag: 'auth',
    access: 'public',
    query: ZSsoStartQuery,
    // A browser navigation: refusals are redirects to /login?error=<code> too (only a bad returnTo is a 422).
    successStatus: 302,
    handler: async (ctx, { query }) => {
      try {
        // Each start stores a challenge row: the sign-in attempt limit keeps a client from piling them up.
        checkSignInRate(ctx);
        const returnTo = safeReturnTo(query.returnTo ?? '/') ?? '/';
        const { location, handle } = await startSsoSignIn(ctx, redirectUriFor(ctx), returnTo);
        return redirect(ctx, location, [ssoCookie(ctx, handle, SSO_CHALLENGE_TTL_MS / 1000)]);
      } catch (err) {
        return failure(ctx, err);
      }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/auth/oidc/callback',
    summary: 'Where the identity provider sends the browser back; signs in and redirects to returnTo or /login?error=',
    tag: 'auth',
    access: 'public',
    successStatus: 302,
    handler: async (ctx) => {
      try {
        // The URL the provider redirected to, as registered (not as a proxy rewrote it), with its answer.
        const callbackUrl = new URL(redirectUriFor(ctx));
        callbackUrl.search = new URL(ctx.hono.req.url).search;
        const handle = getCookie(ctx.hono, SSO_COOKIE);
        const { login, returnTo } = await finishSsoSignIn(ctx, handle, callbackUrl);
        const maxAge = Math.floor(ctx.deps.config.sessionMaxMs / 1000);
        return redirect(ctx, returnTo, [
          ssoCookie(ctx, '', 0),
          sessionCookie(login.cookieValue, maxAge, secureRequest(ctx)),
        ]);
      } catch (err) {
        return failure(ctx, err);
      }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/admin/sso',
    summary: 'Single sign-on settings (the client secret is never returned: clientSecretSet says whether one is saved)',
    tag: 'admin',
    access: 'admin',
    response: ZSsoSettings,
    handler: async (ctx) => ({ body: await getSsoSettings(ctx, redirectUriFor(ctx)) }),
  }),
  defineRoute({
    method: 'put',
    path: '/admin/sso',
    summary: 'Change single sign-on and the password sign-in switch (audited); applies from the next sign-in',
    tag: 'admin',
    access: 'admin',
    body: ZSsoBody,
    response: ZSsoSettings,
    handler: async (ctx, { body }) => ({
      body: await updateSsoSettings(ctx, body, redirectUriFor(ctx)),
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/admin/sso/test',
    summary: 'Run discovery against an issuer (or the saved one) and report what the provider offers',
    tag: 'admin',
    access: 'admin',
    body: ZSsoTestBody,
    response: ZSsoTestResult,
    successStatus: 200,
    handler: async (ctx, { body }) => ({ body: await testSsoConnection(ctx, body.issuer) }),
  }),
];

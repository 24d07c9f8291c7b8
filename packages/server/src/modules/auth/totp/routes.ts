// Second factor (TOTP) routes: the sign-in steps after a right password (public: the challenge is the
// credential), self-service enrolment for the signed-in person, and the administrator's reset.
import {
  ZChallengeBody,
  ZChallengeCodeBody,
  ZCodeBody,
  ZCurrentPasswordBody,
  ZEnrolledSession,
  ZEnrolment,
  ZRecoveryCodes,
  ZSession,
  ZTotpSignInBody,
} from '@pi-studio/core/contract/auth';
import { ZIdParams } from '@pi-studio/core/contract/common';
import { defineRoute } from '../../../http/route.ts';
import { checkSignInRate, sessionReply } from '../sessions/routes.ts';
import {
  completeTotpSignIn,
  confirmEnrolment,
  confirmSignInEnrolment,
  disableTotp,
  regenerateRecoveryCodes,
  resetUserTotp,
  startEnrolment,
  startSignInEnrolment,
} from './service.ts';

// A code step counts toward the lockout like a wrong password, and shares the per-client sign-in limit.
const SIGN_IN_STEP_PROBLEMS = {
  401: ['wrong_code', 'challenge_expired'],
  429: ['rate_limited', 'account_locked'],
} as const;

export const totpRoutes = [
  defineRoute({
    method: 'post',
    path: '/auth/login/totp',
    summary: 'Second sign-in step: a code from the authenticator app, or one recovery code; sets the session cookie',
    tag: 'auth',
    access: 'public',
    body: ZTotpSignInBody,
    response: ZSession,
    problems: SIGN_IN_STEP_PROBLEMS,
    successStatus: 200,
    handler: async (ctx, { body }) => {
      checkSignInRate(ctx);
      return sessionReply(ctx, await completeTotpSignIn(ctx, body));
    },
  }),
  defineRoute({
    method: 'post',
    path: '/auth/login/totp-enrolment',
    summary: 'Sign-in when the studio requires a second factor you have not set up: the secret to scan',
    tag: 'auth',
    access: 'public',
    body: ZChallengeBody,
    response: ZEnrolment,
    problems: { 401: ['challenge_expired'], 429: ['rate_limited'] },
    successStatus: 200,
    handler: async (ctx, { body }) => {
      checkSignInRate(ctx);
      return { body: await startSignInEnrolment(ctx, body.challenge) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/auth/login/totp-enrolment/confirm',
    summary:
      'Confirm the new authenticator with its first code; sets the session cookie and returns recovery codes once',
    tag: 'auth',
    access: 'public',
    body: ZChallengeCodeBody,
    response: ZEnrolledSession,
    problems: SIGN_IN_STEP_PROBLEMS,
    successStatus: 200,
    handler: async (ctx, { body }) => {
      checkSignInRate(ctx);
      const r = await confirmSignInEnrolment(ctx, body.challenge, body.code);
      return sessionReply(ctx, r.session, { recoveryCodes: r.recoveryCodes });
    },
  }),
  defineRoute({
    method: 'post',
    path: '/auth/totp',
    summary: 'Start setting up two-step sign-in: a new secret and otpauth URI (replaces an unconfirmed one)',
    tag: 'auth',
    access: 'authenticated',
    response: ZEnrolment,
    problems: { 409: ['totp_already_enabled'] },
    handler: async (ctx) => ({ body: await startEnrolment(ctx) }),
  }),
  defineRoute({
    method: 'post',
    path: '/auth/totp/confirm',
    summary: 'Turn two-step sign-in on with the first code; returns 10 recovery codes, shown once',
    tag: 'auth',
    access: 'authenticated',
    body: ZCodeBody,
    response: ZRecoveryCodes,
    problems: { 409: ['totp_not_started', 'totp_already_enabled'] },
    successStatus: 200,
    handler: async (ctx, { body }) => ({
      body: await confirmEnrolment(ctx, body.code),
    }),
  }),
  defineRoute({
    method: 'delete',
    path: '/auth/totp',
    summary: 'Turn two-step sign-in off (current password needed; refused while the studio requires it for you)',
    tag: 'auth',
    access: 'authenticated',
    body: ZCurrentPasswordBody,
    problems: { 409: ['totp_required', 'totp_not_enabled'] },
    handler: async (ctx, { body }) => {
      await disableTotp(ctx, body.currentPassword);
      return { status: 204 };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/auth/totp/recovery-codes',
    summary: 'A new set of 10 recovery codes (the old ones stop working); shown once',
    tag: 'auth',
    access: 'authenticated',
    body: ZCurrentPasswordBody,
    response: ZRecoveryCodes,
    problems: { 409: ['totp_not_enabled'] },
    successStatus: 200,
    handler: async (ctx, { body }) => ({
      body: await regenerateRecoveryCodes(ctx, body.currentPassword),
    }),
  }),
  defineRoute({
    method: 'delete',
    path: '/users/:id/totp',
    summary: "Reset a user's second factor (lost phone); they set it up again at their next sign-in if required",
    tag: 'users',
    access: 'admin',
    params: ZIdParams,
    problems: { 404: ['not_found'] },
    handler: async (ctx, { params }) => {
      await resetUserTotp(ctx, params.id);
      return { status: 204 };
    },
  }),
];

import type {
  ChallengeBody,
  ChallengeCodeBody,
  EnrolledSession,
  Enrolment,
  LoginBody,
  LoginResponse,
  Me,
  Session,
  SignInStep,
  TotpSignInBody,
} from '@pi-studio/core/contract/auth';
import type { LoginProviders } from '@pi-studio/core/contract/sign-in';
import { ApiError, api, setCsrfToken } from '../../lib/api.ts';

export type { Enrolment, Me, SignInStep };

/** The signed-in person, or null when there is no valid session (the shell then shows the login page). */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api.get<Me>('/auth/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw err;
  }
}

/** The password was right, but a second step is owed before any session starts. */
export const isSignInStep = (r: LoginResponse): r is SignInStep => 'next' in r;

export async function login(body: LoginBody): Promise<LoginResponse> {
  const res = await api.post<LoginResponse>('/auth/login', body);
  if (!isSignInStep(res)) setCsrfToken(res.csrfToken);
  return res;
}

/** The second step: a code from the authenticator app, or one recovery code. */
export async function loginWithCode(body: TotpSignInBody) {
  const res = await api.post<Session>('/auth/login/totp', body);
  setCsrfToken(res.csrfToken);
  return res;
}

export const startLoginEnrolment = (body: ChallengeBody) => api.post<Enrolment>('/auth/login/totp-enrolment', body);

export async function confirmLoginEnrolment(body: ChallengeCodeBody) {
  const res = await api.post<EnrolledSession>('/auth/login/totp-enrolment/confirm', body);
  setCsrfToken(res.csrfToken);
  return res;
}

export async function logout() {
  await api.post<void>('/auth/logout');
  setCsrfToken(null);
}

/** How people can sign in here (public): password sign-in on or off, and the single sign-on button if any. */
export const fetchLoginProviders = () => api.get<LoginProviders>('/auth/providers');

/** Where the SSO button points: the server redirects to the provider and back to `returnTo`. */
export function ssoStartUrl(returnTo: string): string {
  const safe = returnTo.startsWith('/') && !returnTo.startsWith('//') && !returnTo.startsWith('/\\') ? returnTo : '/';
  // The login page itself is no place to come back to.
  const target = safe.startsWith('/login') ? '/' : safe;
  return `/api/v1/auth/oidc/start?returnTo=${encodeURIComponent(target)}`;
}

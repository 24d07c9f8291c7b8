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

import type { Role } from '@pi-studio/core/access/roles';
import { ApiError, api, setCsrfToken } from '../../lib/api.ts';

export type Membership = { subsidiaryId: string; subsidiary: string; role: Role };
export type Me = {
  user: { id: string; email: string; name: string; isAdmin: boolean };
  csrfToken: string | null;
  via: string;
  memberships: Membership[];
  /** Two-step sign-in of this person; `required` when the studio's policy covers them. */
  totp: TotpStatus;
};
export type TotpStatus = { enabled: boolean; recoveryCodesLeft: number; required: boolean };

/** A completed sign-in: the session cookie is set and this is the CSRF token for changes. */
export type SessionStarted = { userId: string; csrfToken: string; expiresAt: string };
/** The password was right, but a second step is owed before any session starts. */
export type SignInStep = { next: 'totp' | 'totp_enrolment'; challenge: string; expiresAt: string };
export type Enrolment = { secret: string; otpauthUri: string };

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

export const isSignInStep = (r: SessionStarted | SignInStep): r is SignInStep => 'next' in r;

export async function login(body: { email: string; password: string }): Promise<SessionStarted | SignInStep> {
  const res = await api.post<SessionStarted | SignInStep>('/auth/login', body);
  if (!isSignInStep(res)) setCsrfToken(res.csrfToken);
  return res;
}

/** The second step: a code from the authenticator app, or one recovery code. */
export async function loginWithCode(body: { challenge: string; code?: string; recoveryCode?: string }) {
  const res = await api.post<SessionStarted>('/auth/login/totp', body);
  setCsrfToken(res.csrfToken);
  return res;
}

export const startLoginEnrolment = (body: { challenge: string }) =>
  api.post<Enrolment>('/auth/login/totp-enrolment', body);

export async function confirmLoginEnrolment(body: { challenge: string; code: string }) {
  const res = await api.post<SessionStarted & { recoveryCodes: string[] }>('/auth/login/totp-enrolment/confirm', body);
  setCsrfToken(res.csrfToken);
  return res;
}

export async function logout() {
  await api.post<void>('/auth/logout');
  setCsrfToken(null);
}

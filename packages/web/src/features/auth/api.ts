import type { Role } from '@pi-studio/core/access/roles';
import { ApiError, api, setCsrfToken } from '../../lib/api.ts';

export type Membership = { subsidiaryId: string; subsidiary: string; role: Role };
export type Me = {
  user: { id: string; email: string; name: string; isAdmin: boolean };
  csrfToken: string | null;
  via: string;
  memberships: Membership[];
};

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

export async function login(body: { email: string; password: string }) {
  const res = await api.post<{ userId: string; csrfToken: string; expiresAt: string }>('/auth/login', body);
  setCsrfToken(res.csrfToken);
  return res;
}

export async function logout() {
  await api.post<void>('/auth/logout');
  setCsrfToken(null);
}

// Account lockout: how many failed sign-ins lock an account and for how long. The count lives in the database
// (sessions/repo.ts: countFailedSignIn, clearFailedSignIns), so concurrent failures all count.
import { RateLimited } from '../../../use-case/errors.ts';

export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MINUTES = 15;

/** RateLimited (429 with Retry-After) while locked. */
export function accountLocked(lockedUntil: Date, now: Date): RateLimited {
  const seconds = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000));
  return new RateLimited(
    `too many failed sign-ins; try again in ${Math.ceil(seconds / 60)} min`,
    seconds,
    'account_locked',
  );
}

/** 429 while the account is locked out; every sign-in step checks it, not only the password. */
export function assertNotLocked(user: { lockedUntil: Date | null }, now: Date): void {
  if (!user.lockedUntil || user.lockedUntil <= now) return;
  throw accountLocked(user.lockedUntil, now);
}

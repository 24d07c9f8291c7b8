// The studio-wide switch for password sign-in. With it off, people sign in through single sign-on; administrators
// keep their password (and second factor) as emergency access for when the identity provider is down or
// misconfigured — otherwise one bad SSO setting would lock everyone out of the studio for good.
import type { Executor } from '../../../db/client.ts';
import { Forbidden } from '../../../use-case/errors.ts';
import { readSignInSettings } from '../sign-in-settings/repo.ts';

/**
 * Call after the password was verified: a wrong password still answers 401 and counts toward the lockout as
 * usual, so the switch does not tell an outsider which accounts exist or who is an administrator.
 */
export async function assertPasswordSignInAllowed(db: Executor, user: { isAdmin: boolean }): Promise<void> {
  if (user.isAdmin) return;
  if ((await readSignInSettings(db)).localPasswordSignIn) return;
  throw new Forbidden(
    'password sign-in is turned off for this studio; sign in with single sign-on',
    'password_sign_in_disabled',
  );
}

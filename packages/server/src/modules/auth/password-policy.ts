// The password policy (packages/core/src/access/password-policy.ts) with the server's offline common-password
// list: every path that sets a password goes through here (password change, user creation over HTTP and the CLI,
// the first administrator), so all refuse the same passwords with the same reasons.
import { type PasswordContext, type PasswordProblem, passwordProblems } from '@pi-studio/core/access/password-policy';
import { validationFailed } from '../../use-case/errors.ts';
import { isCommonPassword } from './common-passwords.ts';
import { randomToken } from './crypto.ts';

export type PasswordOwner = Omit<PasswordContext, 'isCommon'>;

export const checkPassword = (password: string, owner: PasswordOwner): PasswordProblem[] =>
  passwordProblems(password, { ...owner, isCommon: isCommonPassword });

/** 422 naming `field`, every reason in one sentence so a form shows them all under the field. */
export function assertPasswordAcceptable(field: string, password: string, owner: PasswordOwner): void {
  const problems = checkPassword(password, owner);
  if (problems.length) throw validationFailed([{ name: field, reason: problems.map((p) => p.reason).join('; ') }]);
}

/** A random initial password (16 characters) that the policy accepts for this person. */
export function generatePassword(owner: PasswordOwner): string {
  for (;;) {
    const candidate = randomToken(12);
    // Random text passes all but by freak chance (a name inside it); then draw again.
    if (!checkPassword(candidate, owner).length) return candidate;
  }
}

// The password policy, live in a form: the same core function the server runs, without the common-password list
// (too large to download), whose reason arrives with the server's answer on submit instead.
import { type PasswordContext, passwordProblems } from '@pi-studio/core/access/password-policy';

/** The reasons a typed password would be refused, as one sentence; nothing while the field is empty. */
export function livePasswordError(password: string, context: Omit<PasswordContext, 'isCommon'>): string | undefined {
  if (password === '') return undefined;
  const reasons = passwordProblems(password, context).map((p) => p.reason);
  if (!reasons.length) return undefined;
  const sentence = reasons.join('; ');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

// Words for what went wrong in a sign-in step, for people rather than codes.
import { errorMessage, isApiError } from '../../lib/errors.ts';

export function signInStepError(err: unknown): string {
  if (isApiError(err, 401) && err.code === 'wrong_code') {
    return 'That code is not right. Check that the time on your phone is correct and try the newest code.';
  }
  if (isApiError(err, 401)) return 'This sign-in has expired. Sign in with your password again.';
  if (isApiError(err, 429)) return err.message || 'Too many attempts. Wait a few minutes and try again.';
  return errorMessage(err);
}

/** The step cannot go on: the person has to start again with the password. */
export const stepExpired = (err: unknown) => isApiError(err, 401) && err.code !== 'wrong_code';

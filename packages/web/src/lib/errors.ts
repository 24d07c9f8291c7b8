// Turns anything thrown by a request into words a person can act on.
import { ApiError } from './api.ts';

export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) {
    const fields = err.problem.invalid_params?.map((p) => `${p.name}: ${p.reason}`).join('; ');
    return fields ? `${err.message} (${fields})` : err.message;
  }
  if (err instanceof TypeError) return 'The server could not be reached. Check your connection and try again.';
  if (err instanceof Error) return err.message;
  return 'Something went wrong.';
}

export function errorTitle(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.status === 403) return 'Not allowed';
    if (err.status === 404) return 'Not found';
    if (err.status === 409) return 'Conflict';
    if (err.status >= 500) return 'Server error';
    return err.problem.title || 'Request failed';
  }
  return 'Request failed';
}

export const isApiError = (err: unknown, status?: number): err is ApiError =>
  err instanceof ApiError && (status === undefined || err.status === status);

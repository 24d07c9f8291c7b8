import { isApiError } from '../../../lib/errors.ts';

/** The version someone else saved meanwhile, when `error` is a 409 stale_version; otherwise undefined. */
export function staleVersionOf(error: unknown): string | undefined {
  if (!isApiError(error, 409) || error.code !== 'stale_version') return undefined;
  const current = error.problem.current as { version?: unknown } | undefined;
  return typeof current?.version === 'string' ? current.version : undefined;
}

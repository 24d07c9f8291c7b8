import { ApiError } from '../../../lib/api.ts';

/** The version someone else saved meanwhile, when `error` is a 409 stale_version; otherwise undefined. */
export function staleVersionOf(error: unknown): string | undefined {
  if (!(error instanceof ApiError) || error.code !== 'stale_version') return undefined;
  const current = error.problem.current as { version?: unknown } | undefined;
  return typeof current?.version === 'string' ? current.version : undefined;
}

// HTTP-level refusals (media types, body limits, unknown routes) and the one mapping from a use case's domain error
// (use-case/errors.ts) to a status: services never choose a status, the route wrapper does, here.
import { DomainError, type InvalidParam, type RefusalKind } from '../use-case/errors.ts';

export type { InvalidParam } from '../use-case/errors.ts';

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly invalidParams: InvalidParam[] = [],
    readonly headers: Record<string, string> = {},
    /** Extra problem members (RFC 9457 §3.2), e.g. `current` on a stale edit. */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

const STATUS: Record<RefusalKind, number> = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  stale_version: 409,
  too_large: 413,
  unsupported_type: 415,
  invalid: 422,
  precondition_required: 428,
  rate_limited: 429,
  busy: 503,
};

/** The HTTP answer to a domain error: its kind's status, `Retry-After` and `ETag` headers from its details. */
export function fromDomain(err: DomainError): AppError {
  const headers: Record<string, string> = {};
  if (err.details.retryAfterSeconds !== undefined) headers['Retry-After'] = String(err.details.retryAfterSeconds);
  if (err.details.etag !== undefined) headers.ETag = err.details.etag;
  return new AppError(STATUS[err.kind], err.code, err.message, err.invalidParams, headers, err.details.extra ?? {});
}

/** An error as the HTTP error it answers with, or null when it is neither (a bug: 500). */
export function asHttpError(err: unknown): AppError | null {
  if (err instanceof AppError) return err;
  if (err instanceof DomainError) return fromDomain(err);
  return null;
}

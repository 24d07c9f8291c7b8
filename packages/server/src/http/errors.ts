// Named errors with stable codes; one mapper (problem.ts) turns them into RFC 9457 responses.

export type InvalidParam = { name: string; reason: string };

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

export const badRequest = (code: string, message: string, invalidParams: InvalidParam[] = []) =>
  new AppError(400, code, message, invalidParams);
export const validationFailed = (invalidParams: InvalidParam[]) =>
  new AppError(
    422,
    'validation_failed',
    invalidParams.map((p) => `${p.name}: ${p.reason}`).join('; ') || 'invalid input',
    invalidParams,
  );
export const unauthenticated = (message = 'sign in or send a valid API token') =>
  new AppError(401, 'unauthenticated', message);
export const forbidden = (message = 'your role does not allow this') => new AppError(403, 'forbidden', message);
export const notFound = (what: string, invalidParams: InvalidParam[] = []) =>
  new AppError(404, 'not_found', `${what} not found`, invalidParams);
export const conflict = (code: string, message: string) => new AppError(409, code, message);
/** An edit based on an older version (If-Match): 409 with the current ETag and what `current` is now. */
export const staleVersion = (message: string, reason: string, etag: string, current: unknown) =>
  new AppError(409, 'stale_version', message, [{ name: 'If-Match', reason }], { ETag: etag }, { current });
export const preconditionFailed = (message: string) => new AppError(412, 'precondition_failed', message);
export const tooManyRequests = (message: string, retryAfterSeconds: number) =>
  new AppError(429, 'rate_limited', message, [], { 'Retry-After': String(retryAfterSeconds) });

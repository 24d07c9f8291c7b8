// Named domain errors: what a use case throws when it refuses (expected cases only — a bug is a plain Error).
// They know nothing of HTTP; the route wrapper maps each kind to a status and a problem+json body (http/errors.ts).
// Codes are public: clients match on them (docs/api-contract.md).

export type InvalidParam = { name: string; reason: string };

/** The kinds of refusal a use case can answer; http/errors.ts gives each its status. */
export type RefusalKind =
  | 'bad_request'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'stale_version'
  | 'too_large'
  | 'unsupported_type'
  | 'invalid'
  | 'precondition_required'
  | 'rate_limited'
  | 'busy';

export type RefusalDetails = {
  /** Seconds until asking again makes sense (rate limits, a busy job pool). */
  retryAfterSeconds?: number;
  /** The current version's ETag (stale edits). */
  etag?: string;
  /** Extra members of the answer, e.g. `current` on a stale edit. */
  extra?: Record<string, unknown>;
};

export class DomainError extends Error {
  constructor(
    readonly kind: RefusalKind,
    readonly code: string,
    message: string,
    readonly invalidParams: InvalidParam[] = [],
    readonly details: RefusalDetails = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The record is not there — or the actor may not know it is. */
export class NotFound extends DomainError {
  constructor(
    what: string,
    invalidParams: InvalidParam[] = [],
    finer: { code: string; message: string } | null = null,
  ) {
    super('not_found', finer?.code ?? 'not_found', finer?.message ?? `${what} not found`, invalidParams);
  }
}

/** The actor may see the record but not do this to it. */
export class Forbidden extends DomainError {
  constructor(message = 'your role does not allow this', code = 'forbidden') {
    super('forbidden', code, message);
  }
}

/** The request clashes with the state of stored data (a taken code, a closed review). */
export class Conflict extends DomainError {
  constructor(code: string, message: string, invalidParams: InvalidParam[] = [], extra?: Record<string, unknown>) {
    super('conflict', code, message, invalidParams, extra ? { extra } : {});
  }
}

/** An edit based on an older version (If-Match): carries the current ETag and what `current` is now. */
export class StaleVersion extends DomainError {
  constructor(message: string, reason: string, etag: string, current: unknown) {
    super('stale_version', 'stale_version', message, [{ name: 'If-Match', reason }], { etag, extra: { current } });
  }
}

/** Input the use case cannot accept, naming each field and why (`validation_failed` unless a finer code applies). */
export class Invalid extends DomainError {
  constructor(invalidParams: InvalidParam[], code = 'validation_failed', message?: string) {
    super(
      'invalid',
      code,
      message ?? (invalidParams.map((p) => `${p.name}: ${p.reason}`).join('; ') || 'invalid input'),
      invalidParams,
    );
  }
}

/** Input refused before its content is looked at (a malformed cursor, an unreadable file). */
export class BadRequest extends DomainError {
  constructor(code: string, message: string, invalidParams: InvalidParam[] = []) {
    super('bad_request', code, message, invalidParams);
  }
}

export class Unauthenticated extends DomainError {
  constructor(
    message = 'sign in or send a valid API token',
    code = 'unauthenticated',
    invalidParams: InvalidParam[] = [],
  ) {
    super('unauthenticated', code, message, invalidParams);
  }
}

/** Input larger than the use case accepts. */
export class TooLarge extends DomainError {
  constructor(code: string, message: string, invalidParams: InvalidParam[] = []) {
    super('too_large', code, message, invalidParams);
  }
}

/** A file of a kind the use case cannot read. */
export class UnsupportedType extends DomainError {
  constructor(code: string, message: string, invalidParams: InvalidParam[] = []) {
    super('unsupported_type', code, message, invalidParams);
  }
}

/** A change that must say which version it is based on (If-Match) and did not. */
export class PreconditionRequired extends DomainError {
  constructor(code: string, message: string, invalidParams: InvalidParam[] = []) {
    super('precondition_required', code, message, invalidParams);
  }
}

/** Too many attempts; ask again after `retryAfterSeconds`. */
export class RateLimited extends DomainError {
  constructor(message: string, retryAfterSeconds: number, code = 'rate_limited') {
    super('rate_limited', code, message, [], { retryAfterSeconds });
  }
}

/** The server is busy with other work (a full job pool); ask again after `retryAfterSeconds`. */
export class Busy extends DomainError {
  constructor(message: string, retryAfterSeconds: number) {
    super('busy', 'busy', message, [], { retryAfterSeconds });
  }
}

// Short forms the services use (one call reads as the sentence it answers).
export const notFound = (what: string, invalidParams: InvalidParam[] = []) => new NotFound(what, invalidParams);
export const forbidden = (message?: string) => new Forbidden(message);
export const conflict = (code: string, message: string) => new Conflict(code, message);
export const validationFailed = (invalidParams: InvalidParam[]) => new Invalid(invalidParams);
export const badRequest = (code: string, message: string, invalidParams: InvalidParam[] = []) =>
  new BadRequest(code, message, invalidParams);
export const unauthenticated = (message?: string) => new Unauthenticated(message);
export const staleVersion = (message: string, reason: string, etag: string, current: unknown) =>
  new StaleVersion(message, reason, etag, current);
export const tooManyRequests = (message: string, retryAfterSeconds: number) =>
  new RateLimited(message, retryAfterSeconds);

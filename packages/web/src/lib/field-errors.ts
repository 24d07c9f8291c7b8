// The server names every field it refuses (`invalid_params`, e.g. `email` or `definition.criteria.3.weight`); forms
// show each reason under the field it names, and whatever no field can show goes above the form.
import { ApiError, type InvalidParam } from './api.ts';
import { errorMessage } from './errors.ts';

/** Whether the problem's `name` lies below `path` (`memberships.0.role` or `memberships[0]` under `memberships`). */
const isBelow = (name: string, path: string) => name.startsWith(`${path}.`) || name.startsWith(`${path}[`);

/** Every field the server refused (none when the error is not a problem naming fields). */
export const invalidParams = (err: unknown): InvalidParam[] =>
  err instanceof ApiError ? (err.problem.invalid_params ?? []) : [];

/** Reason for a field, also matching nested names such as `memberships.0.role` under `memberships`. */
export function fieldError(err: unknown, name: string): string | undefined {
  if (!(err instanceof ApiError)) return undefined;
  const exact = err.fieldError(name);
  if (exact) return exact;
  const nested = err.problem.invalid_params?.find((p) => isBelow(p.name, name));
  return nested ? `${nested.name}: ${nested.reason}` : undefined;
}

/** The error to show above a form when none of its fields can carry it. */
export function formLevelError(err: unknown, fields: readonly string[]): string | undefined {
  if (!err) return undefined;
  if (fields.some((f) => fieldError(err, f))) return undefined;
  return errorMessage(err);
}

/** Reasons for the fields under `prefix` (e.g. `definition.`), keyed by the rest of the name (`criteria.3.weight`). */
export function problemsUnder(err: unknown, prefix: string): Map<string, string> {
  const found = new Map<string, string>();
  if (!(err instanceof ApiError)) return found;
  for (const p of err.problem.invalid_params ?? []) {
    if (p.name.startsWith(prefix) && !found.has(p.name.slice(prefix.length))) {
      found.set(p.name.slice(prefix.length), p.reason);
    }
  }
  return found;
}

/** The reason for `path` itself, or the first one below it (`criteria` also shows `criteria.2.id`'s). */
export function reasonAt(problems: ReadonlyMap<string, string>, path: string): string | undefined {
  const exact = problems.get(path);
  if (exact) return exact;
  for (const [name, reason] of problems) if (isBelow(name, path)) return reason;
  return undefined;
}

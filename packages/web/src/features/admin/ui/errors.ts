// Maps a problem's invalid_params onto form fields; whatever no field can show goes above the form.
import { ApiError } from '../../../lib/api.ts';
import { errorMessage } from '../../../lib/errors.ts';

/** Reason for a field, also matching nested names such as `memberships.0.role` under `memberships`. */
export function fieldError(err: unknown, name: string): string | undefined {
  if (!(err instanceof ApiError)) return undefined;
  const exact = err.fieldError(name);
  if (exact) return exact;
  const nested = err.problem.invalid_params?.find(
    (p) => p.name.startsWith(`${name}.`) || p.name.startsWith(`${name}[`),
  );
  return nested ? `${nested.name}: ${nested.reason}` : undefined;
}

/** The error to show above a form when none of its fields can carry it. */
export function formLevelError(err: unknown, fields: readonly string[]): string | undefined {
  if (!err) return undefined;
  if (fields.some((f) => fieldError(err, f))) return undefined;
  return errorMessage(err);
}

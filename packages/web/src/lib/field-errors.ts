// The server names every field it refuses (`invalid_params`, e.g. `definition.criteria.3.weight`); forms that edit
// a nested document show each reason under the field it names.
import { ApiError } from './api.ts';

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
  for (const [name, reason] of problems) if (name.startsWith(`${path}.`)) return reason;
  return undefined;
}

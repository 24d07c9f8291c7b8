// The one place where text entering the API is checked for characters the database cannot store. PostgreSQL `text`
// cannot hold NUL (U+0000), and `jsonb` (the audit trail) refuses unpaired UTF-16 surrogates; both used to surface as
// 500s deep inside a use case. Refusing them at the boundary, for every route at once, turns them into a 422 naming
// the field, and no module has to remember.
import { hostileTextReason } from '@pi-studio/core/contract/text';
import type { InvalidParam } from './errors.ts';

/** A report names a handful of fields; a body with a thousand bad strings does not need a thousand lines. */
const MAX_ISSUES = 10;

/**
 * Every string in `value` (object keys included, any depth) that cannot be stored, named by its path below `where`
 * (`body.memberships.0.role`). Walks with an explicit stack: a deeply nested JSON body must not overflow the call stack.
 */
export function findHostileText(value: unknown, where: string): InvalidParam[] {
  const issues: InvalidParam[] = [];
  const stack: { value: unknown; path: string }[] = [{ value, path: where }];
  while (stack.length && issues.length < MAX_ISSUES) {
    const { value: v, path } = stack.pop() as { value: unknown; path: string };
    if (typeof v === 'string') {
      const reason = hostileTextReason(v);
      if (reason) issues.push({ name: path, reason });
    } else if (v instanceof Blob) {
      // Uploads: the file name is stored; the content is decoded and checked by the importer.
      const reason = v instanceof File ? hostileTextReason(v.name) : undefined;
      if (reason) issues.push({ name: `${path}.name`, reason: `file name ${reason}` });
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], path: `${path}.${i}` });
    } else if (v && typeof v === 'object') {
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i] as [string, unknown];
        const keyReason = hostileTextReason(key);
        // The key itself cannot be quoted back (it holds the bad character), so the object holding it is named.
        if (keyReason) issues.push({ name: path, reason: `field names ${keyReason}` });
        else stack.push({ value: child, path: `${path}.${key}` });
      }
    }
  }
  return issues.slice(0, MAX_ISSUES);
}

// Canonical JSON: one text for one value, whoever writes it, so a hash taken at signing can be taken again at any
// later verification (server, CLI, a reviewer's own script). Object keys are sorted by UTF-16 code unit, strings are
// Unicode NFC (the same words typed on two keyboards hash alike), dates are ISO-8601 UTC, and numbers must be
// safe integers: a float's text differs between writers, so it is refused rather than hashed.

export type Canonical = string | number | boolean | null | Date | readonly Canonical[] | { [k: string]: Canonical };

export class CanonicalError extends Error {}

function write(value: Canonical, path: string): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.normalize('NFC'));
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new CanonicalError(`${path}: ${value} is not a safe integer`);
    return String(value);
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new CanonicalError(`${path}: invalid date`);
    return JSON.stringify(value.toISOString());
  }
  if (Array.isArray(value)) return `[${value.map((v, i) => write(v, `${path}[${i}]`)).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, Canonical | undefined>);
    const keys = entries.map(([k]) => k.normalize('NFC'));
    if (new Set(keys).size !== keys.length) throw new CanonicalError(`${path}: two keys are equal after NFC`);
    return `{${entries
      .map(([k, v]) => {
        if (v === undefined) throw new CanonicalError(`${path}.${k}: undefined has no canonical form`);
        return [k.normalize('NFC'), write(v, `${path}.${k}`)] as const;
      })
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, text]) => `${JSON.stringify(k)}:${text}`)
      .join(',')}}`;
  }
  throw new CanonicalError(`${path}: ${typeof value} has no canonical form`);
}

/** The canonical JSON text of `value` (throws CanonicalError for what has none: floats, undefined, functions). */
export const canonicalJson = (value: Canonical): string => write(value, '$');

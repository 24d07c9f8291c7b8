// Text the database cannot store. PostgreSQL `text` cannot hold NUL (U+0000) and `jsonb` (the audit trail) refuses
// unpaired UTF-16 surrogates. The server refuses both at its boundary for every route (http/hostile-text.ts); clients
// can run the same rule before they send.

// Without the `u` flag the regex sees UTF-16 code units, which is what lets it spot a half of a surrogate pair.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why `s` cannot be stored, or undefined when it can. */
export function hostileTextReason(s: string): string | undefined {
  if (s.includes('\u0000')) return 'must not contain NUL characters';
  if (LONE_SURROGATE.test(s)) return 'must not contain unpaired surrogate characters (invalid Unicode)';
  return undefined;
}

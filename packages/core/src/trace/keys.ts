// How trace code names and orders things. Requirement ids are matched the way `stories/identity.ts` matches them
// across PRD versions (FR-1, fr_1 and FR1 are one requirement), so a story linked to `FR-1` stays linked when the
// author writes `FR1` in the next version. Keys sort naturally (S-2 before S-10) with no locale, so the browser, the
// server and the CLI print the same order.

/** The form two requirement ids are compared in; keep it in step with `keyOf` in stories/identity.ts. */
export function requirementKey(id: string): string {
  return id.toUpperCase().replace(/[-_\s]/g, '');
}

const CHUNK = /\d+|\D+/g;

/** Natural order: runs of digits compare by value, other text by UTF-16 code unit; ties fall back to plain order. */
export function compareKeys(a: string, b: string): number {
  if (a === b) return 0;
  const ca = a.match(CHUNK) ?? [];
  const cb = b.match(CHUNK) ?? [];
  const n = Math.min(ca.length, cb.length);
  for (let i = 0; i < n; i++) {
    const x = ca[i] as string;
    const y = cb[i] as string;
    if (x === y) continue;
    const dx = isDigits(x);
    const dy = isDigits(y);
    if (dx && dy) {
      // By length first, so numbers longer than 2^53 still compare exactly.
      const sx = x.replace(/^0+(?=\d)/, '');
      const sy = y.replace(/^0+(?=\d)/, '');
      if (sx.length !== sy.length) return sx.length - sy.length;
      if (sx !== sy) return sx < sy ? -1 : 1;
      continue;
    }
    return x < y ? -1 : 1;
  }
  if (ca.length !== cb.length) return ca.length - cb.length;
  return a < b ? -1 : 1;
}

function isDigits(s: string): boolean {
  const c = s.charCodeAt(0);
  return c >= 48 && c <= 57;
}

// How trace code names and orders things. Requirement ids are matched the way `stories/identity.ts` matches them
// across PRD versions (FR-1, fr_1 and FR1 are one requirement), so a story linked to `FR-1` stays linked when the
// author writes `FR1` in the next version. Keys sort naturally (S-2 before S-10) with no locale, so the browser, the
// server and the CLI print the same order.

/** The form two requirement ids are compared in; keep it in step with `keyOf` in stories/identity.ts. */
export function requirementKey(id: string): string {
  return id.toUpperCase().replace(/[-_\s]/g, '');
}

/**
 * Natural order: runs of digits compare by value, other text by UTF-16 code unit; ties fall back to plain order.
 * Walks both keys run by run without allocating (sorting 5,000 stories made ~120,000 arrays of runs before; drift
 * over 500 × 5,000 spent a tenth of its time here, docs/benchmarks.md "Backlog").
 */
export function compareKeys(a: string, b: string): number {
  if (a === b) return 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const dx = isDigit(a.charCodeAt(i));
    const dy = isDigit(b.charCodeAt(j));
    const ie = runEnd(a, i, dx);
    const je = runEnd(b, j, dy);
    if (dx && dy) {
      // By length first (leading zeros aside), so numbers longer than 2^53 still compare exactly.
      const sx = skipZeros(a, i, ie);
      const sy = skipZeros(b, j, je);
      if (ie - sx !== je - sy) return ie - sx - (je - sy);
      const c = compareRange(a, sx, ie, b, sy, je);
      if (c !== 0) return c;
    } else {
      const c = compareRange(a, i, ie, b, j, je);
      if (c !== 0) return c;
    }
    i = ie;
    j = je;
  }
  // Equal so far: the key with more runs comes later, then plain order.
  const ra = runsFrom(a, i);
  const rb = runsFrom(b, j);
  if (ra !== rb) return ra - rb;
  return a < b ? -1 : 1;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Where the run of digits (or of non-digits) starting at `from` ends. */
function runEnd(s: string, from: number, digits: boolean): number {
  let k = from + 1;
  while (k < s.length && isDigit(s.charCodeAt(k)) === digits) k++;
  return k;
}

/** Past the leading zeros of a digit run, keeping its last digit. */
function skipZeros(s: string, from: number, end: number): number {
  let k = from;
  while (k < end - 1 && s.charCodeAt(k) === 48) k++;
  return k;
}

/** Two substrings compared as strings: by code unit, a prefix first; -1, 0 or 1. */
function compareRange(a: string, i: number, ie: number, b: string, j: number, je: number): number {
  const n = Math.min(ie - i, je - j);
  for (let k = 0; k < n; k++) {
    const x = a.charCodeAt(i + k);
    const y = b.charCodeAt(j + k);
    if (x !== y) return x < y ? -1 : 1;
  }
  return ie - i === je - j ? 0 : ie - i < je - j ? -1 : 1;
}

/** How many runs the rest of `s` from `from` holds. */
function runsFrom(s: string, from: number): number {
  let runs = 0;
  let k = from;
  while (k < s.length) {
    k = runEnd(s, k, isDigit(s.charCodeAt(k)));
    runs++;
  }
  return runs;
}

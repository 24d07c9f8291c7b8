// Pure helpers for the stories tab's list and board: counts in words, batches for bulk edits, and what "select all
// loaded" shows (tests: stories-view.test.ts).

/** Stories fetched per request along the API's cursor (its maximum): 10,000 stories are 20 requests. */
export const STORIES_PAGE = 500;

/** Bulk edits over this many stories ask first. */
export const BULK_CONFIRM_OVER = 50;

/** "1,234" (grouped as the rest of the UI writes numbers). */
export const formatCount = (n: number) => n.toLocaleString('en-GB');

/** "1 item", "1,234 items". */
export const countOf = (n: number, one: string, many = `${one}s`) => `${formatCount(n)} ${n === 1 ? one : many}`;

/** The list's count line: every story when all are loaded, else how many so far. */
export function loadedLabel(loaded: number, more: boolean): string {
  return more ? `Showing ${formatCount(loaded)} · more load as you scroll` : countOf(loaded, 'item');
}

/** A board column's count: exact once every page is in, "500+" while more are to come. */
export const columnCount = (loaded: number, more: boolean) => `${formatCount(loaded)}${more ? '+' : ''}`;

/** `items` in runs of at most `size`, in order. */
export function batches<T>(items: readonly T[], size: number): T[][] {
  if (size < 1) throw new RangeError('batch size must be at least 1');
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The "select all loaded" box: ticked when every loaded story is selected, half-ticked when some are. */
export function selectAllState(selected: ReadonlySet<string>, loaded: readonly string[]): 'all' | 'some' | 'none' {
  if (loaded.length === 0 || selected.size === 0) return 'none';
  const inLoaded = loaded.filter((k) => selected.has(k)).length;
  if (inLoaded === loaded.length) return 'all';
  return 'some';
}

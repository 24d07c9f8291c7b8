// Release notes draft from the stories and bugs done since the last release (Keep a Changelog 1.1.0 groups).
//
// Which items: done strictly after the last release's date and on or before this release's date (an item done on
// the day of the last release went out with it). Which group, first rule that matches:
//   1. a label security / vulnerability / cve            → Security
//   2. a label deprecated / deprecation                  → Deprecated
//   3. a label removed / removal / remove                → Removed
//   4. a bug                                             → Fixed
//   5. a breaking story, or a label changed / change /
//      enhancement / improvement                         → Changed
//   6. any other story                                   → Added
// Labels compare case-insensitively. Entries in a group are ordered by done date, then key, so the same input
// always gives the same draft.
import { compareKeys } from '../trace/keys.ts';
import { cleanText, hasText, listOf } from './text.ts';

export const CHANGE_GROUPS = ['Added', 'Changed', 'Deprecated', 'Removed', 'Fixed', 'Security'] as const;
export type ChangeGroup = (typeof CHANGE_GROUPS)[number];

export type DoneItem = {
  key: string;
  kind: 'story' | 'bug';
  title: string;
  /** YYYY-MM-DD */
  doneOn: string;
  labels?: readonly string[];
  breaking?: boolean;
  requirementKeys?: readonly string[];
};

export type ReleaseRef = { version: string; date: string };

export type ReleaseNotesInput = {
  product: { name: string; code?: string | null };
  release: ReleaseRef;
  lastRelease?: ReleaseRef | null;
  items: readonly DoneItem[];
};

export type ReleaseEntry = {
  key: string;
  kind: 'story' | 'bug';
  title: string;
  doneOn: string;
  breaking: boolean;
  requirementKeys: string[];
};

export type SkipReason = 'no_key' | 'duplicate_key' | 'bad_date' | 'before_last_release' | 'after_release';

export type ReleaseNotesDraft = {
  product: { name: string; code: string | null };
  release: ReleaseRef;
  lastRelease: ReleaseRef | null;
  /** Only groups with entries, in Keep a Changelog order. */
  groups: { group: ChangeGroup; entries: ReleaseEntry[] }[];
  breaking: ReleaseEntry[];
  skipped: { key: string; reason: SkipReason }[];
};

export class InvalidReleaseNotesInput extends Error {
  readonly code = 'invalid_release_notes_input';
  constructor(readonly fields: readonly { field: string; message: string }[]) {
    super(`invalid release notes input: ${fields.map((f) => f.field).join(', ')}`);
    this.name = 'InvalidReleaseNotesInput';
  }
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Plain numeric versions (1.3.0, v2.10) are compared; others (2026.12-rc1) are the team's own scheme. */
const NUMERIC_VERSION = /^v?\d{1,9}(?:\.\d{1,9}){0,3}$/;
const LABEL_GROUPS: readonly [ChangeGroup, readonly string[]][] = [
  ['Security', ['security', 'vulnerability', 'cve']],
  ['Deprecated', ['deprecated', 'deprecation']],
  ['Removed', ['removed', 'removal', 'remove']],
];
const CHANGED_LABELS = ['changed', 'change', 'enhancement', 'improvement'];

export function groupOf(item: Pick<DoneItem, 'kind' | 'labels' | 'breaking'>): ChangeGroup {
  const labels = new Set(listOf(item.labels).map((l) => cleanText(l, 80).toLowerCase()));
  for (const [group, names] of LABEL_GROUPS) if (names.some((n) => labels.has(n))) return group;
  if (item.kind === 'bug') return 'Fixed';
  if (item.breaking === true || CHANGED_LABELS.some((n) => labels.has(n))) return 'Changed';
  return 'Added';
}

/** Throws InvalidReleaseNotesInput when the release itself is unusable; bad items are skipped and listed. */
export function draftReleaseNotes(input: ReleaseNotesInput): ReleaseNotesDraft {
  const release = { version: cleanText(input.release?.version, 40), date: cleanText(input.release?.date, 10) };
  const last = input.lastRelease
    ? { version: cleanText(input.lastRelease.version, 40), date: cleanText(input.lastRelease.date, 10) }
    : null;
  const bad: { field: string; message: string }[] = [];
  if (!hasText(input.product?.name)) bad.push({ field: 'product.name', message: 'Name the product.' });
  if (release.version === '') bad.push({ field: 'release.version', message: 'Give the version being released.' });
  if (!isIsoDate(release.date)) bad.push({ field: 'release.date', message: 'The release date is YYYY-MM-DD.' });
  if (last && !isIsoDate(last.date)) bad.push({ field: 'lastRelease.date', message: 'The date is YYYY-MM-DD.' });
  if (last && isIsoDate(last.date) && isIsoDate(release.date) && last.date >= release.date)
    bad.push({ field: 'lastRelease.date', message: 'The last release is dated on or after this one.' });
  if (last && NUMERIC_VERSION.test(release.version) && NUMERIC_VERSION.test(last.version))
    if (compareKeys(release.version.replace(/^v/, ''), last.version.replace(/^v/, '')) <= 0)
      bad.push({ field: 'release.version', message: `${release.version} does not follow ${last.version}.` });
  if (!Array.isArray(input.items)) bad.push({ field: 'items', message: 'A list of done stories and bugs.' });
  if (bad.length > 0) throw new InvalidReleaseNotesInput(bad);

  const seen = new Set<string>();
  const skipped: ReleaseNotesDraft['skipped'] = [];
  const byGroup = new Map<ChangeGroup, ReleaseEntry[]>();
  for (const item of input.items) {
    const key = cleanText(item?.key, 80);
    const doneOn = cleanText(item?.doneOn, 10);
    const reason: SkipReason | null =
      key === ''
        ? 'no_key'
        : seen.has(key)
          ? 'duplicate_key'
          : !isIsoDate(doneOn)
            ? 'bad_date'
            : last && doneOn <= last.date
              ? 'before_last_release'
              : doneOn > release.date
                ? 'after_release'
                : null;
    if (key !== '') seen.add(key);
    if (reason) {
      skipped.push({ key, reason });
      continue;
    }
    const entry: ReleaseEntry = {
      key,
      kind: item.kind === 'bug' ? 'bug' : 'story',
      title: cleanText(item.title, 300) || '(no title)',
      doneOn,
      breaking: item.breaking === true,
      requirementKeys: [
        ...new Set(
          listOf(item.requirementKeys)
            .map((k) => cleanText(k, 80))
            .filter(Boolean),
        ),
      ],
    };
    const group = groupOf(item);
    const list = byGroup.get(group);
    if (list) list.push(entry);
    else byGroup.set(group, [entry]);
  }
  const order = (a: ReleaseEntry, b: ReleaseEntry) =>
    a.doneOn < b.doneOn ? -1 : a.doneOn > b.doneOn ? 1 : compareKeys(a.key, b.key);
  const groups = CHANGE_GROUPS.flatMap((group) => {
    const entries = byGroup.get(group);
    return entries ? [{ group, entries: entries.sort(order) }] : [];
  });
  const breaking = groups.flatMap((g) => g.entries.filter((e) => e.breaking || g.group === 'Removed')).sort(order);
  return {
    product: { name: cleanText(input.product.name, 200), code: cleanText(input.product.code, 40) || null },
    release,
    lastRelease: last,
    groups,
    breaking,
    skipped,
  };
}

/** A real calendar date in YYYY-MM-DD (2026-02-30 is not). */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

// Renders a release notes draft as Markdown the `release-notes` pack validator accepts: a "## [version] - date"
// heading, a summary, Keep a Changelog groups (only those with entries), a breaking-changes section when any
// entry breaks or removes something, and every story/bug key with the requirements it covers, so the notes trace
// back to the backlog. An empty release still gets a draft that says so: never an empty file.
import type { ReleaseEntry, ReleaseNotesDraft } from './release-notes.ts';
import { mdInline } from './text.ts';

export function releaseNotesMarkdown(draft: ReleaseNotesDraft): string {
  const { product, release, lastRelease } = draft;
  const name = mdInline(product.name) + (product.code ? ` (${mdInline(product.code)})` : '');
  const since = lastRelease ? `since ${mdInline(lastRelease.version)} (${lastRelease.date})` : 'so far';
  const entries = draft.groups.flatMap((g) => g.entries);
  const stories = entries.filter((e) => e.kind === 'story').length;
  const bugs = entries.length - stories;
  const out = [
    `# Release notes: ${name}`,
    '',
    `## [${mdInline(release.version)}] - ${release.date}`,
    '',
    '### Summary',
    '',
  ];
  if (entries.length === 0) {
    out.push(
      `No stories or bugs were done ${since}, so this draft lists no changes.`,
      'Add the changes by hand if this release has any, or do not publish it.',
      '',
    );
    return out.join('\n');
  }
  out.push(`${count(stories, 'story', 'stories')} and ${count(bugs, 'bug', 'bugs')} done ${since}.`, '');
  if (draft.breaking.length > 0) {
    out.push('### Breaking changes', '', 'Upgrade steps are needed for:', '');
    for (const e of draft.breaking) out.push(entryLine(e));
    out.push('');
  }
  for (const { group, entries: list } of draft.groups) {
    out.push(`### ${group}`, '');
    for (const e of list) out.push(entryLine(e));
    out.push('');
  }
  return out.join('\n');
}

function entryLine(e: ReleaseEntry): string {
  const covers = e.requirementKeys.length > 0 ? `; covers ${e.requirementKeys.map(mdInline).join(', ')}` : '';
  return `- ${mdInline(e.title)}${e.breaking ? ' **(breaking)**' : ''} (${mdInline(e.key)}${covers})`;
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

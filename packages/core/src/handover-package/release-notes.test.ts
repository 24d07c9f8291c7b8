import { describe, expect, it } from 'vitest';
import { validatePack } from '../handover/validate.ts';
import {
  type DoneItem,
  draftReleaseNotes,
  groupOf,
  InvalidReleaseNotesInput,
  isIsoDate,
  type ReleaseNotesInput,
} from './release-notes.ts';
import { releaseNotesMarkdown } from './release-notes-markdown.ts';

const story = (key: string, over: Partial<DoneItem> = {}): DoneItem => ({
  key,
  kind: 'story',
  title: `Story ${key}`,
  doneOn: '2026-11-20',
  labels: [],
  requirementKeys: [],
  ...over,
});
const input = (items: DoneItem[], over: Partial<ReleaseNotesInput> = {}): ReleaseNotesInput => ({
  product: { name: 'Payouts', code: 'FINTX-PAYOUTS' },
  release: { version: '1.3.0', date: '2026-12-07' },
  lastRelease: { version: '1.2.0', date: '2026-11-01' },
  items,
  ...over,
});

describe('groupOf', () => {
  it('applies the documented rules in order', () => {
    expect(groupOf({ kind: 'bug', labels: ['Security'] })).toBe('Security');
    expect(groupOf({ kind: 'story', labels: ['deprecation', 'removal'] })).toBe('Deprecated');
    expect(groupOf({ kind: 'story', labels: ['removed'] })).toBe('Removed');
    expect(groupOf({ kind: 'bug', labels: ['enhancement'], breaking: true })).toBe('Fixed');
    expect(groupOf({ kind: 'story', breaking: true })).toBe('Changed');
    expect(groupOf({ kind: 'story', labels: [' Improvement '] })).toBe('Changed');
    expect(groupOf({ kind: 'story', labels: ['ux'] })).toBe('Added');
    expect(groupOf({ kind: 'story', labels: 'security' as never })).toBe('Added');
  });
});

describe('draftReleaseNotes', () => {
  it('takes items done after the last release and up to this one, and says why others are left out', () => {
    const draft = draftReleaseNotes(
      input([
        story('S-1', { doneOn: '2026-11-01' }),
        story('S-2', { doneOn: '2026-11-02' }),
        story('S-3', { doneOn: '2026-12-08' }),
        story('S-4', { doneOn: '2026-02-30' }),
        story('S-2', { doneOn: '2026-11-03' }),
        story('  ', { doneOn: '2026-11-03' }),
      ]),
    );
    expect(draft.groups).toEqual([{ group: 'Added', entries: [expect.objectContaining({ key: 'S-2' })] }]);
    expect(draft.skipped).toEqual([
      { key: 'S-1', reason: 'before_last_release' },
      { key: 'S-3', reason: 'after_release' },
      { key: 'S-4', reason: 'bad_date' },
      { key: 'S-2', reason: 'duplicate_key' },
      { key: '', reason: 'no_key' },
    ]);
  });

  it('groups in Keep a Changelog order, orders entries by date then key, and collects breaking changes', () => {
    const draft = draftReleaseNotes(
      input([
        { key: 'B-2', kind: 'bug', title: 'Fix rounding', doneOn: '2026-11-05' },
        story('S-10', { doneOn: '2026-11-04' }),
        story('S-9', { doneOn: '2026-11-04' }),
        story('S-5', { labels: ['removed'], title: 'Drop CSV v1 export' }),
        story('S-6', { breaking: true, title: 'New payout API' }),
        story('S-7', { labels: ['security'] }),
      ]),
    );
    expect(draft.groups.map((g) => [g.group, g.entries.map((e) => e.key)])).toEqual([
      ['Added', ['S-9', 'S-10']],
      ['Changed', ['S-6']],
      ['Removed', ['S-5']],
      ['Fixed', ['B-2']],
      ['Security', ['S-7']],
    ]);
    expect(draft.breaking.map((e) => e.key)).toEqual(['S-5', 'S-6']);
  });

  it('refuses an unusable release with a typed error naming the fields', () => {
    const fields = (over: Partial<ReleaseNotesInput>) => {
      try {
        draftReleaseNotes(input([], over));
        return [];
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidReleaseNotesInput);
        return (error as InvalidReleaseNotesInput).fields.map((f) => f.field);
      }
    };
    expect(fields({ release: { version: '', date: '07/12/2026' } })).toEqual(['release.version', 'release.date']);
    expect(fields({ lastRelease: { version: '1.4.0', date: '2026-12-07' } })).toEqual([
      'lastRelease.date',
      'release.version',
    ]);
    expect(fields({ product: { name: '\u0000' }, items: null as never })).toEqual(['product.name', 'items']);
    expect(fields({ lastRelease: null })).toEqual([]);
    expect(fields({ release: { version: '1.2.0', date: '2026-12-07' } })).toEqual(['release.version']);
    expect(fields({ release: { version: 'v1.10', date: '2026-12-07' } })).toEqual([]);
    expect(fields({ release: { version: '2026.12-rc1', date: '2026-12-07' } })).toEqual([]);
  });
});

describe('releaseNotesMarkdown', () => {
  it('renders groups with every key and the requirements it covers', () => {
    const md = releaseNotesMarkdown(
      draftReleaseNotes(
        input([
          story('FINTX-S-3', { title: 'Schedule payouts', requirementKeys: ['FR-2', 'FR-3', 'FR-2'] }),
          { key: 'FINTX-B-1', kind: 'bug', title: 'Wrong fee on refunds', doneOn: '2026-11-10', breaking: false },
          story('FINTX-S-4', { title: 'Remove legacy export', labels: ['removed'] }),
        ]),
      ),
    );
    expect(md).toContain('## [1.3.0] - 2026-12-07');
    expect(md).toContain('2 stories and 1 bug done since 1.2.0 (2026-11-01).');
    expect(md).toContain('### Breaking changes');
    expect(md).toContain('- Schedule payouts (FINTX-S-3; covers FR-2, FR-3)');
    expect(md).toContain('### Fixed\n\n- Wrong fee on refunds (FINTX-B-1)');
    expect(md.indexOf('### Added')).toBeLessThan(md.indexOf('### Removed'));
    expect(md).not.toContain('### Changed');
  });

  it('an empty release gives a draft that says so, never an empty file', () => {
    const md = releaseNotesMarkdown(draftReleaseNotes(input([])));
    expect(md).toContain('No stories or bugs were done since 1.2.0 (2026-11-01)');
    expect(md).toContain('## [1.3.0] - 2026-12-07');
    expect(releaseNotesMarkdown(draftReleaseNotes(input([], { lastRelease: null })))).toContain('done so far');
  });

  it('keeps hostile titles on one line and inert', () => {
    const md = releaseNotesMarkdown(
      draftReleaseNotes(input([story('S-1', { title: 'a\nb | <script> *x* \u0000 \uD800', labels: [] })])),
    );
    expect(md).toContain('- a b | &lt;script> \\*x\\*   \uFFFD (S-1)');
    expect(md).not.toContain('\u0000');
  });

  // How fast is the benchmark's business (npm run bench), not a unit test's.
  it('drafts 10,000 items, all traced', () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      story(`S-${i}`, {
        kind: i % 3 === 0 ? 'bug' : 'story',
        doneOn: `2026-11-${String((i % 28) + 2).padStart(2, '0')}`,
      }),
    );
    const md = releaseNotesMarkdown(draftReleaseNotes(input(many)));
    expect(md.match(/^- .*\(S-\d+\)$/gm)).toHaveLength(10_000);
  });

  // Known issues and deployment notes are recommended sections the team writes by hand (no backlog data for them).
  it('passes the release-notes pack validator without a blocker or a missing required section', () => {
    const md = releaseNotesMarkdown(
      draftReleaseNotes(input([story('S-1', { title: 'Schedule payouts' }), story('S-2', { labels: ['removed'] })])),
    );
    const report = validatePack(md, 'release-notes');
    const serious = report.findings.filter(
      (f) => f.severity === 'blocker' || (f.rule.startsWith('pack.completeness.') && f.severity !== 'info'),
    );
    expect(serious).toEqual([]);
  });
});

describe('isIsoDate', () => {
  it('accepts real calendar dates only', () => {
    expect(['2026-12-07', '2024-02-29'].map(isIsoDate)).toEqual([true, true]);
    expect(['2026-02-29', '2026-13-01', '26-12-07', '2026-12-07T00:00', ''].map(isIsoDate)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

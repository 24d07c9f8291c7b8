import { describe, expect, it } from 'vitest';
import { compareVersions, syncedVersion, syncResultLabel } from './requirements.ts';
import { backlogSearch } from './search.ts';

const seen = (version: string) => ({ lastSeenIn: { id: 'x', version } });

describe('syncedVersion', () => {
  it('is the newest version a requirement was seen in, by number', () => {
    expect(syncedVersion([seen('1.9'), seen('1.10'), seen('1.2')])).toBe('1.10');
    expect(syncedVersion([])).toBeNull();
  });

  it('compares versions part by part', () => {
    expect(compareVersions('2.0', '1.10')).toBeGreaterThan(0);
    expect(compareVersions('1.0', '1.0')).toBe(0);
  });
});

describe('syncResultLabel', () => {
  it('says which version and what changed', () => {
    const label = syncResultLabel({
      baseline: {
        documentId: 'd',
        versionId: 'v',
        version: '1.0',
        reviewId: 'r',
        decidedAt: '2026-12-07T00:00:00.000Z',
      },
      changes: { added: ['FR-1', 'FR-2'], changed: [], removed: ['FR-9'], unchanged: 3 },
    });
    expect(label).toBe('From PRD version 1.0: 2 added, none changed, 1 removed, 3 unchanged.');
  });
});

describe('backlogSearch', () => {
  it('keeps known filters and drops anything else', () => {
    expect(
      backlogSearch({
        tab: 'stories',
        status: 'in_progress',
        type: 'epic',
        sprint: 'none',
        requirement: 'not-a-uuid',
      }),
    ).toEqual({ tab: 'stories', status: 'in_progress', type: undefined, sprint: 'none', requirement: undefined });
  });
});

import { describe, expect, it } from 'vitest';
import type { DriftItem } from './api.ts';
import { countByKind, noDriftLabel, sinceLabel, whereLabel } from './format.ts';

const story: DriftItem = {
  kind: 'story-without-requirement',
  what: 'Story PAY-S-7 is linked to no requirement.',
  where: { storyKey: 'PAY-S-7', sprint: 'Sprint 1' },
  since: '2026-12-03T10:00:00.000Z',
};
const requirement: DriftItem = {
  kind: 'requirement-changed-without-approval',
  what: 'FR-3 changed',
  where: { requirementId: 'FR-3', line: 42 },
  since: '1.1',
};

describe('drift in words', () => {
  it('says since which PRD version a requirement drifted, and since when a story did', () => {
    expect(sinceLabel(requirement, () => 'never')).toBe('since PRD 1.1');
    expect(sinceLabel(story, (iso) => iso.slice(0, 10))).toBe('since 2026-12-03');
  });

  it('names the place an item points to, leaving out what it does not say', () => {
    expect(whereLabel(requirement.where)).toBe('FR-3 · PRD line 42');
    expect(whereLabel(story.where)).toBe('PAY-S-7 · sprint Sprint 1');
    expect(whereLabel({})).toBe('');
  });

  it('counts items per kind in the order they come', () => {
    expect(countByKind([requirement, story, story])).toEqual([
      { kind: 'requirement-changed-without-approval', count: 1 },
      { kind: 'story-without-requirement', count: 2 },
    ]);
    expect(countByKind([])).toEqual([]);
  });
});

describe('no drift, in words', () => {
  const ref = (version: string) => ({ id: '00000000-0000-4000-8000-000000000000', version });
  it('says whether there is a baseline and whether newer versions were approved changes', () => {
    expect(noDriftLabel({ baseline: null, current: null })).toBe('Drift is measured once the PRD has passed the gate.');
    expect(noDriftLabel({ baseline: ref('1.0'), current: ref('1.0') })).toBe(
      'The build matches PRD version 1.0, the version that passed the gate.',
    );
    expect(noDriftLabel({ baseline: ref('1.0'), current: ref('1.1') })).toContain(
      'PRD version 1.1 differs from version 1.0',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { changeDraftFor } from './change-draft.ts';

describe('a change request drafted from a drift item', () => {
  it('names the story that has no requirement', () => {
    expect(
      changeDraftFor({
        kind: 'story-without-requirement',
        what: 'Story PAY-S-9 is linked to no requirement.',
        where: { storyKey: 'PAY-S-9' },
        since: '2026-12-01T00:00:00.000Z',
      }),
    ).toEqual({
      title: 'Story with no requirement: PAY-S-9',
      whatChanges: 'Story PAY-S-9 is linked to no requirement.',
      requirementIds: [],
      storyKeys: ['PAY-S-9'],
    });
  });

  it('names the requirement that changed, within the title limit', () => {
    const draft = changeDraftFor({
      kind: 'requirement-changed-without-approval',
      what: 'FR-2 changed',
      where: { requirementId: `FR-${'9'.repeat(300)}`, line: 4 },
      since: '1.1',
    });
    expect(draft.requirementIds).toHaveLength(1);
    expect(draft.storyKeys).toEqual([]);
    expect(draft.title?.length).toBe(200);
  });
});

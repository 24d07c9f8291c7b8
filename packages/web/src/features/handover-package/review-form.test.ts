import { describe, expect, it } from 'vitest';
import { gapsForBlockers, isAcceptance, newReviewDraft, reviewBodyOf, reviewDraftProblems } from './review-form.ts';
import { aReadiness } from './test-factories.ts';

const blocking = [
  { itemId: 'SUP-4', label: 'Knowledge transfer', owner: 'Ana', message: 'open' },
  { itemId: 'DOC-2', label: 'User docs', owner: null, message: 'no evidence' },
];

describe('the review form', () => {
  it('starts with one attendee row and the blocking items named for a rejection', () => {
    const draft = newReviewDraft('2026-12-07', aReadiness({ blocking }));
    expect(draft.attendees).toEqual([{ name: '', role: '' }]);
    expect(draft.rejectionItemIds).toEqual(['SUP-4', 'DOC-2']);
    expect(reviewBodyOf(draft)).toBeNull();
  });

  it('sends a rejection with its items, without gaps, and leaves out empty rows', () => {
    const draft = {
      ...newReviewDraft('2026-12-07', aReadiness({ blocking })),
      decision: 'rejected' as const,
      attendees: [
        { name: ' Sam ', role: 'IT owner' },
        { name: '', role: ' ' },
      ],
      gaps: [{ itemId: 'SUP-4', description: 'x', severity: 'minor' as const, owner: 'A', dueDate: '2026-12-20' }],
      notes: ' Come back next week ',
    };
    expect(reviewBodyOf(draft)).toEqual({
      reviewDate: '2026-12-07',
      decision: 'rejected',
      attendees: [{ name: 'Sam', role: 'IT owner' }],
      gaps: [],
      rejectionItemIds: ['SUP-4', 'DOC-2'],
      notes: 'Come back next week',
      elsDays: 30,
    });
  });

  it('adds one gap per blocking item not listed yet, due at the end of early life support', () => {
    const draft = {
      ...newReviewDraft('2026-12-07', aReadiness({ blocking })),
      decision: 'accepted_with_gaps' as const,
    };
    const once = gapsForBlockers(draft, aReadiness({ blocking }));
    expect(once).toEqual([
      { itemId: 'SUP-4', description: 'open', severity: 'major', owner: 'Ana', dueDate: '2027-01-06' },
      { itemId: 'DOC-2', description: 'no evidence', severity: 'major', owner: '', dueDate: '2027-01-06' },
    ]);
    expect(gapsForBlockers({ ...draft, gaps: once }, aReadiness({ blocking }))).toHaveLength(2);
    const body = reviewBodyOf({ ...draft, attendees: [{ name: 'Sam', role: 'IT owner' }], gaps: once });
    expect(body?.gaps).toHaveLength(2);
    expect(body?.rejectionItemIds).toEqual([]);
  });

  it('says what is missing before it can be sent', () => {
    const draft = newReviewDraft('', aReadiness());
    expect(reviewDraftProblems(draft)).toEqual([
      'Give the date of the meeting.',
      'Pick the decision.',
      'List who attended.',
    ]);
    const gaps = {
      ...newReviewDraft('2026-12-07', aReadiness()),
      decision: 'accepted_with_gaps' as const,
      attendees: [{ name: 'Sam', role: '' }],
      gaps: [{ itemId: 'SUP-4', description: '', severity: 'minor' as const, owner: '', dueDate: '2026-12-20' }],
    };
    expect(reviewDraftProblems(gaps)).toEqual([
      'Each attendee needs a name and a role.',
      'Each gap needs a description, an owner and a due date.',
    ]);
  });

  it('holds the gaps to the early-life-support days IT agrees, within 1 to 365', () => {
    const draft = {
      ...newReviewDraft('2026-12-07', aReadiness({ blocking })),
      decision: 'accepted_with_gaps' as const,
      attendees: [{ name: 'Sam', role: 'IT owner' }],
      elsDays: 10,
    };
    expect(gapsForBlockers(draft, aReadiness({ blocking }))[0]?.dueDate).toBe('2026-12-17');
    expect(reviewBodyOf(draft)?.elsDays).toBe(10);
    expect(reviewDraftProblems({ ...draft, gaps: [], elsDays: 0 })).toEqual([
      'Early-life support lasts 1 to 365 days.',
    ]);
  });

  it('treats both acceptances as going live, a rejection not', () => {
    expect(isAcceptance('accepted')).toBe(true);
    expect(isAcceptance('accepted_with_gaps')).toBe(true);
    expect(isAcceptance('rejected')).toBe(false);
    expect(isAcceptance(null)).toBe(false);
  });
});

// The readiness review's meeting record as a form: rows people fill in (attendees, gaps), what is sent (empty rows
// left out, and only the parts the decision uses), and the gaps a decision "accepted with gaps" must list.

import { ELS_LIMITS } from '@pi-studio/core/handover-package/early-life';
import type { Decision } from '@pi-studio/core/handover-package/review-decision';
import type { PackageReadiness, ReviewCreate } from './api.ts';
import { addDays } from './format.ts';

export type Severity = ReviewCreate['gaps'][number]['severity'];
export type AttendeeRow = { name: string; role: string };
export type GapRow = { itemId: string | null; description: string; severity: Severity; owner: string; dueDate: string };
export type ReviewDraft = {
  reviewDate: string;
  decision: Decision | null;
  attendees: AttendeeRow[];
  gaps: GapRow[];
  rejectionItemIds: string[];
  notes: string;
  /** Days of early-life support after an acceptance; the gaps are due within it. */
  elsDays: number;
};

/** Early life support (research §6): gaps are due within 30 days of the review unless IT agrees otherwise. */
export const ELS_DAYS = ELS_LIMITS.defaultDays;

export const emptyAttendee = (): AttendeeRow => ({ name: '', role: '' });
export const emptyGap = (dueDate: string): GapRow => ({
  itemId: null,
  description: '',
  severity: 'major',
  owner: '',
  dueDate,
});

export function newReviewDraft(today: string, readiness: PackageReadiness): ReviewDraft {
  return {
    reviewDate: today,
    decision: null,
    attendees: [emptyAttendee()],
    gaps: [],
    // A rejection names what blocks; the blockers are where to start.
    rejectionItemIds: readiness.blocking.map((b) => b.itemId),
    notes: '',
    elsDays: ELS_DAYS,
  };
}

/** One gap per blocking item not listed yet, owned by the item's owner, due at the end of early life support. */
export function gapsForBlockers(draft: ReviewDraft, readiness: PackageReadiness): GapRow[] {
  const listed = new Set(draft.gaps.map((g) => g.itemId));
  const due = addDays(draft.reviewDate, draft.elsDays);
  const added = readiness.blocking
    .filter((b) => !listed.has(b.itemId))
    .map((b) => ({ ...emptyGap(due), itemId: b.itemId, description: b.message, owner: b.owner ?? '' }));
  return [...draft.gaps, ...added];
}

const isBlank = (row: Record<string, unknown>) =>
  Object.entries(row).every(([k, v]) => k === 'severity' || k === 'dueDate' || v === null || String(v).trim() === '');

/** The body to send; null until a decision is picked. */
export function reviewBodyOf(draft: ReviewDraft): ReviewCreate | null {
  if (!draft.decision) return null;
  return {
    reviewDate: draft.reviewDate,
    decision: draft.decision,
    attendees: draft.attendees.filter((a) => !isBlank(a)).map((a) => ({ name: a.name.trim(), role: a.role.trim() })),
    gaps:
      draft.decision === 'accepted_with_gaps'
        ? draft.gaps
            .filter((g) => !isBlank(g))
            .map((g) => ({ ...g, description: g.description.trim(), owner: g.owner.trim() }))
        : [],
    rejectionItemIds: draft.decision === 'rejected' ? draft.rejectionItemIds : [],
    notes: draft.notes.trim(),
    elsDays: draft.elsDays,
  };
}

/** Accepting hands the product to IT: it moves to Live, so the form asks first. */
export const isAcceptance = (decision: Decision | null) => decision === 'accepted' || decision === 'accepted_with_gaps';

/** Why the form cannot be sent yet, in words; [] when it can (the server checks the decision's rules again). */
export function reviewDraftProblems(draft: ReviewDraft): string[] {
  const out: string[] = [];
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.reviewDate)) out.push('Give the date of the meeting.');
  if (!draft.decision) out.push('Pick the decision.');
  const attendees = draft.attendees.filter((a) => !isBlank(a));
  if (attendees.length === 0) out.push('List who attended.');
  if (attendees.some((a) => !a.name.trim() || !a.role.trim())) out.push('Each attendee needs a name and a role.');
  if (
    isAcceptance(draft.decision) &&
    !(Number.isInteger(draft.elsDays) && draft.elsDays >= ELS_LIMITS.minDays && draft.elsDays <= ELS_LIMITS.maxDays)
  )
    out.push(`Early-life support lasts ${ELS_LIMITS.minDays} to ${ELS_LIMITS.maxDays} days.`);
  if (draft.decision === 'accepted_with_gaps') {
    const gaps = draft.gaps.filter((g) => !isBlank(g));
    if (gaps.some((g) => !g.description.trim() || !g.owner.trim() || !g.dueDate))
      out.push('Each gap needs a description, an owner and a due date.');
  }
  return out;
}

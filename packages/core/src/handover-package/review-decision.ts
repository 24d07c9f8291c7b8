// The IT decision at the handover readiness review (research/handover.md §6). Accepted needs no blocker left;
// accepted with gaps needs every remaining blocker listed as a gap with an owner and a due date by the end of
// early life support (default: 30 days after the review), never a critical gap, and no blocker left in security,
// rollback (OPS-3) or escalation (SUP-2); rejected names the blocking items. Criterion `review`.
import { rules } from '../gate/checks/kit.ts';
import type { Finding } from '../gate/types.ts';
import { artifactFinding, hasBlocker } from './findings.ts';
import type { Readiness } from './readiness-score.ts';
import { isIsoDate } from './release-notes.ts';
import { cleanText, hasText, listOf } from './text.ts';

export const DECISIONS = ['accepted', 'accepted_with_gaps', 'rejected'] as const;
export type Decision = (typeof DECISIONS)[number];
export const DECISION_LABELS: Readonly<Record<Decision, string>> = {
  accepted: 'Accepted',
  accepted_with_gaps: 'Accepted with gaps',
  rejected: 'Rejected',
};

export type Gap = {
  /** The checklist item it leaves open, if any. */
  itemId: string | null;
  description: string;
  severity: 'critical' | 'major' | 'minor';
  owner: string;
  /** YYYY-MM-DD */
  dueDate: string;
  workaround?: string | null;
};

export type ReviewDecision = {
  decision: Decision;
  /** YYYY-MM-DD */
  reviewDate: string;
  decidedBy: string;
  attendees: readonly { name: string; role: string }[];
  gaps: readonly Gap[];
  /** For a rejection: the checklist items that block. */
  rejectionItemIds: readonly string[];
  /** End of early life support, YYYY-MM-DD; gaps are due by then. */
  elsEnd?: string | null;
};

/** Blockers that no gap may carry over: secrets and security findings, rollback, escalation. */
export function mustCloseBeforeAcceptance(itemId: string): boolean {
  return itemId.startsWith('SEC-') || itemId === 'OPS-3' || itemId === 'SUP-2';
}

export const DEFAULT_ELS_DAYS = 30;

export const REVIEW_RULES = rules('review', {
  'bad-decision': ['blocker', 'The decision is not accepted, accepted with gaps or rejected'],
  'no-decider': ['blocker', 'Nobody is recorded as deciding'],
  'bad-date': ['blocker', 'The review date is not a date'],
  'accepted-with-blockers': ['blocker', 'Accepted while required items still block'],
  'hard-blocker': ['blocker', 'Accepted with a gap that must be closed first (security, rollback, escalation)'],
  'blocker-not-a-gap': ['blocker', 'A blocking item is not listed as a gap'],
  'no-gaps': ['minor', 'Accepted with gaps, but no gap is listed'],
  'critical-gap': ['blocker', 'A critical gap'],
  'gap-no-owner': ['blocker', 'A gap without an owner'],
  'gap-no-due-date': ['blocker', 'A gap without a due date'],
  'gap-due-after-els': ['major', 'A gap due after early life support ends'],
  'no-rejection-reasons': ['major', 'A rejection names no blocking item'],
});
const R = REVIEW_RULES;
type Rule = (typeof R)[keyof typeof R];

export type DecisionCheck = { valid: boolean; findings: Finding[] };

export function checkReviewDecision(decision: ReviewDecision, readiness: Readiness): DecisionCheck {
  const out: Finding[] = [];
  const add = (rule: Rule, path: string[], message: string, fix: string) =>
    out.push(artifactFinding('review', rule, ['Review decision', ...path], message, fix));
  const kind = decision?.decision;
  if (!(DECISIONS as readonly unknown[]).includes(kind)) {
    add(R['bad-decision'], ['decision'], 'Unknown decision.', 'Record accepted, accepted with gaps or rejected.');
    return { valid: false, findings: out };
  }
  if (!hasText(decision.decidedBy)) add(R['no-decider'], ['decided by'], 'No decider.', 'The IT owner decides.');
  const reviewDate = cleanText(decision.reviewDate, 10);
  if (!isIsoDate(reviewDate))
    add(R['bad-date'], ['review date'], 'The review date is not YYYY-MM-DD.', 'Give the meeting date.');
  const gaps = listOf(decision.gaps);
  const blockers = readiness.blocking;
  if (kind === 'accepted' && blockers.length > 0)
    add(
      R['accepted-with-blockers'],
      ['decision'],
      `${blockers.length} required item(s) still block: ${ids(blockers)}.`,
      'Accept with gaps (each blocker a gap) or reject.',
    );
  if (kind === 'accepted_with_gaps') {
    if (gaps.length === 0) add(R['no-gaps'], ['gaps'], 'No gap is listed.', 'List the gaps, or record "accepted".');
    const hard = blockers.filter((b) => mustCloseBeforeAcceptance(b.itemId));
    if (hard.length > 0)
      add(R['hard-blocker'], ['gaps'], `${ids(hard)} must be closed before acceptance.`, 'Close them, or reject.');
    const covered = new Set(gaps.map((g) => cleanText(g?.itemId, 40)));
    const loose = blockers.filter((b) => !covered.has(b.itemId) && !mustCloseBeforeAcceptance(b.itemId));
    if (loose.length > 0)
      add(
        R['blocker-not-a-gap'],
        ['gaps'],
        `Blocking but not a gap: ${ids(loose)}.`,
        'Add a gap per blocking item, with owner and due date.',
      );
    const elsEnd = isIsoDate(cleanText(decision.elsEnd, 10))
      ? (decision.elsEnd as string)
      : addDays(reviewDate, DEFAULT_ELS_DAYS);
    for (const [i, gap] of gaps.entries()) checkGap(gap, [`gap ${i + 1}`], elsEnd, add);
  }
  if (kind === 'rejected' && !listOf(decision.rejectionItemIds).some(hasText))
    add(
      R['no-rejection-reasons'],
      ['rejection'],
      'The rejection names no item.',
      `Name the blocking items${blockers.length ? ` (${ids(blockers)})` : ''}.`,
    );
  return { valid: !hasBlocker(out), findings: out };
}

type Add = (rule: Rule, path: string[], message: string, fix: string) => void;

function checkGap(gap: Gap, at: string[], elsEnd: string | null, add: Add): void {
  const name = cleanText(gap?.itemId, 40) || at[0];
  if (gap?.severity === 'critical')
    add(R['critical-gap'], at, `${name} is critical.`, 'A critical gap rejects the handover.');
  if (!hasText(gap?.owner)) add(R['gap-no-owner'], at, `${name} has no owner.`, 'Name who closes it.');
  const due = cleanText(gap?.dueDate, 10);
  if (!isIsoDate(due)) add(R['gap-no-due-date'], at, `${name} has no due date.`, 'Give a date (YYYY-MM-DD).');
  else if (elsEnd && due > elsEnd)
    add(
      R['gap-due-after-els'],
      at,
      `${name} is due ${due}, after early life support ends (${elsEnd}).`,
      'Bring it forward, or extend ELS with IT.',
    );
}

function ids(blockers: readonly { itemId: string }[]): string {
  return blockers.map((b) => b.itemId).join(', ');
}

/** YYYY-MM-DD plus days, or null for a bad date. */
export function addDays(isoDate: string, days: number): string | null {
  if (!isIsoDate(isoDate)) return null;
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

import { describe, expect, it } from 'vitest';
import { checklistFor } from './checklist.ts';
import { READINESS_CHECKLIST_V1 as V1 } from './checklist-v1.ts';
import { type ItemState, type Readiness, readinessOf } from './readiness-score.ts';
import { type AgendaInput, reviewAgenda, reviewAgendaMarkdown } from './review-agenda.ts';
import { addDays, checkReviewDecision, type Gap, type ReviewDecision } from './review-decision.ts';

const INT = checklistFor(V1, { type: 'INT', flags: [] });
const requiredIds = INT.items.filter((i) => i.level === 'required').map((i) => i.id);
const doneAllBut = (...open: string[]): Readiness =>
  readinessOf(
    INT,
    requiredIds
      .filter((id) => !open.includes(id))
      .map((itemId): ItemState => ({ itemId, status: 'done', evidence: [{ kind: 'record', ref: `R-${itemId}` }] })),
    V1.weights,
  );
const gap = (itemId: string | null, over: Partial<Gap> = {}): Gap => ({
  itemId,
  description: 'Knowledge transfer not held yet',
  severity: 'major',
  owner: 'Ben Lead',
  dueDate: '2026-12-20',
  ...over,
});
const decision = (over: Partial<ReviewDecision> = {}): ReviewDecision => ({
  decision: 'accepted',
  reviewDate: '2026-12-07',
  decidedBy: 'Ben Lead (IT owner)',
  attendees: [{ name: 'Ben Lead', role: 'IT owner' }],
  gaps: [],
  rejectionItemIds: [],
  ...over,
});
const rulesOf = (d: ReviewDecision, r: Readiness) => checkReviewDecision(d, r).findings.map((f) => f.rule);

describe('checkReviewDecision', () => {
  it('accepts a clean package, and refuses "accepted" while items block', () => {
    expect(checkReviewDecision(decision(), doneAllBut())).toEqual({ valid: true, findings: [] });
    const check = checkReviewDecision(decision(), doneAllBut('SUP-4'));
    expect(check.valid).toBe(false);
    expect(check.findings[0]?.message).toBe('1 required item(s) still block: SUP-4.');
  });

  it('accepted with gaps: every blocker a gap with owner and due date by the end of ELS', () => {
    const r = doneAllBut('SUP-4', 'DOC-3');
    expect(rulesOf(decision({ decision: 'accepted_with_gaps', gaps: [gap('SUP-4'), gap('DOC-3')] }), r)).toEqual([]);
    expect(rulesOf(decision({ decision: 'accepted_with_gaps', gaps: [gap('SUP-4')] }), r)).toEqual([
      'review.blocker-not-a-gap',
    ]);
    const bad = [
      gap('SUP-4', { owner: '', dueDate: 'next week' }),
      gap('DOC-3', { dueDate: '2027-01-07', severity: 'critical' }),
    ];
    expect(rulesOf(decision({ decision: 'accepted_with_gaps', gaps: bad }), r)).toEqual([
      'review.gap-no-owner',
      'review.gap-no-due-date',
      'review.critical-gap',
      'review.gap-due-after-els',
    ]);
    // An explicit ELS end moves the limit.
    const later = decision({
      decision: 'accepted_with_gaps',
      gaps: [gap('SUP-4'), gap('DOC-3', { dueDate: '2027-01-07' })],
      elsEnd: '2027-01-31',
    });
    expect(rulesOf(later, r)).toEqual([]);
  });

  it('never carries security, rollback or escalation blockers over as gaps', () => {
    const r = doneAllBut('SEC-3', 'OPS-3', 'SUP-2');
    const check = checkReviewDecision(
      decision({ decision: 'accepted_with_gaps', gaps: [gap('SEC-3'), gap('OPS-3'), gap('SUP-2')] }),
      r,
    );
    expect(check.valid).toBe(false);
    expect(check.findings.map((f) => [f.rule, f.message])).toEqual([
      ['review.hard-blocker', 'SEC-3, OPS-3, SUP-2 must be closed before acceptance.'],
    ]);
  });

  it('a rejection names the blocking items; a decision needs a decider, a date and a known kind', () => {
    const r = doneAllBut('SUP-2');
    expect(rulesOf(decision({ decision: 'rejected', rejectionItemIds: ['SUP-2'] }), r)).toEqual([]);
    expect(rulesOf(decision({ decision: 'rejected' }), r)).toEqual(['review.no-rejection-reasons']);
    expect(rulesOf(decision({ decidedBy: '\u0000', reviewDate: '7.12.2026' }), doneAllBut())).toEqual([
      'review.no-decider',
      'review.bad-date',
    ]);
    expect(rulesOf(decision({ decision: 'maybe' as never }), r)).toEqual(['review.bad-decision']);
    expect(rulesOf(decision({ decision: 'accepted_with_gaps', gaps: null as never }), doneAllBut())).toEqual([
      'review.no-gaps',
    ]);
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-07', 30)).toBe('2027-01-06');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('nope', 1)).toBeNull();
  });
});

describe('reviewAgenda', () => {
  const agendaInput = (over: Partial<AgendaInput> = {}): AgendaInput => ({
    product: { name: 'Payouts', code: 'FINTX-PAYOUTS' },
    release: '1.3.0',
    packageVersion: 4,
    readiness: doneAllBut('SUP-4'),
    openGaps: [gap('DOC-3')],
    artifacts: [
      {
        kind: 'release-notes',
        title: 'Release notes',
        version: 2,
        validation: { verdict: 'pass', score: 92, blockers: 0 },
      },
      { kind: 'security', title: 'Security pack', version: 1, validation: { verdict: 'fail', score: 40, blockers: 1 } },
      { kind: 'runbook', title: 'Runbook-lite', validation: null },
    ],
    ...over,
  });

  it('lists readiness, blockers, gaps, artifacts with validation, and the decision to take', () => {
    const sections = reviewAgenda(agendaInput());
    expect(sections.map((s) => s.title)).toEqual([
      '1. Scope',
      '2. Readiness',
      '3. Blockers',
      '4. Waivers to confirm',
      '5. Open gaps',
      '6. Artifacts and validation',
      '7. Decision',
    ]);
    const r = doneAllBut('SUP-4');
    expect(sections[1]?.lines).toEqual([
      `Readiness score: ${r.score}%`,
      'Required items met: 25/26 (96%)',
      'Recommended items met: 0/7 (0%)',
    ]);
    expect(sections[2]?.lines).toEqual([
      expect.stringMatching(/^SUP-4 Knowledge-transfer session held.*: open \(no owner\)$/),
    ]);
    expect(sections[4]?.lines).toEqual(['DOC-3: Knowledge transfer not held yet (major; Ben Lead, due 2026-12-20)']);
    expect(sections[5]?.lines).toEqual([
      'Release notes v2: pass (score 92)',
      'Security pack v1: fail (score 40, 1 blocker)',
      'Runbook-lite: not validated',
    ]);
  });

  it('says "none" rather than leaving a section empty, and renders Markdown', () => {
    const md = reviewAgendaMarkdown(agendaInput({ readiness: doneAllBut(), openGaps: [], artifacts: [] }));
    expect(md).toContain('## 3. Blockers\n\n- None: every required item is met.');
    expect(md).toContain('## 6. Artifacts and validation\n\n- No artifacts yet.');
    const full = reviewAgendaMarkdown(agendaInput({ product: { name: 'Pay|outs <b>' } }));
    expect(full).toContain('# Handover readiness review: Pay|outs &lt;b>');
    expect(full).toContain('| Security pack | 1 | fail (score 40, 1 blocker) |');
  });
});

import { describe, expect, it } from 'vitest';
import type { ReviewCriterion, ReviewFinding } from '../api.ts';
import { groupFindings } from './group-findings.ts';

const criterion = (id: string): ReviewCriterion => ({
  id,
  name: id,
  weight: 10,
  score: 0.5,
  engineScore: 0.5,
  override: null,
});
const finding = (
  id: string,
  criterionId: string,
  severity: ReviewFinding['severity'],
  line: number,
): ReviewFinding => ({
  id,
  criterion: criterionId,
  rule: `${criterionId}.rule`,
  severity,
  line,
  column: 1,
  section: '',
  excerpt: '',
  message: 'm',
  fix: 'f',
  waiver: null,
});

describe('groupFindings', () => {
  it('keeps rubric order, sorts by severity then line, counts unwaived findings', () => {
    const groups = groupFindings(
      [criterion('metrics'), criterion('clarity')],
      [
        finding('a', 'clarity', 'minor', 3),
        finding('b', 'metrics', 'minor', 9),
        finding('c', 'metrics', 'blocker', 20),
        {
          ...finding('d', 'metrics', 'major', 1),
          waiver: {
            reason: 'ok',
            expiresAt: '2030-01-01T00:00:00.000Z',
            by: null,
            at: '2026-01-01T00:00:00.000Z',
            carriedFromReviewId: null,
          },
        },
      ],
    );
    expect(groups.map((g) => g.criterion.id)).toEqual(['metrics', 'clarity']);
    expect(groups[0]?.findings.map((f) => f.id)).toEqual(['c', 'd', 'b']);
    expect(groups[0]?.open).toBe(2);
  });

  it('keeps findings of criteria outside the rubric', () => {
    const groups = groupFindings([criterion('metrics')], [finding('x', 'legacy', 'info', 1)]);
    expect(groups.map((g) => [g.criterion.id, g.findings.length])).toEqual([
      ['metrics', 0],
      ['legacy', 1],
    ]);
  });
});

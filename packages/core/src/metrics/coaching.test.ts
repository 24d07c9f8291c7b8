import { describe, expect, it } from 'vitest';
import { type AuthoredFinding, coachingSuggestions } from './coaching.ts';

const DAY = 86_400_000;
const t0 = Date.parse('2026-11-01T00:00:00Z');
let n = 0;
const finding = (author: string, document: string, rule: string, day: number, over: Partial<AuthoredFinding> = {}) => ({
  author,
  document,
  reviewId: `r${n++}`,
  decidedAt: t0 + day * DAY,
  rule,
  criterion: rule.split('.')[0] as string,
  severity: 'major' as const,
  excerpt: `${rule} in ${document}`,
  line: 10 + day,
  ...over,
});
const window = { from: t0, to: t0 + 30 * DAY };

describe('coaching suggestions', () => {
  it('suggests a session for a rule that recurs across an author’s documents, with recent examples first', () => {
    const findings = [
      finding('ana', 'PRD-1', 'metrics.no_baseline', 1),
      finding('ana', 'PRD-2', 'metrics.no_baseline', 5),
      finding('ana', 'PRD-3', 'metrics.no_baseline', 9),
      finding('ana', 'PRD-3', 'clarity.vague', 9),
      finding('ben', 'PRD-4', 'metrics.no_baseline', 2),
    ];
    const [s, ...rest] = coachingSuggestions(findings, window);
    expect(rest).toEqual([]);
    expect(s).toMatchObject({
      author: 'ana',
      rule: 'metrics.no_baseline',
      criterion: 'metrics',
      reviews: 3,
      documents: 3,
    });
    expect(s?.examples.map((e) => e.document)).toEqual(['PRD-3', 'PRD-2', 'PRD-1']);
  });

  it('does not count rework of one document, info findings or findings outside the window', () => {
    const findings = [
      finding('ana', 'PRD-1', 'acceptance.none', 1),
      finding('ana', 'PRD-1', 'acceptance.none', 3),
      finding('ana', 'PRD-1', 'acceptance.none', 6),
      finding('cy', 'PRD-5', 'style.long', 1, { severity: 'info' }),
      finding('cy', 'PRD-6', 'style.long', 2, { severity: 'info' }),
      finding('cy', 'PRD-7', 'style.long', 3, { severity: 'info' }),
      finding('dee', 'PRD-8', 'scope.none', 40),
      finding('dee', 'PRD-9', 'scope.none', 41),
      finding('dee', 'PRD-10', 'scope.none', 42),
    ];
    expect(coachingSuggestions(findings, window)).toEqual([]);
  });
});

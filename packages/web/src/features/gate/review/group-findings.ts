// Groups a review's findings under the rubric's criteria (rubric order), worst severity first within a group.
import type { ReviewCriterion, ReviewFinding } from '../api.ts';
import { SEVERITY_ORDER } from '../format.ts';

export type FindingGroup = { criterion: ReviewCriterion; findings: ReviewFinding[]; open: number };

export function groupFindings(
  criteria: readonly ReviewCriterion[],
  findings: readonly ReviewFinding[],
): FindingGroup[] {
  const byId = new Map<string, ReviewFinding[]>();
  for (const f of findings) byId.set(f.criterion, [...(byId.get(f.criterion) ?? []), f]);
  const known = new Set(criteria.map((c) => c.id));
  const groups = criteria.map((criterion) => {
    const list = (byId.get(criterion.id) ?? []).sort(
      (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.line - b.line,
    );
    return { criterion, findings: list, open: list.filter((f) => !f.waiver).length };
  });
  // Findings of a criterion the rubric no longer lists still show, under their id.
  for (const [id, list] of byId) {
    if (known.has(id)) continue;
    groups.push({
      criterion: { id, name: id, weight: 0, score: 0, engineScore: 0, override: null },
      findings: list,
      open: list.filter((f) => !f.waiver).length,
    });
  }
  return groups;
}

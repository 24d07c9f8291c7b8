// Verdict rules of a rubric version: pass — score ≥ passScore and no blocker; conditional — score ≥
// conditionalScore, at most maxBlockersConditional blockers and every finding carries a fix; fail — otherwise.
import type { Rubric } from './rubric.ts';
import type { Finding, Verdict } from './types.ts';

export function verdictOf(score: number, findings: readonly Finding[], rules: Rubric['verdict']): Verdict {
  const blockers = findings.filter((f) => f.severity === 'blocker').length;
  if (score >= rules.passScore && blockers === 0) return 'pass';
  const fixable = findings.every((f) => f.fix.trim().length > 0);
  if (score >= rules.conditionalScore && blockers <= rules.maxBlockersConditional && fixable) return 'conditional';
  return 'fail';
}

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

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** One sentence that says why the verdict is what it is, in the rubric's own terms. */
export function explainVerdict(
  verdict: Verdict,
  score: number,
  findings: readonly Finding[],
  rules: Rubric['verdict'],
): string {
  const blockers = findings.filter((f) => f.severity === 'blocker');
  const notPrd = blockers.find((f) => f.rule === 'document.not_prd');
  if (notPrd) return `Fail: ${notPrd.message.replace(/^This does not look like a PRD: /, 'this is not a PRD — ')}`;
  const named = blockers.length ? ` (${[...new Set(blockers.map((b) => b.rule))].slice(0, 3).join(', ')})` : '';
  if (verdict === 'pass') return `Pass: score ${score} ≥ ${rules.passScore} and no blocker.`;
  if (verdict === 'conditional')
    return blockers.length
      ? `Conditional pass: score ${score} ≥ ${rules.conditionalScore} and ${plural(blockers.length, 'blocker')}${named} that the conditions must fix.`
      : `Conditional pass: no blocker, but score ${score} is below ${rules.passScore}.`;
  if (blockers.length > rules.maxBlockersConditional)
    return `Fail: ${plural(blockers.length, 'blocker')}${named}; a conditional pass allows at most ${rules.maxBlockersConditional}.`;
  if (score < rules.conditionalScore)
    return `Fail: score ${score} is below ${rules.conditionalScore}${blockers.length ? `, with ${plural(blockers.length, 'blocker')}${named}` : ''}.`;
  return 'Fail: some findings have no fix to turn into a condition.';
}

// Findings on structured artifacts (support flow, escalation matrix, ownership, review decision) use the gate's
// Finding type, so the UI and the CLI show them with the code they have for PRD and pack findings. A structured
// artifact has no text position: `line`/`column` are 0 and `section` is the path of the field the finding is about
// (e.g. "Escalation matrix > SEV1 > step 2 > backup"), which is also the heading path of the rendered Markdown.
import type { RuleInfo } from '../gate/checks/kit.ts';
import type { Finding } from '../gate/types.ts';
import { cleanText } from './text.ts';

export function artifactFinding(
  criterion: string,
  rule: RuleInfo,
  path: readonly string[],
  message: string,
  fix: string,
  excerpt = '',
): Finding {
  return {
    criterion,
    rule: rule.id,
    severity: rule.severity,
    line: 0,
    column: 0,
    section: path.map((p) => cleanText(p, 80)).join(' > '),
    excerpt: cleanText(excerpt, 120),
    message,
    fix,
  };
}

export function hasBlocker(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'blocker');
}

// Content a PRD states outside a section of its own: design notes under each feature, a rollout in the phases, a
// dashboard named next to the metrics. Such content counts (a minor "no section" note), instead of a "missing"
// finding that is simply wrong about the document.
import type { DocFacts } from '../facts/facts.ts';
import type { TextUnit } from '../facts/units.ts';
import { anchorOf, type CheckResult, finding, type RuleInfo } from './kit.ts';

/** Prose units (not code; headings only when asked) matching `pattern`, outside `skip`. */
export function mentions(
  facts: DocFacts,
  pattern: RegExp,
  skip: readonly TextUnit[] = [],
  { headings = false } = {},
): TextUnit[] {
  const skipped = new Set(skip);
  return facts.units.filter(
    (u) =>
      (headings || u.kind !== 'heading') && u.kind !== 'code' && !u.header && !skipped.has(u) && pattern.test(u.text),
  );
}

/** The result of a check whose subject is stated only in passing, anchored at its first mention. */
export function statedInPassing(rule: RuleInfo, first: TextUnit, subject: string, fix: string): CheckResult {
  return {
    score: 0.4,
    findings: [finding(rule, anchorOf(first), `${subject} only in passing, outside a section of its own.`, fix)],
  };
}

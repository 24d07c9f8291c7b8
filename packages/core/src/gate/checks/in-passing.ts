// Content a PRD states outside a section of its own: design notes under each feature, a rollout in the phases, a
// dashboard named next to the metrics. Such content counts (a minor "no section" note), instead of a "missing"
// finding that is simply wrong about the document.
import type { DocFacts } from '../facts/facts.ts';
import type { TextUnit } from '../facts/units.ts';
import { anchorOf, type CheckResult, finding, type RuleInfo } from './kit.ts';

/**
 * The first `upTo` prose units (not code; headings only when asked) matching `pattern`, outside `skip`. Callers
 * only need to know whether there are two: the search stops there instead of running the pattern over every unit.
 */
export function mentions(
  facts: DocFacts,
  pattern: RegExp,
  upTo: number,
  skip: readonly TextUnit[] = [],
  { headings = false } = {},
): TextUnit[] {
  const skipped = new Set(skip);
  const found: TextUnit[] = [];
  for (const u of facts.units) {
    if (found.length >= upTo) break;
    if ((headings || u.kind !== 'heading') && u.kind !== 'code' && !u.header && !skipped.has(u) && pattern.test(u.text))
      found.push(u);
  }
  return found;
}

/** The result of a check whose subject is stated only in passing, anchored at its first mention. */
export function statedInPassing(rule: RuleInfo, first: TextUnit, subject: string, fix: string): CheckResult {
  return {
    score: 0.4,
    findings: [finding(rule, anchorOf(first), `${subject} only in passing, outside a section of its own.`, fix)],
  };
}

// Acceptance criteria: coverage = functional requirements with criteria ÷ all functional requirements, and
// criteria should state an observable outcome (a number, a message, a state).
import { z } from 'zod';
import type { Requirement } from '../facts/requirements.ts';
import { anchorOf, defineCheck, documentAnchor, finding, type RawFinding, ratio, rules, sectionAnchor } from './kit.ts';
import { region } from './region.ts';

const R = rules('acceptance', {
  none: ['major', 'No acceptance criteria for any requirement'],
  missing: ['major', 'A requirement has no acceptance criteria'],
  unlinked: ['minor', 'Criteria exist but do not name this requirement'],
  'not-observable': ['minor', 'Criteria state no observable outcome'],
});

export const acceptanceCheck = defineCheck({
  id: 'acceptance',
  rules: R,
  params: z.strictObject({ maxMissingFindings: z.number().int().min(0).max(500).default(40) }),
  run({ doc, facts }, params) {
    const findings: RawFinding[] = [];
    const functional = facts.requirements.filter((r) => r.substantive && r.kind === 'functional');
    const { of, unassignedGroups, total } = facts.acceptance;
    const sections = region(facts, 'acceptance').sections;
    const anchor = sections[0] ? sectionAnchor(sections[0]) : documentAnchor(doc);
    if (functional.length === 0) {
      if (total > 0) return { score: 0.25, findings };
      findings.push(
        finding(R.none, anchor, 'There are no acceptance criteria and no requirements to attach them to.', FIX_NONE),
      );
      return { score: 0, findings };
    }
    const covered = functional.filter((r) => of(r).length > 0);
    const uncovered = functional.filter((r) => of(r).length === 0);
    // Criteria that name no requirement may still cover requirements written without ids: half credit each.
    const credited = Math.min(unassignedGroups, uncovered.length);
    if (covered.length === 0 && credited === 0) {
      findings.push(
        finding(
          R.none,
          anchor,
          `None of the ${functional.length} requirements has acceptance criteria.`,
          `${FIX_NONE} Start with ${functional[0]?.label}: ${example(functional[0] as Requirement)}`,
        ),
      );
      return { score: 0, findings };
    }
    for (const req of uncovered.slice(0, params.maxMissingFindings)) {
      const unlinked = credited > 0;
      findings.push(
        finding(
          unlinked ? R.unlinked : R.missing,
          anchorOf(req.unit),
          unlinked ? `No acceptance criterion names ${req.label}.` : `${req.label} has no acceptance criteria.`,
          unlinked
            ? `Put ${req.label}'s criteria under it or name it in the scenario ("Scenario: ${req.id ?? 'FR-n'} …").`
            : `Add Given/When/Then with an observable outcome under ${req.label}, e.g. ${example(req)}`,
        ),
      );
    }
    const observable = covered.filter((r) => of(r).some((e) => e.observable));
    for (const req of covered) {
      if (of(req).some((e) => e.observable)) continue;
      const first = of(req)[0];
      if (!first) continue;
      findings.push(
        finding(
          R['not-observable'],
          { line: first.line, column: first.column, section: req.section, text: first.text },
          `The criteria of ${req.label} state no observable outcome.`,
          'End each criterion with something a tester can see or measure: a number, a message, a state, e.g. "{{eg:criterion}}".',
        ),
      );
    }
    const coverage = ratio(covered.length + credited * 0.5, functional.length);
    return { score: coverage * (0.8 + 0.2 * ratio(observable.length, covered.length)), findings };
  },
});

/** An example criterion built from the requirement's own words. */
function example(req: Requirement): string {
  const words = req.text
    .replace(/^(?:the system|system|it)\s+(?:shall|must|should|will|can)\s+/i, '')
    .replace(/[.;:,\s]+$/, '')
    .trim();
  const action = words.length > 70 ? `${words.slice(0, 69).trimEnd()}…` : words;
  const when = action ? `${action[0]?.toLowerCase()}${action.slice(1)}` : '<someone acts>';
  return `"Given <a starting state>, When ${when}, Then <what a tester can observe: a message, a status or a number>".`;
}

const FIX_NONE =
  'Write acceptance criteria for every requirement as Given/When/Then (or an "Acceptance:" list under it) that states an observable outcome.';

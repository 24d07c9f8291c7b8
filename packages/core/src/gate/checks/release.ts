// Rollout and release plan: phases with dates, a pilot / beta / flag / % rollout, and how to roll back.
import { z } from 'zod';
import { TIMEFRAME } from '../patterns.ts';
import { mentions, statedInPassing } from './in-passing.ts';
import { defineCheck, documentAnchor, finding, type RawFinding, rules, sectionAnchor } from './kit.ts';
import { region } from './region.ts';

const R = rules('release', {
  missing: ['major', 'No rollout or release plan'],
  'no-section': ['minor', 'Release planned only in passing'],
  'no-dates': ['minor', 'The plan has no phases or dates'],
  'no-rollout': ['minor', 'No pilot, beta, flag or percentage rollout'],
  'no-rollback': ['minor', 'No rollback plan'],
});

const PHASES =
  /\b(?:phase|stage|wave|sprint|milestone|week|month)\s*\d|\b(?:alpha|beta|pilot|ga|general availability)\b.{0,80}\d/i;
const ROLLOUT =
  /\b(?:pilot|beta|alpha|canary|feature[- ]flag|flag|toggle|dark launch|staged|gradual|\d{1,3}\s?%\s*(?:of\s+)?(?:users|merchants|traffic|customers|accounts)?|ga|general availability|early access|waitlist|cohort)\b/i;
const RELEASE_IN_PASSING =
  /\b(?:phase [1-9]|phase (?:one|two|three)|mvp|v1(?:\.\d)?|v2|beta|pilot|launch(?:es|ed)?|go[- ]live|release (?:date|plan)|roll[- ]?out|demo(?: day| date)?|milestones?|v?\d+\.\d+ release)\b/i;
const ROLLBACK = /\b(?:roll[- ]?back|revert|kill[- ]switch|turn (?:it )?off|disable the flag|fallback|back out)\b/i;

export const releaseCheck = defineCheck({
  id: 'release',
  rules: R,
  params: z.strictObject({}),
  run({ doc, facts }) {
    const findings: RawFinding[] = [];
    const found = region(facts, 'release');
    const anchor = found.sections[0] ? sectionAnchor(found.sections[0]) : documentAnchor(doc);
    if (!found.hasWords(5)) {
      // Phases or a launch written into the plan elsewhere ("MVP → 1.5 → Phase 2", "demo on 14 March").
      // Headings count here: "### MVP (Phase 1)", "### Phase 2 Features" lay the plan out by themselves.
      const said = mentions(facts, RELEASE_IN_PASSING, 2, found.units, { headings: true });
      if (said.length >= 2 && said[0]) return statedInPassing(R['no-section'], said[0], 'The release is planned', FIX);
      const message = found.sections[0]
        ? `"${found.sections[0].title}" has no rollout plan under it.`
        : 'There is no rollout or release plan.';
      findings.push(finding(R.missing, anchor, message, FIX));
      return { score: 0, findings };
    }
    const text = found.units
      .filter((u) => facts.meaningful(u) > 0 || /\d/.test(u.text))
      .map((u) => u.text)
      .join('\n');
    const dated = TIMEFRAME.test(text) || PHASES.test(text);
    const rollout = ROLLOUT.test(text);
    const rollback = ROLLBACK.test(text) && !/roll[- ]?back\s*:\s*(?:tbd|tbc|n\/a)?\s*$/im.test(text);
    if (!dated)
      findings.push(
        finding(
          R['no-dates'],
          anchor,
          'The release plan has no phases or dates.',
          'Give each phase a date or sprint, e.g. "{{eg:phases}}".',
        ),
      );
    if (!rollout)
      findings.push(
        finding(
          R['no-rollout'],
          anchor,
          'The plan has no pilot, beta, feature flag or percentage rollout.',
          'Say who gets it first and how it widens, e.g. "{{eg:rollout}}".',
        ),
      );
    if (!rollback)
      findings.push(
        finding(
          R['no-rollback'],
          anchor,
          'The plan does not say how to roll back.',
          'Add the rollback: what triggers it and how, e.g. "{{eg:rollback}}".',
        ),
      );
    return { score: 0.3 + (dated ? 0.3 : 0) + (rollout ? 0.2 : 0) + (rollback ? 0.2 : 0), findings };
  },
});

const FIX =
  'Add a "Release plan": phases with dates (pilot → GA), the rollout mechanism (feature flag, % of users) and the rollback trigger and steps.';

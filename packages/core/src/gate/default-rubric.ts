// The built-in rubric (research notes: shared/research/prd-gate.md). Criterion ids and weights are a public
// contract; a change means a new version, never an edit of a stored one.
// v2 (issue #11, calibrated on public PRDs — docs/gate.md): same criteria and weights as v1; a conditional pass
// needs 50 (was 60) and allows two blockers (was one), a pass needs 75 (was 80). On v1, 11 of 13 strong and
// medium-strong public PRDs failed; the blockers still name what the conditions must fix.
// v3 (issue #11, second calibration round): a conditional pass needs 40 (was 50). Medium–strong public PRDs that
// lack two whole parts (metrics and acceptance criteria, say) scored 43–48 with two blockers: that is "build with
// these conditions", not "start again". Weak PRDs and templates still fail on the blocker cap (3+) or on a score
// below 40 (the highest weak one with two blockers scored 38).
import { HEADINGS_EN } from './headings-en.ts';
import type { Rubric } from './rubric.ts';
import { WORD_LISTS_EN } from './words-en.ts';

export const DEFAULT_RUBRIC: Rubric = {
  id: 'pistudio-prd',
  version: 3,
  name: 'PI Studio PRD rubric',
  language: 'en',
  criteria: [
    { id: 'problem', name: 'Problem and evidence', weight: 8, check: 'problem', params: {}, severities: {} },
    { id: 'users', name: 'Users and jobs', weight: 6, check: 'users', params: {}, severities: {} },
    { id: 'metrics', name: 'Goals and success metrics', weight: 12, check: 'metrics', params: {}, severities: {} },
    { id: 'scope', name: 'Scope and non-goals', weight: 8, check: 'scope', params: {}, severities: {} },
    {
      id: 'requirements',
      name: 'Requirements identified and prioritised',
      weight: 8,
      check: 'requirements',
      params: {},
      severities: {},
    },
    { id: 'acceptance', name: 'Acceptance criteria', weight: 12, check: 'acceptance', params: {}, severities: {} },
    { id: 'clarity', name: 'Unambiguous language', weight: 8, check: 'clarity', params: {}, severities: {} },
    {
      id: 'completeness',
      name: 'No placeholders; open questions owned',
      weight: 8,
      check: 'completeness',
      params: {},
      severities: {},
    },
    { id: 'nfr', name: 'Non-functional requirements', weight: 6, check: 'nfr', params: {}, severities: {} },
    { id: 'ux', name: 'Experience and design', weight: 4, check: 'ux', params: {}, severities: {} },
    { id: 'release', name: 'Rollout and release plan', weight: 6, check: 'release', params: {}, severities: {} },
    { id: 'risks', name: 'Risks, assumptions, dependencies', weight: 6, check: 'risks', params: {}, severities: {} },
    { id: 'analytics', name: 'Instrumentation', weight: 4, check: 'analytics', params: {}, severities: {} },
    { id: 'metadata', name: 'Owner and document metadata', weight: 4, check: 'metadata', params: {}, severities: {} },
  ],
  wordLists: { en: WORD_LISTS_EN },
  headings: { en: HEADINGS_EN },
  verdict: { passScore: 75, conditionalScore: 40, maxBlockersConditional: 2 },
  blockers: [
    'problem.missing',
    'metrics.none-measurable',
    'requirements.none',
    'acceptance.none',
    'completeness.placeholder-in-requirement',
    'completeness.placeholder-in-metric',
    'completeness.hollow-section',
  ],
};

import { checkStory } from '@pi-studio/core/stories/checks';
import { describe, expect, it } from 'vitest';
import { findingsSummary, sortFindings, storyRuleLabel } from './story-checks.ts';

describe('storyRuleLabel', () => {
  it('names a rule in words, and leaves an unknown one as it is', () => {
    expect(storyRuleLabel('story.no-benefit')).toBe('The story says no benefit ("so that …")');
    expect(storyRuleLabel('story.unknown')).toBe('story.unknown');
  });
});

describe('the checks as the editor lists them', () => {
  const findings = checkStory({
    title: 'Refunds',
    narrative: 'As a merchant, I want refunds',
    acceptance: '',
    requirementIds: [],
  });

  it('puts the worst first, then by field', () => {
    const sorted = sortFindings(findings);
    expect(sorted.map((f) => `${f.severity} ${f.section}`)).toEqual([
      'major acceptance',
      'major requirements',
      'minor narrative',
    ]);
  });

  it('sums them up by severity', () => {
    expect(findingsSummary(findings)).toBe('2 major, 1 minor');
    expect(findingsSummary([])).toBe('No problems found');
  });
});

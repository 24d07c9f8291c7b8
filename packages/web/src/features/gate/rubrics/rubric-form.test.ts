import { DEFAULT_RUBRIC } from '@pi-studio/core/gate/default-rubric';
import { describe, expect, it } from 'vitest';
import {
  addCriterion,
  blockersOf,
  criteriaOf,
  nextVersionDefinition,
  removeCriterion,
  rubricIssues,
  setVerdict,
  updateCriterion,
  verdictOf,
  weightTotal,
} from './rubric-form.ts';

const base = () => nextVersionDefinition(structuredClone(DEFAULT_RUBRIC), 3);

describe('the rubric form', () => {
  it('starts from the base definition with the next version and finds nothing wrong in the default', () => {
    const def = base();
    expect(def.version).toBe(3);
    expect(rubricIssues(def).size).toBe(0);
    expect(weightTotal(def)).toBe(100);
    expect(verdictOf(def)).toEqual({ passScore: 75, conditionalScore: 40, maxBlockersConditional: 2 });
    expect(blockersOf(def)).toContain('metrics.none-measurable');
  });

  it('edits a criterion and keeps what the form does not show (params, severities, word lists)', () => {
    const withParams = updateCriterion(base(), 2, { params: { unnumberedWeight: 0.3 } });
    const edited = updateCriterion(withParams, 2, { name: 'Outcomes', weight: 10 });
    const row = criteriaOf(edited)[2];
    expect(row).toMatchObject({ id: 'metrics', name: 'Outcomes', weight: 10, params: { unnumberedWeight: 0.3 } });
    expect(edited.wordLists).toEqual(DEFAULT_RUBRIC.wordLists);
    expect(weightTotal(edited)).toBe(98);
  });

  it('names each problem at its field path, as the server does under definition.', () => {
    let def = updateCriterion(base(), 0, { weight: 20 });
    def = updateCriterion(def, 1, { check: 'astrology' });
    def = setVerdict(def, { conditionalScore: 90 });
    def = { ...def, blockers: [...blockersOf(def), 'nope.rule'] };
    const issues = rubricIssues(def);
    expect(issues.get('criteria')).toBe('criteria weights sum to 112, expected 100');
    expect(issues.get('criteria.1.check')).toMatch(/^unknown check id "astrology"/);
    expect(issues.get('verdict.conditionalScore')).toBe('conditionalScore must not exceed passScore');
    expect(issues.get(`blockers.${blockersOf(def).length - 1}`)).toBe('unknown rule id "nope.rule"');
    expect(rubricIssues({ ...base(), colour: 'blue' }).get('colour')).toBe('unknown field');
  });

  it('adds and removes criteria', () => {
    const added = addCriterion(base(), 'ux');
    expect(criteriaOf(added).at(-1)).toEqual({ id: '', name: '', weight: 0, check: 'ux', params: {}, severities: {} });
    expect(rubricIssues(added).get(`criteria.${criteriaOf(added).length - 1}.id`)).toBeDefined();
    expect(criteriaOf(removeCriterion(added, 0)).map((c) => c.id)[0]).toBe('users');
  });
});

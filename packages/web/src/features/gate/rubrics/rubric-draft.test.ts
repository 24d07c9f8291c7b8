import { DEFAULT_RUBRIC } from '@pi-studio/core/gate/default-rubric';
import { describe, expect, it } from 'vitest';
import { checkRubricDraft, nextVersionDraft } from './rubric-draft.ts';

describe('rubric drafts', () => {
  it('accepts the default rubric as the next version', () => {
    const draft = nextVersionDraft(DEFAULT_RUBRIC, 2);
    const check = checkRubricDraft(draft);
    expect(check.error).toBeNull();
    expect(JSON.parse(draft).version).toBe(2);
  });

  it('names broken JSON', () => {
    const check = checkRubricDraft('{"id": ');
    expect(check.definition).toBeUndefined();
    expect(check.error).toMatch(/^Not valid JSON/);
  });

  it('names the field when the weights do not sum to 100', () => {
    const bad = { ...DEFAULT_RUBRIC, criteria: DEFAULT_RUBRIC.criteria.map((c, i) => (i ? c : { ...c, weight: 20 })) };
    const check = checkRubricDraft(JSON.stringify(bad));
    expect(check.error).toMatch(/^criteria: criteria weights sum to 112/);
    expect(check.definition).toEqual(bad);
  });
});

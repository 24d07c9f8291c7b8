import { DEFAULT_CONVENTION } from '@pi-studio/core/naming/convention';
import { describe, expect, it } from 'vitest';
import { conventionIssues, fromDraft, toDraft } from './convention-form.ts';

describe('the naming convention form', () => {
  it('round-trips the convention through its rows, unknown fields included', () => {
    const stored = { ...DEFAULT_CONVENTION, futureField: { a: 1 } };
    const draft = toDraft(stored);
    expect(draft.documentCodes).toContainEqual({ key: 'prd', value: 'PRD' });
    expect(draft.artifactCodes).toContainEqual({ key: 'FR', value: 'functional requirement' });
    expect(fromDraft(draft)).toEqual(stored);
    expect(conventionIssues(DEFAULT_CONVENTION).size).toBe(0);
  });

  it('drops rows left empty and trims the codes typed in a row', () => {
    const draft = toDraft(DEFAULT_CONVENTION as Record<string, unknown>);
    draft.documentCodes.push({ key: '', value: '' }, { key: ' spec ', value: ' SPEC ' });
    expect(fromDraft(draft).documentCodes).toEqual({ ...DEFAULT_CONVENTION.documentCodes, spec: 'SPEC' });
  });

  it('names each problem at its field, as the server does under convention.', () => {
    const draft = toDraft(DEFAULT_CONVENTION as Record<string, unknown>);
    draft.separator = '--';
    draft.documentCodes.push({ key: 'memo', value: 'memo' });
    const issues = conventionIssues(fromDraft(draft));
    expect(issues.get('separator')).toMatch(/1 character/);
    expect(issues.get('documentCodes.memo')).toBeDefined();

    const clash = toDraft(DEFAULT_CONVENTION as Record<string, unknown>);
    clash.documentCodes.push({ key: 'memo', value: 'PRD' });
    expect(conventionIssues(fromDraft(clash)).get('documentCodes')).toBe('documentCodes must be unique');
    expect(conventionIssues({ ...DEFAULT_CONVENTION, subsidiaryPattern: '([' }).get('subsidiaryPattern')).toBe(
      'subsidiaryPattern is not a valid regular expression',
    );
  });
});

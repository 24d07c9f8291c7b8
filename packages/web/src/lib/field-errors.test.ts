import { describe, expect, it } from 'vitest';
import { ApiError } from './api.ts';
import { fieldError, formLevelError, invalidParams, problemsUnder, reasonAt } from './field-errors.ts';

const problem = (invalid: { name: string; reason: string }[]) =>
  new ApiError({
    type: 'about:blank',
    title: 'Invalid',
    status: 422,
    code: 'validation_failed',
    detail: 'request is invalid',
    invalid_params: invalid,
  });

describe('form error mapping', () => {
  it('puts a reason under the field it names, including nested names', () => {
    const err = problem([
      { name: 'email', reason: 'already taken' },
      { name: 'memberships.0.role', reason: 'unknown role' },
    ]);
    expect(fieldError(err, 'email')).toBe('already taken');
    expect(fieldError(err, 'memberships')).toBe('memberships.0.role: unknown role');
    expect(fieldError(err, 'name')).toBeUndefined();
    expect(formLevelError(err, ['email', 'name'])).toBeUndefined();
  });

  it('shows the problem above the form when no field can carry it', () => {
    const err = problem([{ name: 'somethingElse', reason: 'bad' }]);
    expect(formLevelError(err, ['email'])).toContain('request is invalid');
    expect(formLevelError(new Error('offline'), ['email'])).toBe('offline');
    expect(formLevelError(null, ['email'])).toBeUndefined();
  });

  it('lists every refused field, and finds the reasons under a nested document', () => {
    const err = problem([
      { name: 'definition.criteria.3.weight', reason: 'must be positive' },
      { name: 'definition.name', reason: 'required' },
    ]);
    expect(invalidParams(err)).toHaveLength(2);
    expect(invalidParams(new Error('offline'))).toEqual([]);
    const problems = problemsUnder(err, 'definition.');
    expect(reasonAt(problems, 'name')).toBe('required');
    expect(reasonAt(problems, 'criteria')).toBe('must be positive');
    expect(reasonAt(problems, 'verdict')).toBeUndefined();
  });
});

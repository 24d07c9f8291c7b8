import { describe, expect, it } from 'vitest';
import { ApiError, type Problem } from '../../../lib/api.ts';
import { staleVersionOf } from './stale-version.ts';

const problem = (p: Partial<Problem>): ApiError =>
  new ApiError({ type: 'about:blank', title: 't', status: 409, code: 'x', detail: 'd', ...p });

describe('staleVersionOf', () => {
  it('reads the newer version from a 409 stale_version problem', () => {
    expect(staleVersionOf(problem({ code: 'stale_version', current: { version: '1.4' } }))).toBe('1.4');
  });

  it('is undefined for any other error', () => {
    expect(staleVersionOf(problem({ code: 'no_change', current: { version: '1.4' } }))).toBeUndefined();
    expect(staleVersionOf(problem({ code: 'stale_version' }))).toBeUndefined();
    expect(staleVersionOf(new Error('network'))).toBeUndefined();
    expect(staleVersionOf(null)).toBeUndefined();
  });
});

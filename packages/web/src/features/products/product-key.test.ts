import { DEFAULT_CONVENTION } from '@pi-studio/core/naming/convention';
import { describe, expect, it } from 'vitest';
import { keyProblem, suggestKey } from './product-key.ts';

describe('suggestKey', () => {
  it('upper-cases the name and drops what the convention does not allow', () => {
    expect(suggestKey('Refund tracker 2')).toBe('REFUNDTRACKER2');
    expect(keyProblem(suggestKey('Café crème!'))).toBeNull();
  });
  it('leaves the key empty while there is no name', () => {
    expect(suggestKey('   ')).toBe('');
  });
});

describe('keyProblem', () => {
  it.each(['PAYOUTS', 'A1', 'KYC2'])('accepts %s', (key) => expect(keyProblem(key)).toBeNull());
  it.each(['', 'payouts', 'A-B', '1ABC', 'A', 'A B'])('rejects %j', (key) => expect(keyProblem(key)).not.toBeNull());
  it('follows a changed convention', () => {
    const hyphens = { ...DEFAULT_CONVENTION, productKeyPattern: '[A-Z]+(?:_[A-Z]+)*' };
    expect(keyProblem('REFUND_TRACKER', hyphens)).toBeNull();
    expect(keyProblem('REFUND_TRACKER')).not.toBeNull();
  });
});

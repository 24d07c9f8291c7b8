import { describe, expect, it } from 'vitest';
import { formatRecoveryCode, normaliseRecoveryCode, secondFactorRequired } from './second-factor.ts';

describe('secondFactorRequired', () => {
  it('requires nobody when the policy is off', () => {
    expect(secondFactorRequired('off', { isAdmin: true })).toBe(false);
    expect(secondFactorRequired('off', { isAdmin: false })).toBe(false);
  });
  it('requires administrators only under "admins"', () => {
    expect(secondFactorRequired('admins', { isAdmin: true })).toBe(true);
    expect(secondFactorRequired('admins', { isAdmin: false })).toBe(false);
  });
  it('requires everyone under "everyone"', () => {
    expect(secondFactorRequired('everyone', { isAdmin: false })).toBe(true);
  });
});

describe('recovery codes', () => {
  it('match however they are typed', () => {
    expect(normaliseRecoveryCode(' ABCDE-fghij ')).toBe('abcdefghij');
    expect(normaliseRecoveryCode('abcde fghij')).toBe('abcdefghij');
  });
  it('keep a wrong code wrong', () => {
    expect(normaliseRecoveryCode('abcde-fghik')).not.toBe(normaliseRecoveryCode('abcde-fghij'));
  });
  it('are shown in two groups of five', () => {
    expect(formatRecoveryCode('abcdefghij')).toBe('abcde-fghij');
  });
});

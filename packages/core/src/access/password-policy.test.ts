import { describe, expect, it } from 'vitest';
import { PASSWORD_MAX_LENGTH, passwordProblems, personalWords } from './password-policy.ts';

const codes = (password: string, context = {}) => passwordProblems(password, context).map((p) => p.code);
const list = new Set(['password1234', 'qwertyuiop12']);
const isCommon = (p: string) => list.has(p);

describe('password policy (ASVS 5.0 V6.2)', () => {
  it('accepts long passwords of any characters, with no composition rules', () => {
    expect(codes('correct-horse-battery')).toEqual([]);
    expect(codes('all lower case words here')).toEqual([]);
    expect(codes('ωμέγα-ünïcödé-日本語')).toEqual([]);
    expect(codes(`xxx${'yz'.repeat(40)}🙂`)).toEqual([]);
  });

  it('refuses fewer than 12 characters, counting code points', () => {
    expect(codes('1111111111')).toContain('too_short');
    expect(codes('abcdefghijk')).toEqual(['too_short']);
    expect(codes('abcdefghijkl')).toEqual([]);
    // Six emoji are twelve UTF-16 units but six characters to the person typing them.
    expect(codes('🙂😀🎉🚀🌍🔥')).toEqual(['too_short']);
    expect(passwordProblems('short')[0]?.reason).toBe('use at least 12 characters (now 5)');
  });

  it('allows up to 1024 characters', () => {
    const long = 'abcd'.repeat(PASSWORD_MAX_LENGTH / 4);
    expect(codes(long)).toEqual([]);
    expect(codes(`${long}e`)).toEqual(['too_long']);
  });

  it('refuses repeats of very few characters', () => {
    expect(codes('aaaaaaaaaaaa')).toEqual(['repetitive']);
    expect(codes('abcabcabcabc')).toEqual(['repetitive']);
    expect(codes('abcdabcdabcd')).toEqual([]);
  });

  it('refuses passwords on the common list, whatever their case', () => {
    expect(codes('Password1234', { isCommon })).toEqual(['common']);
    expect(codes('qwertyuiop12', { isCommon })).toEqual(['common']);
    expect(codes('qwertyuiop13', { isCommon })).toEqual([]);
  });

  it('refuses the email local part or a name part of four or more characters, case-insensitively', () => {
    const who = { email: 'jane.doe@example.com', name: 'Jane Li' };
    expect(codes('my-JANE-secret-2026', who)).toEqual(['personal']);
    expect(codes('janedoe-rules-ok', who)).toEqual(['personal']);
    expect(codes('jane-doe-rules-ok', who)).toEqual(['personal']);
    // "doe" and "li" are too short to count: they sit inside many unrelated passwords.
    expect(codes('doe-li-orchard-wind', who)).toEqual([]);
    expect(codes('example-orchard-wind', who)).toEqual([]);
    expect(passwordProblems('my-jane-secret-2026', who)[0]?.reason).toContain('“jane”');
  });

  it('refuses the product name', () => {
    expect(codes('my-PI-Studio-2026')).toEqual(['personal']);
  });

  it('a new password must differ from the current one', () => {
    expect(codes('correct-horse-battery', { current: 'correct-horse-battery' })).toEqual(['same_as_current']);
    expect(codes('correct-horse-battery-2', { current: 'correct-horse-battery' })).toEqual([]);
  });

  it('names every problem at once', () => {
    expect(codes('janejane', { name: 'Jane', current: 'janejane' })).toEqual([
      'too_short',
      'personal',
      'same_as_current',
    ]);
  });

  it('personal words come from the local part and the name, not the domain', () => {
    expect(personalWords('ola.nordmann+pis@acme.example', 'Ola Nordmann')).toEqual([
      'nordmann',
      'olanordmannpis',
      'olanordmann',
    ]);
  });
});

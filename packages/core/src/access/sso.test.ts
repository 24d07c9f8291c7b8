import { describe, expect, it } from 'vitest';
import { domainAllowed, issuerUrlProblem, mapMemberships, type SsoRule, safeReturnTo, verifiedEmail } from './sso.ts';

describe('issuerUrlProblem', () => {
  it('accepts https anywhere and http on the loopback host only', () => {
    expect(issuerUrlProblem('https://login.microsoftonline.com/tenant/v2.0')).toBeNull();
    expect(issuerUrlProblem('http://127.0.0.1:4000')).toBeNull();
    expect(issuerUrlProblem('http://localhost:8080/realms/pi')).toBeNull();
    expect(issuerUrlProblem('http://idp.example.com')).toMatch(/https/);
    expect(issuerUrlProblem('ftp://idp.example.com')).toMatch(/https/);
    expect(issuerUrlProblem('https://user:pw@idp.example.com')).toMatch(/credentials/);
    expect(issuerUrlProblem('not a url')).toMatch(/URL/);
  });
});

describe('safeReturnTo', () => {
  it('keeps same-site paths with their query', () => {
    expect(safeReturnTo('/products/EMX-PAY?tab=docs')).toBe('/products/EMX-PAY?tab=docs');
    expect(safeReturnTo('/')).toBe('/');
  });
  it.each([
    'https://evil.example/',
    '//evil.example/',
    '/\\evil.example',
    'javascript:alert(1)',
    '/ok\u0000',
    'relative/path',
    '',
  ])('refuses %j', (value) => {
    expect(safeReturnTo(value)).toBeNull();
  });
});

describe('verifiedEmail', () => {
  it('takes the email only when the provider says it is verified', () => {
    expect(verifiedEmail({ email: 'Ana@Studio.Example', email_verified: true })).toBe('ana@studio.example');
    expect(verifiedEmail({ email: 'ana@studio.example', email_verified: false })).toBeNull();
    expect(verifiedEmail({ email: 'ana@studio.example' })).toBeNull();
    expect(verifiedEmail({ email_verified: true })).toBeNull();
  });
  it('accepts the Entra ID domain-verified claim when email_verified is absent', () => {
    expect(verifiedEmail({ email: 'ana@studio.example', xms_edov: true })).toBe('ana@studio.example');
    expect(verifiedEmail({ email: 'ana@studio.example', email_verified: false, xms_edov: true })).toBeNull();
  });
});

describe('domainAllowed', () => {
  it('allows every domain when the list is empty, else only listed ones', () => {
    expect(domainAllowed('a@x.example', [])).toBe(true);
    expect(domainAllowed('a@X.example', ['x.example'])).toBe(true);
    expect(domainAllowed('a@y.example', ['x.example'])).toBe(false);
    expect(domainAllowed('a@sub.x.example', ['x.example'])).toBe(false);
  });
});

describe('mapMemberships', () => {
  const rules: SsoRule[] = [
    { match: 'group', value: 'pi-builders', subsidiary: 'EMX', role: 'builder' },
    { match: 'group', value: 'pi-productops', subsidiary: 'EMX', role: 'productops' },
    { match: 'domain', value: 'nxn.example', subsidiary: 'NXN', role: 'viewer' },
  ];

  it('gives each named subsidiary the strongest matching role', () => {
    const m = mapMemberships('a@emx.example', { groups: ['pi-builders', 'pi-productops'] }, rules, 'groups');
    expect(Object.fromEntries(m)).toEqual({ EMX: 'productops', NXN: null });
  });

  it('matches the email domain and a single-string group claim under a custom name', () => {
    const m = mapMemberships('b@NXN.example', { roles: 'pi-builders' }, rules, 'roles');
    expect(Object.fromEntries(m)).toEqual({ EMX: 'builder', NXN: 'viewer' });
  });

  it('marks managed subsidiaries without a matching rule as null (to be removed)', () => {
    const m = mapMemberships('c@other.example', { groups: ['unrelated'] }, rules, 'groups');
    expect(Object.fromEntries(m)).toEqual({ EMX: null, NXN: null });
  });

  it('manages nothing without rules', () => {
    expect(mapMemberships('c@other.example', { groups: ['x'] }, [], 'groups').size).toBe(0);
  });
});

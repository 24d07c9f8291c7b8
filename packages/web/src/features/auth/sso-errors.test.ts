import { describe, expect, it } from 'vitest';
import { ssoStartUrl } from './api.ts';
import { ssoErrorMessage } from './sso-errors.ts';

describe('ssoErrorMessage', () => {
  it('words known codes, has a fallback for unknown ones and nothing without an error', () => {
    expect(ssoErrorMessage('?error=sso_no_account')).toMatch(/no PI Studio account/);
    expect(ssoErrorMessage('?error=<script>')).toBe('Signing in did not work. Please try again.');
    expect(ssoErrorMessage('')).toBeNull();
  });
});

describe('ssoStartUrl', () => {
  it('comes back to the page the person was on, never to another site or to the login page', () => {
    expect(ssoStartUrl('/products/EMX?x=1')).toBe('/api/v1/auth/oidc/start?returnTo=%2Fproducts%2FEMX%3Fx%3D1');
    expect(ssoStartUrl('//evil.example')).toBe('/api/v1/auth/oidc/start?returnTo=%2F');
    expect(ssoStartUrl('/login?error=sso_failed')).toBe('/api/v1/auth/oidc/start?returnTo=%2F');
  });
});

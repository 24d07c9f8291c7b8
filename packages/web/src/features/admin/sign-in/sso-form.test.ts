import { describe, expect, it } from 'vitest';
import type { SsoSettings } from './sso-api.ts';
import { bodyOf, draftOf } from './sso-form.ts';

const saved: SsoSettings = {
  source: 'settings',
  enabled: true,
  issuer: 'https://login.example/tenant/v2.0',
  clientId: 'pi',
  clientSecretSet: true,
  label: 'Microsoft',
  jit: false,
  allowedDomains: ['studio.example'],
  groupsClaim: 'groups',
  rules: [{ match: 'group', value: 'pi-builders', subsidiary: 'EMX', role: 'builder' }],
  localPasswordSignIn: true,
  redirectUri: 'https://pi.example/api/v1/auth/oidc/callback',
  scopes: 'openid email profile',
};

describe('the SSO settings form', () => {
  it('keeps the saved secret when the secret field stays empty', () => {
    const body = bodyOf(draftOf(saved));
    expect(body).not.toHaveProperty('clientSecret');
    expect(body).not.toHaveProperty('redirectUri');
    expect(body).toMatchObject({ issuer: saved.issuer, rules: saved.rules, localPasswordSignIn: true });
  });

  it('sends a newly typed secret', () => {
    expect(bodyOf({ ...draftOf(saved), clientSecret: 'new-secret' }).clientSecret).toBe('new-secret');
  });
});

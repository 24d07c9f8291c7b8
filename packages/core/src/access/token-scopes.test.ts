import { describe, expect, it } from 'vitest';
import { grantableScopes, scopesBeyondIssuer } from './token-scopes.ts';

const session = (isAdmin: boolean) => ({ isAdmin, via: 'session' as const, scopes: ['read', 'write', 'admin'] });
const token = (isAdmin: boolean, scopes: string[]) => ({ isAdmin, via: 'token' as const, scopes });

describe('token scopes: a new token is a subset of its creator', () => {
  it('a session grants every scope its user holds; admin only to administrators', () => {
    expect(grantableScopes(session(true))).toEqual(['read', 'write', 'admin', 'builder', 'events']);
    expect(grantableScopes(session(false))).toEqual(['read', 'write', 'builder', 'events']);
  });

  it('a token grants only its own scopes', () => {
    expect(grantableScopes(token(true, ['read', 'write']))).toEqual(['read', 'write']);
    expect(grantableScopes(token(false, ['write']))).toEqual(['write']);
  });

  it('an admin-scoped token of a user who is no longer an administrator grants no admin', () => {
    expect(grantableScopes(token(false, ['read', 'admin']))).toEqual(['read']);
  });

  it('names what is beyond the issuer, once each', () => {
    expect(scopesBeyondIssuer(token(true, ['read', 'write']), ['admin', 'read', 'admin'])).toEqual(['admin']);
    expect(scopesBeyondIssuer(token(false, ['write']), ['read', 'write'])).toEqual(['read']);
    expect(scopesBeyondIssuer(token(false, ['read', 'write']), ['read'])).toEqual([]);
    expect(scopesBeyondIssuer(session(false), ['read', 'write'])).toEqual([]);
  });

  it('a builder token grants only builder; a read,write token cannot grant builder', () => {
    expect(grantableScopes(token(false, ['builder']))).toEqual(['builder']);
    expect(scopesBeyondIssuer(token(false, ['read', 'write']), ['builder'])).toEqual(['builder']);
    expect(scopesBeyondIssuer(session(false), ['builder'])).toEqual([]);
    expect(scopesBeyondIssuer(token(false, ['write']), ['events'])).toEqual(['events']);
  });
});

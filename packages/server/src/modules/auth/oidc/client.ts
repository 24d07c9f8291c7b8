// The relying party: openid-client (certified, docs/decisions) does discovery, PKCE, the code exchange and every
// ID-token check (signature against the provider's JWKS, iss, aud, exp, iat, nonce). This file only adapts it.
import type { DiscoveryReport } from '@pi-studio/core/contract/sign-in';
import * as oidc from 'openid-client';
import type { SsoProvider } from './settings.ts';

export const SSO_SCOPES = 'openid email profile';

/** Why a provider round trip failed, in words an administrator can act on (never shown raw to users). */
export class ProviderError extends Error {
  constructor(
    readonly kind: 'discovery' | 'denied' | 'exchange',
    message: string,
  ) {
    super(message);
  }
}

// Discovery costs a round trip to the provider; its metadata changes rarely. Keys rotate, but openid-client refetches
// the JWKS by itself when a token names a key it has not seen.
const DISCOVERY_TTL_MS = 10 * 60_000;
const discovered = new Map<string, { config: oidc.Configuration; at: number }>();

function describe(err: unknown): string {
  if (err instanceof oidc.ResponseBodyError)
    return `${err.error}${err.error_description ? `: ${err.error_description}` : ''}`;
  if (err instanceof Error) return err.cause instanceof Error ? `${err.message} (${err.cause.message})` : err.message;
  return String(err);
}

export async function discover(provider: SsoProvider, now: number = Date.now()): Promise<oidc.Configuration> {
  const key = JSON.stringify([provider.issuer, provider.clientId, provider.clientSecret ?? '']);
  const hit = discovered.get(key);
  if (hit && now - hit.at < DISCOVERY_TTL_MS) return hit.config;
  const issuer = new URL(provider.issuer);
  // openid-client trusts an ID token from the token endpoint on the strength of TLS alone (OIDC Core 3.1.3.7 allows
  // it) and skips its signature; we check it against the provider's JWKS anyway: a proxy or a mis-issued
  // certificate must not be enough to forge a sign-in, and loopback issuers have no TLS at all (oidc.test.ts).
  const execute: ((c: oidc.Configuration) => void)[] = [oidc.enableNonRepudiationChecks];
  // Plain http passes only for loopback issuers (issuerUrlProblem); openid-client refuses it unless told.
  if (issuer.protocol === 'http:') execute.push(oidc.allowInsecureRequests);
  let config: oidc.Configuration;
  try {
    config = await oidc.discovery(
      issuer,
      provider.clientId,
      undefined,
      provider.clientSecret ? oidc.ClientSecretBasic(provider.clientSecret) : oidc.None(),
      { execute, timeout: 10 },
    );
  } catch (err) {
    throw new ProviderError('discovery', `discovery at ${provider.issuer} failed: ${describe(err)}`);
  }
  const methods = config.serverMetadata().token_endpoint_auth_methods_supported;
  if (
    provider.clientSecret &&
    methods &&
    !methods.includes('client_secret_basic') &&
    methods.includes('client_secret_post')
  ) {
    // client_secret_basic is the OAuth default; a provider that only takes the secret in the body gets it there.
    config = new oidc.Configuration(
      config.serverMetadata(),
      provider.clientId,
      undefined,
      oidc.ClientSecretPost(provider.clientSecret),
    );
    for (const fn of execute) fn(config);
  }
  discovered.set(key, { config, at: now });
  return config;
}

export type AuthorizationStart = { url: URL; state: string; nonce: string; codeVerifier: string };

export async function authorizationUrl(config: oidc.Configuration, redirectUri: string): Promise<AuthorizationStart> {
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: SSO_SCOPES,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { url, state, nonce, codeVerifier };
}

/**
 * Exchanges the code and returns the verified claims: the ID token's, completed with the userinfo endpoint's when
 * the provider has one (many put email and groups only there). The subject must be the same in both.
 */
export async function exchangeCode(
  config: oidc.Configuration,
  callbackUrl: URL,
  checks: { state: string; nonce: string; codeVerifier: string },
): Promise<Record<string, unknown>> {
  if (callbackUrl.searchParams.has('error')) {
    const error = callbackUrl.searchParams.get('error');
    const description = callbackUrl.searchParams.get('error_description');
    throw new ProviderError('denied', `the provider answered ${error}${description ? `: ${description}` : ''}`);
  }
  let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
  try {
    tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: checks.codeVerifier,
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      idTokenExpected: true,
    });
  } catch (err) {
    throw new ProviderError('exchange', `code exchange failed: ${describe(err)}`);
  }
  const idClaims = tokens.claims();
  if (!idClaims) throw new ProviderError('exchange', 'the provider sent no ID token');
  if (!config.serverMetadata().userinfo_endpoint) return { ...idClaims };
  try {
    const userinfo = await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub);
    return { ...idClaims, ...userinfo, sub: idClaims.sub, iss: idClaims.iss };
  } catch (err) {
    throw new ProviderError('exchange', `userinfo failed: ${describe(err)}`);
  }
}

export function reportOf(config: oidc.Configuration): DiscoveryReport {
  const m = config.serverMetadata();
  return {
    issuer: m.issuer,
    authorizationEndpoint: m.authorization_endpoint ?? null,
    tokenEndpoint: m.token_endpoint ?? null,
    userinfoEndpoint: m.userinfo_endpoint ?? null,
    jwksUri: m.jwks_uri ?? null,
    // Providers that do not advertise methods (older Entra ID metadata) still accept S256.
    pkceS256: m.code_challenge_methods_supported?.includes('S256') ?? true,
    scopesSupported: (m.scopes_supported as string[] | undefined) ?? [],
    claimsSupported: (m.claims_supported as string[] | undefined) ?? [],
  };
}

// How people sign in, studio-wide: the administrators' sign-in settings, single sign-on (OpenID Connect) settings and
// its connection test, what the login page offers, and the query of the sign-on redirect.
import { z } from 'zod';
import { ROLES } from '../access/roles.ts';
import { issuerUrlProblem, safeReturnTo } from '../access/sso.ts';

/** `PUT /admin/sign-in` body and the answer of both sign-in settings routes. */
export const ZSignInSettings = z.strictObject({
  /** false: only SSO signs people in, except emergency administrators (docs/security.md). */
  localPasswordSignIn: z.boolean(),
  /** Who must have a second factor (TOTP) on local password sign-in. */
  requireTotp: z.enum(['off', 'admins', 'everyone']),
});
export type SignInSettings = z.infer<typeof ZSignInSettings>;

/** What the login page offers: password sign-in, and the single sign-on button if a provider is set up. */
export const ZLoginProviders = z.strictObject({
  localPasswordSignIn: z.boolean(),
  sso: z.strictObject({ enabled: z.boolean(), label: z.string() }).nullable(),
});
export type LoginProviders = z.infer<typeof ZLoginProviders>;

export const ZSsoStartQuery = z.object({
  returnTo: z
    .string()
    .max(2000)
    .optional()
    .refine((v) => v === undefined || safeReturnTo(v) !== null, 'must be a path inside PI Studio, like /products'),
});

const ZDomain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9-]+\.)+[a-z0-9-]+$/, 'must be a domain like studio.example');

/** `email domain D` or `group G` → role R in subsidiary S (by code). */
export const ZSsoRule = z.strictObject({
  match: z.enum(['group', 'domain']),
  value: z.string().trim().min(1).max(200),
  subsidiary: z.string().trim().min(1).max(40),
  role: z.enum(ROLES),
});
export type SsoRuleInput = z.infer<typeof ZSsoRule>;

const ZIssuer = z
  .string()
  .trim()
  .max(500)
  .refine((v) => v === '' || issuerUrlProblem(v) === null, {
    error: (issue) => `issuer ${issuerUrlProblem(String(issue.input)) ?? 'is not valid'}`,
  });

export const ZSsoBody = z.strictObject({
  enabled: z.boolean(),
  issuer: ZIssuer,
  clientId: z.string().trim().max(500),
  /** Omitted: keep the saved secret; '' removes it (a public client that relies on PKCE alone). */
  clientSecret: z.string().max(2000).optional(),
  label: z.string().trim().min(1).max(40),
  jit: z.boolean(),
  allowedDomains: z.array(ZDomain).max(50),
  groupsClaim: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[A-Za-z0-9_:./-]+$/, 'letters, digits and _ : . / - only'),
  rules: z.array(ZSsoRule).max(200),
  /** The studio-wide switch for password sign-in (administrators keep it as emergency access). */
  localPasswordSignIn: z.boolean(),
});
export type SsoBody = z.infer<typeof ZSsoBody>;

/** `GET`/`PUT /admin/sso`: the settings as administrators see them; the client secret never leaves the server. */
export const ZSsoSettings = z.strictObject({
  /** `environment`: the provider fields come from PISTUDIO_OIDC_* and cannot be changed here. */
  source: z.enum(['environment', 'settings']).nullable(),
  enabled: z.boolean(),
  issuer: z.string(),
  clientId: z.string(),
  clientSecretSet: z.boolean(),
  label: z.string(),
  jit: z.boolean(),
  allowedDomains: z.array(z.string()),
  groupsClaim: z.string(),
  rules: z.array(ZSsoRule),
  localPasswordSignIn: z.boolean(),
  /** What to register at the provider as the redirect (callback) URI. */
  redirectUri: z.string(),
  scopes: z.string(),
});
export type SsoSettings = z.infer<typeof ZSsoSettings>;

export const ZSsoTestBody = z.strictObject({
  /** Test this issuer before saving it; without it the saved (or environment) provider is tested. */
  issuer: ZIssuer.optional(),
});

/** What a provider's discovery document says it supports. */
export const ZDiscoveryReport = z.strictObject({
  issuer: z.string(),
  authorizationEndpoint: z.string().nullable(),
  tokenEndpoint: z.string().nullable(),
  userinfoEndpoint: z.string().nullable(),
  jwksUri: z.string().nullable(),
  pkceS256: z.boolean(),
  scopesSupported: z.array(z.string()),
  claimsSupported: z.array(z.string()),
});
export type DiscoveryReport = z.infer<typeof ZDiscoveryReport>;

export const ZSsoTestResult = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), provider: ZDiscoveryReport }),
  z.strictObject({ ok: z.literal(false), error: z.string() }),
]);
export type SsoTestResult = z.infer<typeof ZSsoTestResult>;

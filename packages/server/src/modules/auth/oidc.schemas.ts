// Shapes of single sign-on: the stored provider settings, the admin form body and the sign-in query strings.
import { ROLES } from '@pi-studio/core/access/roles';
import { issuerUrlProblem, safeReturnTo } from '@pi-studio/core/access/sso';
import { z } from 'zod';

const ZDomain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9-]+\.)+[a-z0-9-]+$/, 'must be a domain like studio.example');

export const ZSsoRule = z.strictObject({
  match: z.enum(['group', 'domain']),
  value: z.string().trim().min(1).max(200),
  subsidiary: z.string().trim().min(1).max(40),
  role: z.enum(ROLES),
});

/** What the admin UI saves under studio_settings key `oidc`. The client secret never leaves the server. */
export const ZStoredSso = z.object({
  enabled: z.boolean().default(false),
  issuer: z.string().default(''),
  clientId: z.string().default(''),
  clientSecret: z.string().default(''),
  label: z.string().default('single sign-on'),
  jit: z.boolean().default(false),
  allowedDomains: z.array(z.string()).default([]),
  groupsClaim: z.string().default('groups'),
  rules: z.array(ZSsoRule).default([]),
});
export type StoredSso = z.infer<typeof ZStoredSso>;

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

export const ZSsoTestBody = z.strictObject({
  /** Test this issuer before saving it; without it the saved (or environment) provider is tested. */
  issuer: ZIssuer.optional(),
});

export const ZStartQuery = z.object({
  returnTo: z
    .string()
    .max(2000)
    .optional()
    .refine((v) => v === undefined || safeReturnTo(v) !== null, 'must be a path inside PI Studio, like /products'),
});

export const ZCallbackQuery = z.object({}).catchall(z.string());

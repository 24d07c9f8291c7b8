// Server-only shapes of what single sign-on stores: the admin UI's settings and a sign-in in progress.
import { ZSsoRule } from '@pi-studio/core/contract/sign-in';
import { z } from 'zod';

/** What the admin UI saves under studio_settings key `oidc` (server-only: the client secret never leaves it). */
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

/** What a started sign-in remembers until the provider sends the browser back (sign_in_challenges.data). */
export const ZChallengeData = z.object({
  issuer: z.string(),
  state: z.string(),
  nonce: z.string(),
  codeVerifier: z.string(),
  returnTo: z.string(),
});
export type ChallengeData = z.infer<typeof ZChallengeData>;

// Auth: password sign-in and its second step (TOTP), the session (`/auth/me`), password change and API tokens.
// Studio-wide sign-in settings and single sign-on are in sign-in.ts.
import { z } from 'zod';
import { PASSWORD_INPUT_MAX, PASSWORD_RULE } from '../access/password-policy.ts';
import { ROLES } from '../access/roles.ts';
import { TOKEN_SCOPES } from '../access/token-scopes.ts';
import { zItems, zTimestamp } from './common.ts';

const email = z.string().trim().toLowerCase().pipe(z.email());
const currentPassword = z.string().min(1).max(1024);

export const ZLoginBody = z.strictObject({ email, password: z.string().min(1).max(1024) });
export type LoginBody = z.infer<typeof ZLoginBody>;

/** A completed sign-in (password, second factor or enrolment): the session cookie comes with it. */
export const ZSession = z.strictObject({ userId: z.uuid(), csrfToken: z.string(), expiresAt: zTimestamp() });
export type Session = z.infer<typeof ZSession>;

/** A right password when a second factor is owed: no cookie yet, only the challenge for the next step. */
export const ZSignInStep = z.strictObject({
  next: z.enum(['totp', 'totp_enrolment']),
  challenge: z.string(),
  expiresAt: zTimestamp(),
});
export type SignInStep = z.infer<typeof ZSignInStep>;

export const ZLoginResponse = z.union([ZSession, ZSignInStep]);
export type LoginResponse = z.infer<typeof ZLoginResponse>;

export const ZPasswordBody = z.strictObject({
  currentPassword,
  // The policy (password-policy.ts) decides, with reasons a person understands; the schema only bounds it.
  newPassword: z.string().max(PASSWORD_INPUT_MAX).describe(PASSWORD_RULE),
});
export type PasswordBody = z.infer<typeof ZPasswordBody>;

export const ZTotpStatus = z.strictObject({
  enabled: z.boolean(),
  recoveryCodesLeft: z.number().int(),
  /** The studio's policy covers this person: they cannot turn the second factor off. */
  required: z.boolean(),
});
export type TotpStatus = z.infer<typeof ZTotpStatus>;

export const ZMe = z.strictObject({
  user: z.strictObject({ id: z.uuid(), email: z.string(), name: z.string(), isAdmin: z.boolean() }),
  /** Send as `X-CSRF-Token` on changes; null for API tokens, which need none. */
  csrfToken: z.string().nullable(),
  via: z.enum(['session', 'token']),
  memberships: z.array(z.strictObject({ subsidiaryId: z.uuid(), subsidiary: z.string(), role: z.enum(ROLES) })),
  totp: ZTotpStatus,
});
export type Me = z.infer<typeof ZMe>;

// API tokens.

export const ZTokenBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(z.enum(TOKEN_SCOPES)).min(1).default(['read']),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
export type TokenBody = z.input<typeof ZTokenBody>;

export const ZApiToken = z.strictObject({
  id: z.uuid(),
  name: z.string(),
  /** The visible start of the secret (`pis_<prefix>_…`), to tell tokens apart. */
  prefix: z.string(),
  scopes: z.array(z.enum(TOKEN_SCOPES)),
  createdAt: zTimestamp(),
  lastUsedAt: zTimestamp().nullable(),
  expiresAt: zTimestamp().nullable(),
  revokedAt: zTimestamp().nullable(),
});
export type ApiToken = z.infer<typeof ZApiToken>;

/** The answer to creating a token: the only time its secret is shown. */
export const ZCreatedToken = ZApiToken.extend({ token: z.string() });
export type CreatedToken = z.infer<typeof ZCreatedToken>;

export const ZTokenList = zItems(ZApiToken);
export type TokenList = z.infer<typeof ZTokenList>;

// Second factor (TOTP).

const challenge = z.string().min(16).max(200);
const code = z
  .string()
  .trim()
  .regex(/^\d{6}$/, 'enter the 6-digit code from your authenticator app');
const recoveryCode = z.string().trim().min(1).max(64);

/** The second step of a sign-in: a code from the authenticator, or one recovery code. */
export const ZTotpSignInBody = z
  .strictObject({ challenge, code: code.optional(), recoveryCode: recoveryCode.optional() })
  .refine((b) => (b.code === undefined) !== (b.recoveryCode === undefined), {
    message: 'send either code or recoveryCode',
    path: ['code'],
  });
export type TotpSignInBody = z.infer<typeof ZTotpSignInBody>;

export const ZChallengeBody = z.strictObject({ challenge });
export const ZChallengeCodeBody = z.strictObject({ challenge, code });
export const ZCodeBody = z.strictObject({ code });
export const ZCurrentPasswordBody = z.strictObject({ currentPassword });
export type ChallengeBody = z.infer<typeof ZChallengeBody>;
export type ChallengeCodeBody = z.infer<typeof ZChallengeCodeBody>;
export type CodeBody = z.infer<typeof ZCodeBody>;
export type CurrentPasswordBody = z.infer<typeof ZCurrentPasswordBody>;

/** A new authenticator to scan: the base32 secret and the `otpauth://` URI for a QR code. */
export const ZEnrolment = z.strictObject({ secret: z.string(), otpauthUri: z.string() });
export type Enrolment = z.infer<typeof ZEnrolment>;

/** Ten single-use recovery codes, shown once. */
export const ZRecoveryCodes = z.strictObject({ recoveryCodes: z.array(z.string()) });
export type RecoveryCodes = z.infer<typeof ZRecoveryCodes>;

/** Sign-in completed by enrolling an authenticator: the session and the first recovery codes. */
export const ZEnrolledSession = ZSession.extend(ZRecoveryCodes.shape);
export type EnrolledSession = z.infer<typeof ZEnrolledSession>;

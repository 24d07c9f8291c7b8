import { z } from 'zod';

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
export const ZCurrentPasswordBody = z.strictObject({ currentPassword: z.string().min(1).max(1024) });

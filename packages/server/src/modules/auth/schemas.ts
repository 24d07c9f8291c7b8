import { PASSWORD_INPUT_MAX, PASSWORD_RULE } from '@pi-studio/core/access/password-policy';
import { z } from 'zod';

export const ZLoginBody = z.strictObject({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  password: z.string().min(1).max(1024),
});

export const ZPasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(1024),
  // The policy (password-policy.ts) decides, with reasons a person understands; the schema only bounds it.
  newPassword: z.string().max(PASSWORD_INPUT_MAX).describe(PASSWORD_RULE),
});

export const ZTokenBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  scopes: z
    .array(z.enum(['read', 'write', 'admin']))
    .min(1)
    .default(['read']),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});

export const ZIdParams = z.strictObject({ id: z.uuid() });

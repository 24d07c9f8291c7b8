import { z } from 'zod';

export const ZLoginBody = z.strictObject({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  password: z.string().min(1).max(1024),
});

export const ZPasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(1024),
  newPassword: z.string().min(10, 'use at least 10 characters').max(1024),
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

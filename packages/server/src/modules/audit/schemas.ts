import { z } from 'zod';

export const ZAuditQuery = z.strictObject({
  actor: z.uuid().optional(),
  action: z.string().trim().max(80).optional(),
  targetType: z.string().trim().max(40).optional(),
  targetId: z.string().trim().max(80).optional(),
  subsidiary: z.string().max(20).optional(),
  from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  cursor: z.string().regex(/^\d+$/, 'use the nextCursor of the previous page').optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof ZAuditQuery>;

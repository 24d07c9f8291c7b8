import { zLimit, zSerialCursor } from '@pi-studio/core/contract/common';
import { z } from 'zod';

export const ZAuditQuery = z.strictObject({
  actor: z.uuid().optional(),
  action: z.string().trim().max(80).optional(),
  targetType: z.string().trim().max(40).optional(),
  targetId: z.string().trim().max(80).optional(),
  subsidiary: z.string().max(20).optional(),
  from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  cursor: zSerialCursor().optional(),
  limit: zLimit(200, 50),
});
export type AuditQuery = z.infer<typeof ZAuditQuery>;

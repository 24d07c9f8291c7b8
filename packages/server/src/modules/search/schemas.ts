import { DOCUMENT_KINDS } from '@pi-studio/core/documents/kinds';
import { z } from 'zod';
import { zLimit } from '../../http/paging.ts';

export const ZSearchQuery = z.strictObject({
  q: z.string().trim().min(1, 'type at least one character').max(200),
  limit: zLimit(50, 20),
  kind: z.enum(DOCUMENT_KINDS).optional(),
  subsidiary: z.string().trim().min(1).max(20).toUpperCase().optional(),
});
export type SearchQuery = z.infer<typeof ZSearchQuery>;

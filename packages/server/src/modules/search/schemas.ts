import { DOCUMENT_KINDS } from '@pi-studio/core/documents/kinds';
import { z } from 'zod';

export const ZSearchQuery = z.strictObject({
  q: z.string().trim().min(1, 'type at least one character').max(200),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  kind: z.enum(DOCUMENT_KINDS).optional(),
  subsidiary: z.string().trim().min(1).max(20).toUpperCase().optional(),
});
export type SearchQuery = z.infer<typeof ZSearchQuery>;

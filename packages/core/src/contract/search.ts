// GET /search: full-text search over the current version of every document the caller may see.
import { z } from 'zod';
import { DOCUMENT_KINDS } from '../documents/kinds.ts';
import { zItems, zLimit } from './common.ts';

export const ZSearchQuery = z.strictObject({
  q: z.string().trim().min(1, 'type at least one character').max(200),
  limit: zLimit(50, 20),
  kind: z.enum(DOCUMENT_KINDS).optional(),
  subsidiary: z.string().trim().min(1).max(20).toUpperCase().optional(),
});
export type SearchQuery = z.infer<typeof ZSearchQuery>;

export const ZSearchHit = z.strictObject({
  documentId: z.uuid(),
  documentCode: z.string(),
  title: z.string(),
  kind: z.enum(DOCUMENT_KINDS),
  product: z.strictObject({ code: z.string(), name: z.string() }),
  subsidiary: z.string(),
  version: z.string(),
  /** Escaped text with only `<mark>` around the words that matched. */
  snippet: z.string(),
});
export type SearchHit = z.infer<typeof ZSearchHit>;

export const ZSearchResponse = zItems(ZSearchHit);
export type SearchResponse = z.infer<typeof ZSearchResponse>;

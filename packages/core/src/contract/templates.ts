// Document templates: global in v1 (a template of one subsidiary is offered only there). Reads are for everyone
// signed in; administrators and product ops save versions (docs/api-contract.md, "Documents").
import { z } from 'zod';
import { DOCUMENT_KINDS } from '../documents/kinds.ts';
import { ZPerson, zItems, zTimestamp } from './common.ts';
import { zBump, zMarkdown } from './documents.ts';

export const ZTemplatesQuery = z.strictObject({ kind: z.enum(DOCUMENT_KINDS).optional() });

export const ZTemplateVersionBody = z.strictObject({
  body: zMarkdown().refine((s) => s.trim() !== '', 'a template cannot be empty'),
  bump: zBump().default('minor'),
});
export type TemplateVersionBody = z.input<typeof ZTemplateVersionBody>;

export const ZTemplateVersion = z.strictObject({
  id: z.uuid(),
  version: z.string(),
  createdAt: zTimestamp(),
  author: ZPerson.nullable(),
});
export type TemplateVersion = z.infer<typeof ZTemplateVersion>;

export const ZTemplate = z.strictObject({
  id: z.uuid(),
  kind: z.enum(DOCUMENT_KINDS),
  name: z.string(),
  /** null: offered in every subsidiary. */
  subsidiary: z.strictObject({ id: z.uuid(), code: z.string(), name: z.string() }).nullable(),
  createdAt: zTimestamp(),
  currentVersion: ZTemplateVersion.nullable(),
});
export type TemplateSummary = z.infer<typeof ZTemplate>;

export const ZTemplateList = zItems(ZTemplate);
export type TemplateList = z.infer<typeof ZTemplateList>;

/** `GET /templates/:id` and the answer to a save: every version, newest first, and the current body. */
export const ZTemplateDetail = ZTemplate.extend({ versions: z.array(ZTemplateVersion), body: z.string() });
export type TemplateDetail = z.infer<typeof ZTemplateDetail>;

/** The `current` member of a 409 `stale_version` problem on a template save. */
export const ZStaleTemplate = z.strictObject({ version: z.string() });

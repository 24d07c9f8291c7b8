import { MAX_BODY_CHARS } from '@pi-studio/core/documents/body';
import { CREATABLE_KINDS, DOCUMENT_KINDS } from '@pi-studio/core/documents/kinds';
import { parseVersion } from '@pi-studio/core/documents/version';
import { z } from 'zod';

// Postgres text cannot hold NUL; refusing it here turns a would-be 500 into a 422 naming the field.
const markdown = z
  .string()
  .max(MAX_BODY_CHARS, `at most ${MAX_BODY_CHARS.toLocaleString('en')} characters`)
  .refine((s) => !s.includes('\u0000'), 'must not contain NUL characters');

const title = z.string().trim().min(1).max(200);
const note = z.string().trim().max(500);
const bump = z.enum(['minor', 'major']);
const versionText = z
  .string()
  .trim()
  .refine((v) => parseVersion(v) !== null, 'use major.minor, e.g. 1.3');

export const ZProductParams = z.strictObject({ code: z.string().trim().min(1).max(100).toUpperCase() });
export const ZDocumentParams = z.strictObject({ id: z.uuid() });
export const ZVersionParams = z.strictObject({ id: z.uuid(), version: versionText });
export const ZTemplateParams = z.strictObject({ id: z.uuid() });

export const ZCreateDocumentBody = z.strictObject({
  kind: z.enum(CREATABLE_KINDS),
  title: title.optional(),
  templateId: z.uuid().optional(),
  body: markdown.optional(),
});
export type CreateDocumentBody = z.infer<typeof ZCreateDocumentBody>;

export const ZSaveVersionBody = z.strictObject({
  body: markdown,
  bump: bump.default('minor'),
  note: note.optional(),
  title: title.optional(),
});
export type SaveVersionBody = z.infer<typeof ZSaveVersionBody>;

export const ZDiffQuery = z.strictObject({ from: versionText.optional(), to: versionText.optional() });

const uploadedFile = z
  .custom<File>(
    (v) => typeof v === 'object' && v !== null && v instanceof Blob && typeof (v as File).name === 'string',
    'attach the file as a multipart file field',
  )
  .meta({ type: 'string', format: 'binary' });

// Multipart fields arrive as strings; empty optional fields (HTML forms send them) count as absent.
const optionalField = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

export const ZImportBody = z.strictObject({
  file: uploadedFile,
  kind: z.enum(CREATABLE_KINDS),
  documentId: optionalField(z.uuid()),
  bump: optionalField(bump),
  note: optionalField(note),
  title: optionalField(title),
});
export type ImportBody = z.infer<typeof ZImportBody>;

export const ZTemplatesQuery = z.strictObject({ kind: z.enum(DOCUMENT_KINDS).optional() });

export const ZTemplateVersionBody = z.strictObject({
  body: markdown.refine((s) => s.trim() !== '', 'a template cannot be empty'),
  bump: bump.default('minor'),
});

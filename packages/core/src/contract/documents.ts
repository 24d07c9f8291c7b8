// Documents: a product's documents, their immutable versions, diffs and imports (docs/api-contract.md, "Documents").
// Text the database cannot store is refused for every field by the route wrapper (contract/text.ts has the rule).
import { z } from 'zod';
import { MAX_BODY_CHARS } from '../documents/body.ts';
import { CREATABLE_KINDS, DOCUMENT_KINDS } from '../documents/kinds.ts';
import { BUMPS, parseVersion } from '../documents/version.ts';
import { ZPerson, zItems, zTimestamp } from './common.ts';

// ---- Pieces the request schemas share (templates too) ----

export const zMarkdown = () =>
  z.string().max(MAX_BODY_CHARS, `at most ${MAX_BODY_CHARS.toLocaleString('en')} characters`);
export const zBump = () => z.enum(BUMPS);
export type { Bump } from '../documents/version.ts';
/** A version as people write it: `1.3`. */
export const zVersionText = () =>
  z
    .string()
    .trim()
    .refine((v) => parseVersion(v) !== null, 'use major.minor, e.g. 1.3');

const title = z.string().trim().min(1).max(200);
const note = z.string().trim().max(500);

// ---- Requests ----

export const ZProductParams = z.strictObject({ code: z.string().trim().min(1).max(100).toUpperCase() });
export const ZVersionParams = z.strictObject({ id: z.uuid(), version: zVersionText() });

export const ZCreateDocumentBody = z.strictObject({
  kind: z.enum(CREATABLE_KINDS),
  title: title.optional(),
  templateId: z.uuid().optional(),
  body: zMarkdown().optional(),
});
export type CreateDocumentBody = z.input<typeof ZCreateDocumentBody>;

export const ZSaveVersionBody = z.strictObject({
  body: zMarkdown(),
  bump: zBump().default('minor'),
  note: note.optional(),
  title: title.optional(),
});
export type SaveVersionBody = z.input<typeof ZSaveVersionBody>;

export const ZDiffQuery = z.strictObject({ from: zVersionText().optional(), to: zVersionText().optional() });

/** What a multipart file field holds (a `File` in the browser and in Node), described without DOM or Node types. */
export type UploadedFile = { readonly name: string; readonly size: number; arrayBuffer(): Promise<ArrayBuffer> };

const uploadedFile = z
  .custom<UploadedFile>((v) => {
    const f = v as Partial<UploadedFile> | null;
    return typeof f === 'object' && f !== null && typeof f.name === 'string' && typeof f.arrayBuffer === 'function';
  }, 'attach the file as a multipart file field')
  .meta({ type: 'string', format: 'binary' });

// Multipart fields arrive as strings; empty optional fields (HTML forms send them) count as absent.
const optionalField = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

/** `POST /products/:code/documents/import`, multipart: a new document, or a new version of `documentId`. */
export const ZImportBody = z.strictObject({
  file: uploadedFile,
  kind: z.enum(CREATABLE_KINDS),
  documentId: optionalField(z.uuid()),
  bump: optionalField(zBump()),
  note: optionalField(note),
  title: optionalField(title),
});
export type ImportBody = z.infer<typeof ZImportBody>;

// ---- Responses ----

export const ZVersion = z.strictObject({
  id: z.uuid(),
  /** `major.minor`, e.g. `1.3`. */
  version: z.string(),
  major: z.number().int(),
  minor: z.number().int(),
  author: ZPerson.nullable(),
  createdAt: zTimestamp(),
  /** sha256 of the body, hex. */
  contentHash: z.string(),
  note: z.string(),
  /** The uploaded file's name when the version was imported. */
  sourceFile: z.string().nullable(),
  /** The body's front matter, parsed. */
  metadata: z.record(z.string(), z.unknown()),
});
export type Version = z.infer<typeof ZVersion>;

export const ZVersionWithBody = ZVersion.extend({ body: z.string() });
export type VersionWithBody = z.infer<typeof ZVersionWithBody>;

export const ZVersionList = zItems(ZVersion);
export type VersionList = z.infer<typeof ZVersionList>;

export const ZDocument = z.strictObject({
  id: z.uuid(),
  kind: z.enum(DOCUMENT_KINDS),
  title: z.string(),
  /** e.g. `FINTX-PAYOUTS-PRD`. */
  code: z.string(),
  product: z.strictObject({
    code: z.string(),
    name: z.string(),
    subsidiary: z.strictObject({ id: z.uuid(), code: z.string(), name: z.string() }),
  }),
  /** The concurrency token: the ETag, to send back as If-Match on the next save. */
  revision: z.number().int(),
  createdAt: zTimestamp(),
  updatedAt: zTimestamp(),
  currentVersion: ZVersionWithBody.nullable(),
});
export type DocumentDetail = z.infer<typeof ZDocument>;

export const ZDocumentSummary = z.strictObject({
  id: z.uuid(),
  kind: z.enum(DOCUMENT_KINDS),
  title: z.string(),
  code: z.string(),
  revision: z.number().int(),
  updatedAt: zTimestamp(),
  currentVersion: z
    .strictObject({ id: z.uuid(), version: z.string(), createdAt: zTimestamp(), author: ZPerson.nullable() })
    .nullable(),
  versionCount: z.number().int(),
});
export type DocumentSummary = z.infer<typeof ZDocumentSummary>;

export const ZDocumentList = zItems(ZDocumentSummary);
export type DocumentList = z.infer<typeof ZDocumentList>;

/**
 * The `current` member of a 409 `stale_version` problem on a document save: the revision it is at now and, when it
 * has one, its current version with the body, so a client can show and merge what changed meanwhile.
 */
export const ZStaleDocument = ZVersionWithBody.partial().extend({ revision: z.number().int() });
export type StaleDocument = z.infer<typeof ZStaleDocument>;

export const ZDiffLine = z.strictObject({
  type: z.enum(['add', 'del', 'same']),
  text: z.string(),
  oldLine: z.number().int().optional(),
  newLine: z.number().int().optional(),
});
export type DiffLine = z.infer<typeof ZDiffLine>;

export const ZDiff = z.strictObject({
  /** null when `to` is a first version (everything added). */
  from: z.string().nullable(),
  to: z.string(),
  stats: z.strictObject({ added: z.number().int(), removed: z.number().int() }),
  lines: z.array(ZDiffLine),
});
export type Diff = z.infer<typeof ZDiff>;

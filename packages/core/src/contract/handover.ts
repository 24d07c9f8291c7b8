// The handover API's contract (issue #14). Packs: QA, security, runbook, release-notes and documentation packs
// uploaded per product, validated by core's pack validator (handover/validate.ts) and kept as numbered versions per
// product and kind, with secrets masked. Findings have the gate's fields, without the id a gate review gives them.
import { z } from 'zod';
import { PACK_KINDS } from '../handover/types.ts';
import { ZPerson, zTimestamp } from './common.ts';
import { zVerdict } from './gate.ts';
import { ZFinding } from './gate-reviews.ts';

export const HANDOVER_LIMITS = {
  /** A pack's file name as stored (base name, control characters removed). */
  fileName: 255,
} as const;

/** The media types a pack upload may be sent as (the body is the file itself). */
export const PACK_MEDIA_TYPES = {
  markdown: 'text/markdown',
  text: 'text/plain',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

export const ZPackKind = z.enum(PACK_KINDS);

const zProductCode = () => z.string().min(1).max(60);

export const ZPackListParams = z.strictObject({ code: zProductCode() });
export const ZPackKindParams = z.strictObject({ code: zProductCode(), kind: ZPackKind });
export const ZPackVersionParams = z.strictObject({
  code: zProductCode(),
  kind: ZPackKind,
  version: z.coerce.number().int().min(1).max(1_000_000),
});
export type PackVersionParams = z.infer<typeof ZPackVersionParams>;

export const ZPackUploadQuery = z.strictObject({
  kind: ZPackKind,
  /** The uploaded file's name, for the listing and the download (default `<kind>.md` or `<kind>.docx`). */
  fileName: z.string().trim().min(1).max(HANDOVER_LIMITS.fileName).optional(),
});
export type PackUploadQuery = z.infer<typeof ZPackUploadQuery>;

/** A pack finding: the gate's finding fields (excerpts are taken from the masked text). */
export const ZPackFinding = ZFinding.omit({ id: true });

/** One stored version of a pack, without its findings. */
export const ZPackVersion = z.strictObject({
  id: z.uuid(),
  productCode: z.string(),
  kind: ZPackKind,
  /** 1, 2, 3… per product and kind. */
  version: z.number().int(),
  fileName: z.string(),
  mediaType: z.string(),
  /** Bytes of the uploaded file. */
  size: z.number().int(),
  /** sha256 of the uploaded file's bytes (hex). */
  sha256: z.string(),
  score: z.number().int(),
  verdict: zVerdict(),
  blockers: z.number().int(),
  /** Lines (1-based, of the stored text) where a secret was found and masked. */
  maskedLines: z.array(z.number().int()),
  uploadedBy: ZPerson.nullable(),
  createdAt: zTimestamp(),
});
export type PackVersion = z.infer<typeof ZPackVersion>;

/** A version with its validation report's findings: the upload's answer and `GET …/packs/:kind/:version`. */
export const ZPackVersionDetail = ZPackVersion.extend({ findings: z.array(ZPackFinding) });
export type PackVersionDetail = z.infer<typeof ZPackVersionDetail>;

/** Every pack kind of a product: its newest version (null before the first upload) and how many there are. */
export const ZPackOverview = z.strictObject({
  items: z.array(z.strictObject({ kind: ZPackKind, versions: z.number().int(), latest: ZPackVersion.nullable() })),
});
export type PackOverview = z.infer<typeof ZPackOverview>;

/** One kind's versions, newest first. */
export const ZPackVersionList = z.strictObject({ kind: ZPackKind, items: z.array(ZPackVersion) });
export type PackVersionList = z.infer<typeof ZPackVersionList>;

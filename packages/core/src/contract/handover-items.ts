// The handover package's item extras (issue #14): evidence files on a checklist item, an item's history, and the
// early-life-support (ELS) window after IT's acceptance. handover-package.ts uses these in the package answer.
import { z } from 'zod';
import { ELS_LIMITS, ELS_STATUSES } from '../handover-package/early-life.ts';
import { EVIDENCE_FILE_TYPES } from '../handover-package/evidence-file.ts';
import { zTimestamp } from './common.ts';

export const EVIDENCE_FILE_LIMITS = { bytes: 10 * 1024 * 1024, perItem: 20 } as const;

const zItemId = () => z.string().regex(/^[A-Z]{2,4}-\d{1,3}$/, 'a checklist item id such as SCP-1');

export const ZEvidenceFileParams = z.strictObject({
  code: z.string().min(1).max(60),
  itemId: zItemId(),
  fileId: z.uuid(),
});

/** Multipart upload: one `file` field (PDF, PNG, JPEG, plain text, Markdown or DOCX, read from its bytes; ≤ 10 MB). */
export const ZEvidenceFileBody = z.strictObject({
  file: z
    .custom<{ name: string; size: number; arrayBuffer(): Promise<ArrayBuffer> }>((v) => {
      const f = v as { name?: unknown; arrayBuffer?: unknown } | null;
      return typeof f === 'object' && f !== null && typeof f.name === 'string' && typeof f.arrayBuffer === 'function';
    }, 'attach the file as a multipart file field')
    .meta({ type: 'string', format: 'binary' }),
});
export type EvidenceFileBody = z.infer<typeof ZEvidenceFileBody>;

export const ZEvidenceFile = z.strictObject({
  id: z.uuid(),
  itemId: z.string(),
  fileName: z.string(),
  mediaType: z.enum(EVIDENCE_FILE_TYPES),
  size: z.number().int(),
  sha256: z.string(),
  /** The uploader's name. */
  uploadedBy: z.string(),
  addedAt: zTimestamp(),
});
export type EvidenceFile = z.infer<typeof ZEvidenceFile>;

export const HISTORY_FIELDS = ['status', 'owner', 'evidence', 'required', 'file'] as const;
export const HISTORY_FIELD_LABELS: Readonly<Record<(typeof HISTORY_FIELDS)[number], string>> = {
  status: 'Status',
  owner: 'Owner',
  evidence: 'Evidence',
  required: 'Required',
  file: 'Evidence file',
};

export const ZItemHistory = z.strictObject({
  itemId: z.string(),
  label: z.string(),
  /** Newest first. */
  items: z.array(
    z.strictObject({
      at: zTimestamp(),
      action: z.string(),
      actionLabel: z.string(),
      /** Who: the actor's e-mail, or the system's label (e.g. `cli`). */
      by: z.string(),
      changes: z.array(
        z.strictObject({
          field: z.enum(HISTORY_FIELDS),
          label: z.string(),
          before: z.string().nullable(),
          after: z.string().nullable(),
        }),
      ),
    }),
  ),
});
export type ItemHistory = z.infer<typeof ZItemHistory>;

const zElsDays = () => z.number().int().min(ELS_LIMITS.minDays).max(ELS_LIMITS.maxDays);

/** Changing the ELS window after acceptance (administrators and ProductOps). */
export const ZElsUpdate = z.strictObject({
  days: zElsDays(),
  reason: z.string().trim().max(2000).default(''),
});
export type ElsUpdate = z.infer<typeof ZElsUpdate>;

export const ZElsDaysField = zElsDays().default(ELS_LIMITS.defaultDays);

export const ZEarlyLifeSupport = z.strictObject({
  days: z.number().int(),
  startsOn: z.iso.date(),
  endsOn: z.iso.date(),
  status: z.enum(ELS_STATUSES),
  statusLabel: z.string(),
  /** Post-handover gaps reported within the window. */
  gapsDuringEls: z.number().int(),
});
export type EarlyLifeSupport = z.infer<typeof ZEarlyLifeSupport>;

export const ZElsStats = z.strictObject({
  /** Accepted packages whose window is still running. */
  active: z.number().int(),
  gapsDuringEls: z.number().int(),
  gapsAfterEls: z.number().int(),
});

const zHorizons = (value: z.ZodType<number | null>) => z.strictObject({ '30': value, '60': value, '90': value });

/**
 * Post-handover gaps by acceptance month (research §3, "fewer post-handover gaps"): mean gaps per accepted package
 * within 30/60/90 days of acceptance, and the share with none; null where not every package of the month has had
 * that many days yet (a censored cell, shown blank).
 */
export const ZGapCohort = z.strictObject({
  cohort: z.string(),
  products: z.number().int(),
  mean: zHorizons(z.number().nullable()),
  zeroShare: zHorizons(z.number().nullable()),
});

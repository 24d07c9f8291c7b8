// The sign-off contract (issue #13): the PO/VB's sign-off of a UAT session or a release — decision, conditions and
// exactly what was signed (stories, revisions, content hashes) — chained by hash per product (ADR 0019), evidence
// files kept beside it, the verification of the chains, and the UAT report export. Guide: docs/signoff.md.
import { z } from 'zod';
import { zTimestamp } from './common.ts';

export const SIGNOFF_DECISIONS = ['signed', 'signed_with_conditions', 'refused'] as const;
export type SignoffDecision = (typeof SIGNOFF_DECISIONS)[number];

export const SIGNOFF_SCOPES = ['session', 'release'] as const;
export type SignoffScope = (typeof SIGNOFF_SCOPES)[number];

export const SIGNOFF_LIMITS = {
  conditions: 4000,
  buildVersion: 100,
  /** Evidence files: PDF, PNG, JPEG or plain text, up to this size each. */
  evidenceBytes: 10 * 1024 * 1024,
} as const;

export const REPORT_FORMATS = ['md', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

// ---- Requests ----

const zProductCode = () => z.string().min(1).max(60);
/** Stored text is NFC, the form the record hash is taken over: what is stored is what was hashed. */
const nfc = (s: string) => s.normalize('NFC');

export const ZSignoffParams = z.strictObject({ code: zProductCode(), key: z.string().min(1).max(100) });
export const ZEvidenceParams = z.strictObject({ code: zProductCode(), key: z.string().min(1).max(100), id: z.uuid() });
export const ZReportParams = z.strictObject({ code: zProductCode(), key: z.string().min(1).max(100) });

const zDecisionFields = {
  decision: z.enum(SIGNOFF_DECISIONS),
  /** Required (non-empty) with signed_with_conditions; what must change, with refused; none with signed. */
  conditions: z.string().trim().max(SIGNOFF_LIMITS.conditions).transform(nfc).default(''),
};

export const ZSignoffBody = z
  .discriminatedUnion('scope', [
    z.strictObject({ scope: z.literal('session'), sessionId: z.uuid(), ...zDecisionFields }),
    z.strictObject({
      scope: z.literal('release'),
      buildVersion: z.string().trim().min(1).max(SIGNOFF_LIMITS.buildVersion).transform(nfc),
      ...zDecisionFields,
    }),
  ])
  .superRefine((v, ctx) => {
    if (v.decision === 'signed_with_conditions' && v.conditions === '') {
      ctx.addIssue({ code: 'custom', path: ['conditions'], message: 'signed with conditions needs the conditions' });
    }
    if (v.decision === 'signed' && v.conditions !== '') {
      ctx.addIssue({
        code: 'custom',
        path: ['conditions'],
        message: 'a plain signature has no conditions: use signed_with_conditions',
      });
    }
  });
export type SignoffBody = z.infer<typeof ZSignoffBody>;

export const ZReportQuery = z.strictObject({ format: z.enum(REPORT_FORMATS).default('md') });

/** Multipart evidence upload: the file (PDF, PNG, JPEG or UTF-8 text, ≤ 10 MB; its type is read from its bytes). */
export const ZEvidenceBody = z.strictObject({
  file: z
    .custom<{ name: string; size: number; arrayBuffer(): Promise<ArrayBuffer> }>((v) => {
      const f = v as { name?: unknown; arrayBuffer?: unknown } | null;
      return typeof f === 'object' && f !== null && typeof f.name === 'string' && typeof f.arrayBuffer === 'function';
    }, 'attach the file as a multipart file field')
    .meta({ type: 'string', format: 'binary' }),
});
export type EvidenceBody = z.infer<typeof ZEvidenceBody>;

// ---- Responses ----

export const ZSignedStory = z.strictObject({ key: z.string(), revision: z.number().int(), contentHash: z.string() });

export const ZEvidence = z.strictObject({
  id: z.uuid(),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.string(),
  /** Evidence is not part of the signed record: it carries its own time, before or after the signature. */
  addedAt: zTimestamp(),
});
export type Evidence = z.infer<typeof ZEvidence>;

export const ZSignoff = z.strictObject({
  id: z.uuid(),
  key: z.string(),
  number: z.number().int(),
  scope: z.enum(SIGNOFF_SCOPES),
  session: z.strictObject({ id: z.uuid(), key: z.string(), title: z.string() }).nullable(),
  buildVersion: z.string(),
  decision: z.enum(SIGNOFF_DECISIONS),
  conditions: z.string(),
  signedStories: z.array(ZSignedStory),
  contentHash: z.string(),
  signer: z.strictObject({ id: z.uuid().nullable(), name: z.string() }),
  signedAt: zTimestamp(),
  prevHash: z.string(),
  recordHash: z.string(),
  evidence: z.array(ZEvidence),
});
export type Signoff = z.infer<typeof ZSignoff>;

/** Whether the product may move from UAT to handover now, and why (or why not). */
export const ZHandoverReadiness = z.strictObject({
  ready: z.boolean(),
  reason: z.string(),
  /** The latest UAT session's build version: the build a sign-off must accept; null without a session. */
  currentBuild: z.string().nullable(),
  /** The sign-off that decides (the newest of the current build), or null. */
  signoff: z.string().nullable(),
});
export type HandoverReadiness = z.infer<typeof ZHandoverReadiness>;

export const ZSignoffList = z.strictObject({
  items: z.array(ZSignoff),
  handoverReadiness: ZHandoverReadiness,
});
export type SignoffList = z.infer<typeof ZSignoffList>;

export const ZSignoffVerify = z.strictObject({
  /** True when every chain is intact and no signed story changed since its sign-off. */
  ok: z.boolean(),
  /** How many sign-off records were checked. */
  checked: z.number().int(),
  /** Records whose hash, link, number or content hash does not hold (and evidence whose bytes changed). */
  broken: z.array(z.strictObject({ key: z.string(), reason: z.string() })),
  /** Stories changed since the newest accepting sign-off that signed them; currentRevision null: deleted. */
  changedSinceSignoff: z.array(
    z.strictObject({
      signoff: z.string(),
      storyKey: z.string(),
      signedRevision: z.number().int(),
      currentRevision: z.number().int().nullable(),
    }),
  ),
  /** Every evidence file's sha256, to compare with a copy kept elsewhere. */
  evidence: z.array(
    z.strictObject({ signoff: z.string(), fileName: z.string(), sha256: z.string(), addedAt: zTimestamp() }),
  ),
});
export type SignoffVerify = z.infer<typeof ZSignoffVerify>;

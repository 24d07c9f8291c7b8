// The handover package's contract (issue #14): per product and release, a readiness checklist built from a template
// for the product's type and flags (items with owner, status, evidence), its readiness score with the blocking items
// named, versioned artifacts (release notes, runbook-lite, support flow, escalation matrix, ownership), the readiness
// review with IT's decision (acceptance moves the product to live) and, after handover, IT's gap log.
import { z } from 'zod';
import { CHECKLIST_GROUPS } from '../handover-package/checklist-template.ts';
import { PRODUCT_FLAGS, PRODUCT_TYPES } from '../handover-package/profile.ts';
import { ITEM_STATUSES } from '../handover-package/readiness-score.ts';
import { DECISIONS } from '../handover-package/review-decision.ts';
import { ZPerson, zTimestamp } from './common.ts';
import { ZPackFinding } from './handover.ts';
import { ZEarlyLifeSupport, ZElsDaysField, ZElsStats, ZEvidenceFile, ZGapCohort } from './handover-items.ts';

export * from './handover-templates.ts';

export const PACKAGE_LIMITS = {
  release: 40,
  owner: 200,
  reason: 2000,
  evidenceRef: 2000,
  evidencePerItem: 20,
  artifactChars: 200_000,
  note: 500,
  attendees: 50,
  gaps: 100,
  gapText: 2000,
} as const;

export const ARTIFACT_KINDS = ['release_notes', 'runbook', 'support', 'escalation', 'ownership'] as const;
export type ArtifactKind = (typeof ARTIFACT_KINDS)[number];
export const ARTIFACT_LABELS: Readonly<Record<ArtifactKind, string>> = {
  release_notes: 'Release notes',
  runbook: 'Runbook-lite',
  support: 'Support flow',
  escalation: 'Escalation matrix',
  ownership: 'Ownership',
};

export const GAP_SEVERITIES = ['critical', 'major', 'minor'] as const;
export const GAP_SEVERITY_LABELS: Readonly<Record<(typeof GAP_SEVERITIES)[number], string>> = {
  critical: 'Critical',
  major: 'Major',
  minor: 'Minor',
};
export const ITEM_STATUS_LABELS: Readonly<Record<(typeof ITEM_STATUSES)[number], string>> = {
  open: 'Open',
  in_progress: 'In progress',
  done: 'Done',
  waived: 'Waived',
  not_applicable: 'Not applicable',
};

const zProductCode = () => z.string().min(1).max(60);
const zIsoDate = () => z.iso.date();
const zLine = (max: number) => z.string().trim().min(1).max(max);

export const ZPackageParams = z.strictObject({ code: zProductCode() });
export const ZPackageItemParams = z.strictObject({
  code: zProductCode(),
  itemId: z.string().regex(/^[A-Z]{2,4}-\d{1,3}$/, 'a checklist item id such as SCP-1'),
});
export const ZArtifactParams = z.strictObject({ code: zProductCode(), kind: z.enum(ARTIFACT_KINDS) });
export const ZArtifactVersionParams = ZArtifactParams.extend({
  version: z.coerce.number().int().min(1).max(1_000_000),
});

/** Creating a product's package: its handover profile and the release it hands over. */
export const ZPackageCreate = z.strictObject({
  type: z.enum(PRODUCT_TYPES),
  flags: z
    .array(z.enum(PRODUCT_FLAGS))
    .max(PRODUCT_FLAGS.length)
    .refine((f) => new Set(f).size === f.length, 'a flag is listed twice')
    .default([]),
  release: zLine(PACKAGE_LIMITS.release).regex(/^[\w.+-]+$/, 'a version such as 1.0.0'),
  /** The planned handover date (the weekly checkpoint sorts by it). */
  targetDate: zIsoDate().nullable().default(null),
  /** The checklist template; by default the newest version of `handover-readiness` (built in as v1). */
  template: z
    .strictObject({ id: z.string().min(1).max(80), version: z.number().int().min(1).max(1_000_000) })
    .optional(),
});
export type PackageCreate = z.infer<typeof ZPackageCreate>;

export const ZEvidence = z.strictObject({
  kind: z.enum(['link', 'record']),
  /** A link is an http(s) URL; a record is an id in PI Studio, e.g. `pack:qa:2`, `EMX-SO-1`, `EMX-12`. */
  ref: zLine(PACKAGE_LIMITS.evidenceRef),
});

export const ZItemUpdate = z
  .strictObject({
    status: z.enum(ITEM_STATUSES).optional(),
    owner: z.string().trim().max(PACKAGE_LIMITS.owner).nullable().optional(),
    evidence: z.array(ZEvidence).max(PACKAGE_LIMITS.evidencePerItem).optional(),
    reason: z.string().trim().max(PACKAGE_LIMITS.reason).nullable().optional(),
    approver: z.string().trim().max(PACKAGE_LIMITS.owner).nullable().optional(),
    /** Override the template's level: true required, false optional (the template's own level clears it). */
    required: z.boolean().optional(),
    /** Why a required item is made optional (needed then); the waiver reason is `reason`. */
    requiredReason: z.string().trim().max(PACKAGE_LIMITS.reason).nullable().optional(),
  })
  .refine((u) => Object.keys(u).length > 0, 'nothing to change');
export type ItemUpdate = z.infer<typeof ZItemUpdate>;

export const ZPackageItem = z.strictObject({
  id: z.string(),
  group: z.enum(CHECKLIST_GROUPS),
  groupLabel: z.string(),
  text: z.string(),
  why: z.string(),
  /** What proves it (the template's hint). */
  evidenceHint: z.string(),
  /** The effective level: the template's, or the override. */
  level: z.enum(['required', 'optional', 'not_applicable']),
  levelReason: z.string(),
  templateLevel: z.enum(['required', 'optional', 'not_applicable']),
  levelOverride: z.strictObject({ required: z.boolean(), reason: z.string().nullable() }).nullable(),
  status: z.enum(ITEM_STATUSES),
  statusLabel: z.string(),
  owner: z.string().nullable(),
  evidence: z.array(
    ZEvidence.extend({
      /** For a `pack:<kind>:<version>` record: that stored pack's verdict; null otherwise. */
      validation: z.enum(['pass', 'conditional', 'fail']).nullable(),
      /** Why a record does not count: unknown pack or version. */
      problem: z.string().nullable(),
    }),
  ),
  reason: z.string().nullable(),
  approver: z.string().nullable(),
  /** Uploaded evidence files (they count as evidence like links and records). */
  files: z.array(ZEvidenceFile),
  revision: z.number().int(),
  updatedBy: ZPerson.nullable(),
  updatedAt: zTimestamp().nullable(),
});
export type PackageItem = z.infer<typeof ZPackageItem>;

const ZShare = z.strictObject({ met: z.number().int(), total: z.number().int(), percent: z.number().int().nullable() });

export const ZReadiness = z.strictObject({
  score: z.number().int(),
  ready: z.boolean(),
  required: ZShare,
  recommended: ZShare,
  blocking: z.array(
    z.strictObject({ itemId: z.string(), label: z.string(), owner: z.string().nullable(), message: z.string() }),
  ),
  openRecommended: z.array(z.strictObject({ itemId: z.string(), label: z.string() })),
  waived: z.array(z.strictObject({ itemId: z.string(), label: z.string(), reason: z.string(), approver: z.string() })),
});
export type PackageReadiness = z.infer<typeof ZReadiness>;

export const ZArtifactSummary = z.strictObject({
  kind: z.enum(ARTIFACT_KINDS),
  label: z.string(),
  versions: z.number().int(),
  latestVersion: z.number().int().nullable(),
  updatedAt: zTimestamp().nullable(),
  updatedBy: ZPerson.nullable(),
});

export const ZReviewSummary = z.strictObject({
  id: z.uuid(),
  number: z.number().int(),
  reviewDate: zIsoDate(),
  decision: z.enum(DECISIONS),
  decisionLabel: z.string(),
  decidedBy: ZPerson.nullable(),
  attendees: z.array(z.strictObject({ name: z.string(), role: z.string() })),
  gaps: z.array(
    z.strictObject({
      itemId: z.string().nullable(),
      description: z.string(),
      severity: z.enum(GAP_SEVERITIES),
      owner: z.string(),
      dueDate: zIsoDate(),
    }),
  ),
  rejectionItemIds: z.array(z.string()),
  notes: z.string(),
  /** The readiness score when IT decided. */
  score: z.number().int(),
  createdAt: zTimestamp(),
});
export type ReviewSummary = z.infer<typeof ZReviewSummary>;

/** The IT owner's confirmation, after acceptance, of who runs and supports the product and what is still open. */
export const ZOwnershipConfirm = z.strictObject({
  runBy: zLine(PACKAGE_LIMITS.owner),
  supportedBy: zLine(PACKAGE_LIMITS.owner),
  onCall: zLine(PACKAGE_LIMITS.owner).nullable().default(null),
  openItems: z
    .array(
      z.strictObject({ text: zLine(PACKAGE_LIMITS.gapText), owner: zLine(PACKAGE_LIMITS.owner), dueDate: zIsoDate() }),
    )
    .max(PACKAGE_LIMITS.gaps)
    .default([]),
});
export type OwnershipConfirm = z.infer<typeof ZOwnershipConfirm>;

export const ZOwnership = ZOwnershipConfirm.extend({
  confirmedBy: ZPerson.nullable(),
  confirmedAt: zTimestamp(),
});

export const ZHandoverPackage = z.strictObject({
  id: z.uuid(),
  productCode: z.string(),
  productName: z.string(),
  stage: z.string(),
  release: z.string(),
  targetDate: zIsoDate().nullable(),
  template: z.strictObject({ id: z.string(), version: z.number().int(), title: z.string() }),
  profile: z.strictObject({ type: z.enum(PRODUCT_TYPES), flags: z.array(z.enum(PRODUCT_FLAGS)) }),
  /** The newest accepting UAT sign-off when the package was created: what it hands over. */
  signoffKey: z.string().nullable(),
  /** open until IT accepts; accepted then (a new package can be started for the next release). */
  status: z.enum(['open', 'accepted']),
  /** Set when IT accepted: whether no earlier review of this package was a rejection. */
  acceptedOnFirstHandover: z.boolean().nullable(),
  acceptedAt: zTimestamp().nullable(),
  /** The early-life-support window after IT's acceptance; null before. */
  earlyLifeSupport: ZEarlyLifeSupport.nullable(),
  /** Null until the IT owner confirmed it after acceptance. */
  ownership: ZOwnership.nullable(),
  readiness: ZReadiness,
  items: z.array(ZPackageItem),
  artifacts: z.array(ZArtifactSummary),
  reviews: z.array(ZReviewSummary),
  createdBy: ZPerson.nullable(),
  createdAt: zTimestamp(),
});
export type HandoverPackage = z.infer<typeof ZHandoverPackage>;

export const ZArtifactSave = z.strictObject({
  body: z.string().max(PACKAGE_LIMITS.artifactChars),
  /** The version this edit started from (0 for the first): another edit in between answers 409 `stale_version`. */
  baseVersion: z.number().int().min(0).max(1_000_000),
  note: z.string().trim().max(PACKAGE_LIMITS.note).default(''),
});
export type ArtifactSave = z.infer<typeof ZArtifactSave>;

export const ZArtifactVersion = z.strictObject({
  kind: z.enum(ARTIFACT_KINDS),
  version: z.number().int(),
  body: z.string(),
  note: z.string(),
  /**
   * Runbook-lite and release notes are checked by the pack validator; the support flow, escalation matrix and
   * ownership by core's structured checks on their tables (rules `support-flow.*`, `escalation.*`, `ownership.*`).
   */
  validation: z
    .strictObject({
      score: z.number().int(),
      verdict: z.enum(['pass', 'conditional', 'fail']),
      findings: z.array(ZPackFinding),
    })
    .nullable(),
  createdBy: ZPerson.nullable(),
  createdAt: zTimestamp(),
});
export type ArtifactVersion = z.infer<typeof ZArtifactVersion>;

export const ZArtifactHistory = z.strictObject({
  kind: z.enum(ARTIFACT_KINDS),
  label: z.string(),
  items: z.array(ZArtifactVersion.omit({ body: true, validation: true })),
});
export type ArtifactHistory = z.infer<typeof ZArtifactHistory>;

/** A starting text for an artifact: the template, or for release notes the draft from the done stories and bugs. */
export const ZArtifactDraft = z.strictObject({
  kind: z.enum(ARTIFACT_KINDS),
  body: z.string(),
  /** Release notes: the stories and bugs it lists, and the last release it counts from. */
  covers: z.array(z.string()),
  since: z.strictObject({ release: z.string(), date: zIsoDate() }).nullable(),
});
export type ArtifactDraft = z.infer<typeof ZArtifactDraft>;

const ZGapInput = z.strictObject({
  itemId: z.string().max(10).nullable().default(null),
  description: zLine(PACKAGE_LIMITS.gapText),
  severity: z.enum(GAP_SEVERITIES),
  owner: zLine(PACKAGE_LIMITS.owner),
  dueDate: zIsoDate(),
});

export const ZReviewCreate = z.strictObject({
  reviewDate: zIsoDate(),
  decision: z.enum(DECISIONS),
  attendees: z
    .array(z.strictObject({ name: zLine(PACKAGE_LIMITS.owner), role: zLine(PACKAGE_LIMITS.owner) }))
    .min(1)
    .max(PACKAGE_LIMITS.attendees),
  gaps: z.array(ZGapInput).max(PACKAGE_LIMITS.gaps).default([]),
  rejectionItemIds: z.array(z.string().max(10)).max(100).default([]),
  notes: z.string().trim().max(PACKAGE_LIMITS.reason).default(''),
  /** Days of early-life support after an acceptance (default 30); the gaps' due dates are held to it. */
  elsDays: ZElsDaysField,
});
export type ReviewCreate = z.infer<typeof ZReviewCreate>;

/** The review's agenda, generated from the package: sections for the page and the same as Markdown. */
export const ZReviewAgenda = z.strictObject({
  sections: z.array(z.strictObject({ title: z.string(), lines: z.array(z.string()) })),
  markdown: z.string(),
});
export type ReviewAgenda = z.infer<typeof ZReviewAgenda>;

export const ZGapReport = z.strictObject({
  title: zLine(300),
  description: z.string().trim().max(PACKAGE_LIMITS.gapText).default(''),
  severity: z.enum(GAP_SEVERITIES),
  /** The checklist item that should have caught it (feeds the template's next version). */
  itemId: z.string().max(10).nullable().default(null),
  reportedOn: zIsoDate().optional(),
});
export type GapReport = z.infer<typeof ZGapReport>;

export const ZPostHandoverGap = z.strictObject({
  id: z.uuid(),
  productCode: z.string(),
  release: z.string(),
  title: z.string(),
  description: z.string(),
  severity: z.enum(GAP_SEVERITIES),
  itemId: z.string().nullable(),
  itemLabel: z.string().nullable(),
  reportedOn: zIsoDate(),
  reportedBy: ZPerson.nullable(),
  /** Reported within the package's early-life-support window. */
  duringEls: z.boolean(),
  createdAt: zTimestamp(),
});
export type PostHandoverGap = z.infer<typeof ZPostHandoverGap>;

/** One product on the weekly handover readiness checkpoint. */
export const ZCheckpointRow = z.strictObject({
  productCode: z.string(),
  productName: z.string(),
  subsidiary: z.string(),
  stage: z.string(),
  release: z.string().nullable(),
  targetDate: zIsoDate().nullable(),
  /** null when the product has no package yet. */
  score: z.number().int().nullable(),
  ready: z.boolean(),
  blockers: z.array(z.strictObject({ itemId: z.string(), label: z.string(), owner: z.string().nullable() })),
});
export const ZCheckpoint = z.strictObject({
  generatedAt: zTimestamp(),
  items: z.array(ZCheckpointRow),
  markdown: z.string(),
});
export type Checkpoint = z.infer<typeof ZCheckpoint>;

/** Post-handover gaps per checklist item across the products the reader sees, and first-handover acceptance. */
export const ZGapStats = z.strictObject({
  /** Packages IT accepted, and of those the ones accepted on the first handover (no rejection before). */
  accepted: z.number().int(),
  acceptedOnFirstHandover: z.number().int(),
  /** Percent, or null before any acceptance. */
  firstHandoverRate: z.number().int().nullable(),
  /** Worst first: critical, then major gaps, then the count; `itemId` null for gaps no item should have caught. */
  items: z.array(
    z.strictObject({
      itemId: z.string().nullable(),
      label: z.string().nullable(),
      gaps: z.number().int(),
      critical: z.number().int(),
      major: z.number().int(),
      minor: z.number().int(),
      /** Of these, reported during early-life support. */
      duringEls: z.number().int(),
    }),
  ),
  earlyLifeSupport: ZElsStats,
  /** Gaps within 30/60/90 days of acceptance, by acceptance month (oldest first). */
  cohorts: z.array(ZGapCohort),
});
export type GapStats = z.infer<typeof ZGapStats>;

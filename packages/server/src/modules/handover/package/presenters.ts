// What the package API answers: labels beside codes, ISO dates, people as {id, name, email}; rows never go out.

import type { EvidenceFile } from '@pi-studio/core/contract/handover-items';
import {
  ARTIFACT_KINDS,
  ARTIFACT_LABELS,
  type ArtifactKind,
  type ArtifactVersion,
  type HandoverPackage,
  ITEM_STATUS_LABELS,
  type PackageItem,
  type PackageReadiness,
  type PostHandoverGap,
  type ReviewSummary,
} from '@pi-studio/core/contract/handover-package';
import type { Finding } from '@pi-studio/core/gate/types';
import { CHECKLIST_GROUP_LABELS } from '@pi-studio/core/handover-package/checklist-template';
import { ELS_STATUS_LABELS, elsStatus, elsWindow, inEls } from '@pi-studio/core/handover-package/early-life';
import type { EvidenceFileType } from '@pi-studio/core/handover-package/evidence-file';
import { isProductFlag, isProductType } from '@pi-studio/core/handover-package/profile';
import type { Readiness } from '@pi-studio/core/handover-package/readiness-score';
import { DECISION_LABELS, type Decision } from '@pi-studio/core/handover-package/review-decision';
import { type ChecklistState, statusOf } from './checklist-state.ts';
import type { EvidenceFileRow } from './items/repo.ts';
import type { ArtifactRow, GapRow, PackageRow, ReviewRow } from './repo.ts';

export function presentReadiness(r: Readiness): PackageReadiness {
  return {
    score: r.score,
    ready: r.ready,
    required: r.required,
    recommended: r.recommended,
    blocking: r.blocking.map(({ itemId, label, owner, message }) => ({ itemId, label, owner, message })),
    openRecommended: r.openRecommended,
    waived: r.waived,
  };
}

export function presentEvidenceFile(f: EvidenceFileRow): EvidenceFile {
  return {
    id: f.id,
    itemId: f.itemId,
    fileName: f.fileName,
    mediaType: f.mediaType as EvidenceFileType,
    size: f.size,
    sha256: f.sha256,
    uploadedBy: f.uploadedByName,
    addedAt: f.createdAt.toISOString(),
  };
}

function presentItems(state: ChecklistState): PackageItem[] {
  return state.checklist.items.map((item) => {
    const row = state.rows.get(item.id);
    const known = statusOf(row?.status ?? 'open');
    return {
      id: item.id,
      group: item.group,
      groupLabel: CHECKLIST_GROUP_LABELS[item.group],
      text: item.text,
      why: item.why,
      evidenceHint: item.evidence,
      level: item.level,
      levelReason: item.reason,
      templateLevel: item.templateLevel,
      levelOverride:
        row && row.requiredOverride !== null && item.templateLevel !== 'not_applicable'
          ? { required: row.requiredOverride, reason: row.requiredReason }
          : null,
      status: known,
      statusLabel: ITEM_STATUS_LABELS[known],
      owner: row?.owner ?? null,
      evidence: state.evidence.get(item.id) ?? [],
      reason: row?.reason ?? null,
      approver: row?.approver ?? null,
      files: (state.files.get(item.id) ?? []).map(presentEvidenceFile),
      revision: row?.revision ?? 0,
      updatedBy: row?.updatedByPerson ?? null,
      updatedAt: row?.updatedAt.toISOString() ?? null,
    };
  });
}

export function presentReview(r: ReviewRow): ReviewSummary {
  const decision = r.decision as Decision;
  return {
    id: r.id,
    number: r.number,
    reviewDate: r.reviewDate,
    decision,
    decisionLabel: DECISION_LABELS[decision],
    decidedBy: r.decidedByPerson,
    attendees: r.attendees,
    gaps: r.gaps,
    rejectionItemIds: r.rejectionItemIds,
    notes: r.notes,
    score: r.score,
    createdAt: r.createdAt.toISOString(),
  };
}

export type ArtifactSummaryRow = {
  kind: string;
  versions: number;
  latestVersion: number | null;
  updatedAt: Date | null;
  updatedBy: PackageRow['createdByPerson'];
};

export function presentPackage(
  product: { code: string; name: string; stage: string },
  pkg: PackageRow,
  state: ChecklistState,
  artifacts: readonly ArtifactSummaryRow[],
  reviews: readonly ReviewRow[],
  els: { today: Date; gapDays: readonly string[] },
): HandoverPackage {
  return {
    id: pkg.id,
    productCode: product.code,
    productName: product.name,
    stage: product.stage,
    release: pkg.release,
    targetDate: pkg.targetDate,
    template: { id: state.template.id, version: state.template.version, title: state.template.title },
    profile: {
      type: isProductType(pkg.profileType) ? pkg.profileType : 'WEB',
      flags: pkg.profileFlags.filter(isProductFlag),
    },
    signoffKey: pkg.signoffKey,
    status: pkg.status === 'accepted' ? 'accepted' : 'open',
    acceptedOnFirstHandover: pkg.acceptedOnFirstHandover,
    acceptedAt: pkg.acceptedAt?.toISOString() ?? null,
    earlyLifeSupport: presentEls(pkg, els.today, els.gapDays),
    ownership:
      pkg.ownership && pkg.ownershipConfirmedAt
        ? {
            ...pkg.ownership,
            confirmedBy: pkg.ownershipConfirmedByPerson,
            confirmedAt: pkg.ownershipConfirmedAt.toISOString(),
          }
        : null,
    readiness: presentReadiness(state.readiness),
    items: presentItems(state),
    artifacts: ARTIFACT_KINDS.map((kind) => {
      const a = artifacts.find((s) => s.kind === kind);
      return {
        kind,
        label: ARTIFACT_LABELS[kind],
        versions: a?.versions ?? 0,
        latestVersion: a?.latestVersion ?? null,
        updatedAt: a?.updatedAt?.toISOString() ?? null,
        updatedBy: a?.updatedBy ?? null,
      };
    }),
    reviews: reviews.map(presentReview),
    createdBy: pkg.createdByPerson,
    createdAt: pkg.createdAt.toISOString(),
  };
}

export function presentArtifact(
  row: ArtifactRow,
  validation: { score: number; verdict: 'pass' | 'conditional' | 'fail'; findings: Omit<Finding, 'id'>[] } | null,
): ArtifactVersion {
  return {
    kind: row.kind as ArtifactKind,
    version: row.version,
    body: row.body,
    note: row.note,
    validation,
    createdBy: row.createdByPerson,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The early-life-support window of an accepted package, with the gaps reported in it; null before acceptance. */
export function presentEls(
  pkg: { acceptedAt: Date | null; elsDays: number | null },
  today: Date,
  gapDays: readonly string[],
): HandoverPackage['earlyLifeSupport'] {
  if (!pkg.acceptedAt) return null;
  const window = elsWindow(pkg.acceptedAt, pkg.elsDays);
  const status = elsStatus(window, today);
  return {
    ...window,
    status,
    statusLabel: ELS_STATUS_LABELS[status],
    gapsDuringEls: gapDays.filter((d) => inEls(window, d)).length,
  };
}

export function presentGap(productCode: string, g: GapRow, itemLabel: string | null): PostHandoverGap {
  return {
    id: g.id,
    productCode,
    release: g.release,
    title: g.title,
    description: g.description,
    severity: g.severity as PostHandoverGap['severity'],
    itemId: g.itemId,
    itemLabel,
    reportedOn: g.reportedOn,
    reportedBy: g.reportedByPerson,
    duringEls: g.acceptedAt !== null && inEls(elsWindow(g.acceptedAt, g.elsDays), g.reportedOn),
    createdAt: g.createdAt.toISOString(),
  };
}

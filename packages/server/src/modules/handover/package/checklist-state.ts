// A package's checklist as it stands: the template's items for the package's profile with the team's level overrides,
// each item's stored state, and the readiness core computes from them. Evidence naming a stored pack
// (`pack:<kind>:<version>`) carries that pack's verdict, so a pack that failed validation keeps its item from counting
// (handover packs checked, not just stored). Uploaded files count as evidence. The newest support flow, escalation
// matrix and ownership versions are checked (core's structured checks) and count as evidence of SUP-1, SUP-2 and OWN-2
// (`artifact:<kind>:<version>`) with their verdict: one with a blocker finding keeps its item blocking.

import type { Verdict } from '@pi-studio/core/gate/types';
import { PACK_KINDS } from '@pi-studio/core/handover/types';
import { checklistFor, type LevelOverride, withOverrides } from '@pi-studio/core/handover-package/checklist';
import type { ChecklistTemplate } from '@pi-studio/core/handover-package/checklist-template';
import { isProductFlag, isProductType } from '@pi-studio/core/handover-package/profile';
import {
  type Evidence,
  ITEM_STATUSES,
  type ItemState,
  type ItemStatus,
  type Readiness,
  readinessOf,
} from '@pi-studio/core/handover-package/readiness-score';
import {
  STRUCTURED_ITEM,
  type StructuredKind,
  type StructuredReport,
} from '@pi-studio/core/handover-package/structured-artifacts';
import type { EvidenceFileRow } from './items/repo.ts';
import type { ItemRow, PackageRow, StoredEvidence } from './repo.ts';

export type CheckedEvidence = StoredEvidence & { validation: Verdict | null; problem: string | null };

export type ChecklistState = {
  template: ChecklistTemplate;
  checklist: ReturnType<typeof withOverrides>;
  rows: Map<string, ItemRow>;
  evidence: Map<string, CheckedEvidence[]>;
  files: Map<string, EvidenceFileRow[]>;
  readiness: Readiness;
};

/** The newest version of each structured artifact with its check. */
export type CheckedArtifacts = ReadonlyMap<StructuredKind, { version: number; report: StructuredReport }>;

export type StateExtras = { files?: readonly EvidenceFileRow[]; artifacts?: CheckedArtifacts };

const ARTIFACT_REF = /^artifact:([a-z_]+):(\d{1,7})$/;

const PACK_REF = /^pack:([a-z-]+):(\d{1,7})$/;

/** A record naming a pack gets its verdict; one naming a pack that does not exist does not count as evidence. */
export function checkEvidence(
  e: StoredEvidence,
  packs: ReadonlyMap<string, string>,
  artifacts: CheckedArtifacts = new Map(),
): CheckedEvidence {
  const artifact = e.kind === 'record' ? ARTIFACT_REF.exec(e.ref) : null;
  if (artifact) {
    const [, kind = '', version = ''] = artifact;
    const newest = artifacts.get(kind as StructuredKind);
    if (newest?.version !== Number(version))
      return { ...e, validation: null, problem: `not the newest version of the ${kind} artifact` };
    return { ...e, validation: newest.report.verdict, problem: null };
  }
  const match = e.kind === 'record' ? PACK_REF.exec(e.ref) : null;
  if (!match) return { ...e, validation: null, problem: null };
  const [, kind = '', version = ''] = match;
  if (!(PACK_KINDS as readonly string[]).includes(kind))
    return { ...e, validation: null, problem: `no pack kind ${kind}` };
  const verdict = packs.get(`${kind}:${Number(version)}`);
  if (!verdict) return { ...e, validation: null, problem: `no ${kind} pack version ${Number(version)}` };
  return { ...e, validation: verdict as Verdict, problem: null };
}

export function statusOf(value: string): ItemStatus {
  return (ITEM_STATUSES as readonly string[]).includes(value) ? (value as ItemStatus) : 'open';
}

export function checklistState(
  template: ChecklistTemplate,
  pkg: PackageRow,
  items: readonly ItemRow[],
  packs: ReadonlyMap<string, string>,
  extras: StateExtras = {},
): ChecklistState {
  const type = isProductType(pkg.profileType) ? pkg.profileType : 'WEB';
  const overrides = new Map<string, LevelOverride>(
    items.flatMap((r) =>
      r.requiredOverride === null ? [] : [[r.itemId, { required: r.requiredOverride, reason: r.requiredReason }]],
    ),
  );
  const checklist = withOverrides(
    checklistFor(template, { type, flags: pkg.profileFlags.filter(isProductFlag) }),
    overrides,
  );
  const rows = new Map(items.map((r) => [r.itemId, r]));
  const artifacts: CheckedArtifacts = extras.artifacts ?? new Map();
  const files = new Map<string, EvidenceFileRow[]>();
  for (const f of extras.files ?? []) files.set(f.itemId, [...(files.get(f.itemId) ?? []), f]);
  const evidence = new Map<string, CheckedEvidence[]>();
  for (const row of items)
    evidence.set(
      row.itemId,
      row.evidence.map((e) => checkEvidence(e, packs, artifacts)),
    );
  for (const [kind, { version, report }] of artifacts) {
    const itemId = STRUCTURED_ITEM[kind];
    const ref = `artifact:${kind}:${version}`;
    const list = evidence.get(itemId) ?? [];
    if (!list.some((e) => e.ref === ref))
      evidence.set(itemId, [...list, { kind: 'record', ref, validation: report.verdict, problem: null }]);
  }
  const states: ItemState[] = items.map((row) => ({
    itemId: row.itemId,
    status: statusOf(row.status),
    owner: row.owner,
    // Evidence that names no existing record does not prove anything; an uploaded file does.
    evidence: [
      ...(evidence.get(row.itemId) ?? [])
        .filter((e) => e.problem === null)
        .map(({ kind, ref, validation }): Evidence => ({ kind, ref, validation })),
      ...(files.get(row.itemId) ?? []).map((f): Evidence => ({ kind: 'file', ref: f.id })),
    ],
    reason: row.reason,
    approver: row.approver,
  }));
  return {
    template,
    checklist,
    rows,
    evidence,
    files,
    readiness: readinessOf(checklist, states, template.weights),
  };
}

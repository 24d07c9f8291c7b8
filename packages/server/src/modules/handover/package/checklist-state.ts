// A package's checklist as it stands: the template's items for the package's profile, each item's stored state, and
// the readiness core computes from them. Evidence naming a stored pack (`pack:<kind>:<version>`) carries that pack's
// verdict, so a pack that failed validation keeps its item from counting (handover packs checked, not just stored).

import type { Verdict } from '@pi-studio/core/gate/types';
import { PACK_KINDS } from '@pi-studio/core/handover/types';
import { checklistFor, type ProductChecklist } from '@pi-studio/core/handover-package/checklist';
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
import type { ItemRow, PackageRow, StoredEvidence } from './repo.ts';

export type CheckedEvidence = StoredEvidence & { validation: Verdict | null; problem: string | null };

export type ChecklistState = {
  template: ChecklistTemplate;
  checklist: ProductChecklist;
  rows: Map<string, ItemRow>;
  evidence: Map<string, CheckedEvidence[]>;
  readiness: Readiness;
};

const PACK_REF = /^pack:([a-z-]+):(\d{1,7})$/;

/** A record naming a pack gets its verdict; one naming a pack that does not exist does not count as evidence. */
export function checkEvidence(e: StoredEvidence, packs: ReadonlyMap<string, string>): CheckedEvidence {
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
): ChecklistState {
  const type = isProductType(pkg.profileType) ? pkg.profileType : 'WEB';
  const checklist = checklistFor(template, { type, flags: pkg.profileFlags.filter(isProductFlag) });
  const rows = new Map(items.map((r) => [r.itemId, r]));
  const evidence = new Map<string, CheckedEvidence[]>();
  const states: ItemState[] = [];
  for (const row of items) {
    const checked = row.evidence.map((e) => checkEvidence(e, packs));
    evidence.set(row.itemId, checked);
    // Evidence that names no existing record does not prove anything.
    const counted: Evidence[] = checked
      .filter((e) => e.problem === null)
      .map(({ kind, ref, validation }) => ({
        kind,
        ref,
        validation,
      }));
    states.push({
      itemId: row.itemId,
      status: statusOf(row.status),
      owner: row.owner,
      evidence: counted,
      reason: row.reason,
      approver: row.approver,
    });
  }
  return { template, checklist, rows, evidence, readiness: readinessOf(checklist, states, template.weights) };
}

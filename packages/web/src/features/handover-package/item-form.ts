// The checklist item editor's form: what it starts from, what it sends (only what changed, so two people editing
// different fields of one item do not undo each other) and the hints it shows before saving.
import type { ItemUpdate, PackageItem } from './api.ts';
import { isWebLink, needsReason } from './format.ts';

export type EvidenceKind = 'link' | 'record';
export type EvidenceDraft = { kind: EvidenceKind; ref: string };
export type ItemDraft = {
  status: PackageItem['status'];
  owner: string;
  evidence: EvidenceDraft[];
  reason: string;
  approver: string;
};

export const EVIDENCE_KIND_LABEL: Record<EvidenceKind, string> = { link: 'Link', record: 'PI Studio record' };

export function itemDraftOf(item: PackageItem): ItemDraft {
  return {
    status: item.status,
    owner: item.owner ?? '',
    evidence: item.evidence.map((e) => ({ kind: e.kind, ref: e.ref })),
    reason: item.reason ?? '',
    approver: item.approver ?? '',
  };
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());
const cleanEvidence = (evidence: readonly EvidenceDraft[]) =>
  evidence.filter((e) => e.ref.trim() !== '').map((e) => ({ kind: e.kind, ref: e.ref.trim() }));
const sameEvidence = (a: readonly EvidenceDraft[], b: readonly EvidenceDraft[]) =>
  a.length === b.length && a.every((e, i) => e.kind === b[i]?.kind && e.ref === b[i]?.ref);

/**
 * The fields that differ from the stored item; null when nothing does. A reason and an approver only belong to a
 * waiver or "not applicable": moving away from those clears them.
 */
export function itemUpdateOf(item: PackageItem, draft: ItemDraft): ItemUpdate | null {
  const update: ItemUpdate = {};
  if (draft.status !== item.status) update.status = draft.status;
  const owner = orNull(draft.owner);
  if (owner !== item.owner) update.owner = owner;
  const evidence = cleanEvidence(draft.evidence);
  if (!sameEvidence(evidence, item.evidence)) update.evidence = evidence;
  const keepsReason = needsReason(draft.status);
  const reason = keepsReason ? orNull(draft.reason) : null;
  const approver = keepsReason ? orNull(draft.approver) : null;
  if (reason !== item.reason) update.reason = reason;
  if (approver !== item.approver) update.approver = approver;
  return Object.keys(update).length > 0 ? update : null;
}

export type DraftProblem = { field: string; message: string; blocks: boolean };

/**
 * What the form says before saving. A link that is no web address blocks (the server refuses it); the rest are
 * hints: the item may be saved, but it will not count towards readiness yet.
 */
export function itemDraftProblems(draft: ItemDraft): DraftProblem[] {
  const out: DraftProblem[] = [];
  draft.evidence.forEach((e, i) => {
    if (e.kind === 'link' && e.ref.trim() !== '' && !isWebLink(e.ref))
      out.push({ field: `evidence.${i}`, message: 'A link starts with https:// or http://', blocks: true });
  });
  if (draft.status === 'done' && cleanEvidence(draft.evidence).length === 0)
    out.push({
      field: 'evidence',
      message: 'A done item counts only with evidence: add a link or a record.',
      blocks: false,
    });
  if (needsReason(draft.status)) {
    if (draft.reason.trim() === '')
      out.push({ field: 'reason', message: 'Say why: without a reason it does not count.', blocks: false });
    if (draft.approver.trim() === '')
      out.push({ field: 'approver', message: 'Name who approved it (usually the IT owner).', blocks: false });
  }
  return out;
}

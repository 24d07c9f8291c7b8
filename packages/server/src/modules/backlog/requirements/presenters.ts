// What the requirements API sends, typed by the contract (core/contract/backlog.ts).
import type { Baseline, Requirement, VersionRef } from '@pi-studio/core/contract/backlog';
import { formatVersion } from '@pi-studio/core/documents/version';
import type { BaselineRecord } from '../repo.ts';
import type { RequirementRecord, VersionRefRecord } from './repo.ts';

const versionRef = (v: VersionRefRecord): VersionRef => ({ id: v.id, version: formatVersion(v) });

export function presentRequirement(r: RequirementRecord): Requirement {
  return {
    id: r.id,
    key: r.key,
    generated: r.generated,
    kind: r.kind,
    text: r.text,
    priority: r.priority,
    acceptance: r.acceptance,
    line: r.line,
    section: r.section,
    documentId: r.documentId,
    firstSeenIn: versionRef(r.firstSeenIn),
    lastSeenIn: versionRef(r.lastSeenIn),
    removedIn: r.removedIn ? versionRef(r.removedIn) : null,
    textHistory: r.textHistory,
    storyCount: r.storyCount,
  };
}

export function presentBaseline(b: BaselineRecord | null): Baseline | null {
  if (!b) return null;
  return {
    documentId: b.documentId,
    versionId: b.versionId,
    version: formatVersion(b),
    reviewId: b.reviewId,
    decidedAt: b.decidedAt.toISOString(),
  };
}

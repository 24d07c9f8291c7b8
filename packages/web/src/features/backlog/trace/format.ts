// Drift in words: each kind's label and colour, and where an item points, for the drift panel and the product card.
import type { Drift, DriftItem } from './api.ts';

type DriftKind = DriftItem['kind'];

export const DRIFT_KIND_LABEL: Record<DriftKind, string> = {
  'requirement-changed-without-approval': 'Requirement changed without approval',
  'requirement-added-without-approval': 'Requirement added without approval',
  'requirement-removed-without-approval': 'Requirement removed without approval',
  'story-without-requirement': 'Story with no requirement',
  'story-added-after-sprint-start': 'Added after sprint start',
};

/** Requirement drift asks for a change request; story drift for a link or a decision. */
export const isRequirementDrift = (kind: DriftKind) => kind.startsWith('requirement-');

/** "since PRD 1.1" for requirement drift (a version), "since 3 Dec 2026" for story drift (a time). */
export function sinceLabel(item: DriftItem, formatDate: (iso: string) => string): string {
  return isRequirementDrift(item.kind) ? `since PRD ${item.since}` : `since ${formatDate(item.since)}`;
}

/** The place an item names, in words: "FR-3 · PRD line 42", "PAY-S-7 · sprint Sprint 1". */
export function whereLabel(where: DriftItem['where']): string {
  return [
    where.requirementId,
    where.line !== undefined ? `PRD line ${where.line}` : undefined,
    where.storyKey,
    where.sprint ? `sprint ${where.sprint}` : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** How many items of each kind, in the order the API lists them (kinds with none left out). */
export function countByKind(items: readonly DriftItem[]): { kind: DriftKind; count: number }[] {
  const counts = new Map<DriftKind, number>();
  for (const item of items) counts.set(item.kind, (counts.get(item.kind) ?? 0) + 1);
  return [...counts].map(([kind, count]) => ({ kind, count }));
}

/** Why there is nothing to show: no baseline yet, or a build that matches it (newer PRD versions all approved). */
export function noDriftLabel(drift: Pick<Drift, 'baseline' | 'current'>): string {
  const { baseline, current } = drift;
  if (!baseline) return 'Drift is measured once the PRD has passed the gate.';
  if (current && current.version !== baseline.version) {
    return `PRD version ${current.version} differs from version ${baseline.version}, the version that passed the gate, only by approved changes, and every story traces to it.`;
  }
  return `The build matches PRD version ${baseline.version}, the version that passed the gate.`;
}

// Scope drift against the gate baseline (issue #12, charter: "No scope drift"). The PRD version that passed the gate
// is the baseline; scope may change after it only through an approved change request. Drift is everything that
// changed without one: stories that trace to no requirement, requirements changed, added or removed in a later PRD
// version, and stories put into a sprint after it started. Each item says what, where and since when, in words a
// product owner reads on the product page. Pure: times are the ISO strings passed in, never the clock.

import { compareVersions } from '../stories/identity.ts';
import type { ExtractedRequirement } from '../stories/requirements.ts';
import { compareKeys, requirementKey } from './keys.ts';

export type DriftStory = { key: string; createdAt: string; requirementIds: string[]; sprintId: string | null };

export type DriftSprint = { id: string; name: string; startedAt: string | null; committedStoryKeys: string[] };

export type DriftChangeRequest = {
  key: string;
  status: 'pending' | 'approved' | 'rejected';
  decidedAt: string | null;
  requirementIds: string[];
};

export type DriftInput = {
  baseline: { prdVersion: string; requirements: ExtractedRequirement[] };
  current: { prdVersion: string; requirements: ExtractedRequirement[] };
  stories: DriftStory[];
  sprints: DriftSprint[];
  changeRequests: DriftChangeRequest[];
};

export const DRIFT_KINDS = [
  'requirement-changed-without-approval',
  'requirement-added-without-approval',
  'requirement-removed-without-approval',
  'story-without-requirement',
  'story-added-after-sprint-start',
] as const;
export type DriftKind = (typeof DRIFT_KINDS)[number];

export type DriftItem = {
  kind: DriftKind;
  /** One sentence for people. */
  what: string;
  /** `line` is in the current PRD version; a removed requirement has none. `sprint` is the sprint's name. */
  where: { storyKey?: string; requirementId?: string; sprint?: string; line?: number };
  /** A PRD version for requirement drift; an ISO time for story drift. */
  since: string;
};

/**
 * Every drift item, in a fixed order: by kind (in `DRIFT_KINDS` order), then requirements in PRD order (removed
 * ones in baseline order) and stories in natural key order. An approved change request that names a requirement
 * resolves that requirement's change, addition or removal; a pending or rejected one does not (the sentence names
 * it). A story added to a started sprint is resolved by an approved change request, decided at or after the start,
 * that names one of the story's requirements: the scope change was decided.
 */
export function detectDrift(input: DriftInput): DriftItem[] {
  const { baseline, current } = input;
  const items: DriftItem[] = [];
  const approved = new Set<string>();
  const open = new Map<string, DriftChangeRequest>();
  for (const cr of input.changeRequests) {
    for (const id of cr.requirementIds) {
      const key = requirementKey(id);
      if (cr.status === 'approved') approved.add(key);
      else if (!open.has(key) || cr.status === 'pending') open.set(key, cr);
    }
  }
  const unapproved = (id: string) => !approved.has(requirementKey(id));
  const pendingNote = (id: string) => {
    const cr = open.get(requirementKey(id));
    return cr ? ` (change request ${cr.key} is ${cr.status})` : '';
  };

  const versions = compareVersions(baseline.requirements, current.requirements);
  const since = current.prdVersion;
  for (const req of versions.requirements) {
    if (req.change === 'same' || !unapproved(req.id)) continue;
    const where = { requirementId: req.id, line: req.line };
    if (req.change === 'changed') {
      items.push({
        kind: 'requirement-changed-without-approval',
        what: `${req.id} changed between PRD ${baseline.prdVersion} and ${current.prdVersion} without an approved change request${pendingNote(req.id)}.`,
        where,
        since,
      });
    } else {
      items.push({
        kind: 'requirement-added-without-approval',
        what: `${req.id} was added in PRD ${current.prdVersion} (not in the baseline ${baseline.prdVersion}) without an approved change request${pendingNote(req.id)}.`,
        where,
        since,
      });
    }
  }
  for (const req of versions.removed) {
    if (!unapproved(req.id)) continue;
    items.push({
      kind: 'requirement-removed-without-approval',
      what: `${req.id} is in the baseline PRD ${baseline.prdVersion} but not in ${current.prdVersion}, and no approved change request removed it${pendingNote(req.id)}.`,
      where: { requirementId: req.id },
      since,
    });
  }

  const live = new Set(versions.requirements.map((r) => requirementKey(r.id)));
  const removed = new Set(versions.removed.map((r) => requirementKey(r.id)));
  const sprintById = new Map(input.sprints.map((s) => [s.id, s]));
  const stories = [...input.stories].sort((a, b) => compareKeys(a.key, b.key));
  for (const story of stories) {
    const keys = story.requirementIds.map(requirementKey);
    if (keys.some((k) => live.has(k))) continue;
    const sprint = story.sprintId ? sprintById.get(story.sprintId) : undefined;
    const gone = story.requirementIds.filter((id) => removed.has(requirementKey(id)));
    const unknown = story.requirementIds.filter((id) => !removed.has(requirementKey(id)));
    const parts = [
      gone.length > 0 ? `${list(gone)} (removed from the PRD)` : '',
      unknown.length > 0 ? `${list(unknown)} (not in PRD ${current.prdVersion})` : '',
    ].filter(Boolean);
    const why = parts.length === 0 ? 'is linked to no requirement' : `links only to ${parts.join(' and ')}`;
    items.push({
      kind: 'story-without-requirement',
      what: `Story ${story.key} ${why}.`,
      where: { storyKey: story.key, ...(sprint ? { sprint: sprint.name } : {}) },
      since: story.createdAt,
    });
  }

  const committedIn = new Map(input.sprints.map((s) => [s.id, new Set(s.committedStoryKeys)]));
  for (const story of stories) {
    const sprint = story.sprintId ? sprintById.get(story.sprintId) : undefined;
    if (!sprint?.startedAt || committedIn.get(sprint.id)?.has(story.key)) continue;
    const start = Date.parse(sprint.startedAt);
    const keys = new Set(story.requirementIds.map(requirementKey));
    const decided = input.changeRequests.some(
      (cr) =>
        cr.status === 'approved' &&
        cr.decidedAt !== null &&
        Date.parse(cr.decidedAt) >= start &&
        cr.requirementIds.some((id) => keys.has(requirementKey(id))),
    );
    if (decided) continue;
    items.push({
      kind: 'story-added-after-sprint-start',
      what: `Story ${story.key} was added to sprint "${sprint.name}" after it started and is not in its commitment.`,
      where: { storyKey: story.key, sprint: sprint.name },
      // It joined the sprint no earlier than the start, and no earlier than it was created.
      since: later(story.createdAt, sprint.startedAt),
    });
  }
  const rank = (kind: DriftKind) => DRIFT_KINDS.indexOf(kind);
  return items.sort((a, b) => rank(a.kind) - rank(b.kind)); // stable: keeps PRD and key order within a kind
}

/**
 * Scope surprises for a sprint: the change requests approved at or after its start (and, once it has ended, no later
 * than its end). Approved, not raised: a request that is rejected changes no scope, and a change request records when
 * it was decided, not when it was raised. A sprint that has not started has none.
 */
export function scopeSurprises(
  sprint: { startedAt: string | null; endedAt?: string | null },
  changeRequests: readonly DriftChangeRequest[],
): number {
  if (!sprint.startedAt) return 0;
  const start = Date.parse(sprint.startedAt);
  const end = sprint.endedAt ? Date.parse(sprint.endedAt) : Number.POSITIVE_INFINITY;
  let count = 0;
  for (const cr of changeRequests) {
    if (cr.status !== 'approved' || !cr.decidedAt) continue;
    const at = Date.parse(cr.decidedAt);
    if (at >= start && at <= end) count++;
  }
  return count;
}

function later(a: string, b: string): string {
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  if (Number.isNaN(ta)) return b;
  if (Number.isNaN(tb)) return a;
  return ta > tb ? a : b;
}

function list(ids: readonly string[]): string {
  return ids.length === 1 ? (ids[0] as string) : `${ids.slice(0, -1).join(', ')} and ${ids[ids.length - 1]}`;
}

// How a sprint went and whether the build is ready for UAT (issue #12). Pure: times are the ISO strings passed in,
// never the clock, so the server's numbers and anything the browser recomputes agree.

import { STAGE_LABELS, type Stage } from '../workspace/stages.ts';

/** A sprint's window: it has not started while `startedAt` is null, and is still running while `endedAt` is. */
export type SprintWindow = { startedAt: string | null; endedAt: string | null };

export type MetricsClarification = { askedAt: string; answeredAt: string | null };

/** Whether something that happened at `at` happened while the sprint was active (its start and end included). */
export function duringSprint(sprint: SprintWindow, at: string): boolean {
  if (!sprint.startedAt) return false;
  const t = Date.parse(at);
  if (t < Date.parse(sprint.startedAt)) return false;
  return !sprint.endedAt || t <= Date.parse(sprint.endedAt);
}

/**
 * Change requests raised while the sprint was active: scope that arrived after the team committed. Raised, not
 * decided: the team is surprised when the question comes up, whatever the decision. (`scopeSurprises` in drift.ts
 * counts the approvals instead, for drift.)
 */
export function changeRequestsRaisedDuring(
  sprint: SprintWindow,
  changeRequests: readonly { createdAt: string }[],
): number {
  return changeRequests.filter((cr) => duringSprint(sprint, cr.createdAt)).length;
}

/** The median of the minutes from question to answer, one decimal; null when nothing is answered. */
export function medianAnswerMinutes(clarifications: readonly MetricsClarification[]): number | null {
  const minutes = clarifications
    .flatMap((c) => (c.answeredAt ? [(Date.parse(c.answeredAt) - Date.parse(c.askedAt)) / 60_000] : []))
    .sort((a, b) => a - b);
  if (minutes.length === 0) return null;
  const mid = Math.floor(minutes.length / 2);
  const median =
    minutes.length % 2 === 1 ? (minutes[mid] as number) : ((minutes[mid - 1] as number) + (minutes[mid] as number)) / 2;
  return Math.round(median * 10) / 10;
}

export type SprintMetricsInput = SprintWindow & {
  clarifications: readonly MetricsClarification[];
  changeRequests: readonly { createdAt: string }[];
  /** Stories in the sprint now that are not in its commitment. */
  storiesAddedAfterStart: number;
  /** Committed stories that still exist, and how many of them are done. */
  committedTotal: number;
  committedDone: number;
};

export type SprintMetrics = {
  midSprintClarifications: number;
  openClarifications: number;
  medianAnswerMinutes: number | null;
  scopeSurprises: number;
  storiesAddedAfterStart: number;
  committedDone: number;
  committedTotal: number;
};

export function sprintMetrics(input: SprintMetricsInput): SprintMetrics {
  return {
    midSprintClarifications: input.clarifications.filter((c) => duringSprint(input, c.askedAt)).length,
    openClarifications: input.clarifications.filter((c) => !c.answeredAt).length,
    medianAnswerMinutes: medianAnswerMinutes(input.clarifications),
    scopeSurprises: changeRequestsRaisedDuring(input, input.changeRequests),
    storiesAddedAfterStart: input.startedAt ? input.storiesAddedAfterStart : 0,
    committedDone: input.committedDone,
    committedTotal: input.committedTotal,
  };
}

export type UatSprint = {
  name: string;
  status: 'planned' | 'active' | 'ended';
  endedAt: string | null;
  /** The committed stories that still exist (a deleted story left the scope with an audited deletion). */
  committed: readonly { key: string; status: string }[];
};

export type UatReadiness = {
  ready: boolean;
  /** One sentence: what makes it ready, or exactly what is missing. */
  reason: string;
  /** The committed stories not done of the sprint the reason names (empty when ready). */
  notDone: string[];
};

const stories = (n: number) => (n === 1 ? '1 committed story' : `${n} committed stories`);

/**
 * The build → UAT rule: a product in build moves to UAT once a sprint has ended with all its committed stories done.
 * A sprint that committed to nothing is no evidence. When no ended sprint qualifies, the reason names the most
 * recently ended one and its committed stories that are not done.
 */
export function uatReadiness(stage: Stage, sprints: readonly UatSprint[]): UatReadiness {
  if (stage !== 'build') {
    return {
      ready: false,
      reason: `the product is in ${STAGE_LABELS[stage]}: only a product in ${STAGE_LABELS.build} moves to ${STAGE_LABELS.uat}`,
      notDone: [],
    };
  }
  const ended = sprints
    .filter((s) => s.status === 'ended')
    .sort((a, b) => Date.parse(b.endedAt ?? '') - Date.parse(a.endedAt ?? ''));
  const done = ended.find((s) => s.committed.length > 0 && s.committed.every((c) => c.status === 'done'));
  if (done) {
    return {
      ready: true,
      reason: `sprint "${done.name}" ended with all ${stories(done.committed.length)} done`,
      notDone: [],
    };
  }
  const last = ended[0];
  if (!last) {
    return {
      ready: false,
      reason: 'no sprint has ended yet: end a sprint with all its committed stories done',
      notDone: [],
    };
  }
  if (last.committed.length === 0) {
    return {
      ready: false,
      reason: `sprint "${last.name}" ended without committed stories: end a sprint with all its committed stories done`,
      notDone: [],
    };
  }
  const notDone = last.committed.filter((c) => c.status !== 'done').map((c) => c.key);
  return {
    ready: false,
    reason: `${stories(notDone.length)} of sprint "${last.name}" not done: ${notDone.join(', ')}`,
    notDone,
  };
}

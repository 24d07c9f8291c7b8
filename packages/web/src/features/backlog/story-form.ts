// The story editor's form: what it starts from, what it sends (a create body, or a patch of only the changed fields,
// so a save does not overwrite someone's change to a field this person did not touch) and where a refused field
// shows its reason. Pure (tests: story-form.test.ts).
import type { Priority } from '@pi-studio/core/stories/priority';
import type { Story, StoryInput, StoryPatch, StoryStatus, StoryType } from './api.ts';

export type StoryForm = {
  type: StoryType;
  title: string;
  narrative: string;
  acceptance: string;
  priority: Priority | null;
  status: StoryStatus;
  /** Empty when not estimated. */
  estimate: string;
  sprintId: string | null;
  requirementIds: string[];
};

export const FORM_FIELDS = [
  'type',
  'title',
  'narrative',
  'acceptance',
  'priority',
  'status',
  'estimate',
  'sprintId',
  'requirementIds',
] as const satisfies readonly (keyof StoryForm)[];

export function emptyForm(type: StoryType, requirementIds: string[] = []): StoryForm {
  return {
    type,
    title: '',
    narrative: '',
    acceptance: '',
    priority: null,
    status: 'backlog',
    estimate: '',
    sprintId: null,
    requirementIds,
  };
}

export function formOf(story: Story): StoryForm {
  return {
    type: story.type,
    title: story.title,
    narrative: story.narrative,
    acceptance: story.acceptance,
    priority: story.priority,
    status: story.status,
    estimate: story.estimate === null ? '' : String(story.estimate),
    sprintId: story.sprint?.id ?? null,
    requirementIds: story.requirements.map((r) => r.id),
  };
}

/** The estimate as the API takes it (check `estimateProblem` first: JSON would turn a NaN into null). */
function estimateOf(text: string): number | null {
  const t = text.trim();
  if (!t) return null;
  return Number(t);
}

/** Why the estimate cannot be sent as typed; the server still holds it to its range (0–1000) and names it. */
export function estimateProblem(text: string): string | undefined {
  const t = text.trim();
  return t === '' || /^\d{1,9}$/.test(t) ? undefined : 'Write a whole number of points, or leave it empty.';
}

export function createBody(form: StoryForm): StoryInput {
  return {
    type: form.type,
    title: form.title,
    narrative: form.narrative,
    acceptance: form.acceptance,
    priority: form.priority,
    status: form.status,
    estimate: estimateOf(form.estimate),
    sprintId: form.sprintId,
    requirementIds: form.requirementIds,
  };
}

const sameIds = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

/** Only what changed since `from` (the type is fixed once a story has its key); null when nothing did. */
export function patchOf(from: StoryForm, to: StoryForm): StoryPatch | null {
  const patch: StoryPatch = {};
  if (to.title !== from.title) patch.title = to.title;
  if (to.narrative !== from.narrative) patch.narrative = to.narrative;
  if (to.acceptance !== from.acceptance) patch.acceptance = to.acceptance;
  if (to.priority !== from.priority) patch.priority = to.priority;
  if (to.status !== from.status) patch.status = to.status;
  if (to.estimate.trim() !== from.estimate.trim()) patch.estimate = estimateOf(to.estimate);
  if (to.sprintId !== from.sprintId) patch.sprintId = to.sprintId;
  if (!sameIds(to.requirementIds, from.requirementIds)) patch.requirementIds = to.requirementIds;
  return Object.keys(patch).length > 0 ? patch : null;
}

/** The form field a refused parameter belongs to: `requirementIds.3` → `requirementIds`; null for none. */
export function formFieldOf(param: string): (typeof FORM_FIELDS)[number] | null {
  const head = param.split(/[.[]/)[0] ?? '';
  return (FORM_FIELDS as readonly string[]).includes(head) ? (head as (typeof FORM_FIELDS)[number]) : null;
}

// What a drift item already says about the change request that would resolve it: the requirement or the story it
// names and a title, so the person only writes what changes and why.
import type { ChangeDraft } from '../changes/RaiseChangeModal.tsx';
import type { DriftItem } from './api.ts';
import { DRIFT_KIND_LABEL } from './format.ts';

export function changeDraftFor(item: DriftItem): ChangeDraft {
  const subject = item.where.requirementId ?? item.where.storyKey ?? '';
  return {
    title: `${DRIFT_KIND_LABEL[item.kind]}: ${subject}`.slice(0, 200),
    whatChanges: item.what,
    requirementIds: item.where.requirementId ? [item.where.requirementId] : [],
    storyKeys: item.where.storyKey ? [item.where.storyKey] : [],
  };
}

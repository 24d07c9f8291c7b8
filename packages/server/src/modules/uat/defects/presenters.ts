// What the defects API sends, typed by the contract (core/contract/uat.ts). The state is read through the bug story's
// status (core/uat/defects.ts): "fixed" is never stored.
import type { UatDefect } from '@pi-studio/core/contract/uat';
import { effectiveDefectState } from '@pi-studio/core/uat/defects';
import type { DefectRecord } from './repo.ts';

export function presentDefect(d: DefectRecord): UatDefect {
  return {
    id: d.id,
    bugKey: d.bugKey,
    bugStatus: d.bugStatus,
    state: effectiveDefectState(d.state, d.bugStatus),
    caseKey: d.caseKey,
    caseTitle: d.caseTitle,
    storyKey: d.storyKey,
    requirements: d.requirements,
    openedRunId: d.openedRunId,
    retestRunId: d.retestRunId,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
  };
}

// What the submit and verdict dialogs tell the user about the product's stage: only moves the server really makes
// (core's GATE_MOVES). A product past intake does not move on submission; a fail moves it back only from the gate.
import type { Verdict } from '@pi-studio/core/gate/types';
import { stageAfter } from '@pi-studio/core/workspace/stages';
import { STAGE_LABEL, type Stage } from '../../lib/stages.ts';

const stageSentence = (before: Stage, after: Stage) =>
  after === before
    ? `The product stays in ${STAGE_LABEL[before]}.`
    : `The product moves from ${STAGE_LABEL[before]} to ${STAGE_LABEL[after]}.`;

/** The submit dialog's sentence about the stage; nothing when the product's stage is not known yet. */
export function submissionStageNote(stage: Stage | undefined): string {
  return stage ? stageSentence(stage, stageAfter('submitted', stage)) : '';
}

/** The verdict dialog's consequences: the stage, the baseline, the conditions or the fix list. */
export function verdictConsequence(verdict: Verdict, stage: Stage): string {
  const after = stageAfter(verdict === 'fail' ? 'failed' : 'passed', stage);
  const move = stageSentence(stage, after);
  if (verdict === 'fail') return `${move} The author gets the fix list.`;
  const baseline = `${move} This version becomes the baseline`;
  return verdict === 'conditional' ? `${baseline}; the conditions stay open until done.` : `${baseline}.`;
}

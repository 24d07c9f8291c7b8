import { describe, expect, it } from 'vitest';
import { submissionStageNote, verdictConsequence } from './stage-moves.ts';

describe('the stage moves the gate dialogs announce', () => {
  it('announces the move to the gate only for a product in intake', () => {
    expect(submissionStageNote('intake')).toBe('The product moves from Intake to Gate.');
    expect(submissionStageNote('build')).toBe('The product stays in Build.');
    expect(submissionStageNote('live')).toBe('The product stays in Live.');
    expect(submissionStageNote(undefined)).toBe('');
  });

  it('announces a move back to intake only from the gate', () => {
    expect(verdictConsequence('fail', 'gate')).toBe(
      'The product moves from Gate to Intake. The author gets the fix list.',
    );
    expect(verdictConsequence('fail', 'uat')).toBe('The product stays in UAT. The author gets the fix list.');
  });

  it('announces the move to build only from intake or the gate', () => {
    expect(verdictConsequence('pass', 'gate')).toBe(
      'The product moves from Gate to Build. This version becomes the baseline.',
    );
    expect(verdictConsequence('conditional', 'handover')).toBe(
      'The product stays in Handover. This version becomes the baseline; the conditions stay open until done.',
    );
  });
});

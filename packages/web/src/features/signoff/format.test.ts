import { SIGNOFF_DECISIONS, type SignoffVerify } from '@pi-studio/core/contract/signoff';
import { describe, expect, it } from 'vitest';
import { changedLine, conditionsField, DECISION_LABEL, shortHash, verifyLine } from './format.ts';

const verify = (over: Partial<SignoffVerify> = {}): SignoffVerify => ({
  ok: true,
  checked: 2,
  broken: [],
  changedSinceSignoff: [],
  evidence: [],
  ...over,
});

describe('decisions', () => {
  it('are named in words, never by their codes', () => {
    expect(SIGNOFF_DECISIONS.map((d) => DECISION_LABEL[d])).toEqual(['Signed', 'Signed with conditions', 'Refused']);
  });

  it('ask for conditions only where they mean something', () => {
    expect(conditionsField('signed')).toEqual({ label: 'Conditions', required: false, shown: false });
    expect(conditionsField('signed_with_conditions')).toEqual({ label: 'Conditions', required: true, shown: true });
    expect(conditionsField('refused')).toEqual({ label: 'What must change', required: false, shown: true });
  });
});

describe('verifyLine', () => {
  it('says the chain holds', () => {
    expect(verifyLine(verify())).toBe('Chain intact: 2 sign-off records checked, nothing signed has changed since.');
    expect(verifyLine(verify({ checked: 1 }))).toBe(
      'Chain intact: 1 sign-off record checked, nothing signed has changed since.',
    );
    expect(verifyLine(verify({ checked: 0 }))).toBe('No sign-offs to verify yet.');
  });

  it('counts what is broken and what changed', () => {
    const v = verify({
      ok: false,
      broken: [{ key: 'RT-SO-1', reason: 'record hash does not match' }],
      changedSinceSignoff: [
        { signoff: 'RT-SO-1', storyKey: 'RT-S-1', signedRevision: 2, currentRevision: 3 },
        { signoff: 'RT-SO-1', storyKey: 'RT-S-2', signedRevision: 1, currentRevision: null },
      ],
    });
    expect(verifyLine(v)).toBe(
      'Verification failed: 1 record broken, 2 signed stories changed since (2 sign-off records checked).',
    );
    expect(v.changedSinceSignoff.map(changedLine)).toEqual([
      'RT-S-1 (signed in RT-SO-1): revision 2 → 3',
      'RT-S-2 (signed in RT-SO-1): revision 1 → deleted',
    ]);
  });
});

describe('shortHash', () => {
  it('keeps the first 12 characters', () => {
    expect(shortHash('a'.repeat(64))).toBe('aaaaaaaaaaaa');
    expect(shortHash('abc')).toBe('abc');
  });
});

import { describe, expect, it } from 'vitest';
import { handoverReadiness } from './handover.ts';

const so = (number: number, buildVersion: string, decision: string) => ({
  key: `P-SO-${number}`,
  number,
  buildVersion,
  decision,
});

describe('handoverReadiness', () => {
  it('is ready with an accepting sign-off of the current build', () => {
    expect(handoverReadiness('uat', '1.4.0', [so(1, '1.4.0', 'signed_with_conditions')])).toEqual({
      ready: true,
      code: null,
      currentBuild: '1.4.0',
      signoff: 'P-SO-1',
      reason: 'P-SO-1 signed with conditions build 1.4.0',
    });
  });

  it('the newest sign-off of the current build decides; older builds do not count', () => {
    const refusedLast = handoverReadiness('uat', '1.4.0', [so(1, '1.4.0', 'signed'), so(2, '1.4.0', 'refused')]);
    expect(refusedLast).toMatchObject({ ready: false, code: 'signoff_refused', signoff: 'P-SO-2' });
    expect(refusedLast.reason).toContain('stays in UAT');
    expect(handoverReadiness('uat', '1.4.0', [so(1, '1.4.0', 'refused'), so(2, '1.4.0', 'signed')]).ready).toBe(true);
    expect(handoverReadiness('uat', '1.5.0', [so(1, '1.4.0', 'signed')])).toMatchObject({
      ready: false,
      code: 'no_signoff',
    });
  });

  it('needs the product in UAT and a UAT session', () => {
    expect(handoverReadiness('build', '1.0', [so(1, '1.0', 'signed')]).code).toBe('not_in_uat');
    expect(handoverReadiness('uat', null, []).code).toBe('no_uat_session');
  });
});

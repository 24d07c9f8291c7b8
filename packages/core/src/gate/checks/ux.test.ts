import { describe, expect, it } from 'vitest';
import { runCheck } from './run-check.ts';

describe('ux check', () => {
  it('credits linked designs and a described flow', () => {
    const r = runCheck(
      'ux',
      `## Experience and design\n\nDesigns: https://www.figma.com/file/abc/payouts\n\n1. Merchant opens Payouts.\n2. Each sale shows its date.\n3. Tapping a payout shows its history.\n`,
    );
    expect(r.score).toBe(1);
  });

  it('accepts a file name or a flow alone, under synonyms (Wireframes, User flow)', () => {
    expect(
      runCheck('ux', '## Wireframes\n\nSee `payouts-v2.fig` for the approved wireframes of the page.\n').rules,
    ).toEqual([]);
    expect(
      runCheck(
        'ux',
        '## User flow\n\nSign up → upload documents → risk check → live; the merchant then sees the dashboard.\n',
      ).rules,
    ).toEqual([]);
  });

  it('flags a missing or content-free design section', () => {
    expect(runCheck('ux', '## Problem\n\nSlow payouts.\n').rules).toEqual(['ux.missing']);
    expect(runCheck('ux', '## Design\n\nTBD\n').rules).toEqual(['ux.missing']);
    expect(
      runCheck(
        'ux',
        '## Design\n\nThe design will be modern and consistent with the brand guidelines of the company.\n',
      ).rules,
    ).toEqual(['ux.no-design']);
  });
});

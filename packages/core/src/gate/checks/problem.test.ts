import { describe, expect, it } from 'vitest';
import { runCheck } from './run-check.ts';

describe('problem check', () => {
  it('credits a problem section with evidence and impact', () => {
    const r = runCheck(
      'problem',
      `## Background\n\nMerchants wait 3.2 days on average for payouts (finance report, May 2026) and 41% of support tickets ask where the money is, which costs small shops supplier discounts every week.\n`,
    );
    expect(r.score).toBe(1);
    expect(r.findings).toEqual([]);
  });

  it('counts a synonym heading by its content (Why / Motivation)', () => {
    const r = runCheck(
      'problem',
      `## Why now\n\nIn interviews 9 of 12 merchants said they paid suppliers late because payouts arrive at unpredictable times; support handles 2,100 payout calls a month.\n`,
    );
    expect(r.score).toBeGreaterThan(0.9);
  });

  it('flags a missing problem and a hollow one', () => {
    expect(runCheck('problem', '## Requirements\n\n- FR-1 Export CSV\n').rules).toContain('problem.missing');
    const hollow = runCheck('problem', '## Problem\n\nTBD\n');
    expect(hollow.rules).toEqual(['problem.missing']);
    expect(hollow.score).toBe(0);
    expect(hollow.findings[0]?.message).toContain('"Problem" has a heading');
  });

  it('asks for evidence when the problem is only an opinion', () => {
    const r = runCheck(
      'problem',
      `## Problem\n\nThe current payout screen is confusing and merchants do not like it, so we should redesign the whole experience to make it nicer for everyone involved.\n`,
    );
    expect(r.rules).toContain('problem.no-evidence');
    expect(r.score).toBeLessThan(0.6);
  });

  it('notes a problem written after the requirements', () => {
    const r = runCheck(
      'problem',
      `## Requirements\n\n- FR-1 Export payouts as CSV (Must)\n\n## Problem\n\nFinance exports 300 payouts by hand every week (ops survey, 2026) and makes 4 errors a month on average in the ledger.\n`,
    );
    expect(r.rules).toContain('problem.after-solution');
  });
});

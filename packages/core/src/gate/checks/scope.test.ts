import { describe, expect, it } from 'vitest';
import { runCheck } from './run-check.ts';

describe('scope check', () => {
  it('credits non-goals with reasons', () => {
    const r = runCheck(
      'scope',
      `## Non-goals\n\n- Multi-currency payouts — phase 2, after the FX contract.\n- Pricing changes, because pricing is owned by the commercial team.\n`,
    );
    expect(r.score).toBe(1);
  });

  it('recognises synonyms: Out of scope in <details>, Boundaries, "We will not …"', () => {
    expect(
      runCheck(
        'scope',
        `<details>\n<summary>Out of scope</summary>\n<ul><li>Enterprise onboarding</li><li>New KYC vendors</li></ul>\n</details>\n`,
      ).score,
    ).toBeGreaterThan(0.8);
    expect(runCheck('scope', `## Boundaries\n\n- No card terminals\n- No cash handling\n`).score).toBeGreaterThan(0.8);
    expect(
      runCheck(
        'scope',
        `## Overview\n\nWe will not build a customer app. We will not support cheques in this release.\n`,
      ).rules,
    ).not.toContain('scope.missing');
  });

  it('reads an "Out of scope:" label inside a Scope section', () => {
    const r = runCheck(
      'scope',
      `## Scope\n\n- **In scope:** payouts page, notifications\n- **Out of scope:** refunds, multi-currency\n`,
    );
    expect(r.rules).not.toContain('scope.missing');
    expect(r.score).toBeGreaterThan(0.8);
  });

  it('flags missing, too few and unexplained non-goals', () => {
    expect(runCheck('scope', '## Requirements\n\n- FR-1 Export\n').rules).toEqual(['scope.missing']);
    expect(runCheck('scope', '## Non-goals\n\n- Recurring invoices\n').rules).toEqual(['scope.too-few']);
    expect(runCheck('scope', '## Non-goals\n\n- TBD — because TBD\n- TBD — because TBD\n').rules).toEqual([
      'scope.missing',
    ]);
    expect(runCheck('scope', '## Out of scope\n\n- Recurring invoices\n- Customer app\n- Cheques\n').rules).toEqual([
      'scope.no-reasons',
    ]);
  });
});

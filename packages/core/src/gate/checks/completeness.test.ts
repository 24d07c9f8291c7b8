import { describe, expect, it } from 'vitest';
import { runCheck } from './run-check.ts';

describe('completeness check', () => {
  it('passes a document without placeholders and with owned questions', () => {
    const r = runCheck(
      'completeness',
      `## Problem\n\nMerchants wait 3 days for payouts.\n\n## Open questions\n\n| Question | Owner | Due |\n|---|---|---|\n| Include wallets in the pilot? | Amina | 2026-06-15 |\n`,
    );
    expect(r.findings).toEqual([]);
    expect(r.score).toBe(1);
  });

  it('reports hollow sections once, at the top-most hollow heading', () => {
    const r = runCheck(
      'completeness',
      `## Scope and non-goals\n\n### In scope\n\n- TBD\n\n### Non-goals\n\n- TBD — because TBD\n\n## Problem\n\n[Insert problem statement here]\n`,
    );
    expect(r.rules).toEqual(['completeness.hollow-section', 'completeness.hollow-section']);
    expect(r.findings.map((f) => f.line)).toEqual([1, 11]);
  });

  it('tells placeholders in requirements and metrics apart from the rest', () => {
    const r = runCheck(
      'completeness',
      `## Overview\n\nPricing is TBC with finance.\n\n## Requirements\n\n| Id | Requirement | Priority |\n|---|---|---|\n| FR-1 | The referrer earns a fee credit of TBD. | Must |\n\n## Success metrics\n\n- Referral share from 4% to {{target}} by 2026-09-30.\n`,
    );
    expect(r.rules).toEqual([
      'completeness.placeholder',
      'completeness.placeholder-in-requirement',
      'completeness.placeholder-in-metric',
    ]);
    expect(r.findings[1]).toMatchObject({ line: 9, excerpt: expect.stringContaining('TBD') });
  });

  it('flags N/A sections, AI leftovers, unchecked tasks and unowned questions', () => {
    const r = runCheck(
      'completeness',
      `## Accessibility\n\nN/A\n\n## Notes\n\nAs an AI language model, I cannot confirm the launch date.\n\n- [ ] Confirm pricing with finance\n\n## Open questions\n\n- Which billers go first?\n`,
    );
    expect(r.rules).toEqual([
      'completeness.not-applicable',
      'completeness.ai-leftover',
      'completeness.open-task',
      'completeness.open-question',
    ]);
  });

  it('does not call a short but real section hollow', () => {
    expect(runCheck('completeness', '## Out of scope\n\n- Recurring invoices\n').rules).toEqual([]);
  });
});

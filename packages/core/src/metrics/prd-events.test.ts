import { describe, expect, it } from 'vitest';
import { checkPrdAgainstPlan, looksLikeEventName } from './prd-events.ts';

const prd = `# Payouts

## Problem
Merchants wait for payouts; \`payout_delayed\` is not an event we track here.

## Success metrics
- Activation: share of merchants with \`payout_approved\` within 7 days (baseline 20 %, target 40 % by 2027-03-31).

## Analytics
| Event | When |
|---|---|
| \`payout_requested\` | a merchant asks for a payout |
| \`report_sent\` | the weekly report goes out |

Properties: \`user_id\`, \`amount_band\`, \`is_first\`.

### Dashboards
We watch \`payout_failed\` on the ops board.
`;

describe('PRD analytics against the tracking plan', () => {
  it('finds the events the analytics and metrics sections name, with their lines', () => {
    const check = checkPrdAgainstPlan(prd, [
      { name: 'payout_approved', status: 'live' },
      { name: 'payout_requested', status: 'live' },
      { name: 'report_sent', status: 'deprecated' },
      { name: 'invoice_exported', status: 'live' },
    ]);
    expect(check.hasSection).toBe(true);
    expect(check.named.map((e) => e.name)).toEqual([
      'payout_approved',
      'payout_requested',
      'report_sent',
      'payout_failed',
    ]);
    expect(check.named[0]?.line).toBe(7);
    expect(check.notPlanned.map((e) => e.name)).toEqual(['report_sent', 'payout_failed']);
    expect(check.notInPrd).toEqual(['invoice_exported']);
  });

  it('says when the PRD has no analytics or metrics section', () => {
    const check = checkPrdAgainstPlan('# Title\n\n## Problem\nSomething `payout_approved`.\n', [
      { name: 'payout_approved', status: 'live' },
    ]);
    expect(check).toEqual({ named: [], notPlanned: [], notInPrd: ['payout_approved'], hasSection: false });
  });

  it('tells event names from property names', () => {
    expect(looksLikeEventName('payout_approved')).toBe(true);
    expect(looksLikeEventName('report_sent')).toBe(true);
    expect(looksLikeEventName('user_id')).toBe(false);
    expect(looksLikeEventName('amount_band')).toBe(false);
    expect(looksLikeEventName('is_red')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { runCheck } from './run-check.ts';

describe('acceptance check', () => {
  it('maps gherkin blocks under an acceptance section to requirement ids', () => {
    const r = runCheck(
      'acceptance',
      `## Requirements\n\n- FR-1 (Must) Show the payout date.\n- FR-2 (Must) Notify when a payout is sent.\n\n## Acceptance criteria\n\n### FR-1\n\n\`\`\`gherkin\nScenario: date shown\n  Given a settled sale\n  When the merchant opens payouts\n  Then the sale shows "Expected: 3 Jun"\n\`\`\`\n\n\`\`\`gherkin\nScenario: FR-2 notification\n  Given a queued payout\n  When the bank confirms\n  Then the merchant receives a push notification within 60 s\n\`\`\`\n`,
    );
    expect(r.score).toBe(1);
    expect(r.findings).toEqual([]);
  });

  it('reads nested Given/When/Then items, "Acceptance:" lists and a table column', () => {
    const nested = runCheck(
      'acceptance',
      `## Requirements\n\n1. FR-1 (Must) Create an invoice.\n   - Given a customer, when the merchant sends, then the customer receives an SMS.\n`,
    );
    expect(nested.score).toBe(1);
    const labelled = runCheck(
      'acceptance',
      `## Requirements\n\n### R1 — Earn points (Must)\n\nEach payment earns points.\n\nAcceptance:\n- Given a payment of NGN 2,550, when it settles, then 25 points are credited.\n`,
    );
    expect(labelled.score).toBe(1);
    const column = runCheck(
      'acceptance',
      `## Requirements\n\n| Id | Requirement | Priority | Acceptance criteria |\n|---|---|---|---|\n| REQ-1 | Upload ID from a phone | Must | Given a phone, when uploading, then status "Received" within 5 s |\n`,
    );
    expect(column.score).toBe(1);
  });

  it('flags requirements without criteria, naming them in the fix', () => {
    const r = runCheck(
      'acceptance',
      `## Requirements\n\n- FR-1 (Must) Create an invoice.\n  - Given a customer, when sent, then an SMS arrives.\n- FR-2 (Must) Send a reminder before the due date.\n`,
    );
    expect(r.rules).toEqual(['acceptance.missing']);
    expect(r.findings[0]?.message).toBe('FR-2 has no acceptance criteria.');
    expect(r.findings[0]?.fix).toContain('Given/When/Then');
    expect(r.score).toBe(0.5);
  });

  it('flags no criteria at all, and criteria that observe nothing', () => {
    expect(
      runCheck('acceptance', `## Requirements\n\n- FR-1 Create an invoice.\n- FR-2 Send reminders.\n`).rules,
    ).toEqual(['acceptance.none']);
    const vague = runCheck(
      'acceptance',
      `## Requirements\n\n- FR-1 Create an invoice.\n  - Acceptance: it works properly for the merchant.\n`,
    );
    expect(vague.rules).toEqual(['acceptance.not-observable']);
  });

  it('does not accept placeholder criteria', () => {
    const r = runCheck(
      'acceptance',
      `## Requirements\n\n- FR-1 Create an invoice.\n\n## Acceptance criteria\n\n### FR-1\n\n\`\`\`gherkin\nGiven TBD\nWhen TBD\nThen TBD\n\`\`\`\n`,
    );
    expect(r.rules).toEqual(['acceptance.none']);
  });
});

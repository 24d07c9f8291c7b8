// Requirement extraction in every form PRD authors use (issue #12), on short documents of our own.
import { describe, expect, it } from 'vitest';
import { compareVersions } from './identity.ts';
import { normalisePriority } from './priority.ts';
import { extractRequirements } from './requirements.ts';

const brief = (text: string) =>
  extractRequirements(text).map((r) => ({ id: r.id, priority: r.priority, acceptance: r.acceptance.length }));

describe('extractRequirements', () => {
  it('reads an id list with priorities and nested Given/When/Then and "Acceptance:" criteria', () => {
    const text = `# Payouts PRD

## Requirements

- FR-1 (Must): A merchant sees the expected payout date for each sale.
  - Given a sale captured on Monday, when the merchant opens Payouts, then it shows "Wed 14 May".
- REQ-2 (P1): A merchant gets an email when a payout is sent.
  - Acceptance:
    - The email arrives within 5 minutes of the payout.
    - It names the amount and the bank account.
- K-3 [High]: Payout dates follow the bank's holiday calendar.
`;
    const reqs = extractRequirements(text);
    expect(reqs.map((r) => [r.id, r.priority, r.line])).toEqual([
      ['FR-1', 'Must', 5],
      ['REQ-2', 'P1', 7],
      ['K-3', 'High', 11],
    ]);
    expect(reqs[0]?.text).toBe('A merchant sees the expected payout date for each sale.');
    expect(reqs[0]?.acceptance).toEqual([
      'Given a sale captured on Monday, when the merchant opens Payouts, then it shows "Wed 14 May".',
    ]);
    expect(reqs[1]?.acceptance).toHaveLength(2);
    expect(reqs[0]?.section).toBe('Payouts PRD > Requirements');
    expect(reqs.every((r) => !r.generated)).toBe(true);
  });

  it('reads a requirement table with an acceptance column', () => {
    const text = `## Requirements

| ID | Requirement | Priority | Acceptance criteria |
|---|---|---|---|
| RQ-1 | Students see every deadline on one page | Should | The page lists all 12 deadlines of the test term |
| TT-4 | Deadlines export to a calendar file | Could | The .ics file opens in Outlook with 12 events |
`;
    expect(brief(text)).toEqual([
      { id: 'RQ-1', priority: 'Should', acceptance: 1 },
      { id: 'TT-4', priority: 'Could', acceptance: 1 },
    ]);
  });

  it('maps a separate Acceptance criteria section keyed by id, and Gherkin in <details> and fenced blocks', () => {
    const text = `## Requirements

### FR-1: Export deadlines
Students export their deadlines as a calendar file.

### FR-2: Remind students
Students get a reminder before each deadline.

<details>
<summary>Scenarios</summary>

\`\`\`gherkin
Scenario: reminder two days before
  Given a deadline on Friday
  When it is Wednesday 09:00
  Then the student gets the email "Due Friday"
\`\`\`

</details>

## Acceptance criteria

- FR-1: The .ics file holds one event per deadline.
`;
    const reqs = extractRequirements(text);
    expect(reqs.map((r) => r.id)).toEqual(['FR-1', 'FR-2']);
    expect(reqs[0]?.acceptance).toEqual(['The .ics file holds one event per deadline.']);
    expect(reqs[1]?.acceptance.join('\n')).toContain('Then the student gets the email "Due Friday"');
  });

  it('generates ids from the naming convention when the author wrote none, after the highest one used', () => {
    const text = `## Requirements

1. Students see every deadline of the term on one page.
2. Students get an email two days before each deadline.

## Non-functional requirements

- Pages load in under 2 s at p95.
`;
    expect(extractRequirements(text, { product: 'EDC-PLANNER' }).map((r) => [r.id, r.kind, r.generated])).toEqual([
      ['EDC-PLANNER-FR-1', 'functional', true],
      ['EDC-PLANNER-FR-2', 'functional', true],
      ['EDC-PLANNER-NFR-1', 'nfr', true],
    ]);
    const mixed = `## Requirements\n\n- FR-7 (Must): Students see every deadline.\n- Students get a reminder email before each deadline.\n`;
    expect(extractRequirements(mixed).map((r) => r.id)).toEqual(['FR-7', 'FR-8']);
  });

  it('returns nothing for a document without requirements, and survives hostile text', () => {
    expect(extractRequirements('')).toEqual([]);
    expect(extractRequirements('# Notes\n\nJust prose.\n')).toEqual([]);
    const hostile = `## Requirements\n\n- FR-1 (Must): A \u0000 name with a lone \ud800 surrogate is kept.\n`;
    expect(extractRequirements(hostile)[0]?.id).toBe('FR-1');
  });
});

describe('normalisePriority', () => {
  it('keeps the scheme the author chose', () => {
    expect(['(Must)', 'must-have', "Won't have", 'MUST', 'P2', 'priority: high', 'Y'].map(normalisePriority)).toEqual([
      'Must',
      'Must',
      "Won't",
      'Must',
      'P2',
      'High',
      null,
    ]);
    expect(normalisePriority(null)).toBeNull();
  });
});

describe('compareVersions', () => {
  const v1 = extractRequirements(
    `## Requirements\n\n- FR-1 (Must): Students see every deadline.\n- FR-2 (Should): Students get a reminder.\n\n## Goals\n\n## Requirements (no ids)\n`,
  );

  it('keeps identity by id, records changed text, and lists added and removed requirements', () => {
    const v2 = extractRequirements(
      `## Requirements\n\n- FR-1 (Must): Students see every deadline of the term on one page.\n- FR-3 (Could): Deadlines export to a calendar.\n`,
    );
    const { requirements, removed } = compareVersions(v1, v2);
    expect(requirements.map((r) => [r.id, r.change])).toEqual([
      ['FR-1', 'changed'],
      ['FR-3', 'added'],
    ]);
    expect(requirements[0]?.previousText).toBe('Students see every deadline.');
    expect(removed.map((r) => r.id)).toEqual(['FR-2']);
  });

  it('finds a requirement without an id again by its words, and never reuses a generated id', () => {
    const a = extractRequirements(
      '## Requirements\n\n1. Students see every deadline of the term on one page.\n2. Students get a reminder email before each deadline.\n',
    );
    const b = extractRequirements(
      '## Requirements\n\n1. Students get a reminder email two days before each deadline.\n2. Students export deadlines to a calendar.\n',
    );
    const { requirements, removed } = compareVersions(a, b);
    expect(requirements.map((r) => [r.id, r.change])).toEqual([
      ['FR-2', 'changed'],
      ['FR-3', 'added'],
    ]);
    expect(removed.map((r) => r.id)).toEqual(['FR-1']);
  });
});

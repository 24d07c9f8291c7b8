// Draft stories from requirements in the forms authors write them, on short PRDs of our own.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONVENTION } from '../naming/convention.ts';
import { checkStory } from './checks.ts';
import { draftStories, draftStory, scenarioOf, titleOf } from './drafts.ts';
import { type ExtractedRequirement, extractRequirements } from './requirements.ts';

const requirement = (overrides: Partial<ExtractedRequirement> = {}): ExtractedRequirement => ({
  id: 'FR-1',
  generated: false,
  kind: 'functional',
  text: 'A merchant sees the expected payout date for each sale.',
  priority: 'Must',
  acceptance: [],
  line: 5,
  section: 'Payouts PRD > Requirements',
  ...overrides,
});

const PRD = `# Payouts PRD

## Requirements

- FR-1 (Must): A merchant sees the expected payout date for each sale so that they can plan their cash.
  - Given a sale captured on Monday, when the merchant opens Payouts, then it shows "Wed 14 May".
- FR-2 (P1): As a merchant, I want an email when a payout is sent so that I know the money has left.
  - Acceptance:
    - The email arrives within 5 minutes of the payout.
    - It shows the amount and the bank account.
- FR-3: Payout dates follow the bank's holiday calendar.
`;

describe('draftStories', () => {
  it("numbers drafts with the convention's story code and links each to its requirement", () => {
    const drafts = draftStories(extractRequirements(PRD), { product: 'FINTX-PAYOUTS', firstNumber: 12 });
    expect(drafts.map((d) => [d.key, d.requirementIds, d.priority, d.status, d.estimate, d.type])).toEqual([
      ['FINTX-PAYOUTS-S-12', ['FR-1'], 'Must', 'backlog', null, 'story'],
      ['FINTX-PAYOUTS-S-13', ['FR-2'], 'P1', 'backlog', null, 'story'],
      ['FINTX-PAYOUTS-S-14', ['FR-3'], null, 'backlog', null, 'story'],
    ]);
  });

  it('keeps Given/When/Then criteria as scenarios and the stated benefit, so the draft passes every check', () => {
    const [first] = draftStories(extractRequirements(PRD), { product: 'FINTX-PAYOUTS', firstNumber: 1 });
    expect(first?.narrative).toBe(
      'As a merchant, I want to see the expected payout date for each sale so that they can plan their cash.',
    );
    expect(first?.benefit).toBe('they can plan their cash');
    expect(first?.title).toBe('See the expected payout date for each sale');
    expect(first?.acceptance).toBe(
      [
        'Scenario: it shows "Wed 14 May"',
        '  Given a sale captured on Monday',
        '  When the merchant opens Payouts',
        '  Then it shows "Wed 14 May"',
      ].join('\n'),
    );
    expect(checkStory(first as NonNullable<typeof first>)).toEqual([]);
  });

  it('keeps a story-shaped requirement as written and turns plain criteria into Then-only scenarios', () => {
    const second = draftStories(extractRequirements(PRD), { product: 'FINTX-PAYOUTS', firstNumber: 1 })[1];
    expect(second?.narrative).toBe(
      'As a merchant, I want an email when a payout is sent so that I know the money has left.',
    );
    expect([second?.role, second?.benefit]).toEqual(['merchant', 'I know the money has left']);
    expect(second?.acceptance).toBe(
      [
        'Scenario: The email arrives within 5 minutes of the payout',
        '  Then the email arrives within 5 minutes of the payout',
        '',
        'Scenario: It shows the amount and the bank account',
        '  Then it shows the amount and the bank account',
      ].join('\n'),
    );
    // Only the Then is known: the checks ask for the rest instead of the draft inventing it.
    expect(checkStory(second as NonNullable<typeof second>).map((f) => [f.rule, f.line])).toEqual([
      ['gherkin.missing-given', 1],
      ['gherkin.missing-when', 1],
      ['gherkin.missing-given', 4],
      ['gherkin.missing-when', 4],
    ]);
  });

  it('invents no role and no benefit when the requirement names none, and leaves acceptance empty', () => {
    const third = draftStories(extractRequirements(PRD), { product: 'FINTX-PAYOUTS', firstNumber: 1 })[2];
    expect(third?.narrative).toBe("As a user, I want payout dates follow the bank's holiday calendar.");
    expect(third?.narrative).not.toMatch(/so that/);
    expect([third?.benefit, third?.acceptance]).toEqual([null, '']);
    expect(checkStory(third as NonNullable<typeof third>).map((f) => f.rule)).toEqual([
      'story.no-role',
      'story.no-benefit',
      'story.not-testable',
    ]);
  });
});

describe('draftStory narrative', () => {
  const narrative = (text: string) => draftStory(requirement({ text }), { product: 'EDC-PLANNER', number: 1 });

  it('derives the role from the subject and the capability from its verb', () => {
    expect(narrative('Students get a reminder email before each deadline.').narrative).toBe(
      'As a student, I want to get a reminder email before each deadline.',
    );
    expect(narrative('A support agent can refund a payout.').narrative).toBe(
      'As a support agent, I want to refund a payout.',
    );
    expect(narrative('The teacher watches the class progress.').narrative).toBe(
      'As a teacher, I want to watch the class progress.',
    );
    expect(narrative('An administrator is notified when a payout fails.').narrative).toBe(
      'As an administrator, I want to be notified when a payout fails.',
    );
    expect(
      narrative('The system shall let administrators export every payout as CSV in order to reconcile the books.')
        .narrative,
    ).toBe('As an administrator, I want to export every payout as CSV so that I can reconcile the books.');
  });

  it('does not read "to …" as a purpose', () => {
    const d = narrative('A merchant exports sales to CSV.');
    expect([d.narrative, d.benefit]).toEqual(['As a merchant, I want to export sales to CSV.', null]);
  });

  it('cuts long titles at a word, within 80 characters', () => {
    const long = `A merchant sees ${'the payout schedule of every connected bank account '.repeat(4)}today.`;
    const title = narrative(long).title;
    expect(title.length).toBeLessThanOrEqual(80);
    expect(title).toMatch(/^See the payout schedule of every connected bank account the payout .*…$/);
    expect(title.endsWith(' …')).toBe(false);
    expect(titleOf('Short one. Second sentence.')).toBe('Short one');
  });

  it('uses the convention passed in, and its separator', () => {
    const convention = { ...DEFAULT_CONVENTION, artifactCodes: { US: 'user story', FR: 'functional requirement' } };
    expect(draftStory(requirement(), { product: 'FINTX_PAYOUTS', number: 3, convention, separator: '_' }).key).toBe(
      'FINTX_PAYOUTS_US_3',
    );
  });
});

describe('scenarioOf', () => {
  it('keeps a Gherkin block flattened by extraction, with its name', () => {
    expect(
      scenarioOf(
        'Scenario: reminder two days before Given a deadline on Friday When it is Wednesday 09:00 Then the student gets the email "Due Friday" And the email names the course',
      ),
    ).toBe(
      [
        'Scenario: reminder two days before',
        '  Given a deadline on Friday',
        '  When it is Wednesday 09:00',
        '  Then the student gets the email "Due Friday"',
        '  And the email names the course',
      ].join('\n'),
    );
  });

  it('re-indents a multi-line block and keeps its Examples table', () => {
    const block =
      'Scenario Outline: fee\nGiven a payout of <amount>\nWhen it is sent\nThen the fee is <fee>\nExamples:\n| amount | fee |\n| 100 | 1 |';
    expect(scenarioOf(block)).toBe(
      [
        'Scenario Outline: fee',
        '  Given a payout of <amount>',
        '  When it is sent',
        '  Then the fee is <fee>',
        '  Examples:',
        '    | amount | fee |',
        '    | 100 | 1 |',
      ].join('\n'),
    );
  });

  it('reads a criterion with "then" in the middle as plain, not as steps', () => {
    expect(scenarioOf('Users log in, then see their dashboard.')).toBe(
      'Scenario: Users log in, then see their dashboard\n  Then users log in, then see their dashboard',
    );
  });
});

describe('hostile input', () => {
  it('drops NUL, replaces lone surrogates, and returns quickly on a 1 MB requirement', () => {
    const d = draftStory(
      requirement({ text: 'A merchant sees the \u0000 payout \ud800 date.', acceptance: ['Then it shows \udc00 "x"'] }),
      { product: 'FINTX-PAYOUTS', number: 1 },
    );
    expect(d.narrative).toBe('As a merchant, I want to see the payout \ufffd date.');
    expect(d.acceptance).toContain('Then it shows \ufffd "x"');

    const huge = `A merchant sees ${'payout, then when given and '.repeat(40_000)}.`;
    expect(huge.length).toBeGreaterThan(1_000_000);
    const started = performance.now();
    const big = draftStory(requirement({ text: huge, acceptance: [huge, `Given ${huge}`] }), {
      product: 'FINTX-PAYOUTS',
      number: 1,
    });
    const findings = checkStory(big);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(big.title.length).toBeLessThanOrEqual(80);
    expect(findings.some((f) => f.rule === 'story.too-large')).toBe(true);
  });
});

// Story quality checks: one good story with no findings, and one story per rule that must get it.
import { describe, expect, it } from 'vitest';
import { checkStory, MAX_SCENARIOS, STORY_RULES, type StoryInput } from './checks.ts';
import { parseGherkin } from './gherkin.ts';

const GOOD = [
  'Scenario: payout date shown',
  '  Given a sale captured on Monday',
  '  When the merchant opens Payouts',
  '  Then it shows "Wed 14 May"',
].join('\n');

const story = (overrides: Partial<StoryInput> = {}): StoryInput => ({
  key: 'FINTX-PAYOUTS-S-12',
  title: 'See the payout date of each sale',
  narrative: 'As a merchant, I want to see the payout date of each sale so that I can plan my cash.',
  acceptance: GOOD,
  requirementIds: ['FR-1'],
  ...overrides,
});

const rulesOf = (input: Partial<StoryInput>) => checkStory(story(input)).map((f) => f.rule);
const at = (input: Partial<StoryInput>, rule: string) => {
  const f = checkStory(story(input)).find((x) => x.rule === rule);
  return f && { section: f.section, line: f.line, column: f.column, excerpt: f.excerpt };
};

describe('checkStory', () => {
  it('finds nothing in a well-formed story', () => {
    expect(checkStory(story())).toEqual([]);
  });

  it("reports every finding in the gate's format, with a rule people can read", () => {
    const [f] = checkStory(story({ requirementIds: [] }));
    expect(f).toMatchObject({
      criterion: 'story',
      rule: 'story.no-requirement',
      severity: 'major',
      section: 'requirements',
      line: 1,
      column: 1,
    });
    expect(f?.message).toMatch(/no requirement/);
    expect(f?.fix).toMatch(/change request/);
    for (const rule of checkStory(story({ narrative: '', acceptance: 'Then', requirementIds: [] })).map((x) => x.rule))
      expect(STORY_RULES[rule]).toBeTruthy();
  });

  it('story.no-narrative, story.no-role and story.no-benefit', () => {
    expect(rulesOf({ narrative: '  ' })).toEqual(['story.no-narrative']);
    expect(rulesOf({ narrative: 'I want to see the payout date so that I can plan my cash.' })).toEqual([
      'story.no-role',
    ]);
    expect(at({ narrative: 'As a user, I want to see the payout date so that I can plan.' }, 'story.no-role')).toEqual({
      section: 'narrative',
      line: 1,
      column: 6,
      excerpt: 'As a user, I want to see the payout date so that I can plan.',
    });
    expect(rulesOf({ narrative: 'As a merchant, I want to see the payout date.' })).toEqual(['story.no-benefit']);
    expect(rulesOf({ narrative: 'As a merchant, I want to see the date in order to plan my cash.' })).toEqual([]);
  });

  it('story.too-large: too many scenarios or words', () => {
    const many = Array.from({ length: MAX_SCENARIOS + 1 }, (_, i) => GOOD.replace('shown', `shown ${i}`)).join('\n\n');
    expect(rulesOf({ acceptance: many })).toEqual(['story.too-large']);
    expect(rulesOf({ acceptance: Array.from({ length: MAX_SCENARIOS }, () => GOOD).join('\n') })).toEqual([]);
    const wordy = `As a merchant, I want ${'to see and export and print payouts '.repeat(10)}so that I can plan.`;
    expect(rulesOf({ narrative: wordy })).toEqual(['story.too-large']);
  });

  it('story.not-testable: no scenario at all', () => {
    expect(rulesOf({ acceptance: '' })).toEqual(['story.not-testable']);
    const plain = rulesOf({ acceptance: 'The page lists all 12 deadlines.' });
    expect(plain).toEqual(['gherkin.syntax', 'story.not-testable']);
  });

  it('story.vague, in any field, at the word', () => {
    expect(rulesOf({ title: 'Fast payout dates' })).toEqual(['story.vague']);
    expect(at({ acceptance: GOOD.replace('Then it shows', 'Then it quickly shows') }, 'story.vague')).toMatchObject({
      section: 'acceptance',
      line: 4,
      column: 11,
    });
    expect(rulesOf({ title: 'Fastest payout dates' })).toEqual([]);
  });

  it('story.no-requirement', () => {
    expect(rulesOf({ requirementIds: [] })).toEqual(['story.no-requirement']);
  });

  it('story.depends: names another story it must wait for, but not itself', () => {
    expect(rulesOf({ narrative: `${story().narrative} Depends on S-11.` })).toEqual(['story.depends']);
    expect(at({ title: 'Payout dates (after FINTX-PAYOUTS-S-3)' }, 'story.depends')).toMatchObject({
      section: 'title',
      column: 15,
    });
    expect(rulesOf({ title: 'Payout dates after S-12' })).toEqual([]);
    expect(rulesOf({ title: 'Payout dates after Monday' })).toEqual([]);
  });
});

describe('Gherkin checks', () => {
  it('gherkin.missing-given, missing-when, missing-then at the scenario line', () => {
    const onlyThen = 'Scenario: listed\n  Then the page lists 12 deadlines';
    expect(checkStory(story({ acceptance: onlyThen })).map((f) => [f.rule, f.line, f.column])).toEqual([
      ['gherkin.missing-given', 1, 1],
      ['gherkin.missing-when', 1, 1],
    ]);
    expect(rulesOf({ acceptance: 'Scenario: x\n  Given a sale\n  When the merchant opens Payouts' })).toEqual([
      'gherkin.missing-then',
    ]);
  });

  it('a Background Given counts for every scenario; And/But continue the step before', () => {
    const text = [
      'Feature: Payouts',
      '  Merchants see when money arrives.',
      '',
      '  Background:',
      '    Given a merchant with one sale',
      '',
      '  @smoke',
      '  Scenario: shown',
      '    When the merchant opens Payouts',
      '    Then it shows "Wed 14 May"',
      '    But it shows no fee',
    ].join('\n');
    expect(rulesOf({ acceptance: text })).toEqual([]);
    expect(parseGherkin(text).scenarios[0]?.steps.map((s) => s.kind)).toEqual(['when', 'then', 'then']);
  });

  it('gherkin.then-not-observable', () => {
    const vagueThen = GOOD.replace('Then it shows "Wed 14 May"', 'Then the merchant is happy');
    expect(checkStory(story({ acceptance: vagueThen })).map((f) => [f.rule, f.line, f.column])).toEqual([
      ['gherkin.then-not-observable', 4, 3],
    ]);
  });

  it('gherkin.syntax: a line that is no step, a scenario without steps, steps outside a scenario', () => {
    const broken = [
      'Scenario: shown',
      '  Given a sale',
      '  the merchant opens Payouts',
      '  Then it shows "Wed 14 May"',
      '',
      'Scenario: empty',
    ].join('\n');
    expect(checkStory(story({ acceptance: broken })).map((f) => [f.rule, f.line, f.column])).toEqual([
      ['gherkin.syntax', 3, 3],
      ['gherkin.missing-when', 1, 1],
      ['gherkin.syntax', 6, 1],
    ]);
    expect(rulesOf({ acceptance: `Given a sale\nWhen it opens\nThen it shows "x"\n\n${GOOD}` })).toEqual([
      'gherkin.syntax',
      'gherkin.syntax',
      'gherkin.syntax',
    ]);
  });

  it('accepts tables under steps and Examples, doc strings and comments; reports an unclosed doc string', () => {
    const outline = [
      '# fees by amount',
      'Scenario Outline: fee',
      '  Given a payout of <amount>',
      '    | bank | ABSA |',
      '  When it is sent',
      '  Then the statement shows:',
      '    """',
      '    Fee: <fee>',
      '    """',
      '  Examples:',
      '    | amount | fee |',
      '    | 100    | 1   |',
      '    | 200    | 2   |',
    ].join('\n');
    expect(rulesOf({ acceptance: outline })).toEqual([]);
    expect(parseGherkin(outline).scenarios[0]?.examples).toBe(2);
    expect(rulesOf({ acceptance: `${GOOD}\n    """\n    never closed` })).toEqual(['gherkin.syntax']);
    expect(rulesOf({ acceptance: `| a | b |\n${GOOD}` })).toEqual(['gherkin.syntax']);
  });
});

describe('hostile input', () => {
  it('survives NUL, lone surrogates and 1 MB of text quickly, with a bounded list of findings', () => {
    expect(() => checkStory(story({ title: '\u0000\ud800', narrative: '\udc00', acceptance: '\u0000' }))).not.toThrow();
    const megabyte = 'fast and simple, depends on S-1\n'.repeat(35_000);
    expect(megabyte.length).toBeGreaterThan(1_000_000);
    const started = performance.now();
    const findings = checkStory({ title: megabyte, narrative: megabyte, acceptance: megabyte, requirementIds: [] });
    expect(performance.now() - started).toBeLessThan(2000);
    const perRule = new Map<string, number>();
    for (const f of findings) perRule.set(f.rule, (perRule.get(f.rule) ?? 0) + 1);
    expect(perRule.get('story.vague')).toBe(20);
    expect(perRule.get('gherkin.syntax')).toBe(20);
    expect(Math.max(...perRule.values())).toBeLessThanOrEqual(20);
    expect(findings.find((f) => f.rule === 'story.too-large' && f.section === 'acceptance')?.message).toMatch(
      /only the first 100000 were checked/,
    );
  });
});

// Story quality checks (issue #12): INVEST-style (a role, a benefit, small, testable, independent, linked to a
// requirement, unambiguous) and Gherkin well-formedness, as findings in the gate's format so the story editor shows
// them inline like the gate's. Pure.
//
// Where a finding points: `section` names the story field it is about (`title`, `narrative`, `acceptance`,
// `requirements`), and line/column are 1-based within that field's text, so the editor can place it.
import { rules } from '../gate/checks/kit.ts';
import { OBSERVABLE } from '../gate/patterns.ts';
import { PhraseMatcher } from '../gate/phrases.ts';
import type { Finding } from '../gate/types.ts';
import { WORD_LISTS_EN } from '../gate/words-en.ts';
import { excerptOf } from '../markdown/text.ts';
import { type GherkinDocument, parseGherkin } from './gherkin.ts';

export type StoryInput = {
  key?: string;
  title: string;
  narrative: string;
  /** Gherkin scenarios. */
  acceptance: string;
  requirementIds: readonly string[];
};

export const STORY_CRITERION = { id: 'story', name: 'Story quality' } as const;

const R = rules('story', {
  'no-narrative': ['major', 'No "As a …, I want …" narrative'],
  'no-role': ['major', 'The story names no role'],
  'no-benefit': ['minor', 'The story says no benefit ("so that …")'],
  'too-large': ['minor', 'Too large for one sprint'],
  'not-testable': ['major', 'No acceptance scenario'],
  vague: ['minor', 'Vague or subjective term'],
  'no-requirement': ['major', 'Linked to no requirement (scope creep risk)'],
  depends: ['minor', 'Depends on another story'],
});
const G = rules('gherkin', {
  syntax: ['major', 'Not well-formed Gherkin'],
  'missing-given': ['minor', 'Scenario without Given'],
  'missing-when': ['minor', 'Scenario without When'],
  'missing-then': ['major', 'Scenario without Then'],
  'then-not-observable': ['minor', 'Then states no observable outcome'],
});

/** The story rules (criterion `story`), with what people see for each. Rule ids are public. */
export const STORY_RULES: Readonly<Record<string, string>> = Object.fromEntries(
  [...Object.values(R), ...Object.values(G)].map((r) => [r.id, r.summary]),
);

/** A story larger than this is no longer Small: split it. */
export const MAX_SCENARIOS = 8;
export const MAX_NARRATIVE_WORDS = 60;
/** At most this many findings per rule, so a pasted 1 MB text gives a readable list. */
const MAX_PER_RULE = 20;
/** Only this much of the narrative is read for its parts: the patterns stay linear on any input. */
const HEAD = 2000;
/**
 * Acceptance criteria past this length are read only up to it (and the story is reported as too large): a story
 * that fits in a sprint is far shorter, and the editor runs these checks on every keystroke.
 */
export const MAX_ACCEPTANCE_CHARS = 100_000;
const MAX_THENS = 50;

const NARRATIVE = /^\s*as\s+(?:an?|the)\s+([^,.;\n]{1,80}?)\s*,?\s+I\s+(?:want|need|would like|wish|can)\b/i;
const SO_THAT = /\bso that\s+\S|\bso (?:they|he|she|I|we) can\s+\S|\bin order to\s+\S/i;
const GENERIC_ROLES = /^(?:user|users|end[- ]user|person|someone|somebody|anyone|anybody|individual|human|system)$/i;
/** "after S-12", "depends on FINTX-PAYOUTS-S-3", "blocked by US-7". */
const DEPENDS =
  /\b(?:depends on|dependent on|blocked by|after|requires|once|following)\s+(?:story\s+)?((?:[A-Z][A-Z0-9]{0,19}-){0,3}(?:S|US|STORY|BUG)-?\d{1,7})(?![\w-])/gi;
const VAGUE = new PhraseMatcher({ vague: WORD_LISTS_EN.vague });

type Rule = (typeof R)[keyof typeof R];
type Field = 'title' | 'narrative' | 'acceptance' | 'requirements';

export function checkStory(story: StoryInput): Finding[] {
  const out: Finding[] = [];
  const counts = new Map<string, number>();
  const add = (rule: Rule, field: Field, at: Position, text: string, message: string, fix: string) => {
    const n = counts.get(rule.id) ?? 0;
    counts.set(rule.id, n + 1);
    if (n >= MAX_PER_RULE) return;
    out.push({
      criterion: STORY_CRITERION.id,
      rule: rule.id,
      severity: rule.severity,
      line: at.line,
      column: at.column,
      section: field,
      excerpt: excerptOf(text),
      message,
      fix,
    });
  };
  const start: Position = { line: 1, column: 1 };

  // Narrative: who, what, why.
  const narrative = story.narrative.slice(0, HEAD);
  if (!narrative.trim()) {
    add(
      R['no-narrative'],
      'narrative',
      start,
      story.title,
      'The story has no narrative.',
      'Write who wants what and why: "As a merchant, I want to see the payout date so that I can plan cash flow."',
    );
  } else {
    const parts = NARRATIVE.exec(narrative);
    const role = parts?.[1]?.trim();
    if (!role)
      add(
        R['no-role'],
        'narrative',
        start,
        narrative,
        'The narrative does not say who wants this: "As a …" is missing.',
        'Start with the role from the PRD\'s users section: "As a merchant, I want …".',
      );
    else if (GENERIC_ROLES.test(role))
      add(
        R['no-role'],
        'narrative',
        locator(narrative)((parts?.index ?? 0) + (parts?.[0].indexOf(role) ?? 0)),
        narrative,
        `"As a ${role}" names nobody in particular.`,
        'Name the role from the PRD\'s users section, e.g. "As a merchant" or "As a support agent".',
      );
    if (!SO_THAT.test(narrative))
      add(
        R['no-benefit'],
        'narrative',
        start,
        narrative,
        'The narrative does not say what it is for: "so that …" is missing.',
        'Add the benefit the requirement serves: "… so that I can plan cash flow". Ask the PO when the PRD does not say.',
      );
    const words = wordCount(story.narrative);
    if (words > MAX_NARRATIVE_WORDS)
      add(
        R['too-large'],
        'narrative',
        start,
        narrative,
        `The narrative has ${words} words (more than ${MAX_NARRATIVE_WORDS}): it describes more than one story.`,
        'Split it into stories of one capability each, each with its own scenarios.',
      );
  }

  // Acceptance: scenarios in well-formed Gherkin.
  const acceptance = story.acceptance.slice(0, MAX_ACCEPTANCE_CHARS);
  const gherkin = parseGherkin(acceptance);
  checkGherkin(gherkin, add);
  if (gherkin.scenarios.length === 0)
    add(
      R['not-testable'],
      'acceptance',
      start,
      acceptance,
      acceptance.trim()
        ? 'The acceptance criteria have no "Scenario:": nothing a tester can run.'
        : 'The story has no acceptance criteria.',
      'Write one Scenario per criterion with Given (the starting state), When (the action) and Then (what a tester sees), e.g. "Scenario: payout date shown / Given a sale on Monday / When the merchant opens Payouts / Then it shows "Wed 14 May"".',
    );
  if (story.acceptance.length > MAX_ACCEPTANCE_CHARS)
    add(
      R['too-large'],
      'acceptance',
      start,
      acceptance,
      `The acceptance criteria are ${story.acceptance.length} characters long; only the first ${MAX_ACCEPTANCE_CHARS} were checked.`,
      'Split the story so each part has the few scenarios one sprint can build and test.',
    );
  else if (gherkin.scenarios.length > MAX_SCENARIOS)
    add(
      R['too-large'],
      'acceptance',
      start,
      acceptance,
      `The story has ${gherkin.scenarios.length} scenarios (more than ${MAX_SCENARIOS}): it is too large for one sprint.`,
      'Split it by scenario group (e.g. happy path, errors, limits) into stories that each fit in a sprint.',
    );

  // Traceability: a story with no requirement is scope the PRD did not ask for.
  if (story.requirementIds.length === 0)
    add(
      R['no-requirement'],
      'requirements',
      start,
      story.title,
      'The story is linked to no requirement: it adds scope the PRD does not ask for.',
      'Link it to the requirement it builds, or raise a change request to add that requirement to the PRD.',
    );

  // Wording, in every field.
  const fields: [Field, string][] = [
    ['title', story.title.slice(0, HEAD)],
    ['narrative', narrative],
    ['acceptance', acceptance],
  ];
  for (const [field, text] of fields) {
    const positionOf = locator(text);
    for (const hit of VAGUE.hits(text)) {
      if ((counts.get(R.vague.id) ?? 0) >= MAX_PER_RULE) break;
      add(
        R.vague,
        field,
        positionOf(hit.start),
        text.slice(Math.max(0, hit.start - 40), hit.end + 60),
        `"${hit.text}" is vague: nobody can test it.`,
        'Replace it with something measurable, e.g. "fast" → "the list shows within 1 s", "easy" → "in 3 clicks or fewer".',
      );
    }
    DEPENDS.lastIndex = 0;
    for (let m = DEPENDS.exec(text); m; m = DEPENDS.exec(text)) {
      const other = m[1] as string;
      if (story.key && sameKey(story.key, other)) continue;
      add(
        R.depends,
        field,
        positionOf(m.index),
        m[0],
        `"${m[0]}": the story cannot be built or shipped on its own.`,
        `Merge it with ${other}, or split them differently so each delivers value alone; if the order only matters for planning, keep it in the sprint plan, not in the story.`,
      );
    }
  }
  return out;
}

/** Words in a text, counted without building an array of them. */
function wordCount(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || (c >= 9 && c <= 13) || c === 160;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

type Position = { line: number; column: number };
type Add = (rule: Rule, field: Field, at: Position, text: string, message: string, fix: string) => void;

function checkGherkin(doc: GherkinDocument, add: Add): void {
  for (const p of doc.problems) {
    const at = { line: p.line, column: p.column };
    const [message, fix] = PROBLEM_TEXT[p.reason](p.text);
    add(G.syntax, 'acceptance', at, p.text, message, fix);
  }
  const background = new Set(doc.background?.steps.map((s) => s.kind) ?? []);
  for (const scenario of doc.scenarios) {
    const at = { line: scenario.line, column: scenario.column };
    const label = scenario.name ? `"${excerptOf(scenario.name, 60)}"` : `at line ${scenario.line}`;
    const header = `${scenario.keyword}: ${scenario.name}`;
    if (scenario.steps.length === 0) {
      add(
        G.syntax,
        'acceptance',
        at,
        header,
        `Scenario ${label} has no steps.`,
        'Add its steps under it: Given (the starting state), When (the action), Then (what a tester sees).',
      );
      continue;
    }
    const kinds = new Set(scenario.steps.map((s) => s.kind));
    if (!kinds.has('given') && !background.has('given'))
      add(
        G['missing-given'],
        'acceptance',
        at,
        header,
        `Scenario ${label} has no Given: its starting state is not stated.`,
        'Add the state the test starts from, e.g. "Given a merchant with a sale captured on Monday".',
      );
    if (!kinds.has('when'))
      add(
        G['missing-when'],
        'acceptance',
        at,
        header,
        `Scenario ${label} has no When: the action under test is not stated.`,
        'Add the one action the scenario tests, e.g. "When the merchant opens Payouts".',
      );
    const thens = scenario.steps.filter((s) => s.kind === 'then');
    if (thens.length === 0)
      add(
        G['missing-then'],
        'acceptance',
        at,
        header,
        `Scenario ${label} has no Then: it checks nothing.`,
        'End it with what a tester can see or measure, e.g. "Then it shows the payout date "Wed 14 May"".',
      );
    // The first MAX_THENS Then steps decide: a scenario with more is too large anyway, and the check stays fast.
    else if (!thens.slice(0, MAX_THENS).some((s) => OBSERVABLE.test(s.text.slice(0, HEAD)))) {
      const first = thens[0] as (typeof thens)[number];
      add(
        G['then-not-observable'],
        'acceptance',
        { line: first.line, column: first.column },
        `${first.keyword} ${first.text}`,
        `The Then of scenario ${label} states no observable outcome.`,
        'Say what a tester sees or measures: a message, a status, a number, e.g. "Then the status is "Sent"".',
      );
    }
  }
}

const PROBLEM_TEXT: Record<GherkinDocument['problems'][number]['reason'], (text: string) => [string, string]> = {
  'not-a-step': (t) => [
    `${quoteOf(t)} is not a Gherkin line: a step starts with Given, When, Then, And or But.`,
    'Start the line with the step keyword it stands for, make it a comment ("# …"), or move it to the story\'s description.',
  ],
  'step-outside-scenario': (t) => [
    `${quoteOf(t)} is outside any scenario.`,
    'Put a "Scenario: <what it checks>" line above the steps.',
  ],
  'empty-step': (t) => [`${quoteOf(t)} is a step keyword with nothing after it.`, 'Finish the step or remove it.'],
  'table-outside-step': (t) => [
    `The table row ${quoteOf(t)} belongs to no step or Examples.`,
    'Put the table directly under the step that uses it, or under "Examples:" in a Scenario Outline.',
  ],
  'unclosed-doc-string': (t) => [
    `The doc string opened with ${quoteOf(t)} is never closed.`,
    'Close it with the same marker (""" or ```) on its own line.',
  ],
};

function quoteOf(text: string): string {
  return `"${excerptOf(text, 60)}"`;
}

function sameKey(a: string, b: string): boolean {
  const key = (s: string) => s.toUpperCase().replace(/[-_\s]/g, '');
  return key(a) === key(b) || key(a).endsWith(key(b));
}

/** 1-based line and column of offsets in one text; the line starts are found once, then searched. */
function locator(text: string): (offset: number) => Position {
  let starts: number[] | null = null;
  return (offset) => {
    if (!starts) {
      starts = [0];
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (starts[lo] as number) + 1 };
  };
}

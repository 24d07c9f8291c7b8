// Draft stories from extracted requirements (issue #12): a naming-convention key, a title, the narrative "As a …,
// I want … so that …" and Gherkin from the requirement's criteria, prefilled for the builder to accept or edit.
// A draft says only what the requirement says. Nothing is invented to look complete: no benefit the text does not
// give (`benefit: null`, the narrative ends without "so that", and `story.no-benefit` reports it), and no
// Given/When the criterion does not give (see `scenarioOf`). The story checks then show the builder what is missing.

import { artifactId, DEFAULT_CONVENTION, type NamingConvention } from '../naming/convention.ts';
import type { Priority } from './priority.ts';
import type { ExtractedRequirement } from './requirements.ts';

/** The backlog's statuses (one list: exchange/types.ts); a draft starts in `backlog`. */
export type { StoryStatus } from '../exchange/types.ts';

export type StoryDraft = {
  /** `FINTX-PAYOUTS-S-12`: the convention's artifact code for user stories. */
  key: string;
  type: 'story';
  title: string;
  narrative: string;
  role: string;
  capability: string;
  /** What the requirement says it is for; null when it does not say (never made up). */
  benefit: string | null;
  /** Gherkin scenarios, one per criterion, separated by a blank line; '' when the requirement has none. */
  acceptance: string;
  priority: Priority | null;
  requirementIds: string[];
  estimate: null;
  status: 'backlog';
};

export type DraftOptions = {
  /** The product code, e.g. `FINTX-PAYOUTS`. */
  product: string;
  number: number;
  convention?: NamingConvention;
  /** Overrides the convention's separator. */
  separator?: string;
};

export const TITLE_MAX = 80;
const NAME_MAX = 60;
/** Only this much of a requirement is read for its subject and verb: the patterns stay linear on any input. */
const HEAD = 300;

export function draftStory(req: ExtractedRequirement, options: DraftOptions): StoryDraft {
  const base = options.convention ?? DEFAULT_CONVENTION;
  const convention = options.separator ? { ...base, separator: options.separator } : base;
  const text = flatten(clean(req.text));
  const { role, capability, benefit, narrative } = narrativeOf(text);
  return {
    key: artifactId(convention, options.product, storyCode(convention), options.number),
    type: 'story',
    title: titleOf(capabilityTitle(capability) || text),
    narrative,
    role,
    capability,
    benefit,
    acceptance: req.acceptance
      .map((c) => scenarioOf(clean(c)))
      .filter((s) => s !== '')
      .join('\n\n'),
    priority: req.priority,
    requirementIds: [req.id],
    estimate: null,
    status: 'backlog',
  };
}

/** Drafts numbered from `firstNumber` in the requirements' order. */
export function draftStories(
  reqs: readonly ExtractedRequirement[],
  options: Omit<DraftOptions, 'number'> & { firstNumber: number },
): StoryDraft[] {
  const { firstNumber, ...rest } = options;
  return reqs.map((req, i) => draftStory(req, { ...rest, number: firstNumber + i }));
}

/** The convention's code for user stories: `S` by default, or whichever code an admin named "user story". */
function storyCode(c: NamingConvention): string {
  if (c.artifactCodes.S) return 'S';
  const named = Object.entries(c.artifactCodes).find(([, name]) => /\bstor(?:y|ies)\b/i.test(name));
  return named ? named[0] : 'S';
}

/** NUL and other control characters and lone surrogates cannot be stored or exported; they are dropped/replaced. */
function clean(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const control = (c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 127;
    if (control) {
      out += text.slice(from, i);
      from = i + 1;
    }
  }
  return (out + text.slice(from)).replace(LONE_SURROGATE, '\ufffd');
}
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Whitespace runs → one space. Single spaces are left alone: replacing each of them is slow on a 1 MB text. */
function flatten(text: string): string {
  return text.replace(/(?! \S)\s+/g, ' ').trim();
}

// ---- Narrative ----------------------------------------------------------------------------------------------

export const STORY_SHAPE = /^as (?:an?|the)\s+([^,.;]{1,80}?)\s*,?\s+I\s+(?:want|need|would like|wish|can)\b\s*/i;
/** The purpose clause; "to …" alone is not read as one ("exports sales to CSV" names no purpose). */
const PURPOSE = /,?\s+(so that|so (?:they|he|she|I|we) can|in order to)\s+/i;

const ROLE_WORDS = new Set(
  (
    'user merchant customer buyer seller shopper admin administrator operator agent manager owner builder reviewer ' +
    'approver developer tester visitor member guest driver rider patient doctor nurse employee staff officer analyst ' +
    'editor author student teacher parent learner client vendor supplier partner accountant cashier clerk auditor ' +
    'subscriber tenant landlord investor borrower lender traveller traveler host planner recruiter candidate ' +
    'applicant volunteer donor coach player fan reader viewer listener caller sender recipient payer payee ' +
    'representative researcher engineer designer marketer creator moderator'
  ).split(' '),
);
/** -er/-or/-ist/-ant/-ent nouns that name things, not people. */
const NOT_ROLES = new Set(
  (
    'server browser controller number order folder filter header footer trigger container scheduler timer error ' +
    'monitor parameter counter marker buffer cluster router paper letter register power water cover banner ' +
    'content event component payment statement document element segment amount account percent environment ' +
    'moment comment attachment settlement adjustment agreement requirement endpoint intent token button list'
  ).split(' '),
);
const SYSTEM_LETS =
  /^(?:the\s+)?(?:system|app|application|platform|product|service|tool|portal|site|website)\s+(?:(?:shall|must|should|will|can|may)\s+)?(?:let|allow|enable|permit)s?\s+(?=\S)/i;
const DETERMINER = /^(?:a|an|the|each|every|any|all)$/i;
const MODAL =
  /^(?:(?:can|could|must|shall|should|will|may)(?:\s+be\s+able\s+to)?|(?:is|are)\s+able\s+to|needs?\s+to|wants?\s+to)\s+/i;

function isRole(word: string): boolean {
  const w = word.toLowerCase();
  const singular = singularOf(w);
  if (ROLE_WORDS.has(w) || ROLE_WORDS.has(singular)) return true;
  if (NOT_ROLES.has(singular)) return false;
  return /(?:er|or|ist|ant|ian)$/.test(singular) && singular.length > 4;
}

function singularOf(word: string): string {
  if (/ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(?:ss|us)$/.test(word)) return word;
  return word.endsWith('s') ? word.slice(0, -1) : word;
}

/** "sees" → "see", "watches" → "watch", "copies" → "copy", "has" → "have", "is" → "be". */
function baseVerb(verb: string, pluralSubject: boolean): string {
  const w = verb.toLowerCase();
  const irregular: Record<string, string> = { is: 'be', are: 'be', has: 'have', does: 'do', goes: 'go' };
  if (irregular[w]) return irregular[w] as string;
  if (pluralSubject) return verb;
  if (/(?:ch|sh|ss|x|z|o)es$/.test(w)) return verb.slice(0, -2);
  if (/[^aeiou]ies$/.test(w)) return `${verb.slice(0, -3)}y`;
  if (/[^s]s$/.test(w)) return verb.slice(0, -1);
  return verb;
}

type Narrative = { role: string; capability: string; benefit: string | null; narrative: string };

function narrativeOf(text: string): Narrative {
  const stripped = text.replace(/[.!;:]+$/, '');
  const purpose = PURPOSE.exec(stripped);
  const statement = purpose ? stripped.slice(0, purpose.index) : stripped;
  const benefit = purpose ? benefitOf(purpose[1] as string, stripped.slice(purpose.index + purpose[0].length)) : null;

  const story = STORY_SHAPE.exec(statement);
  if (story) {
    // Already a story: kept as the author wrote it, only read apart.
    return {
      role: (story[1] as string).trim(),
      capability: statement.slice(story[0].length).trim(),
      benefit,
      narrative: text,
    };
  }
  const { role, capability } = subjectOf(statement);
  const narrative = `As ${article(role)} ${role}, I want ${capability}${benefit ? ` so that ${benefit}` : ''}.`;
  return { role, capability, benefit, narrative };
}

function benefitOf(marker: string, rest: string): string | null {
  const tail = rest.trim();
  if (!tail) return null;
  const m = marker.toLowerCase();
  if (m === 'in order to') return `I can ${tail}`;
  if (m.startsWith('so ') && m !== 'so that') return `${marker.slice(3)} ${tail}`;
  return tail;
}

/**
 * "A merchant sees X" → merchant, "to see X"; "Students can export X" → student, "to export X". When the subject
 * names no person ("Payout dates follow …"), the role is the generic "user" (which the checks report) and the
 * statement is kept whole: "I want payout dates to follow …" would need a grammar we do not have.
 */
function subjectOf(whole: string): { role: string; capability: string } {
  // "The system shall let administrators export …": the people it lets are the role.
  const lets = SYSTEM_LETS.exec(whole.slice(0, HEAD));
  const statement = lets ? whole.slice(lets[0].length) : whole;
  const head = statement.slice(0, HEAD);
  const words = head.split(' ');
  let i = words[0] && DETERMINER.test(words[0]) ? 1 : 0;
  for (const limit = Math.min(words.length - 1, i + 3); i < limit; i++) {
    const word = (words[i] as string).replace(/[^\p{L}-]/gu, '');
    if (!word || !isRole(word)) continue;
    // "A support agent": the last of the role words is the head noun.
    const next = (words[i + 1] ?? '').replace(/[^\p{L}-]/gu, '');
    if (next && i + 1 < limit && isRole(next)) continue;
    const singular = singularOf(word.toLowerCase());
    const plural = singular !== word.toLowerCase();
    const afterStart = words.slice(0, i + 1).join(' ').length + 1;
    let rest = statement.slice(afterStart);
    const modal = MODAL.exec(rest);
    if (modal) rest = rest.slice(modal[0].length);
    else if (lets && /^to\s/i.test(rest)) rest = rest.slice(3);
    const verb = /^[\p{L}]+/u.exec(rest)?.[0];
    if (!verb || /^(?:of|and|or|in|on|at|for|with|from|by|to|who|that|which)$/i.test(verb)) break;
    const base = modal || lets ? verb : baseVerb(verb, plural);
    const roleWords = [...words.slice(words[0] && DETERMINER.test(words[0]) ? 1 : 0, i), singular];
    return { role: roleWords.join(' ').toLowerCase(), capability: `to ${base}${rest.slice(verb.length)}` };
  }
  return { role: 'user', capability: lowerFirst(whole) };
}

/** "an admin", "a user" (the letter u sounds like "you" in most role names: user, union member). */
function article(word: string): string {
  return /^(?:[aeio]|u(?!s|ni|ri))/i.test(word) ? 'an' : 'a';
}

/** Lower-cases the first letter unless the first word is an acronym or a name in capitals ("CSV", "PDF"). */
function lowerFirst(text: string): string {
  return /^\p{Lu}\p{Ll}/u.test(text) || /^\p{Lu}(?:\s|$)/u.test(text)
    ? text.charAt(0).toLowerCase() + text.slice(1)
    : text;
}

// ---- Title ----------------------------------------------------------------------------------------------------

/** "to see the payout date" → "See the payout date". */
function capabilityTitle(capability: string): string {
  const c = capability.replace(/^to\s+/i, '');
  return c.charAt(0).toUpperCase() + c.slice(1);
}

/** The first sentence, at most TITLE_MAX characters, cut at a word with "…". */
export function titleOf(text: string, max = TITLE_MAX): string {
  const first = text.slice(0, max * 4).split(/(?<=[.!?])\s/)[0] ?? '';
  const flat = first
    .replace(/\s+/g, ' ')
    .replace(/[.!?;:,]+$/, '')
    .trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/, '')}…`;
}

// ---- Acceptance -----------------------------------------------------------------------------------------------

const SCENARIO_HEAD = /^\s*(?:Scenario(?: Outline)?|Example)\s*:\s*/i;
const STEP_START = /^(?:Given|When|Then|And|But)\s/i;

/**
 * One criterion as one Scenario. A criterion in Given/When/Then form (one line, "Given …, when …, then …", or a
 * Gherkin block) keeps its steps. A plain criterion ("The page lists all 12 deadlines") becomes a scenario with
 * that criterion as its only step, `Then …`: it is the one thing the requirement states. We do not write a Given or
 * When for it: a made-up precondition ("Given the feature is available") reads as done and hides the gap, and a
 * placeholder ("Given <precondition>") is not Gherkin. The checks report such a scenario (gherkin.missing-given,
 * gherkin.missing-when), so the builder sees exactly what to add.
 */
export function scenarioOf(criterion: string): string {
  const multiLine = criterion.includes('\n') ? multiLineScenario(criterion) : null;
  if (multiLine) return multiLine;
  const flat = flatten(criterion);
  if (!flat) return '';
  const head = SCENARIO_HEAD.exec(flat);
  const body = head ? flat.slice(head[0].length) : flat;
  const steps = splitSteps(body, head !== null);
  if (steps && steps.steps.length > 0) {
    const name = head ? steps.before || nameOf(steps.steps) : nameOf(steps.steps);
    return [`Scenario: ${name}`, ...steps.steps.map((s) => `  ${s}`)].join('\n');
  }
  const then = sentence(body);
  return `Scenario: ${titleOf(then, NAME_MAX)}\n  Then ${lowerFirst(then)}`;
}

/** A Gherkin block kept line by line: headers at the margin, steps indented, tables and doc strings below them. */
function multiLineScenario(criterion: string): string | null {
  const lines = criterion
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (!lines.some((l) => STEP_START.test(l))) return null;
  const out: string[] = [];
  if (!SCENARIO_HEAD.test(lines[0] ?? ''))
    out.push(`Scenario: ${titleOf(lines.find((l) => /^then\s/i.test(l)) ?? lines[0] ?? '', NAME_MAX)}`);
  let inDocString = false;
  for (const line of lines) {
    const fence = /^(?:"""|```)/.test(line);
    if (inDocString || fence) out.push(`    ${line}`);
    else if (SCENARIO_HEAD.test(line)) out.push(line);
    else if (/^(?:Examples|Scenarios)\s*:/i.test(line)) out.push(`  ${line}`);
    else if (line.startsWith('|')) out.push(`    ${line}`);
    else out.push(`  ${line}`);
    if (fence) inDocString = !inDocString;
  }
  return out.join('\n');
}

/**
 * "Given a sale, when the merchant opens Payouts, then it shows X" → three steps. A keyword starts a step at the
 * start, after punctuation, or capitalised mid-line (how a flattened Gherkin block reads: "… Given x When y Then z").
 * Returns null when the text does not start with a step: "Users log in, then see their dashboard" is a plain criterion.
 */
/** A step keyword at the start or after punctuation (any case for Given/When/Then), or capitalised after a space. */
const STEP_BOUNDARY = /(^|[,;.:]\s+)([Gg]iven|[Ww]hen|[Tt]hen|And|But)(?=\s)|(\s+)(Given|When|Then|And|But)(?=\s)/g;

function splitSteps(body: string, named: boolean): { before: string; steps: string[] } | null {
  const cuts: { at: number; keyword: string; textAt: number }[] = [];
  STEP_BOUNDARY.lastIndex = 0;
  for (let m = STEP_BOUNDARY.exec(body); m; m = STEP_BOUNDARY.exec(body)) {
    const lead = m[1] ?? m[3] ?? '';
    const keyword = m[2] ?? m[4] ?? '';
    // Text before the first keyword is a scenario name only when the criterion said "Scenario:"; else not a step list.
    if (cuts.length === 0 && m.index > 0 && !named) return null;
    cuts.push({ at: m.index, keyword, textAt: m.index + lead.length + keyword.length });
  }
  const first = cuts[0];
  if (!first) return null;
  const before = body.slice(0, first.at).trim();
  const steps = cuts.map((cut, i) => {
    const end = cuts[i + 1]?.at ?? body.length;
    const text = body
      .slice(cut.textAt, end)
      .trim()
      .replace(/[,;.]+$/, '');
    const keyword = cut.keyword.charAt(0).toUpperCase() + cut.keyword.slice(1).toLowerCase();
    return `${keyword} ${text}`;
  });
  return { before, steps };
}

function nameOf(steps: readonly string[]): string {
  const then = steps.find((s) => s.startsWith('Then ')) ?? steps[0] ?? '';
  return titleOf(then.replace(/^\w+\s+/, ''), NAME_MAX);
}

function sentence(text: string): string {
  return text.replace(/[.;,]+$/, '').trim();
}

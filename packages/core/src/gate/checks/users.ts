// Users and jobs: named segments or personas, and what they are trying to get done (stories or jobs).
import { z } from 'zod';
import type { DocFacts } from '../facts/facts.ts';
import type { TextUnit } from '../facts/units.ts';
import { statedInPassing } from './in-passing.ts';
import { defineCheck, documentAnchor, finding, type RawFinding, rules, sectionAnchor } from './kit.ts';
import { region, statements } from './region.ts';

const R = rules('users', {
  missing: ['major', 'No users, personas or segments'],
  'no-section': ['minor', 'Users are named only in passing'],
  'no-segments': ['minor', 'Fewer than two named segments or roles'],
  'no-stories': ['minor', 'No user stories or jobs to be done'],
});

const STORY =
  /\bas an?\s+([^,.;\n]{2,60}?),?\s+I\s+(?:want|need|would like|can|must|should)\b[\s\S]{0,300}?\bso\s+(?:that|I|we)\b/gi;
const USERS_IN_PROSE =
  /\b(?:target (?:users?|audience|customers?|market|group)|primary users?|end[- ]users?|personas?|user roles?|(?:designed|built|aimed|intended|made) (?:for|at)|for use by|used by)\b/i;
const JOB = /\bwhen\s+[^\n]{3,120}?,\s*I\s+(?:want|need)\b[\s\S]{0,200}?\bso\s+(?:I|that|we)\b/i;
const NEED =
  /\b(?:needs?|wants?|seeks?|seeking|looking (?:for|to)|trying to|struggles? (?:to|with)|(?:his|her|their) goal|jobs? to be done|user intent)\b/i;
const JOURNEY_HEADING = /\b(?:user|customer) (?:journeys?|flows?)\b/i;
/** What STORY and JOB both need ("…, I want", "as a buyer I need"): most units have no "I", and this test is cheap. */
const FIRST_PERSON = /[\s,]I\s/i;
/** A persona's goal in prose: "Active Alice wants to try out …", "Dave the developer wants to build …". */
const PERSONA_GOAL = /\b[A-Z][a-z]+(?:\s+(?:the\s+)?[A-Za-z][a-z]+)?\s+wants?\s+to\s+[a-z]+/;

export const usersCheck = defineCheck({
  id: 'users',
  rules: R,
  params: z.strictObject({ minSegments: z.number().int().min(1).max(20).default(2) }),
  run({ doc, facts }, params) {
    const findings: RawFinding[] = [];
    const found = region(facts, 'users');
    const roles = new Set<string>();
    let jobs = 0;
    for (const unit of facts.units) {
      if (unit.kind === 'heading' || unit.kind === 'code') continue;
      const firstPerson = FIRST_PERSON.test(unit.text);
      if (firstPerson) {
        STORY.lastIndex = 0;
        for (const m of unit.text.matchAll(STORY)) roles.add((m[1] as string).toLowerCase().trim());
      }
      if ((firstPerson && JOB.test(unit.text)) || (unit.text.includes('want') && PERSONA_GOAL.test(unit.text))) jobs++;
    }
    // Under the users heading, a persona's need ("Needs 10 design partners", "seeking allocation guidance") is its job.
    for (const unit of found.units) if (unit.kind !== 'heading' && NEED.test(unit.text)) jobs++;
    // A user journey section walks through what users are trying to get done.
    if (facts.doc.sections.some((s) => JOURNEY_HEADING.test(s.title) && facts.contentWords(s, 5) >= 5)) jobs++;
    const stories = roles.size > 0 || jobs > 0;
    const segments = statements(found.units).filter((u) => facts.meaningful(u) >= 1).length;
    const anchor = found.sections[0] ? sectionAnchor(found.sections[0]) : documentAnchor(doc);
    const enough = found.hasWords(5);
    // "Target audience: first-year students", "built for field technicians": users named in prose, not under a heading.
    const inProse = !enough && !stories ? usersInPassing(facts) : undefined;
    if (inProse)
      return statedInPassing(
        R['no-section'],
        inProse,
        'The users are named',
        'Give them a "Users" section: each segment or persona on its own line, with what they are trying to get done.',
      );
    if (!enough && !stories) {
      const message = found.sections[0]
        ? `"${found.sections[0].title}" names no users: the section has no content.`
        : 'The document does not say who the users are.';
      findings.push(finding(R.missing, anchor, message, FIX_MISSING));
      return { score: 0, findings };
    }
    let score = enough ? 0.5 : 0.3;
    if (Math.max(segments, roles.size) >= params.minSegments) score += 0.25;
    else {
      findings.push(
        finding(
          R['no-segments'],
          anchor,
          `Only ${Math.max(segments, roles.size)} user segment or role is named.`,
          'Name each segment or persona on its own line, with its size where known, e.g. "{{eg:segment}}".',
        ),
      );
    }
    if (stories) score += 0.25;
    else {
      findings.push(
        finding(
          R['no-stories'],
          anchor,
          'No user story or job to be done says what users are trying to achieve.',
          'Add at least one "As a <role>, I want <capability> so that <benefit>." or "When <situation>, I want <motivation>, so I can <outcome>."',
        ),
      );
    }
    return { score, findings };
  },
});

const FIX_MISSING = 'Add a "Users" section naming the segments or personas and their job, e.g. "{{eg:story}}"';

const ROLE_NOUN =
  /\b(?:users|customers|members|owners|students|teachers|parents|patients|clinicians|doctors|nurses|drivers|riders|merchants|buyers|sellers|vendors|shoppers|farmers|citizens|residents|employees|staff|admins|administrators|managers|developers|agents|operators|applicants|workers|volunteers|donors|travell?ers|guests|hosts|subscribers|players|learners|creators|analysts|reviewers|dealers|founders|freelancers|professionals|technicians|caseworkers|officers|tenants|landlords)\b/gi;

/** A sentence that names who it is for, or prose that names at least two kinds of people three times or more. */
function usersInPassing(facts: DocFacts): TextUnit | undefined {
  const prose = facts.units.filter((u) => (u.kind === 'paragraph' || u.kind === 'item') && facts.meaningful(u) >= 4);
  const named = prose.find((u) => USERS_IN_PROSE.test(u.text));
  if (named) return named;
  const kinds = new Set<string>();
  let mentions = 0;
  let first: TextUnit | undefined;
  for (const unit of prose) {
    for (const m of unit.text.matchAll(ROLE_NOUN)) {
      kinds.add(m[0].toLowerCase());
      mentions++;
      first ??= unit;
    }
  }
  return kinds.size >= 2 && mentions >= 3 ? first : undefined;
}

// Users and jobs: named segments or personas, and what they are trying to get done (stories or jobs).
import { z } from 'zod';
import { defineCheck, documentAnchor, finding, type RawFinding, rules, sectionAnchor } from './kit.ts';
import { region, statements } from './region.ts';

const R = rules('users', {
  missing: ['major', 'No users, personas or segments'],
  'no-segments': ['minor', 'Fewer than two named segments or roles'],
  'no-stories': ['minor', 'No user stories or jobs to be done'],
});

const STORY =
  /\bas an?\s+([^,.;\n]{2,60}?),?\s+I\s+(?:want|need|would like|can|must|should)\b[\s\S]{0,300}?\bso\s+(?:that|I|we)\b/gi;
const JOB = /\bwhen\s+[^\n]{3,120}?,\s*I\s+(?:want|need)\b[\s\S]{0,200}?\bso\s+(?:I|that|we)\b/i;

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
      STORY.lastIndex = 0;
      for (const m of unit.text.matchAll(STORY)) roles.add((m[1] as string).toLowerCase().trim());
      if (JOB.test(unit.text)) jobs++;
    }
    const stories = roles.size > 0 || jobs > 0;
    const segments = statements(found.units).filter((u) => facts.meaningful(u) >= 1).length;
    const anchor = found.sections[0] ? sectionAnchor(found.sections[0]) : documentAnchor(doc);
    const enough = found.hasWords(5);
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
          'Name each segment or persona on its own line, with its size where known, e.g. "Small merchants (1,200 accounts, 1–5 staff)".',
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

const FIX_MISSING =
  'Add a "Users" section naming the segments or personas and their job, e.g. "As a small-merchant owner, I want to see when a payout lands so that I can pay suppliers on time."';

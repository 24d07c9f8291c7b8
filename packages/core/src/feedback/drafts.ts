// A story or bug drafted from one feedback item, for triage to create (issue #13). It reuses the story drafts'
// title and Gherkin (stories/drafts.ts) and, like them, invents nothing: the narrative names who gave the feedback
// and what they asked for, the acceptance is the feedback as one `Then` step, and the story checks then show the
// builder what is missing (a Given, a When, a benefit).
import { scenarioOf, titleOf } from '../stories/drafts.ts';
import type { Priority } from '../stories/priority.ts';

export type FeedbackDraft = { title: string; narrative: string; acceptance: string; priority: Priority };

/** "I want to …", "please …", "can you …": the words before what was asked for (kept out of the title). */
const ASKING = /^(?:(?:please|pls|plz)\s+)?(?:i\s+(?:want|need|would like|wish)(?:\s+to)?\s+|can\s+(?:you|we)\s+)/i;
/** The same without "to": "I want to export" stays "to export" after "I want". */
const WANTING = /^(?:(?:please|pls|plz)\s+)?(?:i\s+(?:want|need|would like|wish)\s+|can\s+(?:you|we)\s+)/i;

function flat(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The priority the product's own scheme calls "the middle": Should (MoSCoW, the default), Medium, or P2. */
export function defaultPriority(inUse: readonly (Priority | null)[]): Priority {
  const counts = { moscow: 0, levels: 0, p: 0 };
  for (const p of inUse) {
    if (p === null) continue;
    if (p === 'High' || p === 'Medium' || p === 'Low') counts.levels++;
    else if (/^P\d$/.test(p)) counts.p++;
    else counts.moscow++;
  }
  if (counts.levels > counts.moscow && counts.levels >= counts.p) return 'Medium';
  if (counts.p > counts.moscow && counts.p > counts.levels) return 'P2';
  return 'Should';
}

export function draftFromFeedback(
  item: { key: string; text: string; author: string },
  type: 'story' | 'bug',
  priority: Priority,
): FeedbackDraft {
  const text = flat(item.text);
  const asked = text.replace(ASKING, '');
  const title = titleOf(asked || text);
  const wanted = text.replace(WANTING, '') || text;
  const lower = wanted.charAt(0).toLowerCase() + wanted.slice(1);
  const narrative =
    type === 'story'
      ? `As ${item.author} (feedback ${item.key}), I want ${lower.replace(/[.!?]+$/, '')}`
      : `Reported by ${item.author} (feedback ${item.key}): ${text}`;
  return { title, narrative: narrative.slice(0, 4000), acceptance: scenarioOf(text).slice(0, 20_000), priority };
}

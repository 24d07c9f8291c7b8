// What the triage dialog starts from, computed with core's own rules so it shows what the server will do: the title
// and the priority the server would pick (the middle of the product's scheme), the requirement it would link, and
// the most similar other item as the original of a duplicate (tests: triage-draft.test.ts).
import { defaultPriority, draftFromFeedback } from '@pi-studio/core/feedback/drafts';
import { matchRequirement } from '@pi-studio/core/feedback/match';
import { SimilarityIndex } from '@pi-studio/core/feedback/similar';
import type { Priority } from '@pi-studio/core/stories/priority';
import type { FeedbackItem } from './api.ts';

type Req = { id: string; key: string; text: string; priority: Priority | null; removedIn: unknown };

export type TriageDraft = {
  title: string;
  priority: Priority;
  /** The requirement the server would link, with why. */
  requirement: { id: string; key: string; percent: number; shared: string[] } | null;
  /** The most similar other open item, the original to offer for a duplicate. */
  original: { key: string; explanation: string } | null;
};

export function triageDraft(
  item: FeedbackItem,
  requirements: readonly Req[],
  items: readonly FeedbackItem[],
): TriageDraft {
  const current = requirements.filter((r) => r.removedIn === null);
  const priority = defaultPriority(current.map((r) => r.priority));
  const { title } = draftFromFeedback(item, 'story', priority);
  const match = matchRequirement(item.text, current);
  const others = items.filter((i) => i.key !== item.key && i.status !== 'declined' && i.status !== 'duplicate');
  const best = new SimilarityIndex(others).similar(item.text, { limit: 1 })[0];
  return {
    title,
    priority,
    requirement: match
      ? { id: match.id, key: match.key, percent: Math.round(match.score * 100), shared: match.shared }
      : null,
    original: best ? { key: best.key, explanation: best.explanation } : null,
  };
}

/** The question the clarification log gets, as the server words it. */
export const clarificationQuestion = (item: FeedbackItem) => `Feedback ${item.key} from ${item.author}: ${item.text}`;

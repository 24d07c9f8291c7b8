// Which requirement a piece of feedback is about: the requirement whose text holds most of the feedback's content
// words (intake/duplicates.ts's words, so "declined"/"declines" meet). Feedback is short and a requirement long, so
// the score is the share of the feedback's words the requirement has, not Jaccard (which a long requirement would
// always lose). A match needs at least MIN_SHARED shared words and MIN_SCORE of the feedback's words; ties go to the
// requirement with fewer words (the more specific one), then to the first in the PRD's order.
import { contentWords } from '../intake/duplicates.ts';

export const MATCH_DEFAULTS = { minScore: 0.5, minShared: 2 } as const;

export type MatchableRequirement = { id: string; key: string; text: string };

export type RequirementMatch = {
  id: string;
  key: string;
  /** Share of the feedback's content words the requirement has, 0–1. */
  score: number;
  shared: string[];
};

export function matchRequirement(
  feedback: string,
  requirements: readonly MatchableRequirement[],
  options: { minScore?: number; minShared?: number } = {},
): RequirementMatch | null {
  const minScore = options.minScore ?? MATCH_DEFAULTS.minScore;
  const minShared = options.minShared ?? MATCH_DEFAULTS.minShared;
  const words = contentWords(feedback);
  if (words.length === 0) return null;
  let best: (RequirementMatch & { size: number }) | null = null;
  for (const req of requirements) {
    const theirs = new Set(contentWords(req.text).map(([s]) => s));
    const shared = words.filter(([s]) => theirs.has(s)).map(([, spelled]) => spelled);
    const score = shared.length / words.length;
    if (shared.length < minShared || score < minScore) continue;
    if (!best || score > best.score || (score === best.score && theirs.size < best.size)) {
      best = { id: req.id, key: req.key, score, shared, size: theirs.size };
    }
  }
  if (!best) return null;
  const { size: _size, ...match } = best;
  return match;
}

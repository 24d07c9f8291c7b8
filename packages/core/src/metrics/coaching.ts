// Coaching from the gate's own record (issue #15): a finding rule that keeps coming back in one author's reviews
// becomes a suggested coaching session, with the examples to discuss. Recurring = the rule failed in at least
// `minReviews` of the author's reviews in the window, across at least `minDocuments` documents (one bad PRD
// re-submitted three times is rework, not a habit).

export type AuthoredFinding = {
  author: string;
  document: string;
  reviewId: string;
  decidedAt: number;
  rule: string;
  criterion: string;
  severity: 'blocker' | 'major' | 'minor' | 'info';
  excerpt: string;
  line: number;
};

export type CoachingExample = { document: string; reviewId: string; line: number; excerpt: string };
export type CoachingSuggestion = {
  author: string;
  rule: string;
  criterion: string;
  reviews: number;
  documents: number;
  /** The most recent examples first, one per document. */
  examples: CoachingExample[];
};

export type CoachingOptions = {
  from: number;
  to: number;
  minReviews?: number;
  minDocuments?: number;
  examples?: number;
};

export function coachingSuggestions(
  findings: readonly AuthoredFinding[],
  options: CoachingOptions,
): CoachingSuggestion[] {
  const { from, to, minReviews = 3, minDocuments = 2, examples = 3 } = options;
  const groups = new Map<string, AuthoredFinding[]>();
  for (const f of findings) {
    if (f.decidedAt < from || f.decidedAt >= to || f.severity === 'info') continue;
    const key = `${f.author}\u0000${f.rule}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const out: CoachingSuggestion[] = [];
  for (const list of groups.values()) {
    const reviews = new Set(list.map((f) => f.reviewId)).size;
    const documents = new Set(list.map((f) => f.document)).size;
    if (reviews < minReviews || documents < minDocuments) continue;
    const seen = new Set<string>();
    const picked = [...list]
      .sort((a, b) => b.decidedAt - a.decidedAt || a.line - b.line)
      .filter((f) => !seen.has(f.document) && seen.add(f.document))
      .slice(0, examples)
      .map(({ document, reviewId, line, excerpt }) => ({ document, reviewId, line, excerpt }));
    const first = list[0] as AuthoredFinding;
    out.push({
      author: first.author,
      rule: first.rule,
      criterion: first.criterion,
      reviews,
      documents,
      examples: picked,
    });
  }
  return out.sort((a, b) => b.reviews - a.reviews || (a.author + a.rule < b.author + b.rule ? -1 : 1));
}

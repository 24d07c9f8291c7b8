// Possible duplicates in the inbox, found in the browser with core's own rule (feedback/similar.ts: the same words,
// Jaccard ≥ 60 %, the same explanation the server gives when feedback arrives), so the review side by side shows
// the percentage and the shared words. A pair someone called "not a duplicate" is not suggested again.

import { explainSimilar, SimilarityIndex } from '@pi-studio/core/feedback/similar';
import { contentWords } from '@pi-studio/core/intake/duplicates';
import type { FeedbackItem } from './api.ts';

export type DuplicatePair = {
  /** The item waiting for triage that may repeat `original`. */
  item: FeedbackItem;
  original: FeedbackItem;
  percent: number;
  shared: string[];
  explanation: string;
};

/** Items a duplicate may point at: not declined, not duplicates themselves (as the server compares). */
const isOpen = (i: FeedbackItem) => i.status !== 'declined' && i.status !== 'duplicate';

/** One id per pair whichever way round, for remembering "not a duplicate". */
export const pairId = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/**
 * For each item waiting for triage, its most similar open item (not itself, not a pair dismissed), once per pair:
 * the newer item is offered as the duplicate of the older one.
 */
export function duplicatePairs(
  items: readonly FeedbackItem[],
  dismissed: ReadonlySet<string> = new Set(),
): DuplicatePair[] {
  const open = items.filter(isOpen);
  const byKey = new Map(open.map((i) => [i.key, i]));
  const index = new SimilarityIndex(open);
  const seen = new Set<string>();
  const pairs: DuplicatePair[] = [];
  for (const candidate of open) {
    if (candidate.status !== 'new') continue;
    const match = index
      .similar(candidate.text, { limit: 6 })
      .find((m) => m.key !== candidate.key && !dismissed.has(pairId(m.key, candidate.key)));
    const other = match ? byKey.get(match.key) : undefined;
    if (!match || !other) continue;
    const id = pairId(candidate.key, other.key);
    if (seen.has(id)) continue;
    seen.add(id);
    // The older item stays the original, unless it is the one waiting and the newer one was already accepted.
    const newerWaits = other.status !== 'new' || candidate.number > other.number;
    const [item, original] = newerWaits ? [candidate, other] : [other, candidate];
    const explanation = explainSimilar(original.key, match.percent, match.shared);
    pairs.push({ item, original, percent: match.percent, shared: match.shared, explanation });
  }
  return pairs;
}

/** A text cut into runs, with the words it shares with `other` marked (by their stems, so "declined"/"declines"). */
export function markShared(text: string, other: string): { text: string; shared: boolean }[] {
  const theirs = new Set(contentWords(other).map(([stem]) => stem));
  const runs: { text: string; shared: boolean }[] = [];
  const push = (t: string, shared: boolean) => {
    const last = runs.at(-1);
    if (last && last.shared === shared) last.text += t;
    else if (t) runs.push({ text: t, shared });
  };
  let at = 0;
  for (const m of text.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu)) {
    const start = m.index ?? 0;
    push(text.slice(at, start), false);
    const stem = contentWords(m[0])[0]?.[0];
    push(m[0], stem !== undefined && theirs.has(stem));
    at = start + m[0].length;
  }
  push(text.slice(at), false);
  return runs;
}

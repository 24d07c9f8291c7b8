// Near-duplicate feedback: the same complaint written a little differently ("card declined at checkout" / "my card
// got declined at checkout!!"). Each text becomes a set of normalised content words (lower case, NFKC, stop words
// and one-letter words removed, a light suffix stem so declined/declines/decline meet); two items are near
// duplicates when the Jaccard similarity of their sets is at least the threshold (0.6 by default).
// Twins are collapsed first (duplicates-groups.ts): identical word sets, and sets that are the same but for words no
// other item has ("Message 81234: build 12 works"), which every other item sees alike; a message repeated 10,000
// times, or 80,000 status lines differing in a number, cost one comparison per group.
// Candidates come from an inverted index with prefix filtering (Bayardo, Ma & Srikant, "Scaling up all pairs
// similarity search", WWW 2007): with words ordered rarest first, two sets with Jaccard ≥ t must share a word
// among the first |x| − ⌈t·|x|⌉ + 1 words of each, so only those are indexed and probed; a candidate met at the
// first word the two share is dropped unread when the words after it cannot make up the overlap (the positional
// filter of PPJoin, Xiao et al. 2008), and read from there otherwise. No randomness (unlike MinHash). Words are
// integer ids (word-ids.ts).
// Exact while a word's list stays short (every pair a full comparison finds — the tests hold it to a brute force);
// in a chat of thousands of look-alike messages two bounds keep it linear: an item is compared with at most
// MAX_CANDIDATES earlier ones, and a long word list keeps only a few members of each cluster (Links.thin), so the
// budget is spent on clusters the item has not joined yet rather than on the one it joined at its first link.
// Pairs join into clusters (union-find) as they are found — never kept as a list, which for a chat with many alike
// messages would grow with the square of them — and each member after the first is explained by its strongest link.

import { rarestFirst, sortRange, type Twins, twinGroups } from './duplicates-groups.ts';
import { type DuplicateCluster, type DuplicateLink, Links } from './duplicates-links.ts';
import { itemWords } from './word-ids.ts';

export { contentWords } from './content-words.ts';
export type { DuplicateCluster, DuplicateLink };

export type DuplicateOptions = {
  /** Jaccard similarity of the word sets, 0–1, at or above which two items are near duplicates. */
  threshold?: number;
  /** Items with fewer content words are left out ("ok thanks" is not a duplicate worth reporting). */
  minWords?: number;
};

export const DUPLICATE_DEFAULTS = { threshold: 0.6, minWords: 3 } as const;

/**
 * The most earlier items one item is compared with. Exact below it; above it, an item may miss a link to a cluster
 * it would also have joined.
 */
export const MAX_CANDIDATES = 500;

export function findDuplicates(texts: readonly string[], options: DuplicateOptions = {}): DuplicateCluster[] {
  const threshold = options.threshold ?? DUPLICATE_DEFAULTS.threshold;
  const minWords = options.minWords ?? DUPLICATE_DEFAULTS.minWords;
  if (!(threshold > 0 && threshold <= 1)) throw new RangeError('threshold must be in (0, 1]');
  const words = itemWords(texts);
  const { stems, offsets } = words;

  // 1. Twins (identical word sets, or the same but for words no other item has) → one representative each.
  const twins = twinGroups(words, minWords);
  const { reps } = twins;

  // 2. Words ranked rarest first (ties: the word met first, which only matters once MAX_CANDIDATES cuts a list);
  // each representative's set as ascending ranks.
  const rank = rarestFirst(words, reps);
  const ranked = new Int32Array(stems.length);
  for (const r of reps) {
    const from = offsets[r] as number;
    const to = offsets[r + 1] as number;
    for (let k = from; k < to; k++) ranked[k] = rank[stems[k] as number] as number;
    sortRange(ranked, from, to);
  }

  // 3. Prefix-filtered all-pairs, smallest sets first so every indexed set is no larger than the probing one. (Indexing
  // only a set's first |y| − ⌈2t/(1+t)·|y|⌉ + 1 words would be exact too (PPJoin), but leaves Links.thin fewer
  // routes to a cluster: on long lists it then misses pairs.)
  const sizes = new Int32Array(texts.length);
  for (const r of reps) sizes[r] = (offsets[r + 1] as number) - (offsets[r] as number);
  const order = Int32Array.from(reps).sort((a, b) => (sizes[a] as number) - (sizes[b] as number) || a - b);
  const largest = order.length > 0 ? (sizes[order[order.length - 1] as number] as number) : 0;
  // needed[|x| + |y|]: J = o / (|x| + |y| − o) ≥ t  ⇔  o ≥ t · (|x| + |y|) / (1 + t)
  const needed = new Int32Array(2 * largest + 1);
  for (let s = 0; s < needed.length; s++) needed[s] = Math.ceil((threshold * s) / (1 + threshold) - 1e-9);
  // A word's list holds (item · 64 + the word's place in the item's ranked set, at most 63).
  const index: (number[] | undefined)[] = [];
  const compactAt: number[] = [];
  const links = new Links(texts.length);
  const seenBy = new Int32Array(texts.length).fill(-1);
  const thinned = new Uint8Array(texts.length);
  for (const x of order) {
    const xFrom = offsets[x] as number;
    const xSize = sizes[x] as number;
    const prefix = xSize - Math.ceil(threshold * xSize - 1e-9) + 1;
    const minSize = threshold * xSize - 1e-9;
    let examined = 0;
    probing: for (let p = 0; p < prefix; p++) {
      const posting = index[ranked[xFrom + p] as number];
      if (posting === undefined) continue;
      for (let k = 0; k < posting.length; k++) {
        const entry = posting[k] as number;
        const y = entry >>> 6;
        if (seenBy[y] === x) continue;
        seenBy[y] = x;
        // Bounded work per item: in a chat where thousands of messages look alike, the rarest words' lists come
        // first and already place the item; comparing it with every look-alike would be quadratic.
        if (++examined > MAX_CANDIDATES) break probing;
        const ySize = sizes[y] as number;
        if (ySize < minSize) continue;
        if (links.explained(x) && links.together(x, y)) continue;
        const yFrom = offsets[y] as number;
        const need = needed[xSize + ySize] as number;
        const q = entry & 63;
        let o: number;
        if (thinned[y] === 0 && q < 63) {
          // Met first here, so this word is the first the two share (any earlier one is in both prefixes, and y in
          // its list: y was never thinned out of one). Positional filter (PPJoin): at most 1 + the shorter rest.
          if (1 + Math.min(xSize - p - 1, ySize - q - 1) < need) continue;
          o = overlapAtLeast(ranked, xFrom + p + 1, xFrom + xSize, yFrom + q + 1, yFrom + ySize, need - 1);
          if (o >= 0) o++;
        } else o = overlapAtLeast(ranked, xFrom, xFrom + xSize, yFrom, yFrom + ySize, need);
        const similarity = o > 0 ? o / (xSize + ySize - o) : 0;
        if (similarity >= threshold - 1e-9) links.add(x, y, similarity);
      }
    }
    for (let p = 0; p < prefix; p++) {
      const token = ranked[xFrom + p] as number;
      const entry = x * 64 + Math.min(p, 63);
      const posting = index[token];
      if (posting === undefined) index[token] = [entry];
      else if (posting.push(entry) >= (compactAt[token] ?? FIRST_COMPACTION)) {
        compactAt[token] = Math.max(FIRST_COMPACTION, 2 * links.thin(posting, thinned));
      }
    }
  }
  addTwins(links, twins, sizes, threshold);
  return links.clusters(words);
}

/** Every twin joins its representative's cluster: linked to it when similar enough, else to what the rep links to. */
function addTwins(links: Links, { repOf, shared }: Twins, sizes: Int32Array, threshold: number): void {
  const repLinks = new Map<number, [number, number]>();
  for (let item = 0; item < repOf.length; item++) {
    const rep = repOf[item] as number;
    if (rep < 0 || rep === item) continue;
    let repLink = repLinks.get(rep);
    if (repLink === undefined) {
      repLink = links.linkOf(rep);
      repLinks.set(rep, repLink);
    }
    const s = shared[rep] as number;
    const similarity = s / (2 * (sizes[rep] as number) - s);
    if (similarity >= threshold - 1e-9) links.add(rep, item, similarity);
    if (repLink[0] >= 0) links.twin(item, rep, repLink[0], repLink[1]);
  }
}

/**
 * How many ids two ascending ranges share, or −1 as soon as they cannot share `needed`: most candidates share a
 * common word or two and fail within the first few comparisons.
 */
function overlapAtLeast(ranked: Int32Array, aFrom: number, aTo: number, bFrom: number, bTo: number, needed: number) {
  let i = aFrom;
  let j = bFrom;
  let shared = 0;
  while (i < aTo && j < bTo) {
    if (shared + Math.min(aTo - i, bTo - j) < needed) return -1;
    const x = ranked[i] as number;
    const y = ranked[j] as number;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared;
}

/** A word's list is thinned when it reaches this length, then each time it doubles. */
const FIRST_COMPACTION = 64;

/** "similar to #12: 82% — shared: checkout, card, declined", numbering items from `base` (0 as in the JSON). */
export function describeLink(link: DuplicateLink, base = 0): string {
  const shared = link.shared.length > 0 ? ` — shared: ${link.shared.slice(0, 8).join(', ')}` : '';
  return `similar to #${link.similarTo + base}: ${Math.round(link.similarity * 100)}%${shared}`;
}

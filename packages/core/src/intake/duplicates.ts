// Near-duplicate feedback: the same complaint written a little differently ("card declined at checkout" / "my card
// got declined at checkout!!"). Each text becomes a set of normalised content words (lower case, NFKC, stop words
// and one-letter words removed, a light suffix stem so declined/declines/decline meet); two items are near
// duplicates when the Jaccard similarity of their sets is at least the threshold (0.6 by default).
// Candidates come from an inverted index with prefix filtering (Bayardo, Ma & Srikant, "Scaling up all pairs
// similarity search", WWW 2007): with words ordered rarest first, two sets with Jaccard ≥ t must share a word
// among the first |x| − ⌈t·|x|⌉ + 1 words of each, so only those are indexed and probed. No randomness (unlike
// MinHash). Words are integer ids (word-ids.ts), so 100,000 chat messages take about half a second.
// Identical word sets are collapsed first so that a message repeated 10,000 times costs one comparison.
// Exact while a word's list stays short (every pair a full comparison finds — the tests hold it to a brute force);
// in a chat of thousands of look-alike messages two bounds keep it linear: an item is compared with at most
// MAX_CANDIDATES earlier ones, and a long word list keeps only a few members of each cluster (Links.thin), so the
// budget is spent on clusters the item has not joined yet rather than on the one it joined at its first link.
// Pairs join into clusters (union-find) as they are found — never kept as a list, which for a chat with many alike
// messages would grow with the square of them — and each member after the first is explained by its strongest link.

import { type ItemWords, itemWords } from './word-ids.ts';

export { contentWords } from './content-words.ts';

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

export type DuplicateLink = {
  /** The item explained. */
  item: number;
  /** The cluster member it is most similar to. */
  similarTo: number;
  /** Jaccard similarity of the two word sets, 0–1. */
  similarity: number;
  /** Their shared content words, as written in `item`, in its order. */
  shared: string[];
};

export type DuplicateCluster = {
  /** Indices into the items, ascending; two or more. */
  members: number[];
  /** One link per member but the first. */
  links: DuplicateLink[];
};

export function findDuplicates(texts: readonly string[], options: DuplicateOptions = {}): DuplicateCluster[] {
  const threshold = options.threshold ?? DUPLICATE_DEFAULTS.threshold;
  const minWords = options.minWords ?? DUPLICATE_DEFAULTS.minWords;
  if (!(threshold > 0 && threshold <= 1)) throw new RangeError('threshold must be in (0, 1]');
  const words = itemWords(texts);
  const { stems, offsets } = words;

  // 1. Identical word sets → one representative (the first item), the rest linked to it at 100%.
  const groups = identicalSets(words, minWords);
  const reps = groups.map((g) => g[0] as number);

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

  // 3. Prefix-filtered all-pairs, smallest sets first so every indexed set is no larger than the probing one.
  const size = (i: number) => (offsets[i + 1] as number) - (offsets[i] as number);
  const order = [...reps].sort((a, b) => size(a) - size(b) || a - b);
  const index: (number[] | undefined)[] = [];
  const compactAt: number[] = [];
  const links = new Links(texts.length);
  const seenBy = new Int32Array(texts.length).fill(-1);
  for (const x of order) {
    const xFrom = offsets[x] as number;
    const xSize = size(x);
    const prefix = xSize - Math.ceil(threshold * xSize - 1e-9) + 1;
    const minSize = threshold * xSize - 1e-9;
    let examined = 0;
    probing: for (let p = 0; p < prefix; p++) {
      const posting = index[ranked[xFrom + p] as number];
      if (!posting) continue;
      for (const y of posting) {
        if (seenBy[y] === x) continue;
        seenBy[y] = x;
        // Bounded work per item: in a chat where thousands of messages look alike, the rarest words' lists come
        // first and already place the item; comparing it with every look-alike would be quadratic.
        if (++examined > MAX_CANDIDATES) break probing;
        if (links.explained(x) && links.together(x, y)) continue;
        if (size(y) < minSize) continue;
        const yFrom = offsets[y] as number;
        const similarity = jaccardAtLeast(ranked, xFrom, xFrom + xSize, yFrom, offsets[y + 1] as number, threshold);
        if (similarity >= threshold - 1e-9) links.add(x, y, similarity);
      }
    }
    for (let p = 0; p < prefix; p++) {
      const token = ranked[xFrom + p] as number;
      const posting = index[token];
      if (!posting) index[token] = [x];
      else if (posting.push(x) >= (compactAt[token] ?? FIRST_COMPACTION)) {
        compactAt[token] = Math.max(FIRST_COMPACTION, 2 * links.thin(posting));
      }
    }
  }
  for (const group of groups) {
    for (const member of group.slice(1)) links.add(group[0] as number, member, 1);
  }
  return links.clusters(words);
}

/** Items with at least `minWords` words grouped by identical word sets, in order of each group's first item. */
function identicalSets({ stems, offsets }: ItemWords, minWords: number): number[][] {
  const sorted = stems.slice();
  const byHash = new Map<number, number[][]>();
  const groups: number[][] = [];
  for (let i = 0; i + 1 < offsets.length; i++) {
    const from = offsets[i] as number;
    const to = offsets[i + 1] as number;
    if (to - from < minWords) continue;
    sortRange(sorted, from, to);
    let hash = 0x811c9dc5;
    for (let k = from; k < to; k++) hash = Math.imul(hash ^ (sorted[k] as number), 0x01000193);
    const bucket = byHash.get(hash);
    const group = bucket?.find((g) => sameSet(sorted, offsets, g[0] as number, i));
    if (group) group.push(i);
    else {
      const created = [i];
      groups.push(created);
      if (bucket) bucket.push(created);
      else byHash.set(hash, [created]);
    }
  }
  return groups;
}

function sameSet(sorted: Int32Array, offsets: Int32Array, a: number, b: number): boolean {
  const aFrom = offsets[a] as number;
  const bFrom = offsets[b] as number;
  const length = (offsets[b + 1] as number) - bFrom;
  if ((offsets[a + 1] as number) - aFrom !== length) return false;
  for (let k = 0; k < length; k++) if (sorted[aFrom + k] !== sorted[bFrom + k]) return false;
  return true;
}

/** Sorts values[from, to) in place: insertion sort for the few words of a chat message, the native sort beyond. */
function sortRange(values: Int32Array, from: number, to: number): void {
  if (to - from > 32) {
    values.subarray(from, to).sort();
    return;
  }
  for (let k = from + 1; k < to; k++) {
    const v = values[k] as number;
    let j = k - 1;
    while (j >= from && (values[j] as number) > v) {
      values[j + 1] = values[j] as number;
      j--;
    }
    values[j + 1] = v;
  }
}

/** rank[word id]: 0 for the rarest word among the representatives; equal counts keep the order words were met in. */
function rarestFirst({ stems, offsets, table }: ItemWords, reps: readonly number[]): Int32Array {
  const frequency = new Int32Array(table.size);
  let most = 0;
  for (const r of reps) {
    for (let k = offsets[r] as number; k < (offsets[r + 1] as number); k++) {
      const id = stems[k] as number;
      const f = (frequency[id] as number) + 1;
      frequency[id] = f;
      if (f > most) most = f;
    }
  }
  // Counting sort by frequency: the first rank of each count, then every word in id order.
  const firstRank = new Int32Array(most + 2);
  for (const f of frequency) if (f > 0) firstRank[f + 1] = (firstRank[f + 1] as number) + 1;
  for (let f = 1; f < firstRank.length; f++) firstRank[f] = (firstRank[f] as number) + (firstRank[f - 1] as number);
  const rank = new Int32Array(table.size);
  frequency.forEach((f, id) => {
    if (f === 0) return;
    rank[id] = firstRank[f] as number;
    firstRank[f] = (firstRank[f] as number) + 1;
  });
  return rank;
}

/**
 * The Jaccard similarity of two ascending id ranges, or 0 as soon as it cannot reach `threshold`: most candidates
 * share a common word or two and fail within the first few comparisons.
 */
function jaccardAtLeast(ranked: Int32Array, aFrom: number, aTo: number, bFrom: number, bTo: number, threshold: number) {
  const sizes = aTo - aFrom + (bTo - bFrom);
  // J = o / (sizes − o) ≥ t  ⇔  o ≥ t · sizes / (1 + t)
  const needed = Math.ceil((threshold * sizes) / (1 + threshold) - 1e-9);
  let i = aFrom;
  let j = bFrom;
  let shared = 0;
  while (i < aTo && j < bTo) {
    if (shared + Math.min(aTo - i, bTo - j) < needed) return 0;
    const x = ranked[i] as number;
    const y = ranked[j] as number;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared / (sizes - shared);
}

/** A word's list is thinned when it reaches this length, then each time it doubles. */
const FIRST_COMPACTION = 64;
/** How many items of one cluster a thinned list keeps: its first and its latest. */
const KEPT_PER_CLUSTER = 16;

/** Clusters (union-find) and each item's strongest link, updated pair by pair: memory grows with the items only. */
class Links {
  private readonly parent: Int32Array;
  private readonly other: Int32Array;
  private readonly similarity: Float64Array;

  constructor(size: number) {
    this.parent = Int32Array.from({ length: size }, (_, i) => i);
    this.other = new Int32Array(size).fill(-1);
    this.similarity = new Float64Array(size);
  }

  /** Whether the item already has a link (it is in a cluster and can be explained). */
  explained(i: number): boolean {
    return (this.other[i] as number) >= 0;
  }

  together(x: number, y: number): boolean {
    return this.find(x) === this.find(y);
  }

  private find(i: number): number {
    const parent = this.parent;
    let r = i;
    while (parent[r] !== r) r = parent[r] as number;
    for (let n = i; parent[n] !== r; ) [n, parent[n]] = [parent[n] as number, r];
    return r;
  }

  add(x: number, y: number, similarity: number): void {
    const ra = this.find(x);
    const rb = this.find(y);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
    if (this.better(y, x, similarity)) this.set(y, x, similarity);
    if (this.better(x, y, similarity)) this.set(x, y, similarity);
  }

  /**
   * Keeps at most KEPT_PER_CLUSTER items of each cluster in a word's list (the first half and the latest half), in
   * place; returns the new length. Without it, a chat where a thousand messages look alike makes every later one
   * walk a thousand items of a cluster it joined at the first; with it, the walk meets each cluster a few times.
   */
  thin(posting: number[]): number {
    const seen = new Map<number, number>();
    const keep = new Uint8Array(posting.length);
    for (let k = 0; k < posting.length; k++) {
      const root = this.find(posting[k] as number);
      const n = (seen.get(root) ?? 0) + 1;
      seen.set(root, n);
      if (n <= KEPT_PER_CLUSTER / 2) keep[k] = 1;
    }
    const later = new Map<number, number>();
    for (let k = posting.length - 1; k >= 0; k--) {
      const root = this.find(posting[k] as number);
      const n = (later.get(root) ?? 0) + 1;
      later.set(root, n);
      if (n <= KEPT_PER_CLUSTER / 2) keep[k] = 1;
    }
    let used = 0;
    for (let k = 0; k < posting.length; k++) if (keep[k]) posting[used++] = posting[k] as number;
    posting.length = used;
    return used;
  }

  private set(item: number, other: number, similarity: number): void {
    this.other[item] = other;
    this.similarity[item] = similarity;
  }

  /** Prefers a link to an earlier item, then the higher similarity, then the lower index: a total order, so the
   * result does not depend on the order pairs are found in. */
  private better(item: number, other: number, similarity: number): boolean {
    const current = this.other[item] as number;
    if (current < 0) return true;
    const earlier = other < item;
    const currentEarlier = current < item;
    if (earlier !== currentEarlier) return earlier;
    const held = this.similarity[item] as number;
    return similarity > held || (similarity === held && other < current);
  }

  clusters(words: ItemWords): DuplicateCluster[] {
    const byRoot = new Map<number, number[]>();
    for (let item = 0; item < this.other.length; item++) {
      if (!this.explained(item)) continue;
      const root = this.find(item);
      const members = byRoot.get(root);
      if (members) members.push(item);
      else byRoot.set(root, [item]);
    }
    return [...byRoot.values()]
      .sort((x, y) => (x[0] as number) - (y[0] as number))
      .map((members) => ({
        members,
        links: members.slice(1).map((item) => ({
          item,
          similarTo: this.other[item] as number,
          similarity: this.similarity[item] as number,
          shared: sharedWords(words, item, this.other[item] as number),
        })),
      }));
  }
}

/** The words of `item` whose stem `other` also has, as written in `item`, in its order. */
function sharedWords({ stems, spellings, offsets, table }: ItemWords, item: number, other: number): string[] {
  const theirFrom = offsets[other] as number;
  const theirTo = offsets[other + 1] as number;
  const shared: string[] = [];
  for (let k = offsets[item] as number; k < (offsets[item + 1] as number); k++) {
    for (let j = theirFrom; j < theirTo; j++) {
      if (stems[j] === stems[k]) {
        shared.push(table.word(spellings[k] as number));
        break;
      }
    }
  }
  return shared;
}

/** "similar to #12: 82% — shared: checkout, card, declined", numbering items from `base` (0 as in the JSON). */
export function describeLink(link: DuplicateLink, base = 0): string {
  const shared = link.shared.length > 0 ? ` — shared: ${link.shared.slice(0, 8).join(', ')}` : '';
  return `similar to #${link.similarTo + base}: ${Math.round(link.similarity * 100)}%${shared}`;
}

// Near-duplicate feedback: the same complaint written a little differently ("card declined at checkout" / "my card
// got declined at checkout!!"). Each text becomes a set of normalised content words (lower case, NFKC, stop words
// and one-letter words removed, a light suffix stem so declined/declines/decline meet); two items are near
// duplicates when the Jaccard similarity of their sets is at least the threshold (0.6 by default).
// Candidates come from an inverted index with prefix filtering (Bayardo, Ma & Srikant, "Scaling up all pairs
// similarity search", WWW 2007): with words ordered rarest first, two sets with Jaccard ≥ t must share a word
// among the first |x| − ⌈t·|x|⌉ + 1 words of each, so only those are indexed and probed. It finds exactly the pairs a
// full comparison would, with no randomness (unlike MinHash) and in about a second for 50,000 chat messages.
// Identical word sets are collapsed first so that a message repeated 10,000 times costs one comparison.
// Pairs join into clusters (union-find) as they are found — never kept as a list, which for a chat with many alike
// messages would grow with the square of them — and each member after the first is explained by its strongest link.

export type DuplicateOptions = {
  /** Jaccard similarity of the word sets, 0–1, at or above which two items are near duplicates. */
  threshold?: number;
  /** Items with fewer content words are left out ("ok thanks" is not a duplicate worth reporting). */
  minWords?: number;
};

export const DUPLICATE_DEFAULTS = { threshold: 0.6, minWords: 3 } as const;

/**
 * The most earlier items one item is compared with. Exact below it (every pair a full comparison finds); above it,
 * in a chat of thousands of look-alike messages, an item may miss a link to a cluster it would also have joined.
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

// English plus the chat filler that carries no feedback. Short on purpose: a word missing here only adds a little
// similarity to messages that share it.
const STOP_WORDS = new Set(
  `a about above after again against all am an and any are aren't as at be because been before being below between
both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during each few for from
further had hadn't has hasn't have haven't having he her here hers herself him himself his how i i'd i'll i'm i've
if in into is isn't it it's its itself just let's me more most mustn't my myself no nor not now of off on once only
or other ought our ours ourselves out over own same shan't she should shouldn't so some such than that that's the
their theirs them themselves then there there's these they they'd they'll they're they've this those through to too
under until up very was wasn't we we'd we'll we're we've were weren't what what's when where which while who whom
why will with won't would wouldn't you you'd you'll you're you've your yours yourself yourselves also get got gets
still really yes yeah yep ok okay hi hey hello thanks thank thx pls please lol guys hmm oh well like`.split(/\s+/),
);

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** "declined" → "declin", "declines" → "declin"; a crude stem is enough to meet in a set, and never shown. */
function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && (w.endsWith('ing') || w.endsWith('ed'))) w = w.slice(0, w.endsWith('ing') ? -3 : -2);
  else if (w.length > 3 && w.endsWith('es')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** The content words of a text: [stem, first spelling] in order of first appearance. */
export function contentWords(text: string): [string, string][] {
  const seen = new Map<string, string>();
  for (const match of text.normalize('NFKC').toLowerCase().matchAll(WORD)) {
    const word = match[0].replace(/’/g, "'");
    if (word.length < 2 || STOP_WORDS.has(word)) continue;
    const key = stem(word.replace(/'s$/, ''));
    if (!seen.has(key)) seen.set(key, word);
  }
  return [...seen];
}

export function findDuplicates(texts: readonly string[], options: DuplicateOptions = {}): DuplicateCluster[] {
  const threshold = options.threshold ?? DUPLICATE_DEFAULTS.threshold;
  const minWords = options.minWords ?? DUPLICATE_DEFAULTS.minWords;
  if (!(threshold > 0 && threshold <= 1)) throw new RangeError('threshold must be in (0, 1]');
  const words = texts.map(contentWords);

  // 1. Identical word sets → one representative (the first item), the rest linked to it at 100%.
  const groups = new Map<string, number[]>();
  words.forEach((w, i) => {
    if (w.length < minWords) return;
    const key = w
      .map(([s]) => s)
      .sort()
      .join('\u0000');
    const group = groups.get(key);
    if (group) group.push(i);
    else groups.set(key, [i]);
  });
  const reps = [...groups.values()].map((g) => g[0] as number);

  // 2. Words ranked rarest first (ties alphabetical: deterministic); each set as ascending ranks.
  const frequency = new Map<string, number>();
  for (const r of reps) for (const [s] of words[r] ?? []) frequency.set(s, (frequency.get(s) ?? 0) + 1);
  const rank = new Map(
    [...frequency]
      .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .map(([s], i) => [s, i] as const),
  );
  const sets = new Map<number, Int32Array>();
  for (const r of reps) {
    sets.set(r, Int32Array.from((words[r] ?? []).map(([s]) => rank.get(s) as number)).sort());
  }

  // 3. Prefix-filtered all-pairs, smallest sets first so every indexed set is no larger than the probing one.
  const order = [...reps].sort((a, b) => (sets.get(a)?.length ?? 0) - (sets.get(b)?.length ?? 0) || a - b);
  const index = new Map<number, number[]>();
  const links = new Links(texts.length);
  const seenBy = new Int32Array(texts.length).fill(-1);
  for (const x of order) {
    const xs = sets.get(x) as Int32Array;
    const prefix = xs.length - Math.ceil(threshold * xs.length - 1e-9) + 1;
    const minSize = threshold * xs.length - 1e-9;
    let examined = 0;
    probing: for (let p = 0; p < prefix; p++) {
      const posting = index.get(xs[p] as number);
      if (!posting) continue;
      for (const y of posting) {
        if (seenBy[y] === x) continue;
        seenBy[y] = x;
        // Bounded work per item: in a chat where thousands of messages look alike, the rarest words' lists come
        // first and already place the item; comparing it with every look-alike would be quadratic.
        if (++examined > MAX_CANDIDATES) break probing;
        if (links.explained(x) && links.together(x, y)) continue;
        const ys = sets.get(y) as Int32Array;
        if (ys.length < minSize) continue;
        const similarity = jaccard(xs, ys);
        if (similarity >= threshold - 1e-9) links.add(x, y, similarity);
      }
    }
    for (let p = 0; p < prefix; p++) {
      const token = xs[p] as number;
      const posting = index.get(token);
      if (posting) posting.push(x);
      else index.set(token, [x]);
    }
  }
  for (const group of groups.values()) {
    for (const member of group.slice(1)) links.add(group[0] as number, member, 1);
  }
  return links.clusters(words);
}

function jaccard(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared / (a.length + b.length - shared);
}

/** Clusters (union-find) and each item's strongest link, updated pair by pair: memory grows with the items only. */
class Links {
  private readonly parent: Int32Array;
  private readonly best = new Map<number, { other: number; similarity: number }>();

  constructor(size: number) {
    this.parent = Int32Array.from({ length: size }, (_, i) => i);
  }

  /** Whether the item already has a link (it is in a cluster and can be explained). */
  explained(i: number): boolean {
    return this.best.has(i);
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
    if (this.better(y, x, similarity)) this.best.set(y, { other: x, similarity });
    if (this.better(x, y, similarity)) this.best.set(x, { other: y, similarity });
  }

  /** Prefers a link to an earlier item, then the higher similarity, then the lower index: a total order, so the
   * result does not depend on the order pairs are found in. */
  private better(item: number, other: number, similarity: number): boolean {
    const current = this.best.get(item);
    if (!current) return true;
    const earlier = other < item;
    const currentEarlier = current.other < item;
    if (earlier !== currentEarlier) return earlier;
    return similarity > current.similarity || (similarity === current.similarity && other < current.other);
  }

  clusters(words: [string, string][][]): DuplicateCluster[] {
    const byRoot = new Map<number, number[]>();
    for (const item of this.best.keys()) {
      const root = this.find(item);
      const members = byRoot.get(root);
      if (members) members.push(item);
      else byRoot.set(root, [item]);
    }
    return [...byRoot.values()]
      .map((members) => members.sort((x, y) => x - y))
      .sort((x, y) => (x[0] as number) - (y[0] as number))
      .map((members) => ({
        members,
        links: members.slice(1).map((item) => {
          const link = this.best.get(item) as { other: number; similarity: number };
          return {
            item,
            similarTo: link.other,
            similarity: link.similarity,
            shared: sharedWords(words, item, link.other),
          };
        }),
      }));
  }
}

function sharedWords(words: [string, string][][], item: number, other: number): string[] {
  const theirs = new Set((words[other] ?? []).map(([s]) => s));
  return (words[item] ?? []).filter(([s]) => theirs.has(s)).map(([, spelled]) => spelled);
}

/** "similar to #12: 82% — shared: checkout, card, declined", numbering items from `base` (0 as in the JSON). */
export function describeLink(link: DuplicateLink, base = 0): string {
  const shared = link.shared.length > 0 ? ` — shared: ${link.shared.slice(0, 8).join(', ')}` : '';
  return `similar to #${link.similarTo + base}: ${Math.round(link.similarity * 100)}%${shared}`;
}

// The clusters and links of duplicates.ts, kept pair by pair as they are found (union-find and each item's strongest
// link): memory grows with the items only, never with the pairs.
import type { ItemWords } from './word-ids.ts';

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

/** How many items of one cluster a thinned list keeps: its first and its latest. */
const KEPT_PER_CLUSTER = 16;

/** Clusters (union-find) and each item's strongest link, updated pair by pair: memory grows with the items only. */
export class Links {
  private readonly parent: Int32Array;
  private readonly other: Int32Array;
  private readonly similarity: Float64Array;

  constructor(size: number) {
    this.parent = new Int32Array(size);
    for (let i = 0; i < size; i++) this.parent[i] = i;
    this.other = new Int32Array(size).fill(-1);
    this.similarity = new Float64Array(size);
  }

  /** Whether the item already has a link (it is in a cluster and can be explained). */
  explained(i: number): boolean {
    return (this.other[i] as number) >= 0;
  }

  /** The item its link points to (−1 without one), and at what similarity. */
  linkOf(i: number): [number, number] {
    return [this.other[i] as number, this.similarity[i] as number];
  }

  together(x: number, y: number): boolean {
    return this.find(x) === this.find(y);
  }

  find(i: number): number {
    const parent = this.parent;
    let r = i;
    while (parent[r] !== r) r = parent[r] as number;
    for (let n = i; parent[n] !== r; ) {
      const up = parent[n] as number;
      parent[n] = r;
      n = up;
    }
    return r;
  }

  private union(x: number, y: number): void {
    const ra = this.find(x);
    const rb = this.find(y);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }

  add(x: number, y: number, similarity: number): void {
    this.union(x, y);
    this.offer(y, x, similarity);
    this.offer(x, y, similarity);
  }

  /**
   * `twin` has the same words as `rep` but for words no other item has (duplicates-groups.ts): every other item is
   * as similar to it as to `rep`, so it joins `rep`'s cluster and may take `rep`'s link `other` at `similarity`.
   */
  twin(twin: number, rep: number, other: number, similarity: number): void {
    this.union(twin, rep);
    if (other >= 0 && other !== twin) this.offer(twin, other, similarity);
  }

  /** Sets the item's link to `other` when that is better than the one it has. */
  private offer(item: number, other: number, similarity: number): void {
    if (!this.better(item, other, similarity)) return;
    this.other[item] = other;
    this.similarity[item] = similarity;
  }

  /**
   * Keeps at most KEPT_PER_CLUSTER items of each cluster in a word's list (the first half and the latest half), in
   * place; returns the new length. Without it, a chat where a thousand messages look alike makes every later one
   * walk a thousand items of a cluster it joined at the first; with it, the walk meets each cluster a few times.
   * Entries are item · 64 + a place; the items left out are marked in `thinned`.
   */
  thin(posting: number[], thinned: Uint8Array): number {
    const seen = new Map<number, number>();
    const keep = new Uint8Array(posting.length);
    for (let k = 0; k < posting.length; k++) {
      const root = this.find((posting[k] as number) >>> 6);
      const n = (seen.get(root) ?? 0) + 1;
      seen.set(root, n);
      if (n <= KEPT_PER_CLUSTER / 2) keep[k] = 1;
    }
    const later = new Map<number, number>();
    for (let k = posting.length - 1; k >= 0; k--) {
      const root = this.find((posting[k] as number) >>> 6);
      const n = (later.get(root) ?? 0) + 1;
      later.set(root, n);
      if (n <= KEPT_PER_CLUSTER / 2) keep[k] = 1;
    }
    let used = 0;
    for (let k = 0; k < posting.length; k++) {
      if (keep[k]) posting[used++] = posting[k] as number;
      else thinned[(posting[k] as number) >>> 6] = 1;
    }
    posting.length = used;
    return used;
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

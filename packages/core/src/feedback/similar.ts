// Near duplicates of one text among a product's feedback items: the same words and Jaccard similarity as
// intake/duplicates.ts (content words, threshold 0.6, at least 3 words), asked of many texts against one set of
// items. The prefix filter of intake/duplicates.ts on both sides: with words ordered rarest first among the items,
// a text and an item at Jaccard ≥ t share one of the first |x| − ⌈t·|x|⌉ + 1 words of each, so items are indexed by
// those words only and a text looks up only its own. Exact — the same matches as comparing with every item (a test
// holds it to that) — but a word most items have ("checkout") is rarely walked. Words are interned ids
// (intake/word-ids.ts, the same words as contentWords), and `similarMany` reads a whole chat's messages in one pass.
import { DUPLICATE_DEFAULTS } from '../intake/duplicates.ts';
import { type ItemWords, itemWords, WordTable } from '../intake/word-ids.ts';

export type SimilarMatch = {
  key: string;
  /** 0–100, rounded. */
  percent: number;
  /** Shared content words as written in the text asked about, in its order. */
  shared: string[];
  /** "similar to P-FB-12: 82% — shared: checkout, card, declined". */
  explanation: string;
};

export type SimilarOptions = { threshold?: number; minWords?: number; limit?: number };

export function explainSimilar(key: string, percent: number, shared: readonly string[]): string {
  const words = shared.length > 0 ? ` — shared: ${shared.slice(0, 8).join(', ')}` : '';
  return `similar to ${key}: ${percent}%${words}`;
}

export class SimilarityIndex {
  private readonly table = new WordTable();
  private readonly words: ItemWords;
  private readonly keys: string[];
  /** How many items hold each stem id: the global order rarest first (ties by id) of the prefix filter. */
  private readonly frequency: Int32Array;
  /** Per stem id, the items that hold it among their rarest words (their prefix at DUPLICATE_DEFAULTS.threshold). */
  private readonly byPrefixWord: number[][] = [];
  /** Per stem id, every item that holds it: for a query below the default threshold, whose prefix is longer. */
  private readonly byWord: number[][] = [];
  /** Scratch per item and per word id, stamped with the query's number instead of cleared. */
  private readonly seenBy: Int32Array;
  private markedBy = new Int32Array(0);
  private queries = 0;

  constructor(items: readonly { key: string; text: string }[]) {
    this.keys = items.map((i) => i.key);
    this.words = itemWords(
      items.map((i) => i.text),
      this.table,
    );
    const { stems, offsets } = this.words;
    this.frequency = new Int32Array(this.table.size);
    for (const id of stems) this.frequency[id] = (this.frequency[id] as number) + 1;
    for (let at = 0; at < items.length; at++) {
      const own = this.rarestFirst(stems, offsets[at] as number, offsets[at + 1] as number);
      const prefix = prefixLength(own.length, DUPLICATE_DEFAULTS.threshold);
      own.forEach((id, n) => {
        listOf(this.byWord, id).push(at);
        if (n < prefix) listOf(this.byPrefixWord, id).push(at);
      });
    }
    this.seenBy = new Int32Array(items.length).fill(-1);
  }

  /** The items `text` nearly repeats, most similar first (ties: in the order given), at most `limit`. */
  similar(text: string, options: SimilarOptions = {}): SimilarMatch[] {
    return this.similarMany([text], options)[0] as SimilarMatch[];
  }

  /** `similar` of each text, read in one pass (a chat import asks it of 100,000 messages). */
  similarMany(texts: readonly string[], options: SimilarOptions = {}): SimilarMatch[][] {
    const query = itemWords(texts, this.table);
    if (this.markedBy.length < this.table.size) {
      const bigger = new Int32Array(this.table.size * 2).fill(-1);
      bigger.set(this.markedBy);
      this.markedBy = bigger;
    }
    return texts.map((_, i) =>
      this.matches(query, query.offsets[i] as number, query.offsets[i + 1] as number, options),
    );
  }

  /** Stem ids of stems[from, to) ordered rarest first among the items (a word no item has first of all). */
  private rarestFirst(stems: Int32Array, from: number, to: number): number[] {
    const often = (id: number) => (id < this.frequency.length ? (this.frequency[id] as number) : 0);
    return Array.from(stems.subarray(from, to)).sort((a, b) => often(a) - often(b) || a - b);
  }

  private matches(query: ItemWords, from: number, to: number, options: SimilarOptions): SimilarMatch[] {
    const threshold = options.threshold ?? DUPLICATE_DEFAULTS.threshold;
    const minWords = options.minWords ?? DUPLICATE_DEFAULTS.minWords;
    const size = to - from;
    if (size < minWords) return [];
    const stamp = this.queries++;
    const { stems, offsets } = this.words;
    for (let k = from; k < to; k++) this.markedBy[query.stems[k] as number] = stamp;
    // Two word sets at Jaccard ≥ t share a word among the rarest |x| − ⌈t·|x|⌉ + 1 of each (in one global order):
    // the items are indexed by theirs at the default threshold; a lower threshold walks every item with the word.
    const index = threshold >= DUPLICATE_DEFAULTS.threshold ? this.byPrefixWord : this.byWord;
    const rarest = this.rarestFirst(query.stems, from, to);
    const found: { at: number; similarity: number }[] = [];
    for (const id of rarest.slice(0, prefixLength(size, threshold))) {
      for (const at of index[id] ?? []) {
        if (this.seenBy[at] === stamp) continue;
        this.seenBy[at] = stamp;
        const itemFrom = offsets[at] as number;
        const itemSize = (offsets[at + 1] as number) - itemFrom;
        if (itemSize < minWords) continue;
        let n = 0;
        for (let j = itemFrom; j < itemFrom + itemSize; j++) if (this.markedBy[stems[j] as number] === stamp) n++;
        const similarity = n / (size + itemSize - n);
        if (similarity >= threshold) found.push({ at, similarity });
      }
    }
    found.sort((a, b) => b.similarity - a.similarity || a.at - b.at);
    return found.slice(0, options.limit ?? 5).map(({ at, similarity }) => {
      const key = this.keys[at] as string;
      const percent = Math.round(similarity * 100);
      const common = this.sharedWords(query, from, to, at);
      return { key, percent, shared: common, explanation: explainSimilar(key, percent, common) };
    });
  }

  /** The query's words that item `at` also has, as written in the query, in its order. */
  private sharedWords(query: ItemWords, from: number, to: number, at: number): string[] {
    const { stems, offsets } = this.words;
    const theirs = stems.subarray(offsets[at] as number, offsets[at + 1] as number);
    const shared: string[] = [];
    for (let k = from; k < to; k++) {
      if (theirs.includes(query.stems[k] as number)) shared.push(this.table.word(query.spellings[k] as number));
    }
    return shared;
  }
}

function listOf(lists: number[][], id: number): number[] {
  let list = lists[id];
  if (!list) {
    list = [];
    lists[id] = list;
  }
  return list;
}

/** How many of a set's rarest words any set at Jaccard ≥ threshold with it must share one of. */
function prefixLength(size: number, threshold: number): number {
  return size - Math.ceil(threshold * size - 1e-9) + 1;
}

// Near duplicates of one text among a product's feedback items: the same words and Jaccard similarity as
// intake/duplicates.ts (content words, threshold 0.6, at least 3 words), asked of many texts against one set of
// items. An inverted index over the items' words means a text is compared only with items sharing a word with it,
// and only its rarest words are looked up: an item at Jaccard ≥ t shares at least ⌈t·|x|⌉ of the text's |x| words,
// so it shares one of any |x| − ⌈t·|x|⌉ + 1 of them (the prefix filter of intake/duplicates.ts, on the query side).
// Exact — the same matches as looking up every word — but a word every item has ("checkout") is never walked, which
// took a 100,000-message re-import against 5,000 items from minutes to seconds.
import { contentWords, DUPLICATE_DEFAULTS } from '../intake/duplicates.ts';

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
  private readonly sets: Set<string>[] = [];
  private readonly keys: string[] = [];
  private readonly byWord = new Map<string, number[]>();

  constructor(items: readonly { key: string; text: string }[]) {
    for (const item of items) {
      const set = new Set(contentWords(item.text).map(([s]) => s));
      const at = this.sets.length;
      this.sets.push(set);
      this.keys.push(item.key);
      for (const w of set) {
        const list = this.byWord.get(w);
        if (list) list.push(at);
        else this.byWord.set(w, [at]);
      }
    }
  }

  /** The items `text` nearly repeats, most similar first (ties: in the order given), at most `limit`. */
  similar(text: string, options: SimilarOptions = {}): SimilarMatch[] {
    const threshold = options.threshold ?? DUPLICATE_DEFAULTS.threshold;
    const minWords = options.minWords ?? DUPLICATE_DEFAULTS.minWords;
    const words = contentWords(text);
    if (words.length < minWords) return [];
    const mustShare = Math.ceil(threshold * words.length - 1e-9);
    const postings = (w: string) => this.byWord.get(w)?.length ?? 0;
    const rarest = words.map(([w]) => w).sort((a, b) => postings(a) - postings(b));
    const candidates = new Set<number>();
    for (const w of rarest.slice(0, words.length - mustShare + 1)) {
      for (const at of this.byWord.get(w) ?? []) candidates.add(at);
    }
    const found: { at: number; similarity: number }[] = [];
    for (const at of candidates) {
      const set = this.sets[at] as Set<string>;
      if (set.size < minWords) continue;
      let n = 0;
      for (const [w] of words) if (set.has(w)) n++;
      const similarity = n / (words.length + set.size - n);
      if (similarity >= threshold) found.push({ at, similarity });
    }
    found.sort((a, b) => b.similarity - a.similarity || a.at - b.at);
    return found.slice(0, options.limit ?? 5).map(({ at, similarity }) => {
      const set = this.sets[at] as Set<string>;
      const key = this.keys[at] as string;
      const percent = Math.round(similarity * 100);
      const common = words.filter(([s]) => set.has(s)).map(([, spelled]) => spelled);
      return { key, percent, shared: common, explanation: explainSimilar(key, percent, common) };
    });
  }
}

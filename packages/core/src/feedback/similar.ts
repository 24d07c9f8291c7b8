// Near duplicates of one text among a product's feedback items: the same words and Jaccard similarity as
// intake/duplicates.ts (content words, threshold 0.6, at least 3 words), asked of many texts against one set of
// items. An inverted index over the items' words means a text is compared only with items sharing a word with it,
// so a 20,000-message export against 5,000 items stays a few hundred thousand word look-ups.
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
    const shared = new Map<number, number>();
    for (const [w] of words) for (const at of this.byWord.get(w) ?? []) shared.set(at, (shared.get(at) ?? 0) + 1);
    const found: { at: number; similarity: number }[] = [];
    for (const [at, n] of shared) {
      const set = this.sets[at] as Set<string>;
      if (set.size < minWords) continue;
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

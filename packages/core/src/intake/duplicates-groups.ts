// Before pairs are searched (duplicates.ts), items that every other item sees alike are collapsed into one
// representative: "twins", two items of the same size whose words are the same but for words that no other item
// has. A chat's "Message 81234: build 12 of the checkout works" lines differ only in such a word (81234), so
// 80,000 of them fall into a few thousand groups. For any third item y, |a ∩ y| = |b ∩ y| and |a| = |b|, so
// J(a, y) = J(b, y): twins have the same neighbours at the same similarities, and are similar to each other at
// s / (2n − s) (n words, s of them shared with others). Identical word sets are the case s = n (100%).
// Exact: the clusters over the representatives, each twin added to its representative's, are those over all items.
import type { ItemWords } from './word-ids.ts';

export type Twins = {
  /** The representatives (each group's first item), ascending. */
  reps: number[];
  /** repOf[item]: its group's representative; −1 for an item with fewer than minWords words. */
  repOf: Int32Array;
  /** shared[rep]: how many of its words some other item has (s above). */
  shared: Int32Array;
};

/** Items with at least `minWords` words grouped into twins, each group represented by its first item. */
export function twinGroups({ stems, offsets, table }: ItemWords, minWords: number): Twins {
  const items = offsets.length - 1;
  const size = (i: number) => (offsets[i + 1] as number) - (offsets[i] as number);
  const used = new Int32Array(table.size);
  for (let i = 0; i < items; i++) {
    if (size(i) < minWords) continue;
    for (let k = offsets[i] as number; k < (offsets[i + 1] as number); k++) {
      used[stems[k] as number] = (used[stems[k] as number] as number) + 1;
    }
  }
  // Each item's words as ascending ids with the words only it has left out, packed: kept[keptFrom[i] …].
  const kept = new Int32Array(stems.length);
  const keptFrom = new Int32Array(items + 1);
  let end = 0;
  for (let i = 0; i < items; i++) {
    keptFrom[i] = end;
    if (size(i) < minWords) continue;
    for (let k = offsets[i] as number; k < (offsets[i + 1] as number); k++) {
      if ((used[stems[k] as number] as number) > 1) kept[end++] = stems[k] as number;
    }
    sortRange(kept, keptFrom[i] as number, end);
  }
  keptFrom[items] = end;
  const same = (a: number, b: number) => {
    const aFrom = keptFrom[a] as number;
    const bFrom = keptFrom[b] as number;
    const length = (keptFrom[a + 1] as number) - aFrom;
    if (size(a) !== size(b) || (keptFrom[b + 1] as number) - bFrom !== length) return false;
    for (let k = 0; k < length; k++) if (kept[aFrom + k] !== kept[bFrom + k]) return false;
    return true;
  };

  const repOf = new Int32Array(items).fill(-1);
  const shared = new Int32Array(items);
  const reps: number[] = [];
  // Open addressing over the representatives: slots hold rep + 1, 0 is empty; at most half full.
  let capacity = 1024;
  while (capacity < 2 * items) capacity *= 2;
  const slots = new Int32Array(capacity);
  const mask = capacity - 1;
  for (let i = 0; i < items; i++) {
    if (size(i) < minWords) continue;
    let hash = Math.imul(0x811c9dc5 ^ size(i), 0x01000193);
    for (let k = keptFrom[i] as number; k < (keptFrom[i + 1] as number); k++) {
      hash = Math.imul(hash ^ (kept[k] as number), 0x01000193);
    }
    let slot = (hash ^ (hash >>> 15)) & mask;
    for (;;) {
      const held = (slots[slot] as number) - 1;
      if (held < 0) {
        slots[slot] = i + 1;
        repOf[i] = i;
        shared[i] = (keptFrom[i + 1] as number) - (keptFrom[i] as number);
        reps.push(i);
        break;
      }
      if (same(held, i)) {
        repOf[i] = held;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return { reps, repOf, shared };
}

/** Sorts values[from, to) in place: insertion sort for the few words of a chat message, the native sort beyond. */
export function sortRange(values: Int32Array, from: number, to: number): void {
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
export function rarestFirst({ stems, offsets, table }: ItemWords, reps: readonly number[]): Int32Array {
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

// The fast path of duplicates.ts (twins collapsed, prefix and positional filters, word ids) against the plain
// method: the Jaccard similarity of every pair of word sets, clusters as connected components. On random small
// inputs (seeded), with words shared by many texts and words only one text has (which make twins), at several
// thresholds and minimum sizes: the same clusters, and every link a true pair of its cluster at its true similarity.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentWords, type DuplicateCluster, findDuplicates } from './duplicates.ts';

const COMMON = 'card declined checkout payout late refund login crash slow export pdf sms'.split(' ');

type Case = { texts: string[]; threshold: number; minWords: number };

/**
 * Texts over a few common words: a base shared by several texts (one of a small pool), a common word or two of
 * their own, and words only that text has ("zq3x"), so that twins and near twins are frequent.
 */
const cases = fc
  .record({
    pool: fc.array(fc.array(fc.nat(COMMON.length - 1), { minLength: 1, maxLength: 6 }), {
      minLength: 1,
      maxLength: 5,
    }),
    texts: fc.array(
      fc.record({ base: fc.nat(4), own: fc.array(fc.nat(COMMON.length - 1), { maxLength: 2 }), unique: fc.nat(3) }),
      { maxLength: 50 },
    ),
    threshold: fc.constantFrom(0.3, 0.5, 0.6, 0.75, 0.9, 1),
    minWords: fc.constantFrom(1, 2, 3),
  })
  .map(({ pool, texts, threshold, minWords }): Case => {
    let unique = 0;
    const text = ({ base, own, unique: n }: { base: number; own: number[]; unique: number }) => [
      ...(pool[base % pool.length] as number[]).map((w) => COMMON[w]),
      ...own.map((w) => COMMON[w]),
      ...Array.from({ length: n }, () => `zq${(unique++).toString(36)}x`),
    ];
    return { texts: texts.map((t) => text(t).join(' ')), threshold, minWords };
  });

/** Every pair compared: the clusters (components of the pairs at or above the threshold) and each pair's similarity. */
function allPairs({ texts, threshold, minWords }: Case) {
  const sets = texts.map((t) => new Set(contentWords(t).map(([s]) => s)));
  const parent = texts.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : find(parent[i] as number));
  const similarity = (a: number, b: number) => {
    const x = sets[a] as Set<string>;
    const y = sets[b] as Set<string>;
    let shared = 0;
    for (const w of x) if (y.has(w)) shared++;
    return shared / (x.size + y.size - shared);
  };
  for (let a = 0; a < texts.length; a++) {
    for (let b = a + 1; b < texts.length; b++) {
      if ((sets[a] as Set<string>).size < minWords || (sets[b] as Set<string>).size < minWords) continue;
      if (similarity(a, b) >= threshold - 1e-9) parent[Math.max(find(a), find(b))] = Math.min(find(a), find(b));
    }
  }
  const clusters = new Map<number, number[]>();
  for (let i = 0; i < texts.length; i++) clusters.set(find(i), [...(clusters.get(find(i)) ?? []), i]);
  return { clusters: [...clusters.values()].filter((m) => m.length > 1), similarity };
}

function expectSame(c: Case, found: DuplicateCluster[]): void {
  const plain = allPairs(c);
  expect(found.map((x) => x.members)).toEqual(plain.clusters);
  for (const cluster of found) {
    expect(cluster.links.map((l) => l.item)).toEqual(cluster.members.slice(1));
    for (const link of cluster.links) {
      expect(cluster.members).toContain(link.similarTo);
      expect(link.similarTo).not.toBe(link.item);
      expect(link.similarity).toBeCloseTo(plain.similarity(link.item, link.similarTo), 12);
      expect(link.similarity).toBeGreaterThanOrEqual(c.threshold - 1e-9);
    }
  }
}

describe('duplicate detection, fast path against every pair', () => {
  it('finds the same clusters, and only true links, on random small inputs', () => {
    fc.assert(
      fc.property(cases, (c) => expectSame(c, findDuplicates(c.texts, c))),
      { seed: 20261207, numRuns: 400 },
    );
  });

  it('joins twins that are not alike themselves through the item both are alike to', () => {
    // "… rare1 rare2" and "… rare3 rare4": 3 shared of 7 (43%), each 3 of 5 (60%) with the third.
    const c = {
      texts: ['alpha bravo charlie rareone raretwo', 'alpha bravo charlie rarethree rarefour', 'alpha bravo charlie'],
      threshold: 0.6,
      minWords: 3,
    };
    const found = findDuplicates(c.texts);
    expectSame(c, found);
    expect(found[0]?.links.map((l) => [l.item, l.similarTo, l.similarity])).toEqual([
      [1, 2, 0.6],
      [2, 0, 0.6],
    ]);
  });
});

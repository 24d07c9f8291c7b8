// Near-duplicate clusters: which items group, how each link is explained, the threshold and the minimum size,
// determinism, and agreement with a brute-force comparison of every pair (the prefix filter must miss nothing).
import { describe, expect, it } from 'vitest';
import { contentWords, DUPLICATE_DEFAULTS, describeLink, findDuplicates } from './duplicates.ts';

const FEEDBACK = [
  'The checkout declines my debit card every time', // 0
  'Payouts take three days to arrive', // 1
  'My card got declined at checkout, every time!!', // 2
  'ok thanks', // 3
  'ok thanks', // 4
  'Payouts take 3 days to arrive, why?', // 5
  'Dark mode please', // 6
  'CHECKOUT declined my debit card every single time', // 7
  'Payouts take three days to arrive', // 8
];

describe('near-duplicate detection', () => {
  it('groups the same complaint written differently, and explains each member', () => {
    const clusters = findDuplicates(FEEDBACK);
    expect(clusters.map((c) => c.members)).toEqual([
      [0, 2, 7],
      [1, 5, 8],
    ]);
    const [checkout, payouts] = clusters;
    expect(checkout?.links.map((l) => describeLink(l))).toEqual([
      'similar to #0: 83% — shared: card, declined, checkout, every, time',
      'similar to #0: 86% — shared: checkout, declined, debit, card, every, time',
    ]);
    expect(payouts?.links.map((l) => [l.item, l.similarTo, Math.round(l.similarity * 100)])).toEqual([
      [5, 1, 80],
      [8, 1, 100],
    ]);
    expect(describeLink(payouts?.links[1] as never, 1)).toBe(
      'similar to #2: 100% — shared: payouts, take, three, days, arrive',
    );
  });

  it('leaves out short messages and holds to the threshold', () => {
    expect(findDuplicates(['ok thanks', 'ok thanks', 'dark mode', 'dark mode'])).toEqual([]);
    expect(findDuplicates(['dark mode', 'dark mode'], { minWords: 2 })).toHaveLength(1);
    // 4 shared of 6 words: 0.67 — in at 0.6, out at 0.7.
    const pair = ['alpha bravo charlie delta echo', 'alpha bravo charlie delta foxtrot'];
    expect(findDuplicates(pair)).toHaveLength(1);
    expect(findDuplicates(pair, { threshold: 0.7 })).toEqual([]);
    expect(DUPLICATE_DEFAULTS.threshold).toBe(0.6);
    expect(() => findDuplicates(pair, { threshold: 0 })).toThrow(RangeError);
  });

  it('normalises words: case, width, stop words, simple suffixes, apostrophes', () => {
    expect(contentWords('The Card’s DECLINED; cards decline — ＣＡＲＤ declines!').map(([s]) => s)).toEqual([
      'card',
      'declin',
    ]);
    expect(contentWords('Die Zahlung schlägt fehl بطاقة مرفوضة').map(([, w]) => w)).toEqual([
      'die',
      'zahlung',
      'schlägt',
      'fehl',
      'بطاقة',
      'مرفوضة',
    ]);
  });

  it('is deterministic and finds exactly the pairs a comparison of every pair finds', () => {
    const words = [
      'card',
      'declined',
      'checkout',
      'payout',
      'late',
      'refund',
      'login',
      'crash',
      'slow',
      'export',
      'pdf',
      'sms',
    ];
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const texts = Array.from({ length: 400 }, () =>
      Array.from({ length: 3 + Math.floor(random() * 5) }, () => words[Math.floor(random() * words.length)]).join(' '),
    );
    const clusters = findDuplicates(texts);
    expect(findDuplicates(texts)).toEqual(clusters);

    expect(clusters.map((c) => c.members)).toEqual(bruteForce(texts));
    for (const c of clusters) for (const l of c.links) expect(l.similarity).toBeGreaterThanOrEqual(0.6);
  });

  it('finds the clusters of a comparison of every pair in a chat of thousands of look-alike messages', () => {
    // Like the benchmark's export: one message in five repeats a complaint, the rest differ in numbers only, so word
    // lists grow long and get thinned; the clusters must still be those of a brute force.
    const subjects = ['checkout', 'refund page', 'login screen', 'card form', 'search'];
    const texts = Array.from({ length: 2500 }, (_, i) =>
      i % 5 === 0
        ? `the ${subjects[(i * 3) % 5]} declines my card again, ticket ${i % 97}`
        : `Message ${i}: build ${i % 41} of the ${subjects[i % 5]} ${i % 3 === 0 ? `looks fine except item ${i % 13}` : 'works'}`,
    );
    expect(findDuplicates(texts).map((c) => c.members)).toEqual(bruteForce(texts));
  });

  it('stays fast: 5,000 items, a thousand of them the same message', () => {
    const texts = Array.from({ length: 5000 }, (_, i) =>
      i % 5 === 0 ? 'card declined at checkout again' : `ticket ${i} about topic ${i % 97} and area ${i % 89}`,
    );
    const started = performance.now();
    const clusters = findDuplicates(texts);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(clusters[0]?.members).toHaveLength(1000);
  });
});

/** The clusters of a comparison of every pair: union each pair at or above the default threshold. */
function bruteForce(texts: string[]): number[][] {
  const sets = texts.map((t) => new Set(contentWords(t).map(([s]) => s)));
  const parent = texts.map((_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] as number;
    return r;
  };
  for (let a = 0; a < texts.length; a++) {
    for (let b = a + 1; b < texts.length; b++) {
      const x = sets[a] as Set<string>;
      const y = sets[b] as Set<string>;
      if (x.size < 3 || y.size < 3) continue;
      let shared = 0;
      for (const w of x) if (y.has(w)) shared++;
      if (shared / (x.size + y.size - shared) >= 0.6) parent[Math.max(find(a), find(b))] = Math.min(find(a), find(b));
    }
  }
  const clusters = new Map<number, number[]>();
  for (let i = 0; i < texts.length; i++) clusters.set(find(i), [...(clusters.get(find(i)) ?? []), i]);
  return [...clusters.values()].filter((m) => m.length > 1);
}

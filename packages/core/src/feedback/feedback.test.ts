// The feedback helpers: near duplicates of a text among items, the requirement a piece of feedback is about, the
// story or bug drafted from it, the priority in the product's own scheme, and ageing.
import { describe, expect, it } from 'vitest';
import { contentWords } from '../intake/duplicates.ts';
import { ageBucket, ageDays } from './ageing.ts';
import { defaultPriority, draftFromFeedback } from './drafts.ts';
import { matchRequirement } from './match.ts';
import { explainSimilar, SimilarityIndex } from './similar.ts';

describe('SimilarityIndex', () => {
  const index = new SimilarityIndex([
    { key: 'P-FB-12', text: 'The checkout declines my debit card every time' },
    { key: 'P-FB-13', text: 'Dark mode please' },
    { key: 'P-FB-14', text: 'Payout report shows the wrong currency' },
  ]);

  it('finds near duplicates with their score and shared words, explained', () => {
    expect(index.similar('My card got declined at checkout, every time!!')).toEqual([
      {
        key: 'P-FB-12',
        percent: 83,
        shared: ['card', 'declined', 'checkout', 'every', 'time'],
        explanation: 'similar to P-FB-12: 83% — shared: card, declined, checkout, every, time',
      },
    ]);
  });

  it('ignores texts below the threshold and texts with too few words', () => {
    expect(index.similar('The payout page is slow and the card form is long')).toEqual([]);
    expect(index.similar('dark mode')).toEqual([]);
    expect(new SimilarityIndex([]).similar('The checkout declines my debit card')).toEqual([]);
  });

  it('explains without shared words too', () => {
    expect(explainSimilar('K', 61, [])).toBe('similar to K: 61%');
  });
});

describe('SimilarityIndex against a full comparison', () => {
  // Looking up only the rarest words must find exactly what comparing with every item finds.
  const VOCAB = ['checkout', 'card', 'declined', 'refund', 'slow', 'page', 'blank', 'login', 'export', 'report'];
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const sentence = () =>
    Array.from({ length: 3 + Math.floor(random() * 5) }, () => VOCAB[Math.floor(random() * VOCAB.length)]).join(' ');
  const items = Array.from({ length: 300 }, (_, i) => ({ key: `P-FB-${i + 1}`, text: sentence() }));
  const wordSet = (text: string) => new Set(contentWords(text).map(([w]) => w));

  it.each([0.6, 0.4, 0.8])('finds the same items, with the same similarity, for 200 texts at threshold %s', (t) => {
    const index = new SimilarityIndex(items);
    const sets = items.map((i) => wordSet(i.text));
    for (let q = 0; q < 200; q++) {
      const text = sentence();
      const mine = wordSet(text);
      const expected = sets
        .map((set, at) => {
          const n = [...mine].filter((w) => set.has(w)).length;
          return { at, similarity: n / (mine.size + set.size - n), size: set.size };
        })
        .filter((m) => mine.size >= 3 && m.size >= 3 && m.similarity >= t)
        .sort((a, b) => b.similarity - a.similarity || a.at - b.at)
        .map((m) => `${items[m.at]?.key} ${Math.round(m.similarity * 100)}`);
      const got = index.similar(text, { limit: 1000, threshold: t }).map((m) => `${m.key} ${m.percent}`);
      expect(got, text).toEqual(expected);
    }
    // The batch form answers the same as one text at a time.
    const texts = Array.from({ length: 50 }, sentence);
    expect(index.similarMany(texts, { threshold: t })).toEqual(texts.map((x) => index.similar(x, { threshold: t })));
  });
});

describe('matchRequirement', () => {
  const reqs = [
    { id: 'a', key: 'FR-1', text: 'Merchants can export payouts to CSV with the currency of each payout' },
    { id: 'b', key: 'FR-2', text: 'The checkout accepts debit and credit cards from the supported schemes' },
  ];

  it('picks the requirement holding most of the feedback words', () => {
    const m = matchRequirement('Checkout rejects my debit card', reqs);
    expect(m).toMatchObject({ id: 'b', key: 'FR-2' });
    expect(m?.score).toBeCloseTo(0.75);
    expect(m?.shared).toEqual(['checkout', 'debit', 'card']);
  });

  it('answers null when nothing matches well enough', () => {
    expect(matchRequirement('Dark mode for the dashboard would be lovely', reqs)).toBeNull();
    expect(matchRequirement('card', reqs)).toBeNull();
    expect(matchRequirement('', reqs)).toBeNull();
  });
});

describe('draftFromFeedback', () => {
  it('drafts a story with the author in the narrative and the feedback as its scenario', () => {
    const d = draftFromFeedback(
      { key: 'P-FB-3', text: 'I want to export payouts to CSV.', author: 'Maria' },
      'story',
      'Should',
    );
    expect(d.narrative).toBe('As Maria (feedback P-FB-3), I want to export payouts to CSV');
    expect(d.title.length).toBeGreaterThan(0);
    expect(d.acceptance).toMatch(/^Scenario: .+\n {2}Then /);
    expect(d.priority).toBe('Should');
  });

  it('drafts a bug reported by the author', () => {
    const d = draftFromFeedback({ key: 'P-FB-4', text: 'Card declined', author: 'Ben' }, 'bug', 'Medium');
    expect(d.narrative).toBe('Reported by Ben (feedback P-FB-4): Card declined');
  });
});

describe('defaultPriority', () => {
  it("follows the scheme the product's requirements use", () => {
    expect(defaultPriority([])).toBe('Should');
    expect(defaultPriority(['Must', 'Could', null])).toBe('Should');
    expect(defaultPriority(['High', 'Low', 'Must'])).toBe('Medium');
    expect(defaultPriority(['P0', 'P1'])).toBe('P2');
  });
});

describe('ageing', () => {
  const now = new Date('2026-12-10T12:00:00Z');
  it('counts whole days and buckets them', () => {
    expect(ageDays(new Date('2026-12-10T11:00:00Z'), now)).toBe(0);
    expect(ageDays(new Date('2026-12-08T12:00:00Z'), now)).toBe(2);
    expect(ageDays(new Date('2026-12-11T12:00:00Z'), now)).toBe(0);
    expect([0, 1, 2, 7, 8].map(ageBucket)).toEqual([
      'under2Days',
      'under2Days',
      'from2To7Days',
      'from2To7Days',
      'over7Days',
    ]);
  });
});

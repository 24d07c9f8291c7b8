import { describe, expect, it } from 'vitest';
import type { FeedbackItem } from './api.ts';
import { duplicatePairs, markShared, pairId } from './duplicates.ts';

let n = 0;
const item = (text: string, over: Partial<FeedbackItem> = {}): FeedbackItem => {
  n += 1;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    key: `P-FB-${over.number ?? n}`,
    number: n,
    text,
    author: 'Ana',
    source: 'form',
    status: 'new',
    provenance: [],
    createdAt: '2026-11-05T10:00:00.000Z',
    createdBy: null,
    triagedAt: null,
    triagedBy: null,
    story: null,
    duplicateOf: null,
    declineReason: null,
    clarification: null,
    ageDays: 0,
    ...over,
  };
};

describe('possible duplicates in the inbox', () => {
  const older = item('The checkout declines my debit card every time', { number: 1, key: 'P-FB-1' });
  const newer = item('My card got declined at checkout, every time!!', { number: 2, key: 'P-FB-2' });
  const other = item('The payout report shows the wrong currency', { number: 3, key: 'P-FB-3' });

  it('offers the newer item as a duplicate of the older, once per pair, explained like the server does', () => {
    const pairs = duplicatePairs([newer, other, older]);
    expect(pairs).toHaveLength(1);
    expect(pairs[0]).toMatchObject({ item: { key: 'P-FB-2' }, original: { key: 'P-FB-1' } });
    expect(pairs[0]?.explanation).toMatch(/^similar to P-FB-1: \d+% — shared: /);
    expect(pairs[0]?.shared).toEqual(expect.arrayContaining(['card', 'checkout']));
  });

  it('keeps an accepted item as the original, skips declined ones and dismissed pairs', () => {
    const accepted = { ...newer, status: 'accepted' as const };
    expect(duplicatePairs([accepted, older])[0]).toMatchObject({
      item: { key: 'P-FB-1' },
      original: { key: 'P-FB-2' },
    });
    expect(duplicatePairs([{ ...newer, status: 'declined' }, older])).toEqual([]);
    expect(duplicatePairs([newer, older], new Set([pairId('P-FB-2', 'P-FB-1')]))).toEqual([]);
    expect(pairId('B', 'A')).toBe(pairId('A', 'B'));
  });

  it('marks the shared words of a text by their stems and keeps every character', () => {
    const runs = markShared('Declined at checkout!', 'checkout declines');
    expect(runs.map((r) => r.text).join('')).toBe('Declined at checkout!');
    expect(runs.filter((r) => r.shared).map((r) => r.text)).toEqual(['Declined', 'checkout']);
    expect(markShared('', 'x')).toEqual([]);
  });
});

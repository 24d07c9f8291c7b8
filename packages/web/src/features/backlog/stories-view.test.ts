import { describe, expect, it } from 'vitest';
import { batches, columnCount, countOf, loadedLabel, selectAllState } from './stories-view.ts';

describe('the stories tab in words', () => {
  it('counts with grouped thousands, singular for one', () => {
    expect(countOf(1, 'item')).toBe('1 item');
    expect(countOf(10_000, 'item')).toBe('10,000 items');
    expect(countOf(2, 'story', 'stories')).toBe('2 stories');
  });

  it('says how many are loaded, and that scrolling loads more', () => {
    expect(loadedLabel(3, false)).toBe('3 items');
    expect(loadedLabel(1500, true)).toBe('Showing 1,500 · more load as you scroll');
    expect(columnCount(500, true)).toBe('500+');
    expect(columnCount(12, false)).toBe('12');
  });
});

describe('bulk edit helpers', () => {
  it('splits keys into batches the API takes, in order', () => {
    expect(batches([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(batches([], 500)).toEqual([]);
    expect(
      batches(
        Array.from({ length: 1001 }, (_, i) => i),
        500,
      ).map((b) => b.length),
    ).toEqual([500, 500, 1]);
    expect(() => batches([1], 0)).toThrow(RangeError);
  });

  it('"select all loaded" is ticked, half-ticked or empty', () => {
    const loaded = ['A-S-1', 'A-S-2'];
    expect(selectAllState(new Set(), loaded)).toBe('none');
    expect(selectAllState(new Set(['A-S-1']), loaded)).toBe('some');
    expect(selectAllState(new Set(loaded), loaded)).toBe('all');
    // Selected stories no longer loaded (the list refetched) do not tick the box for the ones that are.
    expect(selectAllState(new Set(['A-S-9']), loaded)).toBe('some');
    expect(selectAllState(new Set(['A-S-1']), [])).toBe('none');
  });
});

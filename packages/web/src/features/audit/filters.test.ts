import { describe, expect, it } from 'vitest';
import { dateRangeError, EMPTY_FILTERS, toApiFilters } from './filters.ts';

describe('audit filters', () => {
  it('sends nothing for an empty filter bar', () => {
    expect(Object.values(toApiFilters(EMPTY_FILTERS)).every((v) => v === undefined)).toBe(true);
  });

  it('trims text and turns local days into an inclusive instant range', () => {
    const f = toApiFilters({
      ...EMPTY_FILTERS,
      action: '  product.created ',
      fromDate: '2026-03-01',
      toDate: '2026-03-02',
    });
    expect(f.action).toBe('product.created');
    expect(f.from).toBe(new Date(2026, 2, 1, 0, 0, 0, 0).toISOString());
    expect(f.to).toBe(new Date(2026, 2, 2, 23, 59, 59, 999).toISOString());
  });

  it('rejects a reversed range and drops the dates rather than asking for nothing', () => {
    const form = { ...EMPTY_FILTERS, actor: 'u1', fromDate: '2026-03-05', toDate: '2026-03-01' };
    expect(dateRangeError(form)).toMatch(/before/);
    expect(toApiFilters(form)).toMatchObject({ actor: 'u1', from: undefined, to: undefined });
  });

  it('flags text that is not a date (browsers without a date picker)', () => {
    const form = { ...EMPTY_FILTERS, fromDate: 'yesterday' };
    expect(dateRangeError(form)).toMatch(/not a date/);
    expect(toApiFilters(form).from).toBeUndefined();
  });
});

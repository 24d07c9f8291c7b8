import { describe, expect, it } from 'vitest';
import { feedbackSearch, filtersOf } from './search.ts';

describe('the inbox address', () => {
  it('keeps known filters and drops anything else', () => {
    expect(feedbackSearch({ status: 'declined', source: 'whatsapp' })).toEqual({
      status: 'declined',
      source: 'whatsapp',
    });
    expect(feedbackSearch({ status: 'all', source: 'fax', x: 1 })).toEqual({ status: 'all', source: undefined });
    expect(feedbackSearch({ status: ['new'] })).toEqual({ status: undefined, source: undefined });
  });

  it('shows what waits for triage by default, every status for `all`', () => {
    expect(filtersOf({})).toEqual({ status: 'new', source: undefined });
    expect(filtersOf({ status: 'all', source: 'slack' })).toEqual({ status: undefined, source: 'slack' });
  });
});

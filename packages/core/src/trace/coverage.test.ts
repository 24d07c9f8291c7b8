import { describe, expect, it } from 'vitest';
import { coveragePercent } from './coverage.ts';
import { coverageMatrix } from './matrix.ts';

describe('coveragePercent', () => {
  it('rounds down to one decimal, 0 for nothing to cover', () => {
    expect(coveragePercent(0, 0)).toBe(0);
    expect(coveragePercent(2, 3)).toBe(66.6);
    expect(coveragePercent(299, 300)).toBe(99.6);
    expect(coveragePercent(3, 3)).toBe(100);
  });

  it('agrees with the coverage matrix', () => {
    const reqs = ['FR-1', 'FR-2', 'FR-3'].map((id) => ({ id, text: id, priority: null }));
    const m = coverageMatrix(
      reqs,
      [{ key: 'S-1', kind: 'story', status: 'done' }],
      [{ from: 'S-1', type: 'implements', to: 'FR-2' }],
    );
    expect(coveragePercent(m.covered, m.total)).toBe(m.coverage);
  });
});

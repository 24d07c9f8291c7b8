import { describe, expect, it } from 'vitest';
import type { DiffLine } from './api.ts';
import { foldUnchanged } from './diff-hunks.ts';

const same = (n: number): DiffLine[] =>
  Array.from({ length: n }, (_, i) => ({ type: 'same', text: `l${i}`, oldLine: i + 1, newLine: i + 1 }));

describe('foldUnchanged', () => {
  it('folds a long unchanged run but keeps context around the change', () => {
    const lines: DiffLine[] = [...same(20), { type: 'add', text: 'new', newLine: 21 }, ...same(20)];
    const rows = foldUnchanged(lines, 3);
    expect(rows.filter((r) => r.kind === 'gap')).toEqual([
      { kind: 'gap', from: 0, to: 17 },
      { kind: 'gap', from: 24, to: 41 },
    ]);
    expect(rows.filter((r) => r.kind === 'line')).toHaveLength(7);
  });

  it('shows every line of an expanded gap', () => {
    const lines: DiffLine[] = [...same(20), { type: 'del', text: 'old', oldLine: 21 }];
    expect(foldUnchanged(lines, 3, new Set([0])).every((r) => r.kind === 'line')).toBe(true);
    expect(foldUnchanged(lines, 3, new Set([0]))).toHaveLength(21);
  });

  it('does not fold tiny runs', () => {
    const lines: DiffLine[] = [{ type: 'add', text: 'a' }, ...same(8), { type: 'add', text: 'b' }];
    expect(foldUnchanged(lines, 3).every((r) => r.kind === 'line')).toBe(true);
  });
});

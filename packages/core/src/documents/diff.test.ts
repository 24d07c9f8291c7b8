import { describe, expect, it } from 'vitest';
import { lineDiff } from './diff.ts';

describe('lineDiff', () => {
  it('numbers old and new lines and counts changes', () => {
    const d = lineDiff('a\nb\nc\n', 'a\nB\nc\nd\n');
    expect(d.stats).toEqual({ added: 2, removed: 1 });
    expect(d.lines).toEqual([
      { type: 'same', text: 'a', oldLine: 1, newLine: 1 },
      { type: 'del', text: 'b', oldLine: 2 },
      { type: 'add', text: 'B', newLine: 2 },
      { type: 'same', text: 'c', oldLine: 3, newLine: 3 },
      { type: 'add', text: 'd', newLine: 4 },
    ]);
  });

  it('reports no changes for equal texts', () => {
    const d = lineDiff('x\ny', 'x\ny');
    expect(d.stats).toEqual({ added: 0, removed: 0 });
    expect(d.lines.every((l) => l.type === 'same')).toBe(true);
  });

  it('diffs from and to empty text', () => {
    expect(lineDiff('', 'one\ntwo\n').lines).toEqual([
      { type: 'add', text: 'one', newLine: 1 },
      { type: 'add', text: 'two', newLine: 2 },
    ]);
    expect(lineDiff('gone\n', '').stats).toEqual({ added: 0, removed: 1 });
  });

  it('keeps blank lines as lines', () => {
    const d = lineDiff('a\n\nb\n', 'a\n\n\nb\n');
    expect(d.stats).toEqual({ added: 1, removed: 0 });
    expect(d.lines.filter((l) => l.type === 'same')).toHaveLength(3);
  });
});

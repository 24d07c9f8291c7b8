// Long runs of unchanged lines hide what changed; keep a few lines of context around each change and fold the rest.
import type { DiffLine } from './api.ts';

export type DiffRow = { kind: 'line'; line: DiffLine; index: number } | { kind: 'gap'; from: number; to: number };

export function foldUnchanged(lines: DiffLine[], context = 3, expanded: ReadonlySet<number> = new Set()): DiffRow[] {
  const keep = lines.map((l) => l.type !== 'same');
  const near = keep.map((_, i) => {
    for (let d = -context; d <= context; d++) if (keep[i + d]) return true;
    return false;
  });
  const rows: DiffRow[] = [];
  let i = 0;
  while (i < lines.length) {
    if (near[i]) {
      rows.push({ kind: 'line', line: lines[i] as DiffLine, index: i });
      i++;
      continue;
    }
    let j = i;
    while (j < lines.length && !near[j]) j++;
    // Folding one or two lines saves nothing; an expanded gap shows its lines again.
    if (j - i <= 2 || expanded.has(i)) {
      for (let k = i; k < j; k++) rows.push({ kind: 'line', line: lines[k] as DiffLine, index: k });
    } else rows.push({ kind: 'gap', from: i, to: j });
    i = j;
  }
  return rows;
}

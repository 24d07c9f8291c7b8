import { UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import type { DiffLine } from './api.ts';
import { foldUnchanged } from './diff-hunks.ts';

const SIGN = { add: '+', del: '−', same: ' ' } as const;
const LABEL = { add: 'added', del: 'removed', same: 'unchanged' } as const;

/** Unified line diff with old and new line numbers; colour is backed by a +/− sign and a label for screen readers. */
export function DiffTable({ lines }: { lines: DiffLine[] }) {
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  const rows = foldUnchanged(lines, 3, expanded);
  return (
    <table className="diff-table" data-testid="diff-table">
      <thead style={{ position: 'absolute', left: -10000 }}>
        <tr>
          <th>Old line</th>
          <th>New line</th>
          <th>Change</th>
          <th>Text</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) =>
          row.kind === 'gap' ? (
            <tr key={`gap-${row.from}`} className="gap">
              <td colSpan={4}>
                <UnstyledButton
                  fz="xs"
                  c="dimmed"
                  onClick={() => setExpanded((s) => new Set([...s, row.from]))}
                  data-testid="diff-expand"
                >
                  ⋯ show {row.to - row.from} unchanged lines
                </UnstyledButton>
              </td>
            </tr>
          ) : (
            <tr key={row.index} className={row.line.type} data-testid={`diff-line-${row.line.type}`}>
              <td className="ln">{row.line.oldLine ?? ''}</td>
              <td className="ln">{row.line.newLine ?? ''}</td>
              <td className="sign" aria-label={LABEL[row.line.type]}>
                {SIGN[row.line.type]}
              </td>
              <td className="text">{row.line.text === '' ? '\u00a0' : row.line.text}</td>
            </tr>
          ),
        )}
      </tbody>
    </table>
  );
}

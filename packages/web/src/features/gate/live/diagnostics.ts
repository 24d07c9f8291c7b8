// Gate findings as CodeMirror diagnostics. Pure (no view), so the mapping is tested in Node.
import type { Diagnostic } from '@codemirror/lint';
import type { Finding, Severity } from '@pi-studio/core/gate/types';
import { criterionLabel, ruleLabel } from '../../../lib/labels.ts';

/** The part of CodeMirror's Text the mapping needs (1-based lines, like the engine's findings). */
export type LineIndex = { lines: number; line(n: number): { from: number; to: number; text: string } };

export const LINT_SEVERITY: Record<Severity, Diagnostic['severity']> = {
  blocker: 'error',
  major: 'error',
  minor: 'warning',
  info: 'info',
};

/**
 * Finds the finding's range: its excerpt when the excerpt is on the line at or after its column, otherwise from the
 * column to the end of the line. Lines past the end (the text changed since scoring) clamp to the last line.
 */
export function findingRange(doc: LineIndex, finding: Pick<Finding, 'line' | 'column' | 'excerpt'>) {
  const line = doc.line(Math.min(Math.max(1, finding.line), Math.max(1, doc.lines)));
  const from = Math.min(line.from + Math.max(0, finding.column - 1), line.to);
  const excerpt = finding.excerpt.replace(/…$/, '').split('\n')[0] ?? '';
  const offset = excerpt ? line.text.indexOf(excerpt, from - line.from) : -1;
  if (offset >= 0 && excerpt.length > 0) return { from: line.from + offset, to: line.from + offset + excerpt.length };
  return { from, to: line.to };
}

export function findingsToDiagnostics(doc: LineIndex, findings: readonly Finding[]): Diagnostic[] {
  return findings.map((f) => ({
    ...findingRange(doc, f),
    severity: LINT_SEVERITY[f.severity],
    source: `${criterionLabel(f.criterion)} · ${ruleLabel(f.rule)}`,
    message: f.fix ? `${f.message}\nFix: ${f.fix}` : f.message,
    renderMessage: () => renderFinding(f),
  }));
}

/** Tooltip body: severity, message and the fix on its own line. */
function renderFinding(f: Finding): Node {
  const box = document.createElement('div');
  box.className = 'gate-diagnostic';
  const head = document.createElement('div');
  const badge = document.createElement('strong');
  badge.textContent = `${f.severity.toUpperCase()} `;
  head.append(badge, document.createTextNode(f.message));
  box.append(head);
  if (f.fix) {
    const fix = document.createElement('div');
    fix.className = 'gate-diagnostic-fix';
    const label = document.createElement('em');
    label.textContent = 'Fix: ';
    fix.append(label, document.createTextNode(f.fix));
    box.append(fix);
  }
  return box;
}

import type { Finding } from '@pi-studio/core/gate/types';
import { describe, expect, it } from 'vitest';
import { findingRange, findingsToDiagnostics, type LineIndex } from './diagnostics.ts';

function index(text: string): LineIndex {
  const lines = text.split('\n');
  const starts: number[] = [];
  let at = 0;
  for (const l of lines) {
    starts.push(at);
    at += l.length + 1;
  }
  return {
    lines: lines.length,
    line: (n) => {
      const from = starts[n - 1] ?? 0;
      const lineText = lines[n - 1] ?? '';
      return { from, to: from + lineText.length, text: lineText };
    },
  };
}

const finding = (over: Partial<Finding>): Finding => ({
  criterion: 'clarity',
  rule: 'clarity.vague',
  severity: 'minor',
  line: 1,
  column: 1,
  section: '',
  excerpt: '',
  message: 'Vague word',
  fix: 'Say how fast',
  ...over,
});

describe('findingRange', () => {
  const doc = index('# Title\n\nThe flow must be fast and easy.\nlast');

  it('covers the excerpt from the finding column', () => {
    const r = findingRange(doc, { line: 3, column: 10, excerpt: 'fast' });
    expect('# Title\n\nThe flow must be fast and easy.\nlast'.slice(r.from, r.to)).toBe('fast');
  });

  it('falls back to the end of the line when the excerpt is not on it', () => {
    const r = findingRange(doc, { line: 3, column: 1, excerpt: 'somewhere else' });
    expect(r).toEqual({ from: 9, to: 9 + 'The flow must be fast and easy.'.length });
  });

  it('clamps lines and columns outside the text', () => {
    const r = findingRange(doc, { line: 99, column: 50, excerpt: '' });
    const last = doc.line(4);
    expect(r).toEqual({ from: last.to, to: last.to });
    expect(findingRange(doc, { line: 0, column: 0, excerpt: '' }).from).toBe(0);
  });
});

describe('findingsToDiagnostics', () => {
  it('maps blocker and major to errors, minor to warnings, info to info', () => {
    const doc = index('a\nb\nc');
    const severities = findingsToDiagnostics(doc, [
      finding({ severity: 'blocker' }),
      finding({ severity: 'major' }),
      finding({ severity: 'minor' }),
      finding({ severity: 'info' }),
    ]).map((d) => d.severity);
    expect(severities).toEqual(['error', 'error', 'warning', 'info']);
  });

  it('puts message and fix into the diagnostic text', () => {
    const [d] = findingsToDiagnostics(index('x'), [finding({})]);
    expect(d?.message).toBe('Vague word\nFix: Say how fast');
    expect(d?.source).toBe('Unambiguous language · Vague or subjective term');
  });
});

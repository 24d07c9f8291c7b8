import type { Finding, GateReport } from '@pi-studio/core/gate/types';
import { describe, expect, it } from 'vitest';
import { diffFindings, normaliseExcerpt, withFindingIds } from './findings.ts';

const finding = (rule: string, excerpt: string, line = 1): Finding => ({
  criterion: rule.split('.')[0] ?? rule,
  rule,
  severity: 'major',
  line,
  column: 1,
  section: '',
  excerpt,
  message: 'm',
  fix: 'f',
});
const report = (findings: Finding[]): GateReport => ({
  rubric: { id: 'r', version: 1 },
  score: 50,
  verdict: 'fail',
  why: 'Fail: score 50 is below 60.',
  criteria: [],
  findings,
});

describe('finding ids', () => {
  it('do not depend on the line, case, spacing or trailing punctuation', () => {
    const a = withFindingIds(report([finding('clarity.vague', 'A  fast checkout.', 3)]));
    const b = withFindingIds(report([finding('clarity.vague', 'a fast checkout', 40)]));
    expect(a.findings[0]?.id).toMatch(/^f-[0-9a-f]{12}$/);
    expect(a.findings[0]?.id).toBe(b.findings[0]?.id);
    expect(normaliseExcerpt('  Fast\n\tcheckout!!  ')).toBe('fast checkout');
  });

  it('differ by rule, by text and by occurrence', () => {
    const r = withFindingIds(
      report([
        finding('clarity.vague', 'fast'),
        finding('clarity.vague', 'fast', 9),
        finding('clarity.weak', 'fast'),
        finding('clarity.vague', 'quick'),
      ]),
    );
    expect(new Set(r.findings.map((f) => f.id)).size).toBe(4);
  });
});

describe('changes between two reviews', () => {
  it('matches one to one: fixed, new and remaining', () => {
    const before = withFindingIds(
      report([finding('ux.missing', ''), finding('clarity.vague', 'fast'), finding('clarity.vague', 'fast')]),
    );
    const after = withFindingIds(
      report([finding('clarity.vague', 'Fast.'), finding('metrics.no-timeframe', 'NPS 40')]),
    );
    const d = diffFindings(before.findings, after.findings);
    expect(d.fixed.map((f) => f.rule)).toEqual(['ux.missing', 'clarity.vague']);
    expect(d.remaining.map((f) => f.rule)).toEqual(['clarity.vague']);
    expect(d.new.map((f) => f.rule)).toEqual(['metrics.no-timeframe']);
  });
});

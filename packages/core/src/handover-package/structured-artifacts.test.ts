import { describe, expect, it } from 'vitest';
import { escalationMatrixTemplate, ownershipTemplate, supportFlowTemplate } from './artifact-templates.ts';
import { FILLED_ESCALATION, FILLED_OWNERSHIP, FILLED_SUPPORT } from './filled-artifacts.ts';
import {
  checkStructuredArtifact,
  parseDuration,
  parseEscalationMatrix,
  parseHours,
  parseOwnership,
  parsePerson,
  parseSupportFlow,
} from './structured-artifacts.ts';

const rules = (r: { findings: { rule: string }[] }) => [...new Set(r.findings.map((f) => f.rule))].sort();

describe('terms', () => {
  it('reads durations, hours and people as people write them', () => {
    expect(parseDuration('15 min')).toEqual({ amount: 15, unit: 'min' });
    expect(parseDuration('4 business h')).toEqual({ amount: 4, unit: 'business_h' });
    expect(parseDuration('1 business day')).toEqual({ amount: 1, unit: 'business_d' });
    expect(parseDuration('2 hours')).toEqual({ amount: 2, unit: 'h' });
    expect(parseDuration('soon')).toBeNull();
    expect(parseDuration('')).toBeNull();
    expect(parseHours('24×7 (Europe/Berlin)')).toEqual({
      days: '24x7',
      from: null,
      to: null,
      timeZone: 'Europe/Berlin',
    });
    expect(parseHours('mon-fri 08:00–18:00 UTC')).toEqual({
      days: 'mon-fri',
      from: '08:00',
      to: '18:00',
      timeZone: 'UTC',
    });
    expect(parseHours('office hours')).toBeNull();
    expect(parsePerson('Ada Lovelace <ada@corp.test>')).toEqual({ name: 'Ada Lovelace', email: 'ada@corp.test' });
    expect(parsePerson('  ')).toBeNull();
  });
});

describe('the filled-in templates pass their checks', () => {
  it('support flow', () => {
    expect(parseSupportFlow(FILLED_SUPPORT).tiers.map((t) => t.level)).toEqual(['L1', 'L2', 'L3']);
    expect(checkStructuredArtifact('support', FILLED_SUPPORT)).toEqual({ score: 100, verdict: 'pass', findings: [] });
  });
  it('escalation matrix', () => {
    const m = parseEscalationMatrix(FILLED_ESCALATION);
    expect(m.severities.map((s) => s.steps.length)).toEqual([2, 2, 2, 2]);
    expect(m.severities[0]?.steps[0]?.backup).toEqual({ name: 'Team lead', email: null });
    expect(checkStructuredArtifact('escalation', FILLED_ESCALATION)).toMatchObject({ verdict: 'pass', findings: [] });
  });
  it('ownership', () => {
    expect(parseOwnership(FILLED_OWNERSHIP).itOwner).toEqual({ name: 'Ines IT', email: 'ines@corp.test' });
    expect(checkStructuredArtifact('ownership', FILLED_OWNERSHIP).verdict).toBe('pass');
  });
});

describe('the empty templates fail with the documented blockers', () => {
  const product = { name: 'Payouts', code: 'PAY' };
  it('support flow: tiers without owner-filled details, no blocker but majors; no table → missing tiers', () => {
    const empty = checkStructuredArtifact('support', supportFlowTemplate(product));
    expect(empty.verdict).toBe('conditional');
    expect(rules(empty)).toEqual([
      'support-flow.bad-hours',
      'support-flow.bad-target',
      'support-flow.no-channel',
      'support-flow.no-handoff',
    ]);
    const none = checkStructuredArtifact('support', '# Support\n\nAsk around.');
    expect(none.verdict).toBe('fail');
    expect(rules(none)).toEqual(['support-flow.missing-tier']);
  });
  it('escalation matrix: nobody named; a missing severity', () => {
    const empty = checkStructuredArtifact('escalation', escalationMatrixTemplate(product));
    expect(empty.verdict).toBe('fail');
    expect(rules(empty)).toContain('escalation.no-primary');
    const three = checkStructuredArtifact('escalation', FILLED_ESCALATION.replace(/\n\| SEV4 .*$/m, ''));
    expect(rules(three)).toEqual(['escalation.missing-severity']);
  });
  it('ownership: unfilled roles are missing', () => {
    const r = checkStructuredArtifact('ownership', ownershipTemplate({ ...product, itOwner: 'Ines IT' }));
    expect(r.verdict).toBe('fail');
    expect(r.findings.filter((f) => f.rule === 'ownership.missing')).toHaveLength(3);
  });
});

describe('hostile text', () => {
  it('never throws, whatever it is given', () => {
    for (const text of [
      '',
      '\u0000|||',
      '| Level |\n|---|\n| L1 \u0000 |',
      'x'.repeat(100_000),
      null as never,
      '| Severity |\n|-|\n| SEV1 |',
    ])
      for (const kind of ['support', 'escalation', 'ownership'] as const)
        expect(checkStructuredArtifact(kind, text).verdict).toBe('fail');
  });
});

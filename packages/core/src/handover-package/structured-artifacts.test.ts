import { describe, expect, it } from 'vitest';
import { escalationMatrixTemplate, ownershipTemplate, supportFlowTemplate } from './artifact-templates.ts';
import {
  checkStructuredArtifact,
  parseDuration,
  parseEscalationMatrix,
  parseHours,
  parseOwnership,
  parsePerson,
  parseSupportFlow,
} from './structured-artifacts.ts';
import { mdTable } from './text.ts';

const rules = (r: { findings: { rule: string }[] }) => [...new Set(r.findings.map((f) => f.rule))].sort();

export const FILLED_SUPPORT = [
  '# Support flow: Payouts',
  '',
  ...mdTable(
    ['Level', 'Who', 'Channel', 'Hours (time zone)', 'First response', 'Resolution'],
    [
      [
        'L1',
        'IT Service Desk',
        'https://desk.example.org, desk@corp.test',
        'mon-fri 08:00–18:00 Europe/Berlin',
        '1 business h',
        '1 business day',
      ],
      [
        'L2',
        'App support',
        'app-support@corp.test',
        'mon-fri 08:00-18:00 Europe/Berlin',
        '4 business h',
        '3 business days',
      ],
      ['L3', 'Payouts team', 'Slack #payouts', '24x7 UTC', '30 min', '2 d'],
    ],
  ),
  '',
  '## How a ticket moves',
  '',
  'L1 follows the runbook first, then hands to L2 with the ticket and logs; L2 hands to L3 for code changes.',
].join('\n');

export const FILLED_ESCALATION = [
  '# Escalation matrix: Payouts',
  '',
  ...mdTable(
    ['Severity', 'Example', 'First contact', 'Within', 'Then', 'Within', 'Coverage'],
    [
      ['SEV1', 'Down', 'On-call / Team lead', '15 min', 'Ada Lovelace / Grace Hopper', '10 min', '24x7 UTC'],
      ['SEV2', 'Broken', 'On-call / Team lead', '30 min', 'Ada Lovelace / Grace Hopper', '20 min', '24x7 UTC'],
      [
        'SEV3',
        'Degraded',
        'Desk / App support',
        '4 business h',
        'Team lead / Ada Lovelace',
        '2 h',
        'mon-fri 08:00-18:00 Europe/Berlin',
      ],
      [
        'SEV4',
        'Question',
        'Desk / App support',
        '1 business day',
        'Team lead / Ada Lovelace',
        '4 h',
        'mon-fri 08:00-18:00 Europe/Berlin',
      ],
    ],
  ),
].join('\n');

export const FILLED_OWNERSHIP = [
  '# Ownership: Payouts',
  '',
  ...mdTable(
    ['Role', 'Who', 'Contact'],
    [
      ['IT owner', 'Ines IT', 'ines@corp.test'],
      ['Support team', 'App support', 'app-support@corp.test'],
      ['On-call', 'Payouts rotation', 'PagerDuty'],
      ['Business owner', 'Pat PO', 'pat@corp.test'],
    ],
  ),
].join('\n');

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

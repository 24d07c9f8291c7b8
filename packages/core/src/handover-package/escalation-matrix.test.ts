import { describe, expect, it } from 'vitest';
import {
  checkEscalationMatrix,
  type EscalationMatrix,
  type EscalationStep,
  type SeverityPath,
} from './escalation-matrix.ts';
import { escalationMatrixMarkdown } from './support-markdown.ts';
import type { Directory } from './support-terms.ts';

const ana = { name: 'Ana Ops', id: 'u-ana' };
const ben = { name: 'Ben Lead', id: 'u-ben' };
const step = (over: Partial<EscalationStep> = {}): EscalationStep => ({
  role: 'On-call engineer',
  primary: ana,
  backup: ben,
  channels: ['pager'],
  escalateAfter: { amount: 5, unit: 'min' },
  ...over,
});
const path = (severity: SeverityPath['severity'], over: Partial<SeverityPath> = {}): SeverityPath => ({
  severity,
  acknowledge: {
    SEV1: { amount: 20, unit: 'min' },
    SEV2: { amount: 60, unit: 'min' },
    SEV3: { amount: 2, unit: 'business_h' },
    SEV4: { amount: 1, unit: 'business_d' },
  }[severity] as SeverityPath['acknowledge'],
  coverage:
    severity === 'SEV1' || severity === 'SEV2'
      ? { days: '24x7', timeZone: 'Europe/Berlin' }
      : { days: 'mon-fri', from: '08:00', to: '18:00', timeZone: 'Europe/Berlin' },
  steps: [step(), step({ role: 'Team lead', primary: ben, backup: ana, escalateAfter: { amount: 15, unit: 'min' } })],
  ...over,
});
const good = (): EscalationMatrix => ({ severities: [path('SEV1'), path('SEV2'), path('SEV3'), path('SEV4')] });
const rulesOf = (m: EscalationMatrix, dir?: Directory) =>
  checkEscalationMatrix(m, dir ? { directory: dir } : {}).map((f) => `${f.section}|${f.rule}`);

describe('checkEscalationMatrix', () => {
  it('finds nothing in a complete matrix', () => {
    expect(checkEscalationMatrix(good())).toEqual([]);
  });

  it('needs every severity, once, with at least two steps', () => {
    const m = { severities: [path('SEV1'), path('SEV1'), path('SEV2', { steps: [step()] }), path('SEV4')] };
    expect(rulesOf(m)).toEqual([
      'Escalation matrix > SEV1|escalation.duplicate-severity',
      'Escalation matrix > SEV2|escalation.too-few-steps',
      'Escalation matrix > SEV3|escalation.missing-severity',
    ]);
    expect(checkEscalationMatrix(m).find((f) => f.rule === 'escalation.missing-severity')?.severity).toBe('blocker');
  });

  it('every step has a primary and a different backup', () => {
    const m = good();
    const sev1 = {
      ...path('SEV1'),
      steps: [step({ backup: null }), step({ primary: null }), step({ backup: { name: 'ana ops', id: 'U-ANA' } })],
    };
    const findings = checkEscalationMatrix({ severities: [sev1, ...m.severities.slice(1)] });
    expect(findings.map((f) => `${f.section}|${f.rule}`)).toEqual([
      'Escalation matrix > SEV1 > step 1 > backup|escalation.no-backup',
      'Escalation matrix > SEV1 > step 2 > primary|escalation.no-primary',
      'Escalation matrix > SEV1 > step 3 > backup|escalation.own-backup',
    ]);
    expect(findings[2]?.message).toBe('Ana Ops is their own backup in SEV1 step 3.');
  });

  it('orders acknowledge targets by severity across units, and escalates before the target', () => {
    const m = good();
    const sev3 = path('SEV3', { acknowledge: { amount: 10, unit: 'min' } });
    const sev4 = path('SEV4', { steps: [step({ escalateAfter: { amount: 2, unit: 'd' } }), step()] });
    expect(rulesOf({ severities: [m.severities[0], m.severities[1], sev3, sev4] as SeverityPath[] })).toEqual([
      'Escalation matrix > SEV3 > acknowledge|escalation.targets-out-of-order',
      'Escalation matrix > SEV3 > step 2 > escalate after|escalation.escalates-too-late',
      'Escalation matrix > SEV4 > step 1 > escalate after|escalation.escalates-too-late',
    ]);
  });

  it('wants numbers with units, hours with a time zone, and SEV1/SEV2 around the clock', () => {
    const m = good();
    const sev1 = path('SEV1', { acknowledge: { amount: 0, unit: 'min' }, coverage: { days: '24x7', timeZone: '' } });
    const sev2 = path('SEV2', { coverage: { days: 'mon-fri', from: '08:00', to: '18:00', timeZone: 'Europe/Berlin' } });
    const sev3 = path('SEV3', { coverage: { days: 'mon-fri', from: '18:00', to: '08:00', timeZone: 'Mars/Olympus' } });
    const sev4 = path('SEV4', { coverage: { days: 'mon-fri', from: '8am', to: '18:00', timeZone: 'UTC' } });
    expect(rulesOf({ severities: [sev1, sev2, sev3, sev4] })).toEqual([
      'Escalation matrix > SEV1 > acknowledge|escalation.bad-target',
      'Escalation matrix > SEV1 > coverage|escalation.no-timezone',
      'Escalation matrix > SEV2 > coverage|escalation.not-24x7',
      'Escalation matrix > SEV3 > coverage|escalation.no-timezone',
      'Escalation matrix > SEV4 > coverage|escalation.bad-hours',
    ]);
    expect(
      checkEscalationMatrix({ severities: [sev2] }, { requires24x7: false }).some(
        (f) => f.rule === 'escalation.not-24x7',
      ),
    ).toBe(false);
    expect(m.severities).toHaveLength(4);
  });

  it('checks people against the directory when one is given', () => {
    const dir: Directory = (p) => (p.id === 'u-ana' ? 'active' : p.id === 'u-ben' ? 'inactive' : 'unknown');
    const m = good();
    const sev1 = path('SEV1', { steps: [step({ backup: { name: 'Ghost' } }), step()] });
    const rules = rulesOf({ severities: [sev1, ...m.severities.slice(1)] }, dir);
    expect(rules).toContain('Escalation matrix > SEV1 > step 1 > backup|escalation.unknown-person');
    expect(rules).toContain('Escalation matrix > SEV1 > step 2 > backup|escalation.inactive-person');
    expect(rules.filter((r) => r.endsWith('inactive-person'))).toHaveLength(1 + 3 * 2);
  });

  it('answers hostile input with findings, never a throw', () => {
    for (const m of [null, {}, { severities: 'x' }, { severities: [null, 3, { severity: 'SEV9' }] }])
      expect(rulesOf(m as never).filter((r) => r.endsWith('missing-severity'))).toHaveLength(4);
    const weird = path('SEV1', { steps: [null as never, { primary: 7, backup: {}, escalateAfter: 'soon' } as never] });
    expect(() => checkEscalationMatrix({ severities: [weird] })).not.toThrow();
    expect(() => escalationMatrixMarkdown({ severities: [weird, null as never] })).not.toThrow();
  });
});

describe('escalationMatrixMarkdown', () => {
  it('renders each severity with its targets and steps, escaping names', () => {
    const m = good();
    const sev1 = path('SEV1', {
      steps: [step({ primary: { name: 'Ana | Ops', email: 'ana@corp.internal' } }), step()],
      notify: ['CIO'],
    });
    const md = escalationMatrixMarkdown({ severities: [sev1, ...m.severities.slice(1)] });
    expect(md).toContain('### SEV1\n\nacknowledge within 20 min, coverage 24×7 (Europe/Berlin).');
    expect(md).toContain('| 1 | On-call engineer | Ana \\| Ops &lt;ana@corp.internal> | Ben Lead | pager | 5 min |');
    expect(md).toContain('Notify: CIO.');
    expect(md).toContain('acknowledge within 1 business days, coverage mon-fri 08:00–18:00 (Europe/Berlin).');
    expect(escalationMatrixMarkdown({ severities: [] })).toContain('### SEV4\n\nNo escalation path defined.');
  });
});

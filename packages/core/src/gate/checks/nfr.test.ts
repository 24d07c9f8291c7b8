import { describe, expect, it } from 'vitest';
import { runCheck } from './run-check.ts';

describe('nfr check', () => {
  it('credits quantified quality requirements across areas with standards', () => {
    const r = runCheck(
      'nfr',
      `## Non-functional requirements\n\n- Performance: the page loads in under 800 ms at p95.\n- Availability: 99.9% monthly availability.\n- Privacy: data stays in-region (GDPR).\n- Accessibility: WCAG 2.2 AA.\n`,
    );
    expect(r.score).toBe(1);
    expect(r.findings).toEqual([]);
  });

  it('reads NFR ids outside an NFR section and quality headings such as Security', () => {
    expect(
      runCheck(
        'nfr',
        `## Requirements\n\n- NFR-1 p95 latency of the ETA API ≤ 300 ms at 50 requests per second.\n- NFR-2 Availability 99.95% per month.\n`,
      ).rules,
    ).not.toContain('nfr.missing');
    expect(
      runCheck(
        'nfr',
        `## Security\n\nCard data never leaves the PCI DSS certified gateway; tokens are encrypted with AES-256.\n`,
      ).rules,
    ).not.toContain('nfr.missing');
  });

  it('flags missing and unquantified NFRs', () => {
    expect(runCheck('nfr', '## Requirements\n\n- FR-1 Export\n').rules).toEqual(['nfr.missing']);
    const r = runCheck(
      'nfr',
      `## Non-functional requirements\n\n- The payment page should have good performance and fast response time.\n`,
    );
    expect(r.rules).toEqual(expect.arrayContaining(['nfr.not-quantified', 'nfr.few-categories', 'nfr.no-standard']));
    expect(r.score).toBeLessThan(0.6);
  });

  it('treats a template table over TBD as missing', () => {
    expect(
      runCheck(
        'nfr',
        `## Non-functional requirements\n\n| Area | Requirement |\n|---|---|\n| Performance | TBD |\n| Security | TBD |\n`,
      ).rules,
    ).toEqual(['nfr.missing']);
  });
});

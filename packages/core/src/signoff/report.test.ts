import { describe, expect, it } from 'vitest';
import { cell, tally, type UatReport, uatReportMarkdown } from './report.ts';

const report: UatReport = {
  product: { code: 'EMX-PAY', name: 'Payments' },
  session: {
    key: 'EMX-PAY-UAT-1',
    title: 'Sprint 3 | build',
    buildVersion: '1.4.0',
    status: 'closed',
    startedAt: '2026-03-02T09:00:00.000Z',
    closedAt: '2026-03-03T17:00:00.000Z',
  },
  participants: [{ name: 'Ana', role: 'tester' }],
  stories: [{ key: 'EMX-PAY-S-1', title: 'Pay by card', revision: 2 }],
  cases: [
    {
      key: 'EMX-PAY-TC-1',
      title: 'Card declined',
      storyKey: 'EMX-PAY-S-1',
      status: 'pass',
      runs: [
        { kind: 'run', result: 'fail', testerName: 'Ana', notes: 'Error 500\nagain', at: '2026-03-02T10:00:00.000Z' },
        { kind: 'retest', result: 'pass', testerName: 'Ana', notes: '', at: '2026-03-03T10:00:00.000Z' },
      ],
    },
  ],
  defects: [
    {
      bugKey: 'EMX-PAY-S-9',
      caseKey: 'EMX-PAY-TC-1',
      state: 'verified',
      retest: { result: 'pass', testerName: 'Ana', at: '2026-03-03T10:00:00.000Z' },
    },
  ],
  signoffs: [
    {
      key: 'EMX-PAY-SO-1',
      scope: 'session',
      decision: 'signed_with_conditions',
      conditions: 'Fix the receipt font',
      buildVersion: '1.4.0',
      signerName: 'Musa',
      signedAt: '2026-03-03T18:00:00.000Z',
      storyCount: 1,
      contentHash: 'c'.repeat(64),
      prevHash: '0'.repeat(64),
      recordHash: 'r'.repeat(64),
      evidence: [{ fileName: 'minutes.pdf', sha256: 'e'.repeat(64), addedAt: '2026-03-03T18:05:00.000Z' }],
    },
  ],
  generatedAt: '2026-03-04T08:00:00.000Z',
};

describe('uatReportMarkdown', () => {
  const md = uatReportMarkdown(report);

  it('has the scope, cases with every run, defects with retests, and the sign-off with its hashes', () => {
    expect(md).toContain('# UAT report: EMX-PAY-UAT-1 — Sprint 3 \\| build');
    expect(md).toContain('- **Build under test:** 1.4.0');
    expect(md).toContain('| EMX-PAY-S-1 | Pay by card | 2 |');
    expect(md).toContain('1 cases: 1 pass.');
    expect(md).toContain('run fail by Ana: Error 500 again; 2026-03-03 10:00 retest pass by Ana');
    expect(md).toContain('| EMX-PAY-S-9 | EMX-PAY-TC-1 | verified | pass by Ana, 2026-03-03T10:00:00.000Z |');
    expect(md).toContain('### EMX-PAY-SO-1: Signed with conditions');
    expect(md).toContain('- **Conditions:** Fix the receipt font');
    expect(md).toContain(`- **Record hash:** \`${'r'.repeat(64)}\``);
    expect(md).toContain(`minutes.pdf, sha256 \`${'e'.repeat(64)}\``);
  });

  it('says so when nothing is there yet', () => {
    const empty = uatReportMarkdown({ ...report, stories: [], cases: [], defects: [], signoffs: [], participants: [] });
    expect(empty).toContain('No stories are linked');
    expect(empty).toContain('0 cases: none.');
    expect(empty).toContain('Not signed off yet.');
    expect(empty).toContain('none listed');
  });

  it('keeps stored text from breaking a table', () => {
    expect(cell('a|b\\c\r\n d')).toBe('a\\|b\\\\c d');
    expect(cell('   ')).toBe('—');
    expect(tally(['fail', 'pass', 'odd', 'pass'], ['pass', 'fail'])).toEqual([
      ['pass', 2],
      ['fail', 1],
      ['odd', 1],
    ]);
  });
});

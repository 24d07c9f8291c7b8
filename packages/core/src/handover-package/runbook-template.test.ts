import { describe, expect, it } from 'vitest';
import { validatePack } from '../handover/validate.ts';
import { RUNBOOK_SECTIONS, runbookLiteTemplate } from './runbook-template.ts';

describe('runbookLiteTemplate', () => {
  it('has every section of research §2, the eight the issue names required', () => {
    expect(RUNBOOK_SECTIONS).toHaveLength(12);
    expect(RUNBOOK_SECTIONS.filter((s) => s.required).map((s) => s.id)).toEqual([
      'overview',
      'architecture',
      'environments',
      'deploy',
      'configuration',
      'monitoring',
      'troubleshooting',
      'contacts',
    ]);
    const md = runbookLiteTemplate({ name: 'Payouts', code: 'FINTX-PAYOUTS', version: '1.3.0', owner: 'Ben' });
    for (const s of RUNBOOK_SECTIONS)
      expect(md).toContain(`## ${s.title}\n\n<!-- ${s.required ? 'Required' : 'Recommended'}. ${s.guidance} -->`);
    expect(md).toContain('- Product: Payouts (FINTX-PAYOUTS)\n- Release covered: 1.3.0\n- Owner: Ben');
  });

  it('escapes hostile product fields', () => {
    const md = runbookLiteTemplate({ name: '# x\u0000<y>', code: null });
    expect(md.startsWith('# Runbook: \\# x &lt;y>')).toBe(true);
    expect(runbookLiteTemplate({ name: '' }).startsWith('# Runbook: Product')).toBe(true);
  });

  // The pack validator recognises every heading: once each section has content, no required section is missing.
  it('filled in, passes the runbook validator for completeness', () => {
    const filled = runbookLiteTemplate({ name: 'Payouts' }).replace(
      /<!--[^>]*-->/g,
      'Payouts runs in the payments cluster; Ben Lead owns it and checks the dashboard daily.',
    );
    const missing = validatePack(filled, 'runbook').findings.filter((f) => f.rule.startsWith('pack.completeness.'));
    expect(missing).toEqual([]);
    const bare = validatePack(runbookLiteTemplate({ name: 'Payouts' }), 'runbook').findings;
    expect(bare.some((f) => f.rule.startsWith('pack.completeness.'))).toBe(true);
  });
});

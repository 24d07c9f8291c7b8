import { describe, expect, it } from 'vitest';
import { escalationMatrixTemplate, ownershipTemplate, supportFlowTemplate } from './artifact-templates.ts';

const product = { name: 'Payouts | EU', code: 'PAY', itOwner: 'Ada *Lovelace*' };

describe('support artifact templates', () => {
  it('name the product and escape Markdown in what users typed', () => {
    expect(supportFlowTemplate(product).split('\n')[0]).toBe('# Support flow: Payouts | EU (PAY)');
    expect(ownershipTemplate(product)).toContain('| IT owner | Ada \\*Lovelace\\* |');
  });

  it('list every support level and severity to fill', () => {
    const support = supportFlowTemplate(product);
    for (const level of ['| L1 |', '| L2 |', '| L3 |']) expect(support).toContain(level);
    const matrix = escalationMatrixTemplate({ name: 'Payouts' });
    for (const sev of ['SEV1', 'SEV2', 'SEV3', 'SEV4']) expect(matrix).toContain(`| ${sev} |`);
    expect(matrix.split('\n')[0]).toBe('# Escalation matrix: Payouts');
  });
});

import { ROLES } from '@pi-studio/core/access/roles';
import { RULES } from '@pi-studio/core/gate/checks/registry';
import { describe, expect, it } from 'vitest';
import { actionLabel, criterionLabel, membershipLabel, ROLE_OPTIONS, roleLabel, ruleLabel } from './labels.ts';

describe('labels', () => {
  it('names audit actions in words, known or not', () => {
    expect(actionLabel('product.stage_changed')).toBe('Changed product stage');
    expect(actionLabel('document.version_saved')).toBe('Saved document version');
    expect(actionLabel('product.renamed')).toBe('Renamed product');
    expect(actionLabel('backlog.item_moved')).toBe('Item moved backlog');
    expect(actionLabel('odd')).toBe('odd');
  });

  it('names every role and a membership as "subsidiary · role"', () => {
    expect(membershipLabel('EDC', 'vb')).toBe('EDC · Venture builder');
    for (const role of ROLES) expect(roleLabel(role)).not.toBe(role);
    expect(ROLE_OPTIONS.map((o) => o.value)).toEqual([...ROLES]);
    expect(roleLabel('astronaut')).toBe('astronaut');
  });

  it('names gate rules by their summary and criteria by their title', () => {
    expect(ruleLabel('metrics.no-timeframe')).toBe('A metric has no timeframe');
    for (const id of RULES.keys()) expect(ruleLabel(id)).not.toBe(id);
    // The document-level findings (not a PRD, unfilled template, language) are named in words too.
    for (const id of ['document.not_prd', 'document.unfilled_template', 'document.language'])
      expect(ruleLabel(id)).not.toBe(id);
    expect(criterionLabel('document')).toBe('The document as a whole');
    expect(ruleLabel('custom.rule')).toBe('custom.rule');
    expect(criterionLabel('metrics')).toBe('Goals and success metrics');
    expect(criterionLabel('metrics', [{ id: 'metrics', name: 'Outcomes' }])).toBe('Outcomes');
    expect(criterionLabel('bespoke')).toBe('bespoke');
  });
});

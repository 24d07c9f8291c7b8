import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../markdown/front-matter.ts';
import { DEFAULT_TEMPLATES } from './default-templates.ts';
import { renderTemplate } from './template-render.ts';

const VARS = {
  'product.name': 'Payouts',
  'product.code': 'FINTX-PAYOUTS',
  'subsidiary.code': 'FINTX',
  'subsidiary.name': 'Fintech X',
  'document.code': 'FINTX-PAYOUTS-PRD',
  'document.title': 'Payouts: instant',
  'author.name': "Ana O'Neil",
  date: '2026-03-01',
};

describe('default templates', () => {
  it('covers the four seeded kinds once each', () => {
    expect(DEFAULT_TEMPLATES.map((t) => t.kind).sort()).toEqual(['context', 'handover', 'prd', 'story']);
  });

  it.each(DEFAULT_TEMPLATES.map((t) => [t.name, t] as const))('%s renders with valid front matter', (_n, t) => {
    const out = renderTemplate(t.body, VARS);
    const fm = parseFrontMatter(out);
    expect(fm.ok).toBe(true);
    expect(out).not.toMatch(/\{\{\s*(product|subsidiary|document|author)\.|\{\{\s*date\s*\}\}/);
    if (fm.ok && fm.hasFrontMatter) expect(fm.metadata.product).toBe('FINTX-PAYOUTS');
  });

  it('the PRD template has every rubric section and requirement ids', () => {
    const prd = DEFAULT_TEMPLATES.find((t) => t.kind === 'prd')?.body ?? '';
    for (const heading of [
      'Problem',
      'Users',
      'Goals and success metrics',
      'Scope and non-goals',
      'Non-goals',
      'Requirements',
      'Acceptance criteria',
      'Non-functional requirements',
      'Experience and design',
      'Release plan',
      'Risks, assumptions and dependencies',
      'Analytics',
    ]) {
      expect(prd).toMatch(new RegExp(`^#{2,3} ${heading}$`, 'm'));
    }
    expect(prd).toMatch(/\| FR-1 \|/);
    expect(prd).toMatch(/Given .*\nWhen .*\nThen /);
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_RUBRIC } from '../gate/default-rubric.ts';
import { DEFAULT_CONVENTION } from '../naming/convention.ts';
import { ONBOARDING_STEPS, onboardingProgress } from './onboarding.ts';
import { playbookMarkdown } from './playbook.ts';

const roleLabels = {
  admin: 'Admin',
  productops: 'ProductOps',
  po: 'Product owner',
  vb: 'Venture builder',
  builder: 'Builder',
  it: 'IT owner',
  viewer: 'Viewer',
};

describe('operating playbook', () => {
  const md = playbookMarkdown({
    studioName: 'Acme Studio',
    rubric: DEFAULT_RUBRIC,
    templates: [{ kind: 'prd', name: 'PRD (standard)' }],
    naming: DEFAULT_CONVENTION,
    roleLabels,
  });

  it('states the gate rules from the rubric itself', () => {
    const v = DEFAULT_RUBRIC.verdict;
    expect(md).toContain(`passes at ${v.passScore} points with no blocker`);
    expect(md).toContain(`at ${v.conditionalScore} points with at most ${v.maxBlockersConditional} blockers`);
    for (const c of DEFAULT_RUBRIC.criteria) expect(md).toContain(`| ${c.name} | ${c.weight} |`);
  });

  it('lists stages, templates, naming examples, the cadence and who does what from permissions', () => {
    expect(md).toContain('1. Intake\n2. PRD gate\n3. Build\n4. UAT\n5. Handover\n6. Live');
    expect(md).toContain('- PRD (standard) (prd)');
    expect(md).toContain('`FINTX-PAYOUTS-PRD v1.0`');
    expect(md).toContain('| Weekly handover checkpoint | Thursday | 30 |');
    expect(md).toContain('| Activity | Admin | ProductOps | Product owner | Venture builder | Builder | IT owner |');
    // Only IT owners (and admins) accept handovers; only ProductOps (and admins) decide at the gate.
    expect(md).toContain('| Accept the handover for IT | ✓ |  |  |  |  | ✓ |');
    expect(md).toContain('| Decide at the PRD gate | ✓ | ✓ |  |  |  |  |');
  });
});

describe('onboarding progress', () => {
  const DAY = 86_400_000;
  it('counts done steps, names the next one and the overdue ones', () => {
    const p = onboardingProgress({ startedAt: 0, done: { read_playbook: DAY, golden_prd: 2 * DAY } }, 12 * DAY);
    expect(p).toMatchObject({ done: 2, total: ONBOARDING_STEPS.length, complete: false });
    expect(p.next?.id).toBe('first_prd_gated');
    expect(p.overdue.map((s) => s.id)).toEqual(['first_prd_gated']);
    const all = Object.fromEntries(ONBOARDING_STEPS.map((s) => [s.id, DAY]));
    expect(onboardingProgress({ startedAt: 0, done: all }, 40 * DAY)).toMatchObject({
      complete: true,
      next: null,
      share: 1,
    });
  });
});

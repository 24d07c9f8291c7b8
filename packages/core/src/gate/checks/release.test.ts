import { describe, expect, it } from 'vitest';
import { runCheck } from './run-check.ts';

describe('release check', () => {
  it('credits phases with dates, a flag rollout and a rollback', () => {
    const r = runCheck(
      'release',
      `## Rollout\n\nPilot with 50 merchants behind flag \`payout_eta\` from 2026-09-01; 25% → 100% by 2026-10-01. Rollback: turn off the flag.\n`,
    );
    expect(r.score).toBe(1);
    expect(r.findings).toEqual([]);
  });

  it('flags a plan without dates, rollout or rollback', () => {
    const r = runCheck('release', '## Launch plan\n\nWe will launch when it is ready and tell merchants by email.\n');
    expect(r.rules).toEqual(['release.no-dates', 'release.no-rollout', 'release.no-rollback']);
    expect(r.score).toBeCloseTo(0.3);
  });

  it('flags a missing plan and a "Rollback: TBD" template', () => {
    expect(runCheck('release', '## Problem\n\nSlow.\n').rules).toEqual(['release.missing']);
    const r = runCheck('release', '## Release plan\n\n| Phase | Date |\n|---|---|\n| Pilot | TBD |\n\nRollback: TBD\n');
    expect(r.rules).toEqual(['release.missing']);
  });
});

import { describe, expect, it } from 'vitest';
import { runCheck } from './run-check.ts';

describe('analytics check', () => {
  it('credits named events and a dashboard', () => {
    const r = runCheck(
      'analytics',
      '## Instrumentation\n\nEvents `payout_eta_viewed` and `payout_delay_shown` feed the Looker dashboard "Payout ETA".\n',
    );
    expect(r.score).toBe(1);
  });

  it('flags missing instrumentation, events and dashboards', () => {
    expect(runCheck('analytics', '## Problem\n\nSlow.\n').rules).toEqual(['analytics.missing']);
    expect(
      runCheck('analytics', '## Tracking\n\nWe will track how many merchants use the new page every week.\n').rules,
    ).toEqual(['analytics.no-events', 'analytics.no-dashboard']);
    expect(runCheck('analytics', '## Analytics\n\n| Event | When |\n|---|---|\n| TBD | TBD |\n').rules).toEqual([
      'analytics.missing',
    ]);
  });
});

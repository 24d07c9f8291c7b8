import { describe, expect, it } from 'vitest';
import { runCheck } from './run-check.ts';

describe('users check', () => {
  it('credits named segments and a user story', () => {
    const r = runCheck(
      'users',
      `## Personas\n\n- Small merchants (1,200 accounts)\n- Support agents (24 people)\n\nAs a small merchant, I want to see my payout date so that I can pay suppliers on time.\n`,
    );
    expect(r.score).toBe(1);
    expect(r.findings).toEqual([]);
  });

  it('accepts a job story (When …, I want …, so I can …)', () => {
    const r = runCheck(
      'users',
      `## Target users\n\n- Shop owners\n- Cashiers\n\nWhen I close the shop, I want to see the day's card total, so I can reconcile the till.\n`,
    );
    expect(r.rules).not.toContain('users.no-stories');
  });

  it('flags missing users, a single segment and no stories', () => {
    expect(runCheck('users', '## Problem\n\nSomething.\n').rules).toEqual(['users.missing']);
    const r = runCheck('users', '## Users\n\nMerchants who sell online and get paid out weekly.\n');
    expect(r.rules).toEqual(expect.arrayContaining(['users.no-segments', 'users.no-stories']));
  });

  it('does not count a template over placeholders', () => {
    expect(runCheck('users', '## Users\n\n- **Primary:** TBD\n- **Secondary:** TBD\n').rules).toEqual([
      'users.missing',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { runCheck } from './run-check.ts';

describe('requirements check', () => {
  it('credits a requirement table with ids and priorities', () => {
    const r = runCheck(
      'requirements',
      `## Requirements\n\n| Id | Requirement | Priority |\n|---|---|---|\n| FR-1 | The payouts page shows the expected date. | Must |\n| FR-2 | A merchant gets a notification when a payout is sent. | Should |\n`,
    );
    expect(r.score).toBe(1);
    expect(r.findings).toEqual([]);
  });

  it('reads id-prefixed items, headings and inline priorities (MoSCoW, P0–P3, High/Low)', () => {
    const items = runCheck(
      'requirements',
      `## Features\n\n1. REQ-1 (Must) Export payouts as CSV.\n2. REQ-2 [P1] Filter payouts by date.\n3. REQ-3 (Low) Add a logo to the export.\n`,
    );
    expect(items.score).toBe(1);
    const headings = runCheck(
      'requirements',
      `## Requirements\n\n### R1 — Earn points on card payments (Must)\n\nEach card payment earns points.\n\n### R2 — Merchant sets the reward\n\nPriority: Should. The merchant chooses the reward.\n`,
    );
    expect(headings.rules).toEqual([]);
  });

  it('inherits a priority from a MoSCoW heading', () => {
    const r = runCheck(
      'requirements',
      `## Requirements\n\n### Must have\n\n- FR-1 Merchants see the payout date.\n- FR-2 Agents see the payout status.\n`,
    );
    expect(r.rules).toEqual([]);
  });

  it('flags missing requirements, missing ids and priorities, duplicates and gaps', () => {
    expect(runCheck('requirements', '## Problem\n\nPayouts are slow.\n').rules).toEqual(['requirements.none']);
    const bullets = runCheck(
      'requirements',
      `## Requirements\n\n- Merchants can chat with an agent.\n- Agents see the chat history.\n`,
    );
    expect(bullets.rules).toEqual(['requirements.no-id', 'requirements.no-priority', 'requirements.no-priority']);
    const ids = runCheck(
      'requirements',
      `## Requirements\n\n- FR-1 (Must) Export payouts.\n- FR-2 (Must) Filter payouts.\n- FR-2 (Should) Sort payouts.\n- FR-5 (Could) Print payouts.\n`,
    );
    expect(ids.rules).toEqual(expect.arrayContaining(['requirements.duplicate-id', 'requirements.id-gap']));
    expect(ids.findings.find((f) => f.rule === 'requirements.id-gap')?.message).toContain('FR3, FR4');
  });

  it('does not count template rows over placeholders as requirements', () => {
    const r = runCheck(
      'requirements',
      `## Requirements\n\n| Id | Requirement | Priority |\n|---|---|---|\n| FR-1 | TBD | Must |\n| FR-2 | TBD | Should |\n`,
    );
    expect(r.rules).toEqual(['requirements.none']);
  });
});

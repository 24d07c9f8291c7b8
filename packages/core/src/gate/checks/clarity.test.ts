import { describe, expect, it } from 'vitest';
import { runCheck } from './run-check.ts';

describe('clarity check', () => {
  it('passes precise requirements', () => {
    const text = `## Requirements\n\n- FR-1 (Must) The payouts page loads in under 800 ms at p95.\n- FR-2 (Must) A merchant receives a push notification within 60 s of the bank confirmation.\n- FR-3 (Could) The export includes the payout id, amount and date.\n`;
    const r = runCheck('clarity', text, { minWords: 0 });
    expect(r.findings).toEqual([]);
    expect(r.score).toBe(1);
    // With the default, a snippet this short cannot earn full credit: a hollow document is not "clear".
    expect(runCheck('clarity', text).score).toBeLessThan(1);
  });

  it('flags each list with its rule and points at the word', () => {
    const r = runCheck('clarity', `## Requirements\n\n- The bot may answer simple questions if possible, etc.\n`);
    expect(r.rules).toEqual(
      expect.arrayContaining(['clarity.weak', 'clarity.vague', 'clarity.loophole', 'clarity.open-ended']),
    );
    const vague = r.findings.find((f) => f.rule === 'clarity.vague');
    expect(vague).toMatchObject({ line: 3, column: 22, severity: 'minor' });
  });

  it('weights location: background wording only counts towards density', () => {
    const background = runCheck(
      'clarity',
      `## Background\n\nThe current app is not intuitive and various merchants find it slow.\n\n## Requirements\n\n- FR-1 (Must) The payouts page loads in under 800 ms at p95 for 95% of merchants.\n`,
    );
    expect(background.findings).toEqual([]);
  });

  it('lowers the score with density and reports it', () => {
    const r = runCheck(
      'clarity',
      `## Requirements\n\n- Chat should be fast, simple and user-friendly.\n- Support should be efficient and/or seamless where possible.\n`,
    );
    expect(r.rules).toContain('clarity.density');
    expect(r.score).toBe(0);
  });

  it('does not read a May date or a "Could" priority as weak wording', () => {
    const r = runCheck(
      'clarity',
      `## Requirements\n\n| Id | Requirement | Priority |\n|---|---|---|\n| FR-1 | Export opens on 1 May 2026 for every merchant listed in the pilot group of the release. | Could |\n`,
    );
    expect(r.rules).not.toContain('clarity.weak');
  });

  it('takes "as required by <source>" as a reference, and a bare "as required" as an escape clause', () => {
    const sourced = runCheck(
      'clarity',
      '## Requirements\n\n- FR-1 (Must) Payout records are kept for 7 years as required by CBN rules.\n- FR-2 (Must) KYC data is stored in Nigeria as required under the NDPR.\n',
    );
    expect(sourced.rules).not.toContain('clarity.loophole');
    const bare = runCheck('clarity', '## Requirements\n\n- FR-1 (Must) Payout records are archived as required.\n');
    expect(bare.rules).toContain('clarity.loophole');
  });
});

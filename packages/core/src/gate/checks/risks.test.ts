import { describe, expect, it } from 'vitest';
import { runCheck } from './run-check.ts';

describe('risks check', () => {
  it('credits risks with mitigations and dependencies with owners', () => {
    const r = runCheck(
      'risks',
      `## Risks\n\n| Risk | Mitigation | Owner |\n|---|---|---|\n| Bank files arrive late | Show a range instead of a date | Treasury |\n\n## Dependencies\n\n- Push service v2 — owner: Platform team, needed by 2026-08-15.\n`,
    );
    expect(r.score).toBe(1);
    expect(r.findings).toEqual([]);
  });

  it('reads "Risk — mitigation:" items under a RAID-style heading', () => {
    const r = runCheck(
      'risks',
      '## Risks and mitigations\n\n- SMS costs exceed budget — mitigation: cap at 2 SMS per customer.\n- Merchants set rewards they cannot afford — we will show the cost first.\n',
    );
    expect(r.rules).toEqual([]);
  });

  it('flags unmitigated risks and unowned dependencies', () => {
    expect(runCheck('risks', '## Problem\n\nSlow.\n').rules).toEqual(['risks.missing']);
    const r = runCheck('risks', '## Risks\n\n- Low adoption by merchants.\n- Dependency: the new KYC provider API.\n');
    expect(r.rules).toEqual(['risks.no-mitigation', 'risks.dependency-no-owner']);
  });
});

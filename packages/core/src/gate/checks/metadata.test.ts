import { describe, expect, it } from 'vitest';
import { runCheck } from './run-check.ts';

describe('metadata check', () => {
  it('reads front matter', () => {
    const r = runCheck(
      'metadata',
      '---\nowner: Amina\nsubsidiary: FINTX\nstatus: In review\nversion: 1.3\ndate: 2026-05-14\napprovers: [Lee, Sam]\n---\n# PRD\n',
    );
    expect(r.score).toBe(1);
    expect(r.findings).toEqual([]);
  });

  it('reads a key/value table (markdown or HTML) and "Key: value" lines', () => {
    expect(
      runCheck(
        'metadata',
        '# PRD\n\n| Field | Value |\n|---|---|\n| Owner (PO) | Amina |\n| Subsidiary | EMX |\n| Status | Draft |\n| Version | 0.3 |\n| Last updated | 12 March 2026 |\n| Approvers | Lee |\n',
      ).score,
    ).toBe(1);
    expect(
      runCheck(
        'metadata',
        '<table><tr><th>Owner</th><td>Kofi</td></tr><tr><th>Date</th><td>2026-03-12</td></tr></table>\n',
      ).rules,
    ).toEqual(['metadata.missing-fields']);
    expect(
      runCheck(
        'metadata',
        '# PRD\n\n**Owner:** Zainab\nStatus: Ready\nVersion: 1.0\nDate: 2026-04-02\nSubsidiary: NXN\nApprovers: Ravi\n',
      ).score,
    ).toBe(1);
  });

  it('flags missing metadata, a missing owner, template values and dates that do not exist', () => {
    expect(runCheck('metadata', '# PRD\n\nText.\n').rules).toEqual(['metadata.missing']);
    expect(runCheck('metadata', '# PRD\n\nStatus: Draft\nDate: 2026-02-30\n').rules).toEqual([
      'metadata.no-owner',
      'metadata.missing-fields',
      'metadata.bad-date',
    ]);
    expect(runCheck('metadata', '---\nowner: "{{author.name}}"\nstatus: TBD\n---\n# PRD\n').rules).toEqual([
      'metadata.missing',
    ]);
  });
});

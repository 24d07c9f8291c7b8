import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../markdown/parse.ts';
import { scoreDocument } from './score.ts';
import type { GateReport } from './types.ts';

/** Pieces real PRDs are made of, so random documents reach tables, <details>, Gherkin and front matter. */
const fragment = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '# Title\n',
    '## Requirements\n',
    '## Non-goals\n',
    '### FR-3: Export (Must)\n',
    '- FR-1 (Must) Export CSV\n',
    '  - Given a sale, when paid, then "Paid"\n',
    '1. REQ-2 Filter\n',
    '- [ ] TBD\n',
    '| Id | Requirement | Priority |\n|---|---|---|\n| FR-1 | TBD | Must |\n',
    '<details>\n<summary>Acceptance</summary>\n',
    '</details>\n',
    '<table><tr><td>Owner</td><td>Amina</td></tr>',
    '</table>\n',
    '```gherkin\nScenario: FR-1\nGiven a\nThen b\n```\n',
    '```\nunclosed\n',
    '---\nowner: x\n---\n',
    '---\n',
    '> quote "with evidence" 41%\n',
    '[Insert goal]\n',
    '{{product.name}}\n',
    'Increase conversion from 12% to 18% by 2026-12-31.\n',
    '\r\n',
    '\n\n',
    '<!-- comment',
    '&amp;&#x1F600;&#0;',
  ),
);
const documents = fc.array(fragment, { maxLength: 40 }).map((parts) => parts.join(''));

function checkReport(text: string, report: GateReport): void {
  const lines = parseDocument(text).lines.length;
  expect(report.score).toBeGreaterThanOrEqual(0);
  expect(report.score).toBeLessThanOrEqual(100);
  expect(Number.isInteger(report.score)).toBe(true);
  expect(['pass', 'conditional', 'fail']).toContain(report.verdict);
  for (const c of report.criteria) expect(c.score >= 0 && c.score <= 1).toBe(true);
  for (const f of report.findings) {
    expect(f.line).toBeGreaterThanOrEqual(1);
    expect(f.line).toBeLessThanOrEqual(Math.max(1, lines));
    expect(f.column).toBeGreaterThanOrEqual(1);
    expect(f.fix.trim()).not.toBe('');
  }
}

describe('scoreDocument properties', () => {
  it('any string: no throw, score 0–100, every finding inside the document', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), (text) => checkReport(text, scoreDocument(text))),
      { numRuns: 300 },
    );
  });

  it('PRD-shaped random documents: the same holds, and scoring twice gives identical JSON', () => {
    fc.assert(
      fc.property(documents, (text) => {
        const report = scoreDocument(text);
        checkReport(text, report);
        expect(JSON.stringify(scoreDocument(text))).toBe(JSON.stringify(report));
      }),
      { numRuns: 300 },
    );
  });

  it('any bytes decoded as UTF-8 (invalid sequences replaced) are scored safely', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), (bytes) => {
        const text = new TextDecoder().decode(bytes);
        checkReport(text, scoreDocument(text));
      }),
      { numRuns: 200 },
    );
  });
});

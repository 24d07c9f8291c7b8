import { describe, expect, it } from 'vitest';
import { scoreDocument } from './score.ts';

// Inputs shaped to hit quadratic paths (the CLI accepts 10 MB). Each took minutes before those paths were made
// linear; the bound is generous so a loaded CI machine does not flake.
const cases: Record<string, () => string> = {
  'hollow headings': () => Array.from({ length: 20000 }, (_, i) => `## Section ${i}\n\nTBD\n`).join('\n'),
  'requirement items with criteria': () =>
    `## Requirements\n\n${Array.from({ length: 20000 }, (_, i) => `- FR-${i} (Must) Export batch ${i}\n  - Given a sale, when paid, then "Paid"`).join('\n')}`,
  'one gherkin block with 50,000 scenarios': () =>
    `\`\`\`gherkin\n${'Scenario: FR-1\nGiven a\nWhen b\nThen "c"\n'.repeat(50000)}\`\`\`\n`,
  'HTML with "<" and no ">"': () => `<div <a ${'<a x="1 '.repeat(300000)}`,
  'a one-line HTML export': () => '<table><tr><td>'.repeat(100000),
  'unclosed nested lists': () => '<ul><li>'.repeat(100000),
  'a 30,000-row requirement table': () =>
    `## Requirements\n\n| Id | Requirement | Priority |\n|---|---|---|\n${Array.from({ length: 30000 }, (_, i) => `| FR-${i} | Export batch ${i} | Must |`).join('\n')}`,
};

describe('scoreDocument on very large documents', () => {
  for (const [name, build] of Object.entries(cases)) {
    it(`stays linear: ${name}`, () => {
      const text = build();
      const started = performance.now();
      const report = scoreDocument(text);
      expect(performance.now() - started).toBeLessThan(15_000);
      expect(report.score).toBeGreaterThanOrEqual(0);
      // Findings are capped per rule so a huge export does not produce a huge report.
      const perRule = new Map<string, number>();
      for (const f of report.findings) perRule.set(f.rule, (perRule.get(f.rule) ?? 0) + 1);
      for (const n of perRule.values()) expect(n).toBeLessThanOrEqual(200);
    });
  }
});

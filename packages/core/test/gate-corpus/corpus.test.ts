// The labelled corpus: every document's verdict, score range and flagged/clean criteria under rubric v1.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderTemplate } from '../../src/documents/template-render.ts';
import { PRD_TEMPLATE } from '../../src/documents/templates/prd.ts';
import { scoreDocument } from '../../src/gate/score.ts';
import type { GateReport } from '../../src/gate/types.ts';

type Entry = {
  file: string;
  kind: 'strong' | 'medium' | 'weak' | 'hollow';
  format: 'markdown' | 'wiki-html';
  verdict: GateReport['verdict'];
  score: [number, number];
  flagged: string[];
  clean: string[];
};

const dir = new URL('./', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('manifest.json', dir), 'utf8')) as { documents: Entry[] };

function flaggedCriteria(report: GateReport): string[] {
  return report.criteria
    .filter(
      (c) =>
        c.score < 0.6 ||
        report.findings.some((f) => f.criterion === c.id && (f.severity === 'blocker' || f.severity === 'major')),
    )
    .map((c) => c.id);
}

describe('labelled gate corpus', () => {
  it('labels every PRD in the folder and has at least 12, of every kind and both formats', () => {
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.md'))
      .sort();
    expect(manifest.documents.map((d) => d.file).sort()).toEqual(files);
    expect(files.length).toBeGreaterThanOrEqual(12);
    for (const kind of ['strong', 'medium', 'weak', 'hollow'])
      expect(manifest.documents.some((d) => d.kind === kind)).toBe(true);
    expect(manifest.documents.filter((d) => d.format === 'wiki-html').length).toBeGreaterThanOrEqual(3);
  });

  for (const entry of manifest.documents) {
    it(`${entry.file}: ${entry.verdict}, flags ${entry.flagged.join(', ') || 'nothing'}`, () => {
      const report = scoreDocument(readFileSync(new URL(entry.file, dir), 'utf8'));
      expect(report.verdict).toBe(entry.verdict);
      expect(report.score).toBeGreaterThanOrEqual(entry.score[0]);
      expect(report.score).toBeLessThanOrEqual(entry.score[1]);
      const flagged = flaggedCriteria(report);
      expect(flagged).toEqual(expect.arrayContaining(entry.flagged));
      for (const id of entry.clean) expect(flagged, `${id} should not be flagged`).not.toContain(id);
    });
  }

  it('hollow documents fail on hollow-section blockers, not just on a low score', () => {
    for (const entry of manifest.documents.filter((d) => d.kind === 'hollow')) {
      const report = scoreDocument(readFileSync(new URL(entry.file, dir), 'utf8'));
      expect(report.findings.filter((f) => f.rule === 'completeness.hollow-section').length).toBeGreaterThanOrEqual(5);
    }
  });

  it("the studio's own PRD template, freshly rendered, fails the gate", () => {
    const text = renderTemplate(PRD_TEMPLATE, {
      'author.name': 'Amina Diallo',
      date: '2026-05-14',
      'product.name': 'Payouts',
    });
    const report = scoreDocument(text);
    expect(report.verdict).toBe('fail');
    expect(report.score).toBeLessThan(20);
    expect(report.findings.some((f) => f.rule === 'completeness.hollow-section' && f.severity === 'blocker')).toBe(
      true,
    );
  });
});

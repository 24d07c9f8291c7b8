// How `pistudio gate` lists files that are not PRDs, on reports made up here (the engine's own judgement is tested
// in packages/core; the CLI only reads the `document.not_prd` finding).
import { gateRun } from '@pi-studio/core/gate/format/run';
import { toText } from '@pi-studio/core/gate/format/text';
import type { Finding, GateReport } from '@pi-studio/core/gate/types';
import { describe, expect, it } from 'vitest';
import {
  jsonWithNotPrds,
  junitWithNotPrds,
  markdownWithNotPrds,
  NOT_PRD_RULE,
  sarifWithNotPrds,
  splitNotPrds,
  textWithNotPrds,
} from './not-prd.ts';

const finding = (rule: string, message: string): Finding => ({
  criterion: rule.split('.')[0] as string,
  rule,
  severity: 'blocker',
  line: 1,
  column: 1,
  section: '',
  excerpt: '',
  message,
  fix: 'Do something.',
});

const report = (verdict: GateReport['verdict'], findings: Finding[] = []): GateReport =>
  ({
    rubric: { id: 'pistudio-prd', version: 1 },
    score: verdict === 'pass' ? 90 : 20,
    verdict,
    why: `${verdict} (made up for this test)`,
    criteria: [],
    findings,
  }) as GateReport;

const notPrd = (reason: string) => report('fail', [finding(NOT_PRD_RULE, `This does not look like a PRD: ${reason}.`)]);

const scored = [
  { file: 'docs/README.md', named: false, report: notPrd('it reads as a README (Installation, Usage)') },
  { file: 'docs/prd.md', named: false, report: report('pass') },
  { file: 'CHANGELOG.md', named: true, report: notPrd('it reads as a changelog (4 version headings)') },
  { file: 'docs/weak.md', named: false, report: report('fail', [finding('problem.missing', 'No problem.')]) },
];

describe('files that are not PRDs', () => {
  const { gated, skipped, notPrds } = splitNotPrds(scored);
  const run = gateRun(gated);

  it('leaves found ones out of the run and keeps named ones in it, as failures', () => {
    expect(gated.map((g) => g.file)).toEqual(['docs/prd.md', 'CHANGELOG.md', 'docs/weak.md']);
    expect(skipped).toEqual([
      { file: 'docs/README.md', message: 'This does not look like a PRD: it reads as a README (Installation, Usage).' },
    ]);
    expect(notPrds.map((n) => [n.file, n.named])).toEqual([
      ['docs/README.md', false],
      ['CHANGELOG.md', true],
    ]);
    expect(run.summary).toEqual({ files: 3, pass: 1, conditional: 0, fail: 2 });
  });

  it('text: one line each, no block of misses, the usual summary and how many were left out', () => {
    const text = textWithNotPrds(run, notPrds, skipped.length, false);
    const lines = text.split('\n');
    expect(lines[0]).toBe(
      'docs/README.md  not a PRD  This does not look like a PRD: it reads as a README (Installation, Usage).',
    );
    expect(lines[1]).toBe(
      'CHANGELOG.md  not a PRD  This does not look like a PRD: it reads as a changelog (4 version headings).',
    );
    expect(text).not.toMatch(/^CHANGELOG\.md {2}\d+\/100/m);
    expect(text).toMatch(/^docs\/weak\.md .*FAIL/m);
    expect(text).toMatch(/^3 files: 1 pass, 0 conditional, 2 fail$/m);
    expect(text.endsWith('\n1 file is not a PRD: not gated\n')).toBe(true);
    expect(textWithNotPrds(run, notPrds, skipped.length, true)).toContain('\x1b[33mnot a PRD\x1b[0m');
  });

  it('text and JSON are unchanged when every file is a PRD', () => {
    const only = gateRun([{ file: 'a.md', report: report('pass') }]);
    expect(textWithNotPrds(only, [], 0, false)).toBe(toText(only, { color: false }));
    expect(Object.keys(jsonWithNotPrds(only, []))).toEqual(['results', 'summary']);
  });

  it('JSON, SARIF, JUnit and Markdown name the files left out', () => {
    expect(jsonWithNotPrds(run, skipped).notPrds).toEqual(skipped);
    const sarif = sarifWithNotPrds({ version: '2.1.0', runs: [{ results: [], properties: { files: [] } }] }, skipped);
    expect(sarif.runs).toEqual([{ results: [], properties: { files: [], notPrds: skipped } }]);
    const junit = junitWithNotPrds(
      '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="pistudio gate" tests="28" failures="3" errors="0">\n  <testsuite name="x"></testsuite>\n</testsuites>\n',
      [{ file: 'docs/a&b.md', message: 'Not a "PRD" <here>.' }],
    );
    expect(junit).toContain('<testsuites name="pistudio gate" tests="29" skipped="1" failures="3" errors="0">');
    expect(junit).toContain('<skipped message="not a PRD: Not a &quot;PRD&quot; &lt;here&gt;."/>');
    expect(junit).toMatch(
      /<testsuite name="docs\/a&amp;b\.md" tests="1" failures="0" errors="0" skipped="1">[\s\S]*<\/testsuites>\n$/,
    );
    const md = markdownWithNotPrds('# PRD gate report\n\n1 file: …\n', [{ file: 'a|b.md', message: 'Why.' }]);
    expect(md).toBe(
      '# PRD gate report\n\n1 file: …\n\n## Not PRDs\n\nFound but not gated:\n\n| File | Why |\n|---|---|\n| a\\|b.md | Why. |\n',
    );
  });
});

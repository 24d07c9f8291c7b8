import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RUBRIC } from '../default-rubric.ts';
import { scoreDocument } from '../score.ts';
import { toJunit } from './junit.ts';
import { toMarkdown } from './markdown.ts';
import { gateRun } from './run.ts';
import { toSarif } from './sarif.ts';
import { toText } from './text.ts';

const corpus = (name: string) => readFileSync(new URL(`../../../test/gate-corpus/${name}`, import.meta.url), 'utf8');
const run = gateRun([
  { file: 'docs/strong payouts.md', report: scoreDocument(corpus('strong-payouts.md')) },
  { file: 'docs/weak.md', report: scoreDocument(corpus('weak-chat-support.md')) },
]);

describe('gateRun', () => {
  it('keeps the public JSON shape and counts verdicts', () => {
    expect(Object.keys(run)).toEqual(['results', 'summary']);
    expect(Object.keys(run.results[0] ?? {})).toEqual([
      'file',
      'rubric',
      'score',
      'verdict',
      'why',
      'criteria',
      'findings',
    ]);
    expect(run.summary).toEqual({ files: 2, pass: 1, conditional: 0, fail: 1 });
  });
});

describe('toSarif', () => {
  const sarif = toSarif(run, DEFAULT_RUBRIC, { name: 'pistudio-gate', version: '0.1.0' }) as {
    version: string;
    $schema: string;
    runs: { tool: { driver: { rules: { id: string }[] } }; results: Record<string, unknown>[] }[];
  };
  const [only] = sarif.runs;

  it('is SARIF 2.1.0 with one rule per check rule and unique rule ids', () => {
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toContain('sarif-2.1.0');
    const ids = only?.tool.driver.rules.map((r) => r.id) ?? [];
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('metrics.no-timeframe');
    expect(ids).toContain('completeness.hollow-section');
  });

  it('gives every result a rule, a level and a physical location with start line and column', () => {
    const results = only?.results ?? [];
    expect(results.length).toBe(run.results.reduce((n, r) => n + r.findings.length, 0));
    for (const result of results) {
      expect(result).toMatchObject({
        ruleId: expect.stringMatching(/^[a-z]+\.[a-z-]+$/),
        ruleIndex: expect.any(Number),
        level: expect.stringMatching(/^(error|warning|note)$/),
        message: { text: expect.stringContaining('Fix: ') },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'docs/weak.md' },
              region: { startLine: expect.any(Number), startColumn: expect.any(Number) },
            },
          },
        ],
      });
      const rules = only?.tool.driver.rules ?? [];
      expect(rules[result.ruleIndex as number]?.id).toBe(result.ruleId);
    }
  });
});

describe('toJunit', () => {
  const xml = toJunit(run);
  it('writes one testsuite per file and one testcase per criterion, failing on blocker/major findings', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites')).toBe(true);
    expect(xml.match(/<testsuite /g)).toHaveLength(2);
    expect(xml.match(/<testcase /g)).toHaveLength(28);
    expect(xml).toContain('<testsuite name="docs/strong payouts.md" tests="14" failures="0"');
    expect(xml).toMatch(/<testsuite name="docs\/weak.md" tests="14" failures="1\d"/);
    expect(xml).toContain('<failure message="');
  });

  it('escapes XML and drops characters XML cannot carry', () => {
    const nasty = gateRun([{ file: 'a<&"\u0001.md', report: scoreDocument('# <b>&"\u0001') }]);
    const out = toJunit(nasty);
    expect(out).toContain('name="a&lt;&amp;&quot;.md"');
    expect(out).not.toContain('\u0001');
  });
});

describe('toMarkdown and toText', () => {
  it('renders a Markdown report with escaped table cells', () => {
    const md = toMarkdown(run);
    expect(md).toContain('# PRD gate report');
    expect(md).toContain('2 files: 1 pass, 0 conditional, 1 fail.');
    expect(md).toContain('## docs/weak.md');
    expect(md).toMatch(/\| \d+:\d+ \| blocker \| `problem.missing` \|/);
  });

  it('renders text without colours unless asked', () => {
    const plain = toText(run, { color: false });
    expect(plain).not.toContain('\x1b[');
    expect(plain).toMatch(/docs\/weak\.md {2}\d+\/100 {2}FAIL/);
    expect(plain.trimEnd().endsWith('2 files: 1 pass, 0 conditional, 1 fail')).toBe(true);
    expect(toText(run, { color: true })).toContain('\x1b[31mFAIL\x1b[0m');
  });
});

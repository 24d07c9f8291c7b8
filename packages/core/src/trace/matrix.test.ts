// The coverage matrix and its CSV export, on a backlog small enough to read.
import { describe, expect, it } from 'vitest';
import type { LinkType, TraceLink } from './graph.ts';
import { coverageMatrix, type MatrixItem, type MatrixRequirement, matrixCsv } from './matrix.ts';

const req = (id: string, overrides: Partial<MatrixRequirement> = {}): MatrixRequirement => ({
  id,
  text: `Requirement ${id}`,
  priority: 'Must',
  ...overrides,
});
const story = (key: string, status = 'backlog'): MatrixItem => ({ key, kind: 'story', status });
const bug = (key: string, status = 'backlog'): MatrixItem => ({ key, kind: 'bug', status });
const link = (from: string, type: LinkType, to: string): TraceLink => ({ from, type, to });

describe('coverageMatrix', () => {
  const matrix = coverageMatrix(
    [req('FR-1'), req('FR-2'), req('FR-3'), req('FR-4', { removed: true })],
    [
      story('S-10', 'done'),
      story('S-2', 'in_progress'),
      story('S-3'),
      story('S-4'),
      story('S-5'),
      bug('B-1'),
      bug('B-2'),
      bug('B-3'),
    ],
    [
      link('S-10', 'implements', 'FR-1'),
      link('S-2', 'implements', 'FR-1'),
      link('S-3', 'implements', 'FR-2'),
      link('S-4', 'implements', 'FR-4'), // only a removed requirement
      link('B-1', 'affects', 'FR-3'), // a bug does not cover
      link('B-2', 'affects', 'S-3'), // traces to FR-2 through S-3
    ],
  );

  it('lists each requirement with its stories in natural key order', () => {
    expect(matrix.rows.map((r) => [r.requirement.id, r.stories.map((s) => s.key), r.covered])).toEqual([
      ['FR-1', ['S-2', 'S-10'], true],
      ['FR-2', ['S-3'], true],
      ['FR-3', [], false],
      ['FR-4', ['S-4'], true],
    ]);
    expect(matrix.rows[2]?.bugs.map((b) => b.key)).toEqual(['B-1']);
  });

  it('counts removed requirements neither way, and rounds coverage down', () => {
    expect(matrix.uncoveredRequirements).toEqual(['FR-3']);
    expect([matrix.covered, matrix.total, matrix.coverage]).toEqual([2, 3, 66.6]);
  });

  it('finds stories and bugs with no requirement in scope, a bug counting through its story', () => {
    expect(matrix.orphanStories.map((s) => s.key)).toEqual(['B-3', 'S-4', 'S-5']);
    expect(matrix.problems).toEqual([]);
  });

  it('reads 100 only when every requirement is covered, and 0 with no requirements', () => {
    const many = Array.from({ length: 1000 }, (_, i) => req(`FR-${i}`));
    const links = many.slice(1).map((r) => link('S-1', 'implements', r.id));
    expect(coverageMatrix(many, [story('S-1')], links).coverage).toBe(99.9);
    expect(coverageMatrix([req('FR-1')], [story('S-1')], [link('S-1', 'implements', 'FR-1')]).coverage).toBe(100);
    expect(coverageMatrix([], [story('S-1')], [])).toMatchObject({
      coverage: 0,
      total: 0,
      orphanStories: [story('S-1')],
    });
  });

  it('reports links it cannot place instead of counting them', () => {
    const m = coverageMatrix([req('FR-1')], [story('S-1')], [link('S-1', 'implements', 'FR-9')]);
    expect(m.problems.map((p) => [p.code, p.nodes])).toEqual([['unknown_node', ['FR-9']]]);
    expect(m.uncoveredRequirements).toEqual(['FR-1']);
    expect(m.orphanStories.map((s) => s.key)).toEqual(['S-1']);
  });
});

describe('matrixCsv', () => {
  it('writes the header, a row per requirement and a row per orphan, CRLF-ended', () => {
    const m = coverageMatrix(
      [req('FR-1'), req('FR-2', { priority: null }), req('FR-3', { removed: true })],
      [story('S-1', 'done'), story('S-2', 'ready'), story('S-9')],
      [link('S-1', 'implements', 'FR-1'), link('S-2', 'implements', 'FR-1')],
    );
    expect(matrixCsv(m).split('\r\n')).toEqual([
      'Requirement,Priority,Requirement text,Stories,Story statuses,Covered',
      'FR-1,Must,Requirement FR-1,"S-1, S-2","done, ready",yes',
      'FR-2,,Requirement FR-2,,,no',
      'FR-3,Must,Requirement FR-3,,,removed',
      ',,,S-9,backlog,no requirement',
      '',
    ]);
  });

  it('quotes and guards hostile requirement text, and does not throw on NUL or lone surrogates', () => {
    const m = coverageMatrix(
      [
        req('FR-1', { text: "=cmd|' /C calc'!A0" }),
        req('FR-2', { text: 'Pays "fast", then\nslow' }),
        req('FR-3', { text: '@risk \u0000 and a cut emoji \uD83D' }),
        req('-FR-4', { text: '+1' }),
      ],
      [story('S-\uDC00', 'done')],
      [link('S-\uDC00', 'implements', 'FR-3')],
    );
    const lines = matrixCsv(m).split('\r\n');
    expect(lines[1]).toBe("FR-1,Must,'=cmd|' /C calc'!A0,,,no");
    // A line break inside a quoted field is kept as written; records alone end with CRLF.
    expect(lines[2]).toBe('FR-2,Must,"Pays ""fast"", then\nslow",,,no');
    expect(lines[3]).toBe("FR-3,Must,'@risk \u0000 and a cut emoji \uFFFD,S-\uFFFD,done,yes");
    expect(lines[4]).toBe("'-FR-4,Must,'+1,,,no");
  });
});

describe('the matrix with UAT', () => {
  const fixed = { key: 'B-7', state: 'fixed', retest: null };
  const verified = { key: 'B-8', state: 'verified', retest: 'pass' };
  const m = coverageMatrix(
    [req('FR-1'), req('FR-2'), req('FR-3'), req('FR-4', { removed: true })],
    [story('S-1', 'done'), story('S-2'), story('S-3'), bug('B-7'), bug('B-8')],
    [link('S-1', 'implements', 'FR-1'), link('S-2', 'implements', 'FR-1'), link('S-3', 'implements', 'FR-2')],
    [
      { key: 'TC-10', storyKey: 'S-2', result: 'fail', defects: [fixed] },
      { key: 'TC-2', storyKey: 'S-1', result: 'pass', defects: [verified] },
      { key: 'TC-3', storyKey: 'S-1', result: 'untested', defects: [] },
      { key: 'TC-4', storyKey: 'S-gone', result: 'untested', defects: [] },
      { key: 'TC-5', storyKey: null, result: 'blocked', defects: [] },
    ],
  );

  it('runs requirement → story → case → result → defect → retest', () => {
    const row = m.rows[0];
    expect(row?.cases.map((c) => [c.key, c.result])).toEqual([
      ['TC-2', 'pass'],
      ['TC-3', 'untested'],
      ['TC-10', 'fail'],
    ]);
    expect(row?.cases[2]?.defects).toEqual([fixed]);
    expect(row?.openDefects).toBe(1);
    expect(m.rows[1]?.cases).toEqual([]);
  });

  it('counts coverage gaps and open defects; a case of a deleted story raises no problem', () => {
    expect(m.requirementsWithoutCase).toEqual(['FR-2', 'FR-3']);
    expect(m.casesNeverRun).toEqual(['TC-3', 'TC-4']);
    expect(m.openDefects).toBe(1);
    expect(m.problems).toEqual([]);
    expect(m.covered).toBe(2);
  });

  it('adds the UAT columns at the end of the CSV, empty on orphan rows', () => {
    const lines = matrixCsv(m).split('\r\n');
    expect(lines[0]).toBe(
      'Requirement,Priority,Requirement text,Stories,Story statuses,Covered,Test cases,Latest results,Defects,Defect states,Retests,Open defects',
    );
    expect(lines.at(-2)).toBe(',,,B-8,backlog,no requirement,,,,,,');
    expect(lines[1]).toBe(
      'FR-1,Must,Requirement FR-1,"S-1, S-2","done, backlog",yes,"TC-2, TC-3, TC-10","pass, untested, fail","B-8, B-7","verified, fixed","pass, -",1',
    );
  });
});

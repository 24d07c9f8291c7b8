import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scoreDocument } from '../score.ts';
import { type JsonResult, jsonResult, notPrdMessage, writeJsonRun } from './json-results.ts';
import { gateRun } from './run.ts';

const dir = new URL('../../../test/gate-corpus/', import.meta.url);
const scored = readdirSync(dir)
  .filter((name) => name.endsWith('.md'))
  .map((name) => ({ file: `docs/${name}`, report: scoreDocument(readFileSync(new URL(name, dir), 'utf8')) }));

/** What writeJsonRun writes, as one string. */
function written(results: readonly JsonResult[], extra: Record<string, unknown>): string {
  const parts: string[] = [];
  const decoder = new TextDecoder();
  writeJsonRun(results, extra, (part) => parts.push(typeof part === 'string' ? part : decoder.decode(part)));
  return parts.join('');
}

describe('writeJsonRun', () => {
  it('writes the bytes of JSON.stringify(run, null, 2) from results rendered one by one', () => {
    const results = scored.map(({ file, report }) => jsonResult(file, report));
    expect(written(results, {})).toBe(`${JSON.stringify(gateRun(scored), null, 2)}\n`);
  });

  it('adds the extra keys after the summary, and writes an empty run as JSON.stringify does', () => {
    const notPrds = [{ file: 'README.md', message: 'This does not look like a PRD: a list of links.' }];
    const one = scored.slice(0, 1);
    const results = one.map(({ file, report }) => jsonResult(file, report));
    expect(written(results, { notPrds })).toBe(`${JSON.stringify({ ...gateRun(one), notPrds }, null, 2)}\n`);
    expect(written([], { notPrds })).toBe(`${JSON.stringify({ ...gateRun([]), notPrds }, null, 2)}\n`);
  });

  it('keeps what the run needs of each result', () => {
    const [first] = scored;
    if (!first) throw new Error('no corpus');
    const result = jsonResult(first.file, first.report);
    expect(result.verdict).toBe(first.report.verdict);
    expect(result.notPrd).toBe(notPrdMessage(first.report));
  });
});

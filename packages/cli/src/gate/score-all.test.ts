import { readdirSync, readFileSync } from 'node:fs';
import { DEFAULT_RUBRIC } from '@pi-studio/core/gate/default-rubric';
import { createJobPool } from '@pi-studio/server/lib/jobs/pool';
import { afterAll, describe, expect, it } from 'vitest';
import { PARALLEL_FROM, PARALLEL_MIN_CORES, scoreAll, scoreAllJson } from './score-all.ts';

const dir = new URL('../../../core/test/gate-corpus/', import.meta.url);
const names = readdirSync(dir).filter((name) => name.endsWith('.md'));
// Enough files to score in parallel, each corpus document several times.
const files = Array.from({ length: PARALLEL_FROM + 5 }, (_, i) => names[i % names.length] as string);
const texts = files.map((name) => readFileSync(new URL(name, dir), 'utf8'));
const jobs = createJobPool({ maxThreads: 1, niceIncrement: 0 });
afterAll(() => jobs.close());

describe('scoreAll', () => {
  it('scores in a worker and inline with the same results, in input order', async () => {
    const inline = await scoreAll(texts, DEFAULT_RUBRIC, jobs, 1);
    expect(await scoreAll(texts, DEFAULT_RUBRIC, jobs, PARALLEL_MIN_CORES)).toEqual(inline);
    const json = await scoreAllJson(texts, files, DEFAULT_RUBRIC, jobs, PARALLEL_MIN_CORES);
    expect(json).toEqual(await scoreAllJson(texts, files, DEFAULT_RUBRIC, jobs, 1));
    expect(json.map((r) => r.verdict)).toEqual(inline.map((r) => r.verdict));
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { JobError } from './errors.ts';
import { createJobPool, type JobPoolOptions, type JobRunner } from './pool.ts';
import type { TestJobs } from './test-jobs.ts';

const registry = new URL('./test-jobs.ts', import.meta.url);
const pools: JobRunner<TestJobs>[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

function pool(options: JobPoolOptions = {}): JobRunner<TestJobs> {
  const p = createJobPool<TestJobs>({ registry, maxThreads: 1, ...options });
  pools.push(p);
  return p;
}

const codeOf = (err: unknown) => (err instanceof JobError ? err.code : err);

describe('the job pool', () => {
  it('runs a TypeScript job in a worker thread and returns its result', async () => {
    expect(await pool().run('echo', { text: 'héllo' })).toEqual({ text: 'héllo', thread: 'worker' });
  });

  it('stops a job past its time limit, replaces the worker and keeps serving', async () => {
    const p = pool({ timeLimitMs: 1_000 });
    const started = performance.now();
    expect(codeOf(await p.run('spin', null).catch((e) => e))).toBe('timeout');
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(await p.run('echo', { text: 'after' })).toMatchObject({ text: 'after' });
  });

  it('counts the time limit from the start of the job, not from the queue', async () => {
    const p = pool({ timeLimitMs: 2_000 });
    await p.run('echo', { text: 'warm' });
    const first = p.run('sleep', 1_500);
    // Waits ~1.5 s for the worker, then runs for 1.5 s: within its own limit although 3 s pass in all.
    const second = p.run('sleep', 1_500);
    await expect(Promise.all([first, second])).resolves.toEqual([1_500, 1_500]);
  });

  it('replaces a worker that reaches its heap limit and answers out_of_memory', async () => {
    const p = pool({ maxOldGenerationSizeMb: 64 });
    expect(codeOf(await p.run('hog', null).catch((e) => e))).toBe('out_of_memory');
    expect(await p.run('echo', { text: 'alive' })).toMatchObject({ text: 'alive' });
  });

  it('reports a worker that exits as crashed and replaces it', async () => {
    const p = pool();
    expect(codeOf(await p.run('exit', null).catch((e) => e))).toBe('crashed');
    expect(await p.run('echo', { text: 'alive' })).toMatchObject({ text: 'alive' });
  });

  it('passes a bug in a job on as a plain error with its message (not a JobError)', async () => {
    const err = await pool()
      .run('boom', null)
      .catch((e: unknown) => e);
    expect(err).not.toBeInstanceOf(JobError);
    expect((err as Error).message).toBe('job boom failed: a bug in the job');
  });

  it('answers busy at once when the queue is full, and when a job waits too long for a worker', async () => {
    const p = pool({ maxQueue: 1, queueLimitMs: 1_000 });
    // A started worker first: a cold start (loading tsx) must not count against the 1 s wait below.
    await p.run('echo', { text: 'warm' });
    const running = p.run('sleep', 3_000);
    const queued = p.run('sleep', 10);
    expect(codeOf(await p.run('echo', { text: 'x' }).catch((e) => e))).toBe('busy');
    expect(codeOf(await queued.catch((e) => e))).toBe('busy');
    await expect(running).resolves.toBe(3_000);
  });

  it('close() ends running jobs with closed and refuses new ones', async () => {
    const p = pool();
    const running = p.run('sleep', 5_000).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 700));
    await p.close();
    expect(codeOf(await running)).toBe('closed');
    expect(codeOf(await p.run('echo', { text: 'x' }).catch((e) => e))).toBe('closed');
  });
});

// The worker pool for CPU-heavy jobs (docs/decisions/0008-worker-pool-piscina.md): DOCX conversion, diffs, gate
// scoring of large documents, and the imports to come. The event loop only hands work over and waits, so
// /healthz and every other request keep answering while a job runs.
//
// Each job has a time limit counted from the moment a worker starts it (waiting in the queue is not the input's
// fault) and runs in a worker with a heap limit; a worker that times out or dies is terminated and replaced, and
// the caller gets a JobError with a stable code. The queue is bounded: a full queue answers `busy` at once.
import { availableParallelism } from 'node:os';
import type { Logger } from 'pino';
import { Piscina } from 'piscina';
import { JobError } from './errors.ts';
import type { Jobs } from './registry.ts';

/** name → lazy import of the job function (one input, one result; both structured-cloneable). */
export type JobModules = Record<string, () => Promise<(input: never) => unknown>>;

type JobFn<R, N extends keyof R> = R[N] extends () => Promise<infer F> ? F : never;
export type JobInput<R, N extends keyof R> = JobFn<R, N> extends (input: infer I) => unknown ? I : never;
export type JobOutput<R, N extends keyof R> = JobFn<R, N> extends (input: never) => infer O ? Awaited<O> : never;

export type RunOptions = {
  /** Overrides the pool's time limit for this job. */
  timeLimitMs?: number;
  /** Buffers moved to the worker instead of copied (the caller must not use them afterwards). */
  transfer?: ArrayBuffer[];
};

export interface JobRunner<R = Jobs> {
  /** Runs job `name` in a worker; rejects with a JobError when the job cannot finish (busy, limits, shutdown). */
  run<N extends keyof R & string>(name: N, input: JobInput<R, N>, options?: RunOptions): Promise<JobOutput<R, N>>;
  /** Terminates the workers; queued and running jobs reject with `closed`. Idempotent. */
  close(): Promise<void>;
}

export type JobPoolOptions = {
  /** Default: one less than the cores (at least 1), so the event loop keeps a core of its own. */
  maxThreads?: number;
  /** Jobs waiting for a worker beyond the running ones. Default: 8 per thread. */
  maxQueue?: number;
  /** Per job, from the moment a worker starts it. Default 20 s. */
  timeLimitMs?: number;
  /** How long a job may wait for a worker before it is answered `busy`. Default 30 s. */
  queueLimitMs?: number;
  /** V8 old-generation heap of each worker. Default 512 MB. */
  maxOldGenerationSizeMb?: number;
  /** An idle worker exits after this long (its memory goes back to the system). Default 60 s. */
  idleTimeoutMs?: number;
  /**
   * Added to the workers' nice value (Linux, through piscina's optional @napi-rs/nice; ignored elsewhere). Default
   * 10: workers run at a lower CPU priority, so when cores are short the event loop wins and requests keep their
   * latency. The CLI passes 0: its workers do the command's own work.
   */
  niceIncrement?: number;
  /** The module exporting `jobs` (the registry). Default: ./registry.ts; tests pass their own. */
  registry?: URL;
  log?: Pick<Logger, 'warn' | 'error'>;
};

export const JOB_POOL_DEFAULTS = {
  maxThreads: Math.max(1, availableParallelism() - 1),
  timeLimitMs: 20_000,
  queueLimitMs: 30_000,
  maxOldGenerationSizeMb: 512,
  idleTimeoutMs: 60_000,
  niceIncrement: 10,
};

/**
 * The job registry beside this module: registry.ts when running from source (tsx, Vitest); in the CLI bundle this
 * code is a chunk in packages/cli/dist, beside the built registry and a copy of worker.mjs (scripts/build-cli.mjs).
 */
const DEFAULT_REGISTRY = new URL(
  import.meta.url.endsWith('.ts') ? './registry.ts' : './job-registry.js',
  import.meta.url,
);

type Task = { id: number; name: string; input: unknown };
type Reply = { value: unknown } | { error: { name: string; message: string; stack?: string } };

/**
 * A pool that starts its workers on the first job (commands and tests that never run a job never start one)
 * and lets idle workers exit, so it never keeps a process alive.
 */
export function createJobPool<R = Jobs>(options: JobPoolOptions = {}): JobRunner<R> {
  const maxThreads = options.maxThreads ?? JOB_POOL_DEFAULTS.maxThreads;
  const maxQueue = options.maxQueue ?? 8 * maxThreads;
  const timeLimitMs = options.timeLimitMs ?? JOB_POOL_DEFAULTS.timeLimitMs;
  const queueLimitMs = options.queueLimitMs ?? JOB_POOL_DEFAULTS.queueLimitMs;
  let pool: Piscina<Task, Reply> | null = null;
  let closed = false;
  let seq = 0;
  /** Jobs waiting for their worker's "started" message, by task id. */
  const onStarted = new Map<number, () => void>();

  function ensurePool(): Piscina<Task, Reply> {
    if (pool) return pool;
    pool = new Piscina<Task, Reply>({
      filename: new URL('./worker.mjs', import.meta.url).href,
      workerData: { registry: (options.registry ?? DEFAULT_REGISTRY).href },
      minThreads: 0,
      maxThreads,
      maxQueue,
      idleTimeout: options.idleTimeoutMs ?? JOB_POOL_DEFAULTS.idleTimeoutMs,
      // Plain message passing: a worker waiting in Atomics.wait between tasks would gain nothing here.
      atomics: 'disabled',
      niceIncrement: options.niceIncrement ?? JOB_POOL_DEFAULTS.niceIncrement,
      resourceLimits: {
        maxOldGenerationSizeMb: options.maxOldGenerationSizeMb ?? JOB_POOL_DEFAULTS.maxOldGenerationSizeMb,
      },
    });
    pool.on('message', (message: unknown) => {
      const id = (message as { pistudioJobStarted?: unknown } | null)?.pistudioJobStarted;
      if (typeof id === 'number') onStarted.get(id)?.();
    });
    // Piscina emits 'error' for a worker that fails with no job on it; unhandled, that would end the process.
    pool.on('error', (err: unknown) => options.log?.error({ err }, 'job worker failed outside a job'));
    return pool;
  }

  async function run(name: string, input: unknown, runOptions: RunOptions = {}): Promise<unknown> {
    if (closed) throw new JobError('closed', name, 'the job pool is shut down');
    const p = ensurePool();
    if (p.queueSize >= maxQueue) {
      throw new JobError('busy', name, `${p.queueSize} jobs are already waiting for a worker`);
    }
    const id = ++seq;
    const abort = new AbortController();
    let reason: 'queue' | 'timeout' | null = null;
    const stop = (why: 'queue' | 'timeout') => () => {
      reason = why;
      abort.abort();
    };
    const queueTimer = setTimeout(stop('queue'), queueLimitMs);
    let runTimer: NodeJS.Timeout | undefined;
    onStarted.set(id, () => {
      onStarted.delete(id);
      clearTimeout(queueTimer);
      runTimer = setTimeout(stop('timeout'), runOptions.timeLimitMs ?? timeLimitMs);
    });
    let reply: Reply;
    try {
      reply = await p.run({ id, name, input }, { signal: abort.signal, transferList: runOptions.transfer });
    } catch (err) {
      throw jobError(name, err, reason, closed);
    } finally {
      clearTimeout(queueTimer);
      clearTimeout(runTimer);
      onStarted.delete(id);
    }
    if ('error' in reply) {
      // A bug in the job, not a limit: keep its message and stack for the log (the request answers 500).
      throw Object.assign(new Error(`job ${name} failed: ${reply.error.message}`), { stack: reply.error.stack });
    }
    return reply.value;
  }

  function jobError(name: string, err: unknown, reason: 'queue' | 'timeout' | null, closing: boolean): JobError {
    if (reason === 'timeout') {
      const limit = timeLimitMs / 1000;
      return new JobError('timeout', name, `job ${name} ran longer than ${limit} s and was stopped`, { cause: err });
    }
    if (reason === 'queue') {
      return new JobError('busy', name, `job ${name} waited ${queueLimitMs / 1000} s for a free worker`);
    }
    if (closing) return new JobError('closed', name, 'the job pool shut down before the job finished');
    if ((err as { code?: unknown } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
      options.log?.warn({ job: name }, 'job worker reached its memory limit; replaced');
      return new JobError('out_of_memory', name, `job ${name} needed more memory than a worker may use`, {
        cause: err,
      });
    }
    options.log?.error({ err, job: name }, 'job worker died; replaced');
    return new JobError('crashed', name, `the worker running job ${name} died`, { cause: err });
  }

  return {
    run: run as JobRunner<R>['run'],
    async close() {
      if (closed) return;
      closed = true;
      await pool?.destroy();
    },
  };
}

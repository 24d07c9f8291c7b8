// The server's job pool for the CLI, loaded and started only when a job needs it (a .docx to convert, many files to
// score): commands that never run a job never load the server or start a worker. Its workers keep the normal CPU
// priority: here they do the command's own work, not work beside a server's requests.
import { availableParallelism } from 'node:os';
import type { JobRunner } from '@pi-studio/server/lib/jobs/pool';

export function lazyJobPool(maxThreads = Math.max(1, availableParallelism() - 1)): JobRunner {
  let pool: JobRunner | undefined;
  return {
    run: (async (name: Parameters<JobRunner['run']>[0], input: never, options?: Parameters<JobRunner['run']>[2]) => {
      pool ??= (await import('@pi-studio/server/lib/jobs/pool')).createJobPool({
        maxThreads,
        maxQueue: 64,
        niceIncrement: 0,
      });
      return pool.run(name, input, options);
    }) as JobRunner['run'],
    close: async () => {
      await pool?.close();
    },
  };
}

import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Db, DbHandle } from '../db/client.ts';
import { createJobPool, type JobRunner } from '../lib/jobs/pool.ts';
import { ReadCaches } from '../lib/read-cache.ts';

/** What every use case may need, passed explicitly (no globals) so tests can build their own. */
export type Deps = {
  db: Db;
  handle: DbHandle;
  config: Config;
  log: Logger;
  now: () => Date;
  /** In-memory results of hot reads, one set per opened database; each module declares its slots (lib/read-cache.ts). */
  caches: ReadCaches;
  /** CPU-heavy work off the event loop (lib/jobs); started on first use, closed on shutdown. */
  jobs: JobRunner;
};

export function createDeps(handle: DbHandle, config: Config, log: Logger, now: () => Date = () => new Date()): Deps {
  return {
    db: handle.db,
    handle,
    config,
    log,
    now,
    caches: new ReadCaches(handle.changes, { enabled: config.readCache }),
    jobs: createJobPool({ log }),
  };
}

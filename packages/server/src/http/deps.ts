import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Db, DbHandle } from '../db/client.ts';
import { createJobPool, type JobRunner } from '../lib/jobs/pool.ts';
import { ReadCache } from '../lib/read-cache.ts';
import type { ProductDetailRow } from '../modules/workspace/detail-query.ts';

/** In-memory results of hot reads, one set per opened database (see lib/read-cache.ts). */
export type Caches = {
  productDetail: ReadCache<ProductDetailRow>;
  /** Product list pages as response JSON (up to 200 products each: fewer entries). */
  productList: ReadCache<string>;
};

/** What every use case may need, passed explicitly (no globals) so tests can build their own. */
export type Deps = {
  db: Db;
  handle: DbHandle;
  config: Config;
  log: Logger;
  now: () => Date;
  caches: Caches;
  /** CPU-heavy work off the event loop (lib/jobs); started on first use, closed on shutdown. */
  jobs: JobRunner;
};

export function createDeps(handle: DbHandle, config: Config, log: Logger, now: () => Date = () => new Date()): Deps {
  const options = { enabled: config.readCache };
  return {
    db: handle.db,
    handle,
    config,
    log,
    now,
    caches: {
      productDetail: new ReadCache<ProductDetailRow>(handle.changes, options),
      productList: new ReadCache<string>(handle.changes, { ...options, maxEntries: 200 }),
    },
    jobs: createJobPool({ log }),
  };
}

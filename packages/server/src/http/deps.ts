import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Db, DbHandle } from '../db/client.ts';

/** What every use case may need, passed explicitly (no globals) so tests can build their own. */
export type Deps = {
  db: Db;
  handle: DbHandle;
  config: Config;
  log: Logger;
  now: () => Date;
};

// What the data commands share: the validated config (with --data-dir applied), the data-directory lock and
// the database, closed and unlocked again whatever happens.
import path from 'node:path';
import { type Config, ConfigError, loadConfig } from '@pi-studio/server/config';
import type { Deps } from '@pi-studio/server/use-case/deps';
import { CommandFailed } from './args.ts';

export const DATA_DIR_OPTION = { 'data-dir': { type: 'string' } } as const;

export const DATA_DIR_HELP = `  --data-dir DIR     embedded database directory (default: $PISTUDIO_DATA_DIR or ./data)`;

export function commandConfig(dataDir?: string): Config {
  try {
    const config = loadConfig();
    return dataDir ? { ...config, dataDir: path.resolve(dataDir) } : config;
  } catch (err) {
    if (err instanceof ConfigError) throw new CommandFailed(err.message);
    throw err;
  }
}

/** Opens the database under the same exclusive lock the server holds, runs `fn`, always closes and unlocks. */
export async function withDatabase<T>(config: Config, fn: (deps: Deps) => Promise<T>): Promise<T> {
  // Loaded here, not at the top: `--help` and usage errors should not pay for loading the whole server.
  const [{ openConfigured }, { createLogger }, { createDeps }] = await Promise.all([
    import('@pi-studio/server/main'),
    import('@pi-studio/server/logger'),
    import('@pi-studio/server/use-case/deps'),
  ]);
  // A one-shot command serves no cached reads: it needs no change listener.
  const { handle, unlock } = await openConfigured(config, { followChanges: false });
  // Commands print their own summary; the JSON log only carries warnings and errors.
  const logLevel = config.logLevel === 'info' ? 'warn' : config.logLevel;
  const deps = createDeps(handle, config, createLogger({ logLevel }));
  try {
    return await fn(deps);
  } finally {
    await deps.jobs.close();
    await handle.close();
    await unlock();
  }
}

/** Where the data lives, for messages (never prints a DATABASE_URL password). */
export function describeTarget(config: Config): string {
  if (!config.databaseUrl) return `the embedded database in ${config.dataDir}`;
  const url = new URL(config.databaseUrl);
  return `PostgreSQL ${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`;
}

// config → lock → db → bootstrap → app → listen; SIGTERM drains and closes the database cleanly.
import path from 'node:path';
import { serve } from '@hono/node-server';
import { type AppState, buildApp } from './app.ts';
import { bootstrap } from './bootstrap/index.ts';
import type { Config } from './config.ts';
import { openDb } from './db/client.ts';
import { lockDataDir } from './db/lock.ts';
import type { Deps } from './http/deps.ts';
import { createLogger } from './logger.ts';

export const pgliteDir = (dataDir: string) => path.join(dataDir, 'pg');

export type RunningServer = { url: string; port: number; stop: () => Promise<void>; deps: Deps };

/** Opens the configured database (taking the data-directory lock for PGlite). */
export async function openConfigured(config: Config) {
  const unlock = config.databaseUrl ? async () => {} : await lockDataDir(config.dataDir);
  try {
    const handle = await openDb({ databaseUrl: config.databaseUrl, dataDir: pgliteDir(config.dataDir) });
    return { handle, unlock };
  } catch (err) {
    await unlock();
    throw err;
  }
}

export async function startServer(config: Config, print: (line: string) => void = console.log): Promise<RunningServer> {
  const log = createLogger(config);
  const t0 = performance.now();
  const { handle, unlock } = await openConfigured(config);
  const deps: Deps = { db: handle.db, handle, config, log, now: () => new Date() };
  const boot = await bootstrap(deps);
  if (boot.admin) {
    print(
      boot.admin.generatedPassword
        ? `Created admin ${boot.admin.email} with password ${boot.admin.generatedPassword} (shown once; change it after signing in)`
        : `Created admin ${boot.admin.email} (password from PISTUDIO_ADMIN_PASSWORD)`,
    );
  }
  if (boot.demoLoaded) print('Loaded the demo studio (set PISTUDIO_DEMO=0 to start empty)');
  const state: AppState = { draining: false };
  const app = buildApp(deps, state);
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://localhost:${port}`;
  print(`PI Studio ready at ${url} (${handle.kind}, ${Math.round(performance.now() - t0)} ms)`);
  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= (async () => {
      state.draining = true;
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await handle.close();
      await unlock();
    })();
    return stopping;
  };
  return { url, port, stop, deps };
}

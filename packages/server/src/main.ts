// config → lock → db → bootstrap → app → listen; SIGTERM drains and closes the database cleanly.
import path from 'node:path';
import { type AppState, buildApp } from './app.ts';
import { bootstrap } from './bootstrap/index.ts';
import type { Config } from './config.ts';
import { openDb } from './db/client.ts';
import { lockDataDir } from './db/lock.ts';
import { type HttpServer, serveApp } from './http/node-server.ts';
import { createLogger } from './logger.ts';
import { createDeps, type Deps } from './use-case/deps.ts';

export const pgliteDir = (dataDir: string) => path.join(dataDir, 'pg');

export type RunningServer = { url: string; port: number; stop: () => Promise<void>; deps: Deps };

/** Opens the configured database (taking the data-directory lock for PGlite). */
export async function openConfigured(config: Config, opts: { followChanges?: boolean } = {}) {
  const lockStarted = performance.now();
  const lock = config.databaseUrl ? null : await lockDataDir(config.dataDir);
  const lockMs = performance.now() - lockStarted;
  const unlock = async () => {
    await lock?.release();
  };
  try {
    const handle = await openDb({ databaseUrl: config.databaseUrl, dataDir: pgliteDir(config.dataDir), ...opts });
    return { handle, unlock, lock, lockMs };
  } catch (err) {
    await unlock();
    throw err;
  }
}

/** How long SIGTERM waits for in-flight requests before cutting the remaining connections. */
const DRAIN_TIMEOUT_MS = 10_000;

function listen(app: ReturnType<typeof buildApp>, config: Config): Promise<HttpServer> {
  return new Promise<HttpServer>((resolve, reject) => {
    const s = serveApp(app, { port: config.port, hostname: config.host }, () => {
      s.off('error', onError);
      resolve(s);
    });
    const onError = (err: NodeJS.ErrnoException) =>
      reject(
        err.code === 'EADDRINUSE'
          ? new Error(`port ${config.port} is already in use; stop the other program or set PORT`)
          : err,
      );
    s.once('error', onError);
  });
}

/**
 * Stops accepting, lets in-flight requests finish, then cuts what is left after DRAIN_TIMEOUT_MS. Keep-alive
 * sockets are closed as soon as they fall idle (a request just answered), so clients cannot hold shutdown open.
 */
function drain(server: HttpServer): Promise<void> {
  return new Promise<void>((resolve) => {
    const closeIdle = () => {
      if ('closeIdleConnections' in server) server.closeIdleConnections();
    };
    const sweep = setInterval(closeIdle, 50);
    const force = setTimeout(() => {
      if ('closeAllConnections' in server) server.closeAllConnections();
    }, DRAIN_TIMEOUT_MS);
    server.close(() => {
      clearInterval(sweep);
      clearTimeout(force);
      resolve();
    });
    closeIdle();
  });
}

export async function startServer(config: Config, print: (line: string) => void = console.log): Promise<RunningServer> {
  const log = createLogger(config);
  const t0 = performance.now();
  const { handle, unlock, lock, lockMs } = await openConfigured(config);
  if (lock) {
    const took = lock.previousOwner;
    log.info(
      { lockFile: lock.file, lockMs: Math.round(lockMs * 10) / 10, previousOwner: took },
      took ? `took over the data directory lock of pid ${took.pid}, which no longer runs` : 'data directory locked',
    );
  }
  const deps = createDeps(handle, config, log);
  const unwatch = handle.changes.onLiveChange((live) =>
    live
      ? log.info('database change listener is back: read caches serve again')
      : log.warn('database change listener lost: every read goes to the database until it reconnects'),
  );
  const state: AppState = { draining: false };
  let server: HttpServer;
  try {
    const boot = await bootstrap(deps);
    if (boot.admin) {
      print(
        boot.admin.generatedPassword
          ? `Created admin ${boot.admin.email} with password ${boot.admin.generatedPassword} (shown once; change it after signing in)`
          : `Created admin ${boot.admin.email} (password from PISTUDIO_ADMIN_PASSWORD)`,
      );
    }
    if (boot.demoLoaded) print('Loaded the demo studio (set PISTUDIO_DEMO=0 to start empty)');
    server = await listen(buildApp(deps, state), config);
  } catch (err) {
    // A failed start must not leave the database open or the data directory locked.
    unwatch();
    await deps.jobs.close();
    await handle.close();
    await unlock();
    throw err;
  }
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://localhost:${port}`;
  print(`PI Studio ready at ${url} (${handle.kind}, ${Math.round(performance.now() - t0)} ms)`);
  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= (async () => {
      state.draining = true;
      await drain(server);
      // After the drain no request waits for a job; terminating the workers lets the process exit.
      await deps.jobs.close();
      unwatch();
      await handle.close();
      await unlock();
    })();
    return stopping;
  };
  return { url, port, stop, deps };
}

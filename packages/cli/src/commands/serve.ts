import { type CommandSpec, parseCommand, printUsage, UsageError } from '../args.ts';
import { commandConfig, DATA_DIR_HELP, DATA_DIR_OPTION } from '../runtime.ts';

export const serveSpec: CommandSpec = {
  name: 'serve',
  options: { port: { type: 'string' }, host: { type: 'string' }, ...DATA_DIR_OPTION },
  usage: `
Usage: pistudio serve [--port N] [--host ADDR] [--data-dir DIR]

Serves the web UI and the API (default http://localhost:3000). On an empty database it migrates, creates the
first admin (PISTUDIO_ADMIN_EMAIL / PISTUDIO_ADMIN_PASSWORD, otherwise a generated password printed once) and
loads the demo studio unless PISTUDIO_DEMO=0. Holds an exclusive lock on the data directory: a second server
or a data-changing command on the same directory exits 1. SIGTERM / Ctrl-C finish in-flight requests, close
the database and exit 0.

Options:
  --port N           port to listen on (default: $PORT or 3000; 0 picks a free port)
  --host ADDR        address to bind (default: $HOST or 0.0.0.0)
${DATA_DIR_HELP}
  -h, --help         show this help

Environment: PORT, HOST, PISTUDIO_DATA_DIR, DATABASE_URL (PostgreSQL instead of the embedded database),
PISTUDIO_ADMIN_EMAIL, PISTUDIO_ADMIN_PASSWORD, PISTUDIO_DEMO, PISTUDIO_LOG_LEVEL.
`,
};

export async function runServe(argv: string[]): Promise<number> {
  const args = parseCommand(serveSpec, argv);
  if (args.help) return printUsage(serveSpec);
  let config = commandConfig(args.string('data-dir'));
  const port = args.string('port');
  if (port !== undefined) {
    const n = Number(port);
    if (!/^\d+$/.test(port) || n > 65535) throw new UsageError(`serve: --port must be 0–65535, got '${port}'`);
    config = { ...config, port: n };
  }
  const host = args.string('host');
  if (host) config = { ...config, host };

  // Signals are caught from the start: a SIGTERM during first-time setup waits for it to finish instead of
  // killing the process halfway through creating the database.
  let signalled!: () => void;
  const stopRequested = new Promise<void>((resolve) => {
    signalled = resolve;
  });
  process.on('SIGTERM', signalled);
  process.on('SIGINT', signalled);
  try {
    const { startServer } = await import('@pi-studio/server/main');
    const server = await startServer(config);
    await stopRequested;
    console.log('Stopping: finishing in-flight requests');
    await server.stop();
    console.log('Stopped cleanly');
    return 0;
  } finally {
    process.off('SIGTERM', signalled);
    process.off('SIGINT', signalled);
  }
}

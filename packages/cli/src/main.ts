import { loadConfig } from '@pi-studio/server/config';
import { startServer } from '@pi-studio/server/main';

export async function main(argv: string[]): Promise<number> {
  const [command] = argv;
  if (command === 'serve') {
    const server = await startServer(loadConfig());
    const shutdown = () => {
      void server.stop().then(() => process.exit(0));
    };
    process.once('SIGTERM', shutdown);
    process.once('SIGINT', shutdown);
    await new Promise(() => {});
  }
  console.error(`pistudio: unknown command ${command ?? ''}`);
  return 2;
}

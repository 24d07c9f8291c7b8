// One product in a fresh bench studio, written straight into the database before the server starts (the benches that
// drive a spawned server: handover export, adoption ingest). `more` adds the bench's own rows in the same session.
import { eq } from 'drizzle-orm';
import pino from 'pino';
import { bootstrap } from '../packages/server/src/bootstrap/index.ts';
import { loadConfig } from '../packages/server/src/config.ts';
import type { Db } from '../packages/server/src/db/client.ts';
import { products, subsidiaries } from '../packages/server/src/db/schema/workspace.ts';
import { openConfigured } from '../packages/server/src/main.ts';
import { createDeps } from '../packages/server/src/use-case/deps.ts';

export const BENCH_ADMIN = { email: 'bench@pistudio.local', password: 'load-test-password-1' };
export const BENCH_ENV = {
  PISTUDIO_ADMIN_EMAIL: BENCH_ADMIN.email,
  PISTUDIO_ADMIN_PASSWORD: BENCH_ADMIN.password,
  PISTUDIO_DEMO: '0',
};

export async function seedBenchProduct(
  env: Record<string, string>,
  product: { code: string; name: string; stage: string },
  more: (db: Db, productId: string) => Promise<unknown> = async () => undefined,
): Promise<void> {
  const config = loadConfig({ ...BENCH_ENV, ...env, PISTUDIO_LOG_LEVEL: 'silent' });
  const { handle, unlock } = await openConfigured(config, { followChanges: false });
  try {
    await bootstrap(createDeps(handle, config, pino({ level: 'silent' })));
    await handle.db.insert(subsidiaries).values({ code: 'FINTX', name: 'FINTX (bench)' }).onConflictDoNothing();
    const [sub] = await handle.db
      .select({ id: subsidiaries.id })
      .from(subsidiaries)
      .where(eq(subsidiaries.code, 'FINTX'));
    if (!sub) throw new Error('no subsidiary FINTX');
    const [row] = await handle.db
      .insert(products)
      .values({ ...product, subsidiaryId: sub.id, productType: 'web_app' })
      .returning({ id: products.id });
    if (!row) throw new Error(`no product ${product.code}`);
    await more(handle.db, row.id);
  } finally {
    await handle.close();
    await unlock();
  }
}

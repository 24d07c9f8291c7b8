import { migrate } from '../db/migrate.ts';
import type { Deps } from '../use-case/deps.ts';
import { type CreatedAdmin, ensureAdmin } from './admin.ts';
import { seedReferenceData } from './reference-data.ts';

export type BootstrapResult = { admin: CreatedAdmin | null; demoLoaded: boolean };

/**
 * Migrates, then on an empty database creates the admin, the reference data (templates, taxonomy,
 * naming convention) and — unless PISTUDIO_DEMO=0 — the demo studio.
 */
export async function bootstrap(deps: Deps): Promise<BootstrapResult> {
  await migrate(deps.handle);
  const admin = await ensureAdmin(deps);
  await seedReferenceData(deps);
  let demoLoaded = false;
  if (admin && deps.config.loadDemo) {
    const { loadDemo } = await import('../demo/load.ts');
    await loadDemo(deps);
    demoLoaded = true;
  }
  return { admin, demoLoaded };
}

import { seedTemplates } from '../modules/documents/templates/seed.ts';
import { seedDefaultRubric } from '../modules/gate/rubrics/service.ts';
import { seedWorkspaceDefaults } from '../modules/workspace/seed.ts';
import type { Deps } from '../use-case/deps.ts';

/** Idempotent: inserts templates v1, the default taxonomy and naming convention when missing. */
export async function seedReferenceData(deps: Deps): Promise<void> {
  await seedWorkspaceDefaults(deps);
  await seedTemplates(deps);
  await seedDefaultRubric(deps);
}

import type { Deps } from '../http/deps.ts';

/** Idempotent: inserts templates v1, the default taxonomy and naming convention when missing. */
export async function seedReferenceData(_deps: Deps): Promise<void> {
  // filled in by the workspace/documents modules
}

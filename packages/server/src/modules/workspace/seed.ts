import type { Deps } from '../../http/deps.ts';

/** Idempotent: default taxonomy and naming convention when missing. */
export async function seedWorkspaceDefaults(_deps: Deps): Promise<void> {}

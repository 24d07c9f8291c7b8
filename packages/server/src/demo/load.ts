import type { Deps } from '../http/deps.ts';

/** Loads the demo studio (subsidiaries, users in every role, products at every stage, documents). */
export async function loadDemo(_deps: Deps): Promise<void> {
  // filled in by the demo task
}

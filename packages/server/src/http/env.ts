import type { Actor } from '../use-case/actor.ts';

/** Hono context variables set by the app's middleware. */
export type AppEnv = { Variables: { requestId: string; actor: Actor | null } };

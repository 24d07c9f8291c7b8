import type { ActorScope } from '@pi-studio/core/access/roles';

export type Actor = ActorScope & {
  userId: string;
  email: string;
  name: string;
  via: 'session' | 'token';
  /** Token scopes (read, write, admin); sessions carry all. */
  scopes: string[];
  sessionId?: string;
  csrfToken?: string;
};

/** Who an audit event names: the route wrapper builds it per request (`ctx.who()`), services pass it to writeAudit. */
export type AuditActor = { actorId: string | null; actorLabel: string; requestId: string };

/** Subsidiary ids the actor can see, or null for "all" (admins). */
export function visibleSubsidiaries(actor: Actor): string[] | null {
  return actor.isAdmin ? null : [...actor.roles.keys()];
}

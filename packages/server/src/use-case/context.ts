// The use-case context: what a service gets from whoever calls it — the route wrapper for a request, the CLI or the
// demo loader for the system. It carries no HTTP: services never see Hono's Context, a header or a status code.
import { randomUUID } from 'node:crypto';
import { type ActorScope, decide, type Permission } from '@pi-studio/core/access/roles';
import type { Actor, AuditActor } from './actor.ts';
import type { Deps } from './deps.ts';
import { forbidden, notFound, unauthenticated } from './errors.ts';

export type UseCaseCtx = {
  deps: Deps;
  /** Ties the audit events and the log lines of one use case together (a request id, `cli-…`). */
  requestId: string;
  /** The person acting, or null (signed out; the system). */
  actor: Actor | null;
  /** The acting person; Unauthenticated when there is none. */
  requireActor(): Actor;
  /** Decides `permission` on the stored record's subsidiary: NotFound if the actor cannot see it, Forbidden if not allowed. */
  authorize(permission: Permission, subsidiaryId: string): void;
  /** Records that the use case decided access itself (lists filtered by visibility, self-service). */
  markAuthorized(): void;
  /** Who to name in audit events written by this use case. */
  who(): AuditActor;
};

/** The context of a person's request; `onDecided` lets the route wrapper check that a policy decision was made. */
export function actorContext(deps: Deps, actor: Actor | null, requestId: string, onDecided: () => void): UseCaseCtx {
  const requireActor = () => {
    if (!actor) throw unauthenticated();
    return actor;
  };
  return {
    deps,
    requestId,
    actor,
    requireActor,
    authorize(permission, subsidiaryId) {
      onDecided();
      const scope: ActorScope = requireActor();
      const d = decide(scope, permission, subsidiaryId);
      if (d === 'hidden') throw notFound('resource');
      if (d === 'deny') throw forbidden();
    },
    markAuthorized: onDecided,
    who: () => ({ actorId: actor?.userId ?? null, actorLabel: actor?.email ?? 'anonymous', requestId }),
  };
}

/**
 * The system acting on an operator's command (the CLI, start-up, the demo loader): every permission holds, audit
 * events name `label` (e.g. `cli`) with no person. Use cases that need a person (self-service) refuse it.
 */
export function systemContext(deps: Deps, label: string): UseCaseCtx {
  const requestId = `${label}-${randomUUID()}`;
  return {
    deps,
    requestId,
    actor: null,
    requireActor: () => {
      throw unauthenticated(`${label} acts as the system, not as a person`);
    },
    authorize: () => {},
    markAuthorized: () => {},
    who: () => ({ actorId: null, actorLabel: label, requestId }),
  };
}

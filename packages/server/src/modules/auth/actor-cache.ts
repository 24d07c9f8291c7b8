// Resolving an actor costs two queries; a short-lived cache keeps hot read paths to one query.
// Every change to users, memberships, sessions or tokens clears it (this process is the only writer:
// PGlite is locked to it, and on PostgreSQL a revocation elsewhere takes at most TTL_MS to apply).
import type { Actor } from '../../use-case/actor.ts';

const TTL_MS = 5_000;
const MAX = 5_000;
const entries = new Map<string, { actor: Actor; at: number }>();

export function getCachedActor(key: string, now: number): Actor | undefined {
  const hit = entries.get(key);
  if (!hit) return undefined;
  if (now - hit.at > TTL_MS) {
    entries.delete(key);
    return undefined;
  }
  return hit.actor;
}

export function cacheActor(key: string, actor: Actor, now: number): void {
  if (entries.size >= MAX) entries.clear();
  entries.set(key, { actor, at: now });
}

export function clearActorCache(): void {
  entries.clear();
}

import { grantableScopes, scopesBeyondIssuer, type TokenScope } from '@pi-studio/core/access/token-scopes';
import type { Actor } from '../../../use-case/actor.ts';
import { DomainError } from '../../../use-case/errors.ts';

/**
 * Refuses (403) a token request wider than the caller: silently narrowing it would hand back a token that
 * does less than asked, and the caller would only find out when a call fails.
 */
export function assertGrantable(actor: Actor, requested: readonly TokenScope[]): void {
  const beyond = scopesBeyondIssuer(actor, requested);
  if (!beyond.length) return;
  const grantable = grantableScopes(actor).join(', ') || 'none';
  const caller = actor.via === 'token' ? 'the API token making this call' : 'your account';
  const reason = `${beyond.join(', ')} ${beyond.length > 1 ? 'are' : 'is'} beyond ${caller} (may grant: ${grantable})`;
  throw new DomainError(
    'forbidden',
    'scope_exceeds_caller',
    `a new token may not have more scopes than its creator: ${reason}`,
    [{ name: 'scopes', reason }],
  );
}

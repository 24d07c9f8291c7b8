// What the guest-link API sends, typed by the contract (core/contract/uat.ts). Never the token's hash.
import type { UatGuestLink } from '@pi-studio/core/contract/uat';
import type { GuestLinkRecord } from './repo.ts';

export function linkState(l: Pick<GuestLinkRecord, 'revokedAt' | 'expiresAt'>, now: Date): UatGuestLink['state'] {
  if (l.revokedAt) return 'revoked';
  return l.expiresAt.getTime() <= now.getTime() ? 'expired' : 'active';
}

export function presentGuestLink(l: GuestLinkRecord, now: Date): UatGuestLink {
  return {
    id: l.id,
    sessionKey: l.sessionKey,
    guestName: l.guestName,
    expiresAt: l.expiresAt.toISOString(),
    revokedAt: l.revokedAt?.toISOString() ?? null,
    lastUsedAt: l.lastUsedAt?.toISOString() ?? null,
    state: linkState(l, now),
    createdAt: l.createdAt.toISOString(),
  };
}

import type { Me } from '@pi-studio/core/contract/auth';
import type { Actor } from '../../../use-case/actor.ts';

export const presentMe = (actor: Actor, subsidiaryCodes: Map<string, string>): Omit<Me, 'totp'> => ({
  user: { id: actor.userId, email: actor.email, name: actor.name, isAdmin: actor.isAdmin },
  csrfToken: actor.csrfToken ?? null,
  via: actor.via,
  memberships: [...actor.roles].map(([subsidiaryId, role]) => ({
    subsidiaryId,
    subsidiary: subsidiaryCodes.get(subsidiaryId) ?? '',
    role,
  })),
});

import type { User } from '@pi-studio/core/contract/workspace';
import type { UserRow } from './repo.ts';

export type UserMembership = User['memberships'][number];

export const presentUser = (u: UserRow, ms: UserMembership[]): User => ({
  id: u.id,
  email: u.email,
  name: u.name,
  isAdmin: u.isAdmin,
  disabled: u.disabled,
  createdAt: u.createdAt.toISOString(),
  memberships: ms,
});

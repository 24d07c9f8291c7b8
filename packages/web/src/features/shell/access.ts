import { ROLE_PERMISSIONS } from '@pi-studio/core/access/roles';
import type { Me } from '../auth/api.ts';

export const canReadAudit = (me: Me) =>
  me.user.isAdmin || me.memberships.some((m) => ROLE_PERMISSIONS[m.role].includes('audit.read'));

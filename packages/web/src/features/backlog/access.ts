// Whether to offer the backlog's changes (sync, generate, edit, sprints); the server decides again on every request.
import { ROLE_PERMISSIONS } from '@pi-studio/core/access/roles';
import type { Me } from '../auth/api.ts';

export const canWriteBacklog = (me: Me, subsidiaryCode: string) =>
  me.user.isAdmin ||
  me.memberships.some((m) => m.subsidiary === subsidiaryCode && ROLE_PERMISSIONS[m.role].includes('backlog.write'));

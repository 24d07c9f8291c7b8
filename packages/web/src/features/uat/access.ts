// Whether to offer UAT's changes: managing sessions, cases and guest links, or recording results. The server decides
// again on every request.
import { type Permission, ROLE_PERMISSIONS } from '@pi-studio/core/access/roles';
import type { Me } from '../auth/api.ts';

const may = (me: Me, subsidiaryCode: string, permission: Permission) =>
  me.user.isAdmin ||
  me.memberships.some((m) => m.subsidiary === subsidiaryCode && ROLE_PERMISSIONS[m.role].includes(permission));

export const canManageUat = (me: Me, subsidiaryCode: string) => may(me, subsidiaryCode, 'uat.manage');
export const canRunUat = (me: Me, subsidiaryCode: string) => may(me, subsidiaryCode, 'uat.run');

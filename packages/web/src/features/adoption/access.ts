// Whether to offer editing the tracking plan (adoption.write) and how to send events (events.send); the server
// decides again on every request.
import { type Permission, ROLE_PERMISSIONS } from '@pi-studio/core/access/roles';
import type { Me } from '../auth/api.ts';

const may = (permission: Permission) => (me: Me, subsidiaryCode: string) =>
  me.user.isAdmin ||
  me.memberships.some((m) => m.subsidiary === subsidiaryCode && ROLE_PERMISSIONS[m.role].includes(permission));

export const canEditPlan = may('adoption.write');
export const canSendEvents = may('events.send');

// Whether to offer uploading packs; the server decides again on every request (handover.write).
import { ROLE_PERMISSIONS } from '@pi-studio/core/access/roles';
import type { Me } from '../auth/api.ts';

export const canWriteHandover = (me: Me, subsidiaryCode: string) =>
  me.user.isAdmin ||
  me.memberships.some((m) => m.subsidiary === subsidiaryCode && ROLE_PERMISSIONS[m.role].includes('handover.write'));

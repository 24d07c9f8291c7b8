// Whether to offer submitting and triage; the server decides again on every request.
import { ROLE_PERMISSIONS } from '@pi-studio/core/access/roles';
import type { Me } from '../auth/api.ts';

const has = (me: Me, subsidiaryCode: string, permission: 'feedback.submit' | 'feedback.triage') =>
  me.user.isAdmin ||
  me.memberships.some((m) => m.subsidiary === subsidiaryCode && ROLE_PERMISSIONS[m.role].includes(permission));

export const canSubmitFeedback = (me: Me, subsidiaryCode: string) => has(me, subsidiaryCode, 'feedback.submit');
export const canTriageFeedback = (me: Me, subsidiaryCode: string) => has(me, subsidiaryCode, 'feedback.triage');

// What the UI offers; the server decides again on every request.
import { ROLE_PERMISSIONS } from '@pi-studio/core/access/roles';
import type { Me } from '../auth/api.ts';

/** ProductOps and subsidiary admins (permission gate.review) review submissions; site admins everywhere. */
export const canReviewGate = (me: Me, subsidiaryCode: string) =>
  me.user.isAdmin ||
  me.memberships.some((m) => m.subsidiary === subsidiaryCode && ROLE_PERMISSIONS[m.role].includes('gate.review'));

/** Rubrics and the golden library are curated by ProductOps and admins of any subsidiary. */
export const canCurateGate = (me: Me) =>
  me.user.isAdmin || me.memberships.some((m) => m.role === 'productops' || m.role === 'admin');

export const subsidiaryOf = (ref: { subsidiary: string | { code: string } }) =>
  typeof ref.subsidiary === 'string' ? ref.subsidiary : ref.subsidiary.code;

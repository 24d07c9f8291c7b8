// Who is offered IT's forms: the review (403 `not_it_owner` otherwise) and the gap log; the server decides again.
// The checklist and the artifacts are kept by the team that uploads handover packs (handover.write, see
// features/handover/access.ts).
import { ROLE_PERMISSIONS } from '@pi-studio/core/access/roles';
import type { Me } from '../auth/api.ts';

/** The product's IT owner decides at the readiness review; a studio administrator may stand in. */
export const canRecordReview = (me: Me, itOwnerId: string | null) => me.user.isAdmin || me.user.id === itOwnerId;

/** IT (handover.accept) logs the gaps found after handover. */
export const canReportGaps = (me: Me, subsidiaryCode: string) =>
  me.user.isAdmin ||
  me.memberships.some((m) => m.subsidiary === subsidiaryCode && ROLE_PERMISSIONS[m.role].includes('handover.accept'));

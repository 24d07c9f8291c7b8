// Whether to offer "New version"; the server decides again (administrators and ProductOps in any subsidiary, else 403).
import type { Me } from '../auth/api.ts';

export const canEditTemplates = (me: Me) =>
  me.user.isAdmin || me.memberships.some((m) => m.role === 'productops' || m.role === 'admin');

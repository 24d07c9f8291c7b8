import { ROLES } from '@pi-studio/core/access/roles';

export const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: r }));

import { rolesWith } from './policy.ts';
import type { Expectations } from './route-case.ts';

export const auditCases: Expectations = {
  // Studio-wide list: administrators see everything, roles with audit.read the events of their subsidiaries.
  'GET /audit': {
    policy: { anyRole: rolesWith('audit.read') },
    build: () => ({ path: '/api/v1/audit?limit=5' }),
  },
};

// Reports read what the caller may already see: any signed-in person gets the report of the subsidiaries they have a
// role in (weekly-intake.test.ts proves another subsidiary's reviews stay out of it).
import type { Expectations } from './route-case.ts';

export const reportsCases: Expectations = {
  'GET /reports/weekly-intake': { policy: 'signed-in', build: () => ({ path: '/api/v1/reports/weekly-intake' }) },
  'GET /reports/weekly-intake.md': {
    policy: 'signed-in',
    build: () => ({ path: '/api/v1/reports/weekly-intake.md' }),
  },
  'GET /reports/weekly-intake.pdf': {
    policy: 'signed-in',
    build: () => ({ path: '/api/v1/reports/weekly-intake.pdf' }),
  },
};

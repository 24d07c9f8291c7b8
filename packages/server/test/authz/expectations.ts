// The authorization policy of EVERY route, written down on its own: a route in the route table without an entry
// here fails the matrix, so nobody ships a route without deciding (and testing) who may call it.
import { adoptionCases } from './adoption.cases.ts';
import { auditCases } from './audit.cases.ts';
import { authCases } from './auth.cases.ts';
import { backlogCases } from './backlog.cases.ts';
import { documentCases } from './documents.cases.ts';
import { feedbackCases } from './feedback.cases.ts';
import { gateCases } from './gate.cases.ts';
import { handoverCases } from './handover.cases.ts';
import { reportsCases } from './reports.cases.ts';
import type { Expectations } from './route-case.ts';
import { signoffCases } from './signoff.cases.ts';
import { totpCases } from './totp.cases.ts';
import { uatCases } from './uat.cases.ts';
import { workspaceCases } from './workspace.cases.ts';

export const expectations: Expectations = {
  ...authCases,
  ...totpCases,
  ...workspaceCases,
  ...documentCases,
  ...auditCases,
  ...gateCases,
  ...backlogCases,
  ...feedbackCases,
  ...signoffCases,
  ...uatCases,
  ...handoverCases,
  ...adoptionCases,
  ...reportsCases,
};

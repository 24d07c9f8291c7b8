// Every UAT route, by resource: sessions, their cases, runs and screenshots, defects, guest links and what a guest
// does through one.
import { caseRoutes } from './cases/routes.ts';
import { defectRoutes } from './defects/routes.ts';
import { guestLinkRoutes, guestRoutes } from './guests/routes.ts';
import { runRoutes } from './runs/routes.ts';
import { sessionRoutes } from './sessions/routes.ts';

export const uatRoutes = [
  ...sessionRoutes,
  ...caseRoutes,
  ...runRoutes,
  ...defectRoutes,
  ...guestLinkRoutes,
  ...guestRoutes,
];

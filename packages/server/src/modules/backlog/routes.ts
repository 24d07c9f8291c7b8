// The backlog's routes, all under /products/:code (contract: docs/api-contract.md, "Backlog"; guide: docs/backlog.md).
import { changeRequestRoutes } from './changes/routes.ts';
import { exchangeRoutes } from './exchange/routes.ts';
import { requirementRoutes } from './requirements/routes.ts';
import { sprintRoutes } from './sprints/routes.ts';
import { storyRoutes } from './stories/routes.ts';
import { traceRoutes } from './trace/routes.ts';

// Sub-folders by resource, each with routes.ts, service.ts, repo.ts and presenters.ts; policy.ts and repo.ts here
// hold what they share (the product and its access, the PRD baseline, the per-product lock). The exchange routes
// come before the stories' `:key` routes, so `stories/export.csv` is not read as a story key.
export const backlogRoutes = [
  ...requirementRoutes,
  ...exchangeRoutes,
  ...storyRoutes,
  ...sprintRoutes,
  ...traceRoutes,
  ...changeRequestRoutes,
];

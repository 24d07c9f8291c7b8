// The backlog's routes, under /products/:code, and the builder API under /builder (contract: docs/api-contract.md,
// "Backlog"; guide: docs/backlog.md).
import { builderRoutes } from './builder/routes.ts';
import { changeRequestRoutes } from './changes/routes.ts';
import { clarificationRoutes } from './clarifications/routes.ts';
import { exchangeRoutes } from './exchange/routes.ts';
import { requirementRoutes } from './requirements/routes.ts';
import { sprintRoutes } from './sprints/routes.ts';
import { stageRoutes } from './stage/routes.ts';
import { storyRoutes } from './stories/routes.ts';
import { storyBulkRoutes } from './stories-bulk/routes.ts';
import { summaryRoutes } from './summary/routes.ts';
import { traceRoutes } from './trace/routes.ts';

// Sub-folders by resource, each with routes.ts, service.ts, repo.ts and presenters.ts; policy.ts and repo.ts here
// hold what they share (the product and its access, the PRD baseline, the per-product lock). The exchange routes
// come before the stories' `:key` routes, so `stories/export.csv` is not read as a story key.
export const backlogRoutes = [
  ...requirementRoutes,
  ...exchangeRoutes,
  ...storyBulkRoutes,
  ...storyRoutes,
  ...sprintRoutes,
  ...clarificationRoutes,
  ...traceRoutes,
  ...changeRequestRoutes,
  ...summaryRoutes,
  ...stageRoutes,
  ...builderRoutes,
];

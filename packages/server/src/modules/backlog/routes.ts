// The backlog's routes, all under /products/:code (contract: docs/api-contract.md, "Backlog"; guide: docs/backlog.md).
import { requirementRoutes } from './requirements/routes.ts';
import { sprintRoutes } from './sprints/routes.ts';
import { storyRoutes } from './stories/routes.ts';

// Sub-folders by resource, each with routes.ts, service.ts, repo.ts and presenters.ts; policy.ts and repo.ts here
// hold what they share (the product and its access, the PRD baseline, the per-product lock).
export const backlogRoutes = [...requirementRoutes, ...storyRoutes, ...sprintRoutes];

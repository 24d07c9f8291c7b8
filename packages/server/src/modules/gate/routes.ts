// The PRD Quality Gate's routes (contract: docs/api-contract.md, "PRD Quality Gate"; guide: docs/gate.md).
import { goldenRoutes } from './golden/routes.ts';
import { metricsRoutes } from './metrics/routes.ts';
import { reviewRoutes } from './reviews/routes.ts';
import { rubricRoutes } from './rubrics/routes.ts';

// Sub-folders by resource, each with routes.ts, service.ts, repo.ts (and presenters.ts, policy.ts where needed);
// items/ (overrides, waivers, conditions) is served by reviews/routes.ts, demo/ loads the demo studio's gate.
export const gateRoutes = [...rubricRoutes, ...reviewRoutes, ...metricsRoutes, ...goldenRoutes];

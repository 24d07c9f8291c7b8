// The PRD Quality Gate's routes (contract: docs/api-contract.md, "PRD Quality Gate"; guide: docs/gate.md).
import { goldenRoutes } from './golden.routes.ts';
import { reviewRoutes } from './reviews.routes.ts';
import { rubricRoutes } from './rubrics.routes.ts';

export const gateRoutes = [...rubricRoutes, ...reviewRoutes, ...goldenRoutes];

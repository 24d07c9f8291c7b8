// Every handover route, by resource: the packs, then the package (checklist, artifacts, review, gap log, checkpoint).
import { packageRoutes } from './package/routes.ts';
import { packRoutes } from './packs/routes.ts';

export const handoverRoutes = [...packRoutes, ...packageRoutes];

// Every handover route, by resource: the packs, the package (checklist, artifacts, review, gap log, checkpoint, export)
// and the checklist templates.
import { itemRoutes } from './package/items/routes.ts';
import { packageRoutes } from './package/routes.ts';
import { packRoutes } from './packs/routes.ts';
import { templateRoutes } from './templates/routes.ts';

export const handoverRoutes = [...packRoutes, ...packageRoutes, ...itemRoutes, ...templateRoutes];

// Every handover route, by resource. Packs for now; the package, its checklist and the review join them here.
import { packRoutes } from './packs/routes.ts';

export const handoverRoutes = [...packRoutes];

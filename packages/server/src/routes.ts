// The route table: every API route of every module, in the order of MODULES (modules/index.ts). The app, the
// OpenAPI document and the authorization matrix take their routes from here.
import type { RouteDef } from './http/route.ts';
import { MODULES } from './modules/index.ts';

export const routeTable: RouteDef[] = MODULES.flatMap((m) => m.routes);

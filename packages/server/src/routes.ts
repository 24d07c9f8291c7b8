// The route table: every API route of every module. The authorization matrix test walks this list.
import type { RouteDef } from './http/route.ts';
import { authRoutes } from './modules/auth/routes.ts';

export const routeTable: RouteDef[] = [...authRoutes];

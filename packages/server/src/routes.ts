// The route table: every API route of every module. The authorization matrix test walks this list.
import type { RouteDef } from './http/route.ts';
import { auditRoutes } from './modules/audit/routes.ts';
import { oidcRoutes } from './modules/auth/oidc.routes.ts';
import { authRoutes } from './modules/auth/routes.ts';
import { signInSettingsRoutes } from './modules/auth/sign-in.routes.ts';
import { totpRoutes } from './modules/auth/totp.routes.ts';
import { documentRoutes } from './modules/documents/routes.ts';
import { gateRoutes } from './modules/gate/routes.ts';
import { searchRoutes } from './modules/search/routes.ts';
import { namingRoutes, subsidiaryRoutes, taxonomyRoutes } from './modules/workspace/admin/routes.ts';
import { productRoutes } from './modules/workspace/products/routes.ts';
import { userRoutes } from './modules/workspace/users/routes.ts';

export const routeTable: RouteDef[] = [
  ...authRoutes,
  ...oidcRoutes,
  ...totpRoutes,
  ...signInSettingsRoutes,
  ...subsidiaryRoutes,
  ...productRoutes,
  ...taxonomyRoutes,
  ...namingRoutes,
  ...userRoutes,
  ...auditRoutes,
  ...documentRoutes,
  ...searchRoutes,
  ...gateRoutes,
];

// The auth module's manifest: sign-in (password, TOTP, single sign-on), sessions, API tokens and sign-in settings.
import { AUDIT_ACTIONS } from '@pi-studio/core/contract/audit-actions';
import type { ModuleManifest } from '../manifest.ts';
import { oidcRoutes } from './oidc/routes.ts';
import { sessionRoutes } from './sessions/routes.ts';
import { signInSettingsRoutes } from './sign-in-settings/routes.ts';
import { tokenRoutes } from './tokens/routes.ts';
import { totpRoutes } from './totp/routes.ts';

export const authModule = {
  name: 'auth',
  routes: [...sessionRoutes, ...tokenRoutes, ...oidcRoutes, ...totpRoutes, ...signInSettingsRoutes],
  permissions: [],
  auditActions: AUDIT_ACTIONS.auth,
} satisfies ModuleManifest;

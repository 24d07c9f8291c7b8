// Studio-wide sign-in settings for administrators. SSO adds its provider configuration beside these.
import { ZSignInSettings } from '@pi-studio/core/contract/sign-in';
import { defineRoute } from '../../../http/route.ts';
import { getSignInSettings, updateSignInSettings } from './service.ts';

export const signInSettingsRoutes = [
  defineRoute({
    method: 'get',
    path: '/admin/sign-in',
    summary: 'Sign-in settings: local password sign-in and who must use two-step sign-in',
    tag: 'admin',
    access: 'admin',
    response: ZSignInSettings,
    handler: async (ctx) => ({ body: await getSignInSettings(ctx) }),
  }),
  defineRoute({
    method: 'put',
    path: '/admin/sign-in',
    summary: 'Change the sign-in settings (audited); applies from each person’s next sign-in',
    tag: 'admin',
    access: 'admin',
    body: ZSignInSettings,
    response: ZSignInSettings,
    handler: async (ctx, { body }) => ({ body: await updateSignInSettings(ctx, body) }),
  }),
];

// API tokens for scripts and CI: list, create (the secret is shown once), revoke.
import {
  type CreatedToken,
  type TokenList,
  ZApiToken,
  ZCreatedToken,
  ZTokenBody,
  ZTokenList,
} from '@pi-studio/core/contract/auth';
import { ZIdParams } from '@pi-studio/core/contract/common';
import { defineRoute } from '../../../http/route.ts';
import { presentToken } from './presenters.ts';
import { createToken, listTokens, revokeToken } from './service.ts';

export const tokenRoutes = [
  defineRoute({
    method: 'get',
    path: '/tokens',
    summary: 'Your API tokens (never their secrets)',
    tag: 'auth',
    access: 'authenticated',
    response: ZTokenList,
    handler: async (ctx) => {
      const list: TokenList = { items: (await listTokens(ctx)).map(presentToken) };
      return { body: list };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/tokens',
    summary: 'Create an API token with at most your own scopes; the secret is shown once in this response',
    description:
      'The new token’s scopes must be a subset of the caller’s. A signed-in session may grant any scope its user ' +
      'holds (admin only to administrators); an API token may grant only scopes it carries itself. A wider request ' +
      'is refused with 403 `scope_exceeds_caller` naming `scopes`, never silently narrowed.',
    tag: 'auth',
    access: 'authenticated',
    body: ZTokenBody,
    response: ZCreatedToken,
    problems: { 403: ['scope_exceeds_caller'] },
    handler: async (ctx, { body }) => {
      const { token, row } = await createToken(ctx, {
        userId: ctx.requireActor().userId,
        name: body.name,
        scopes: body.scopes,
        expiresInDays: body.expiresInDays,
      });
      const created: CreatedToken = { ...presentToken(row), token };
      return { body: created };
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/tokens/:id',
    summary: 'Revoke an API token',
    tag: 'auth',
    access: 'authenticated',
    params: ZIdParams,
    response: ZApiToken,
    problems: { 404: ['not_found'] },
    handler: async (ctx, { params }) => ({ body: presentToken(await revokeToken(ctx, params.id)) }),
  }),
];

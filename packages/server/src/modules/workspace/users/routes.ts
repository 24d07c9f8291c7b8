import { ZIdParams } from '@pi-studio/core/contract/common';
import {
  type UserList,
  ZCreatedUser,
  ZMembershipsBody,
  ZUser,
  ZUserBody,
  ZUserList,
  ZUserPatch,
  ZUserQuery,
} from '@pi-studio/core/contract/workspace';
import { defineRoute } from '../../../http/route.ts';
import { createUser, listUsers, setMemberships, updateUser } from './service.ts';

export const userRoutes = [
  defineRoute({
    method: 'get',
    path: '/users',
    summary: 'People: administrators see all; others the members of their subsidiaries, with roles there only',
    tag: 'users',
    access: 'authenticated',
    query: ZUserQuery,
    response: ZUserList,
    handler: async (ctx, { query }) => {
      const list: UserList = { items: await listUsers(ctx, query), nextCursor: null };
      return { body: list };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/users',
    summary: 'Create a user; without a password one is generated and returned once',
    tag: 'users',
    access: 'admin',
    body: ZUserBody,
    response: ZCreatedUser,
    problems: { 409: ['user_exists'] },
    handler: async (ctx, { body }) => ({ body: await createUser(ctx, body) }),
  }),
  defineRoute({
    method: 'patch',
    path: '/users/:id',
    summary: 'Rename, disable or (un)make administrator',
    tag: 'users',
    access: 'admin',
    params: ZIdParams,
    body: ZUserPatch,
    response: ZUser,
    problems: { 404: ['not_found'] },
    handler: async (ctx, { params, body }) => ({
      body: await updateUser(ctx, params.id, body),
    }),
  }),
  defineRoute({
    method: 'put',
    path: '/users/:id/memberships',
    summary: 'Replace the roles a user holds per subsidiary',
    tag: 'users',
    access: 'admin',
    params: ZIdParams,
    body: ZMembershipsBody,
    response: ZUser,
    problems: { 404: ['not_found'] },
    handler: async (ctx, { params, body }) => ({
      body: await setMemberships(ctx, params.id, body.memberships),
    }),
  }),
];

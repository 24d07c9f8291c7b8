import { defineRoute } from '../../http/route.ts';
import { requireTemplateEditor } from './policy.ts';
import { presentTemplate } from './presenters.ts';
import { ZTemplateParams, ZTemplatesQuery, ZTemplateVersionBody } from './schemas.ts';
import { saveTemplateVersion, templateDetail, templatesOfKind } from './templates-service.ts';

const tag = 'templates';

// Templates are global in v1 (no subsidiary scope), so every signed-in user may read them.
export const templateRoutes = [
  defineRoute({
    method: 'get',
    path: '/templates',
    summary: 'Document templates with their current version',
    tag,
    access: 'authenticated',
    query: ZTemplatesQuery,
    handler: async (ctx, { query }) => {
      ctx.markAuthorized();
      return { body: { items: (await templatesOfKind(ctx.deps, query.kind)).map(presentTemplate) } };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/templates/:id',
    summary: 'A template, its versions and the body of its current version',
    tag,
    access: 'authenticated',
    params: ZTemplateParams,
    handler: async (ctx, { params }) => {
      ctx.markAuthorized();
      return { body: await templateDetail(ctx.deps, params.id) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/templates/:id/versions',
    summary: 'Save a new template version (administrators and product ops)',
    tag,
    access: 'authenticated',
    params: ZTemplateParams,
    body: ZTemplateVersionBody,
    handler: async (ctx, { params, body }) => {
      requireTemplateEditor(ctx);
      return { body: await saveTemplateVersion(ctx.deps, ctx.requireActor(), ctx.who(), params.id, body) };
    },
  }),
];

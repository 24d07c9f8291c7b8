import { ZIdParams } from '@pi-studio/core/contract/common';
import {
  ZTemplateDetail,
  ZTemplateList,
  ZTemplatesQuery,
  ZTemplateVersionBody,
} from '@pi-studio/core/contract/templates';
import { defineRoute } from '../../../http/route.ts';
import { saveTemplateVersion, templateDetail, templateEtag, templatesOfKind } from './service.ts';

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
    response: ZTemplateList,
    handler: async (ctx, { query }) => ({ body: await templatesOfKind(ctx, query.kind) }),
  }),
  defineRoute({
    method: 'get',
    path: '/templates/:id',
    summary: 'A template, its versions and the body of its current version',
    tag,
    access: 'authenticated',
    params: ZIdParams,
    response: ZTemplateDetail,
    problems: { 404: ['not_found'] },
    handler: async (ctx, { params }) => {
      const detail = await templateDetail(ctx, params.id);
      return { body: detail, headers: { etag: templateEtag(detail) } };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/templates/:id/versions',
    summary: 'Save a new template version (administrators and product ops); If-Match: "1.3" refuses a stale save',
    tag,
    access: 'authenticated',
    params: ZIdParams,
    body: ZTemplateVersionBody,
    response: ZTemplateDetail,
    problems: {
      404: ['not_found'],
      409: ['stale_version'],
      422: ['no_change'],
      428: ['precondition_required'],
    },
    handler: async (ctx, { params, body }) => {
      const saved = await saveTemplateVersion(ctx, params.id, body, ctx.header('if-match'));
      return { body: saved, headers: { etag: templateEtag(saved) } };
    },
  }),
];

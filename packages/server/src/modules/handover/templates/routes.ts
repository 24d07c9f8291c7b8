import { ZChecklistTemplate, ZTemplateParams, ZTemplateSummary } from '@pi-studio/core/contract/handover-package';
import { z } from 'zod';
import { defineRoute } from '../../../http/route.ts';
import { createTemplate, listTemplates, templateDetail } from './service.ts';

const tag = 'handover';

export const templateRoutes = [
  defineRoute({
    method: 'get',
    path: '/handover/templates',
    summary: 'The readiness checklist templates: the built-in one and the versions ProductOps wrote, newest first',
    tag,
    access: 'authenticated',
    response: z.strictObject({ items: z.array(ZTemplateSummary) }),
    handler: async (ctx) => ({ body: await listTemplates(ctx) }),
  }),
  defineRoute({
    method: 'get',
    path: '/handover/templates/:templateId/:version',
    summary: 'One checklist template version, whole',
    tag,
    access: 'authenticated',
    params: ZTemplateParams,
    response: ZChecklistTemplate,
    handler: async (ctx, { params }) => ({ body: await templateDetail(ctx, params.templateId, params.version) }),
  }),
  defineRoute({
    method: 'post',
    path: '/handover/templates',
    summary: 'Save a new checklist template version (administrators and ProductOps)',
    description:
      'The body is the whole template `{id, version, title, weights:{required, recommended}, items:[{id, group, ' +
      'text, why, evidence, applies:{required:[type], recommended:[type], whenFlags?:[flag]}}]}`, checked by core: ' +
      'every problem is one `invalid_params` entry naming its field (`items.3.id`: used twice, unknown group, an ' +
      'item that never applies…), code `invalid_checklist_template`. The version must be above the newest of that ' +
      'id (409 `template_version_exists`). New packages use the newest version; existing ones keep theirs. Audited ' +
      '`handover.template_created`.',
    tag,
    access: 'authenticated',
    body: z.record(z.string(), z.unknown()),
    response: ZChecklistTemplate,
    problems: { 403: ['forbidden'], 409: ['template_version_exists'], 422: ['invalid_checklist_template'] },
    handler: async (ctx, { body }) => ({ body: await createTemplate(ctx, body) }),
  }),
];

import { ZIdParams } from '@pi-studio/core/contract/common';
import {
  type IdCheck,
  type SubsidiaryList,
  type TaxonomyList,
  ZCodeParams,
  ZIdCheck,
  ZNaming,
  ZNamingBody,
  ZNamingValidate,
  ZSubsidiary,
  ZSubsidiaryBody,
  ZSubsidiaryList,
  ZSubsidiaryPatch,
  ZTaxonomyBody,
  ZTaxonomyList,
  ZTaxonomyPatch,
  ZTaxonomyQuery,
  ZTaxonomyTerm,
} from '@pi-studio/core/contract/workspace';
import { parseId } from '@pi-studio/core/naming/convention';
import { asc, eq } from 'drizzle-orm';
import { taxonomyTerms } from '../../../db/schema/workspace.ts';
import { defineRoute } from '../../../http/route.ts';
import { visibleSubsidiaries } from '../../../use-case/actor.ts';
import { requireStudioRole } from '../../../use-case/policy.ts';
import { presentSubsidiary, presentTerm } from '../products/presenters.ts';
import { listSubsidiaries } from '../products/repo.ts';
import { getConvention, saveConvention } from './naming-service.ts';
import { createSubsidiary, createTerm, renameSubsidiary, updateTerm } from './service.ts';

export const subsidiaryRoutes = [
  defineRoute({
    method: 'get',
    path: '/subsidiaries',
    summary: 'Subsidiaries you belong to (administrators: all) with product counts',
    tag: 'workspace',
    access: 'authenticated',
    response: ZSubsidiaryList,
    handler: async (ctx) => {
      const actor = ctx.requireActor();
      ctx.markAuthorized();
      const rows = await listSubsidiaries(ctx.deps.db, visibleSubsidiaries(actor));
      const list: SubsidiaryList = {
        items: rows.map((r) =>
          presentSubsidiary(r.subsidiary, r.productCount, actor.roles.get(r.subsidiary.id) ?? null),
        ),
        nextCursor: null,
      };
      return { body: list };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/subsidiaries',
    summary: 'Add a subsidiary',
    tag: 'workspace',
    access: 'admin',
    body: ZSubsidiaryBody,
    response: ZSubsidiary,
    problems: { 409: ['subsidiary_exists'] },
    handler: async (ctx, { body }) => ({ body: await createSubsidiary(ctx.deps.db, body.code, body.name, ctx.who()) }),
  }),
  defineRoute({
    method: 'patch',
    path: '/subsidiaries/:code',
    summary: 'Rename a subsidiary (its code is permanent: ids contain it)',
    tag: 'workspace',
    access: 'admin',
    params: ZCodeParams,
    body: ZSubsidiaryPatch,
    response: ZSubsidiary,
    problems: { 404: ['not_found'] },
    handler: async (ctx, { params, body }) => ({
      body: await renameSubsidiary(ctx.deps.db, params.code, body.name, ctx.who()),
    }),
  }),
];

export const taxonomyRoutes = [
  defineRoute({
    method: 'get',
    path: '/taxonomy',
    summary: 'Product types and tags',
    tag: 'workspace',
    access: 'authenticated',
    query: ZTaxonomyQuery,
    response: ZTaxonomyList,
    handler: async (ctx, { query }) => {
      ctx.markAuthorized();
      const rows = await ctx.deps.db
        .select()
        .from(taxonomyTerms)
        .where(query.kind ? eq(taxonomyTerms.kind, query.kind) : undefined)
        .orderBy(asc(taxonomyTerms.kind), asc(taxonomyTerms.label));
      const list: TaxonomyList = { items: rows.map(presentTerm), nextCursor: null };
      return { body: list };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/taxonomy',
    summary: 'Add a product type or tag (administrators and ProductOps)',
    tag: 'workspace',
    access: 'authenticated',
    body: ZTaxonomyBody,
    response: ZTaxonomyTerm,
    problems: { 409: ['term_exists'] },
    handler: async (ctx, { body }) => {
      requireStudioRole(ctx, ['admin', 'productops']);
      return { body: await createTerm(ctx.deps.db, body.kind, body.code, body.label, ctx.who()) };
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/taxonomy/:id',
    summary: 'Rename or archive a taxonomy term (administrators and ProductOps)',
    tag: 'workspace',
    access: 'authenticated',
    params: ZIdParams,
    body: ZTaxonomyPatch,
    response: ZTaxonomyTerm,
    problems: { 404: ['not_found'] },
    handler: async (ctx, { params, body }) => {
      requireStudioRole(ctx, ['admin', 'productops']);
      return { body: await updateTerm(ctx.deps.db, params.id, body, ctx.who()) };
    },
  }),
];

export const namingRoutes = [
  defineRoute({
    method: 'get',
    path: '/naming',
    summary: 'The naming convention in force',
    tag: 'workspace',
    access: 'authenticated',
    response: ZNaming,
    handler: async (ctx) => {
      ctx.markAuthorized();
      return { body: await getConvention(ctx.deps.db) };
    },
  }),
  defineRoute({
    method: 'put',
    path: '/naming',
    summary: 'Replace the naming convention (a new version)',
    tag: 'workspace',
    access: 'admin',
    body: ZNamingBody,
    response: ZNaming,
    handler: async (ctx, { body }) => ({
      body: await ctx.deps.db.transaction((tx) => saveConvention(tx, body.convention, ctx.who())),
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/naming/validate',
    summary: 'Check an id against the naming convention and say what it names',
    tag: 'workspace',
    access: 'authenticated',
    body: ZNamingValidate,
    response: ZIdCheck,
    successStatus: 200,
    handler: async (ctx, { body }) => {
      ctx.markAuthorized();
      const { convention } = await getConvention(ctx.deps.db);
      const r = parseId(convention, body.id);
      const check: IdCheck = r.ok ? { valid: true, kind: r.id.kind, parts: r.id } : { valid: false, error: r.error };
      return { body: check };
    },
  }),
];

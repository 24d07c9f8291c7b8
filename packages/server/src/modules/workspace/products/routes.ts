import {
  ZProduct,
  ZProductBody,
  ZProductDetail,
  ZProductPage,
  ZProductPatch,
  ZProductQuery,
  ZStageBody,
} from '@pi-studio/core/contract/products';
import { ZCodeParams } from '@pi-studio/core/contract/workspace';
import { defineRoute } from '../../../http/route.ts';
import { createProduct, forceStage, getProductDetail, listVisibleProducts, updateProduct } from './service.ts';

export const productRoutes = [
  defineRoute({
    method: 'get',
    path: '/products',
    summary: 'Products you can see, filtered by subsidiary, stage, type, owner, tag or text',
    tag: 'products',
    access: 'authenticated',
    query: ZProductQuery,
    response: ZProductPage,
    handler: async (ctx, { query }) => ({ json: await listVisibleProducts(ctx, query) }),
  }),
  defineRoute({
    method: 'post',
    path: '/products',
    summary: 'Create a product; its code follows the naming convention (SUB-KEY)',
    tag: 'products',
    access: { permission: 'product.create' },
    body: ZProductBody,
    response: ZProduct,
    problems: { 409: ['product_exists'] },
    handler: async (ctx, { body }) => {
      const product = await createProduct(ctx, body);
      return {
        body: product,
        headers: { etag: `"${product.revision}"`, location: `/api/v1/products/${product.code}` },
      };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/products/:code',
    summary: 'One product with its people and documents',
    tag: 'products',
    access: { permission: 'product.read' },
    params: ZCodeParams,
    response: ZProductDetail,
    handler: async (ctx, { params }) => {
      const product = await getProductDetail(ctx, params.code);
      return { json: product.json, headers: { etag: `"${product.revision}"` } };
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/products/:code',
    summary:
      'Change a product (name, type, tags, summary, people; not the stage: 422); If-Match optional (stale: 409 stale_version)',
    tag: 'products',
    access: { permission: 'product.update' },
    params: ZCodeParams,
    body: ZProductPatch,
    response: ZProduct,
    problems: { 409: ['stale_version'] },
    handler: async (ctx, { params, body }) => {
      const product = await updateProduct(ctx, params.code, body, ctx.header('if-match'));
      return { body: product, headers: { etag: `"${product.revision}"` } };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/products/:code/stage',
    summary:
      'Force a stage move with a reason (studio administrators): for stages whose evidence the studio does not record yet',
    tag: 'products',
    access: 'admin',
    params: ZCodeParams,
    body: ZStageBody,
    response: ZProduct,
    problems: { 409: ['stale_version'] },
    successStatus: 200,
    handler: async (ctx, { params, body }) => {
      const product = await forceStage(ctx, params.code, body, ctx.header('if-match'));
      return { body: product, headers: { etag: `"${product.revision}"` } };
    },
  }),
];

import { ZProduct } from '@pi-studio/core/contract/products';
import { ZCodeParams } from '@pi-studio/core/contract/workspace';
import { defineRoute } from '../../../http/route.ts';
import { moveToHandover, moveToUat } from './service.ts';

export const stageRoutes = [
  defineRoute({
    method: 'post',
    path: '/products/:code/stage/uat',
    summary: 'Move a product from build to UAT once a sprint has ended with all its committed stories done',
    description:
      'The product’s PO/VB (its assigned `po`), ProductOps, a subsidiary administrator or a studio administrator ' +
      '(else 403 `not_product_owner`). A product not in build answers 409 `not_in_build` naming its stage; without ' +
      'an ended sprint whose committed stories are all done, 409 `uat_not_ready` says what is missing (`notDone`: ' +
      'the keys of the last ended sprint’s committed stories not done). Audited `product.stage_changed`. An ' +
      'administrator’s forced move (POST /products/:code/stage) stays the override.',
    tag: 'backlog',
    access: { permission: 'backlog.write' },
    params: ZCodeParams,
    response: ZProduct,
    problems: { 403: ['not_product_owner'], 409: ['not_in_build', 'uat_not_ready'] },
    successStatus: 200,
    handler: async (ctx, { params }) => {
      const product = await moveToUat(ctx, params.code);
      return { body: product, headers: { etag: `"${product.revision}"` } };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/products/:code/stage/handover',
    summary: 'Move a product from UAT to handover once the PO/VB has signed off the current build',
    description:
      'The same people as for build → UAT (else 403 `not_product_owner`). A product not in UAT answers 409 ' +
      '`not_in_uat`. The current build is the latest UAT session’s build version; its newest sign-off decides: ' +
      'signed or signed with conditions moves the product, refused answers 409 `signoff_refused`, none (or no ' +
      'session) 409 `handover_not_ready`; the answer says why and names `currentBuild` and `signoff`. Audited ' +
      '`product.stage_changed`. An administrator’s forced move (POST /products/:code/stage) stays the override.',
    tag: 'backlog',
    access: { permission: 'backlog.write' },
    params: ZCodeParams,
    response: ZProduct,
    problems: { 403: ['not_product_owner'], 409: ['not_in_uat', 'handover_not_ready', 'signoff_refused'] },
    successStatus: 200,
    handler: async (ctx, { params }) => {
      const product = await moveToHandover(ctx, params.code);
      return { body: product, headers: { etag: `"${product.revision}"` } };
    },
  }),
];

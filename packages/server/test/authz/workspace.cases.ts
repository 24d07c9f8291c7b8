import type { Expectations } from './route-case.ts';

const STUDIO_EDITORS = ['admin', 'productops'] as const;

export const workspaceCases: Expectations = {
  'GET /subsidiaries': {
    policy: 'signed-in',
    build: () => ({ path: '/api/v1/subsidiaries' }),
    hides: async (_f, sub) => `"code":"${sub}"`,
  },
  'POST /subsidiaries': {
    policy: 'admin',
    build: (f) => ({ path: '/api/v1/subsidiaries', body: { code: f.unique('Z'), name: 'Matrix subsidiary' } }),
  },
  'PATCH /subsidiaries/:code': {
    policy: 'admin',
    build: (_f, sub) => ({ path: `/api/v1/subsidiaries/${sub}`, body: { name: `${sub} subsidiary` } }),
  },

  'GET /products': {
    policy: 'signed-in',
    build: (_f, sub) => ({ path: `/api/v1/products?subsidiary=${sub}` }),
    hides: async (f, sub) => (await f.product(sub)).code,
  },
  'POST /products': {
    policy: { permission: 'product.create' },
    build: async (f, sub) => ({
      path: '/api/v1/products',
      body: { subsidiary: sub, name: `Matrix ${f.unique('new product ')}`, productType: await f.productType() },
    }),
  },
  'GET /products/:code': {
    policy: { permission: 'product.read' },
    build: async (f, sub) => ({ path: `/api/v1/products/${(await f.product(sub)).code}` }),
  },
  'PATCH /products/:code': {
    policy: { permission: 'product.update' },
    build: async (f, sub) => ({
      path: `/api/v1/products/${(await f.product(sub)).code}`,
      body: { summary: f.unique('changed by the matrix ') },
    }),
  },
  'POST /products/:code/stage': {
    policy: 'admin',
    build: async (f, sub) => ({
      path: `/api/v1/products/${(await f.newProduct(sub)).code}/stage`,
      body: { stage: 'uat', reason: 'Matrix: UAT signed off on paper' },
    }),
  },

  'GET /taxonomy': { policy: 'signed-in', build: () => ({ path: '/api/v1/taxonomy' }) },
  'POST /taxonomy': {
    policy: { anyRole: STUDIO_EDITORS },
    build: (f) => ({ path: '/api/v1/taxonomy', body: { kind: 'tag', code: f.unique('matrix_'), label: 'Matrix' } }),
  },
  'PATCH /taxonomy/:id': {
    policy: { anyRole: STUDIO_EDITORS },
    build: async (f) => {
      const term = await f.tagTerm();
      return { path: `/api/v1/taxonomy/${term.id}`, body: { label: term.label } };
    },
  },

  'GET /naming': { policy: 'signed-in', build: () => ({ path: '/api/v1/naming' }) },
  'PUT /naming': {
    policy: 'admin',
    build: async (f) => ({ path: '/api/v1/naming', body: { convention: await f.convention() } }),
  },
  'POST /naming/validate': {
    policy: 'signed-in',
    build: async (f, sub) => ({
      path: '/api/v1/naming/validate',
      body: { id: `${(await f.product(sub)).code}-PRD v1.0` },
    }),
  },

  'GET /users': { policy: 'signed-in', build: (_f, sub) => ({ path: `/api/v1/users?subsidiary=${sub}` }) },
  'POST /users': {
    policy: 'admin',
    build: (f) => ({ path: '/api/v1/users', body: { email: `${f.unique('new-user-')}@test.local`, name: 'New user' } }),
  },
  'PATCH /users/:id': {
    policy: 'admin',
    build: async (f) => ({
      path: `/api/v1/users/${(await f.spareUser()).id}`,
      body: { name: 'Renamed by the matrix' },
    }),
  },
  'PUT /users/:id/memberships': {
    policy: 'admin',
    build: async (f, sub) => ({
      path: `/api/v1/users/${(await f.spareUser()).id}/memberships`,
      body: { memberships: [{ subsidiary: sub, role: 'viewer' }] },
    }),
  },
};
